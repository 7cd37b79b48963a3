/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86_64 page-table entry bits and the kernel's protection sets.  Four
 * levels: PGD (PML4, 512 GiB per entry), PUD (PDPT, 1 GiB), PMD (page
 * directory, 2 MiB) and PTE (4 KiB).  A PUD or PMD entry with _PAGE_PSE
 * set maps a 1 GiB or 2 MiB page itself.
 */
#ifndef _ASM_X86_PGTABLE_TYPES_H
#define _ASM_X86_PGTABLE_TYPES_H

#include <keel/const.h>

#define _PAGE_PRESENT	(_AC(1, UL) << 0)
#define _PAGE_RW	(_AC(1, UL) << 1)
#define _PAGE_USER	(_AC(1, UL) << 2)
#define _PAGE_PWT	(_AC(1, UL) << 3)
#define _PAGE_PCD	(_AC(1, UL) << 4)
#define _PAGE_ACCESSED	(_AC(1, UL) << 5)
#define _PAGE_DIRTY	(_AC(1, UL) << 6)
#define _PAGE_PSE	(_AC(1, UL) << 7)
#define _PAGE_GLOBAL	(_AC(1, UL) << 8)
#define _PAGE_NX	(_AC(1, UL) << 63)
/*
 * A user entry of a PROT_NONE area: not present, but keeping its page.
 * Bit 8 is free in it, since user entries are never _PAGE_GLOBAL.
 */
#define _PAGE_PROTNONE	_PAGE_GLOBAL

/* Physical address bits of an entry (52-bit physical addresses). */
#define PTE_PFN_MASK	_AC(0x000ffffffffff000, UL)

#define PGDIR_SHIFT	39
#define PUD_SHIFT	30
#define PMD_SHIFT	21
#define PTRS_PER_TABLE	512

#define PGDIR_SIZE	(_AC(1, UL) << PGDIR_SHIFT)
#define PUD_SIZE	(_AC(1, UL) << PUD_SHIFT)
#define PMD_SIZE	(_AC(1, UL) << PMD_SHIFT)
#define PUD_MASK	(~(PUD_SIZE - 1))
#define PMD_MASK	(~(PMD_SIZE - 1))

/* Linux's x86_64 layout (Documentation/mm/x86_64.rst): 32 TiB of vmalloc. */
#define VMALLOC_START	_AC(0xffffc90000000000, UL)
#define VMALLOC_END	_AC(0xffffe90000000000, UL)	/* exclusive */

#ifndef __ASSEMBLY__
#include <keel/types.h>

typedef u64 pteval_t;
typedef struct { pteval_t pte; } pte_t;
typedef struct { pteval_t pgprot; } pgprot_t;

#define __pgprot(x)	((pgprot_t){ (x) })
#define pgprot_val(p)	((p).pgprot)
#define pte_val(p)	((p).pte)

/*
 * The level at which a walk found an address mapped, as in Linux: a 4 KiB
 * page is PG_LEVEL_4K, a PMD-level huge page PG_LEVEL_2M, and so on.
 */
enum pg_level {
	PG_LEVEL_NONE,
	PG_LEVEL_4K,
	PG_LEVEL_2M,
	PG_LEVEL_1G,
	PG_LEVEL_512G,		/* the PGD: never a leaf */
};

/*
 * Without EFER.NXE the NX bit is reserved and setting it faults, so every
 * protection goes through this mask (set up by paging_init()).
 */
extern pteval_t __supported_pte_mask;

#define __PAGE_KERNEL_BASE	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define __PAGE_KERNEL		(__PAGE_KERNEL_BASE | _PAGE_RW | _PAGE_DIRTY | \
				 _PAGE_NX)
#define __PAGE_KERNEL_RO	(__PAGE_KERNEL_BASE | _PAGE_NX)
#define __PAGE_KERNEL_ROX	(__PAGE_KERNEL_BASE)
#define __PAGE_KERNEL_NOCACHE	(__PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

#define PAGE_KERNEL		__pgprot(__PAGE_KERNEL & __supported_pte_mask)
#define PAGE_KERNEL_RO		__pgprot(__PAGE_KERNEL_RO & __supported_pte_mask)
#define PAGE_KERNEL_ROX		__pgprot(__PAGE_KERNEL_ROX & __supported_pte_mask)
#define PAGE_KERNEL_NOCACHE	__pgprot(__PAGE_KERNEL_NOCACHE & \
					 __supported_pte_mask)

/* A user page, readable and writable, not executable (Linux's name). */
#define __PAGE_SHARED		(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
				 _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_SHARED		__pgprot(__PAGE_SHARED & __supported_pte_mask)
#endif /* __ASSEMBLY__ */

#endif /* _ASM_X86_PGTABLE_TYPES_H */
