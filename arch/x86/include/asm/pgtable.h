/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page-table API (arch/x86/mm/pgtable.c): map, unmap, re-protect and
 * walk ranges of a four-level page-table tree.  Each tree belongs to an
 * mm_struct whose page_table_lock serialises every change to it; the
 * kernel's tree is init_mm's.  Callers flush the TLB for what they change
 * (the functions below do it for init_mm, whose tree is always live).
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <keel/mm_types.h>
#include <keel/types.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

/*
 * struct mm_struct is generic (<keel/mm_types.h>); this API uses its @pgd,
 * set once and never changed, and its page_table_lock, which protects
 * every entry of the tree below it and is never held while a table page
 * is allocated or freed.
 */

/*
 * A new address space's page-table root: a zeroed PGD whose kernel half
 * points at init_mm's tables, so every address space shares the kernel
 * mappings; a kernel-half entry init_mm gains later is copied into every
 * PGD.  NULL when out of memory.
 */
pte_t *pgd_alloc(struct mm_struct *mm);

/*
 * Free @pgd and every table left under its user half (what @mm's
 * mappings used; the pages they mapped are their owners').
 */
void pgd_free(struct mm_struct *mm, pte_t *pgd);

/*
 * Map [va, va + size) to [pa, pa + size) with @prot.  All three must be
 * page-aligned.  Up to @max_level, each step uses the largest page that
 * alignment and the remaining size allow (PG_LEVEL_4K for 4 KiB pages
 * only).  0, -EINVAL for a bad range, -EEXIST if any part was already
 * mapped (nothing is changed then beyond page-table pages), or -ENOMEM.
 */
int map_pages(struct mm_struct *mm, unsigned long va, phys_addr_t pa,
	      unsigned long size, pgprot_t prot, enum pg_level max_level);

/*
 * Unmap [va, va + size), splitting huge pages that straddle its ends.
 * Holes are skipped, and tables left empty are freed (except those under
 * the kernel half of the PGD).  0 or -ENOMEM (a split failed; nothing
 * after it done).
 */
int unmap_pages(struct mm_struct *mm, unsigned long va, unsigned long size);

/*
 * Give every page of [va, va + size) the protection @prot, splitting huge
 * pages that straddle its ends.  0, -EFAULT if part of it is not mapped,
 * or -ENOMEM.
 */
int change_page_prot(struct mm_struct *mm, unsigned long va,
		     unsigned long size, pgprot_t prot);

/*
 * The leaf entry mapping @va in @mm and its level.  As in Linux, a 4 KiB
 * entry is returned even when it is not present; a hole above that level
 * gives NULL (*level then says at which level the walk stopped).
 */
pte_t *lookup_address_in_mm(struct mm_struct *mm, unsigned long va,
			    enum pg_level *level);
pte_t *lookup_address(unsigned long va, enum pg_level *level);

/* The physical address @va maps to in the kernel's tables, or 0. */
phys_addr_t slow_virt_to_phys(const void *va);

static inline unsigned long page_level_size(enum pg_level level)
{
	return _AC(1, UL) << (PAGE_SHIFT + 9 * (level - PG_LEVEL_4K));
}

static inline bool pte_present(pte_t pte)
{
	return pte_val(pte) & _PAGE_PRESENT;
}

static inline bool pte_write(pte_t pte)
{
	return pte_val(pte) & _PAGE_RW;
}

static inline bool pte_exec(pte_t pte)
{
	return !(pte_val(pte) & _PAGE_NX);
}

/* The end of the direct map: all RAM and firmware ranges below it. */
extern phys_addr_t direct_map_end;

/* Build the kernel's page tables (direct map, W^X image) and load them. */
void paging_init(void);

#endif /* _ASM_X86_PGTABLE_H */
