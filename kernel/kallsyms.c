// SPDX-License-Identifier: GPL-2.0
/*
 * Symbol lookup in the table scripts/kallsyms.py generates at link time:
 * sorted function addresses and their names.  The first link has no table
 * (the symbols below are weak and resolve to NULL), which lookups treat as
 * "no symbols".
 */
#include <keel/compiler.h>
#include <keel/kallsyms.h>
#include <keel/sprintf.h>
#include <keel/string.h>

extern const u64 kallsyms_num __weak;
extern const u64 kallsyms_addresses[] __weak;
extern const u32 kallsyms_name_offsets[] __weak;
extern const char kallsyms_names[] __weak;
extern const char _etext[];

static unsigned long nr_syms(void)
{
	return &kallsyms_num ? kallsyms_num : 0;
}

/* Index of the last symbol at or below @addr; @addr must be >= the first. */
static unsigned long find_symbol(unsigned long addr)
{
	unsigned long lo = 0, hi = nr_syms();

	while (hi - lo > 1) {
		unsigned long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	unsigned long n = nr_syms(), i, end;

	if (!n || addr < kallsyms_addresses[0] || addr >= (unsigned long)_etext)
		return NULL;
	i = find_symbol(addr);
	end = i + 1 < n ? kallsyms_addresses[i + 1] : (unsigned long)_etext;
	*size = end - kallsyms_addresses[i];
	*offset = addr - kallsyms_addresses[i];
	return kallsyms_names + kallsyms_name_offsets[i];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	unsigned long i;

	for (i = 0; i < nr_syms(); i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

/* Name the function holding @addr - @back, but print @addr's offset. */
static int sprint_symbol_adjusted(char *buf, unsigned long addr,
				  unsigned long back)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr - back, &size, &offset);

	if (!name)
		return scnprintf(buf, KSYM_SYMBOL_LEN, "0x%lx", addr);
	return scnprintf(buf, KSYM_SYMBOL_LEN, "%s+0x%lx/0x%lx", name,
			 offset + back, size);
}

int sprint_symbol(char *buf, unsigned long addr)
{
	return sprint_symbol_adjusted(buf, addr, 0);
}

/*
 * A call to a noreturn function can be the last instruction of its caller,
 * so the return address is already the next function (or _etext): look up
 * the byte before it, as Linux's %pB does.
 */
int sprint_backtrace(char *buf, unsigned long addr)
{
	return sprint_symbol_adjusted(buf, addr, 1);
}
