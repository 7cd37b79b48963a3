/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel symbol lookup for backtraces and fault reports.  With
 * CONFIG_KALLSYMS the image carries a table of its functions
 * (scripts/kallsyms.py); without it, addresses print as numbers.
 */
#ifndef _KEEL_KALLSYMS_H
#define _KEEL_KALLSYMS_H

#include <keel/types.h>

#define KSYM_NAME_LEN		128
#define KSYM_SYMBOL_LEN		(KSYM_NAME_LEN + 48)

#ifdef CONFIG_KALLSYMS
/*
 * The function containing @addr, its size and @addr's offset in it;
 * NULL when @addr is not kernel text (or there is no table).
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);

/* The address of function @name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

/* "name+0xoff/0xsize", or the bare address; @buf holds KSYM_SYMBOL_LEN. */
int sprint_symbol(char *buf, unsigned long addr);

/* The same for a return address, which may lie just past its caller. */
int sprint_backtrace(char *buf, unsigned long addr);
#else
#include <keel/sprintf.h>

static inline const char *kallsyms_lookup(unsigned long addr,
					  unsigned long *size,
					  unsigned long *offset)
{
	return NULL;
}

static inline unsigned long kallsyms_lookup_name(const char *name)
{
	return 0;
}

static inline int sprint_symbol(char *buf, unsigned long addr)
{
	return scnprintf(buf, KSYM_SYMBOL_LEN, "0x%lx", addr);
}

static inline int sprint_backtrace(char *buf, unsigned long addr)
{
	return sprint_symbol(buf, addr);
}
#endif

#endif /* _KEEL_KALLSYMS_H */
