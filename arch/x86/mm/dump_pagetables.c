// SPDX-License-Identifier: GPL-2.0
/*
 * DEBUG_WX: once the boot has made its mappings, walk the kernel's page
 * tables and report every page that is both writable and executable, in
 * Linux's words.  Read-only: it changes nothing and takes no lock, since
 * nothing else maps kernel memory while the initcalls run on one CPU.
 */
#define pr_fmt(fmt) "x86/mm: " fmt

#include <keel/init.h>
#include <keel/printk.h>
#include <asm/pgtable.h>

/* Sign-extend bit 47: the upper half of the tree is the kernel's. */
static unsigned long canonical(unsigned long va)
{
	return (unsigned long)((long)(va << 16) >> 16);
}

static unsigned long check_table(const pte_t *table, enum pg_level level,
				 unsigned long base)
{
	unsigned long size = page_level_size(level), found = 0;
	unsigned int i;

	for (i = 0; i < PTRS_PER_TABLE; i++) {
		pte_t e = table[i];
		unsigned long va = canonical(base + i * size);

		if (!pte_present(e))
			continue;
		if (level == PG_LEVEL_4K || (pte_val(e) & _PAGE_PSE)) {
			if (pte_write(e) && pte_exec(e)) {
				pr_warn("Found insecure W+X mapping at address %016lx\n",
					va);
				found += size >> PAGE_SHIFT;
			}
			continue;
		}
		found += check_table(__va(pte_val(e) & PTE_PFN_MASK),
				     level - 1, va);
	}
	return found;
}

static int check_wx_init(void)
{
	unsigned long found;

	/* Without NX everything is executable: nothing to check. */
	if (!(__supported_pte_mask & _PAGE_NX))
		return 0;
	found = check_table(init_mm.pgd, PG_LEVEL_512G, 0);
	if (found)
		pr_warn("Checked W+X mappings: FAILED, %lu W+X pages found.\n",
			found);
	else
		pr_info("Checked W+X mappings: passed, no W+X pages found.\n");
	return 0;
}
late_initcall(check_wx_init);
