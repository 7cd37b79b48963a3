// SPDX-License-Identifier: GPL-2.0
/*
 * The page-table API: map, unmap, re-protect and walk four-level x86_64
 * page tables.  Page-table pages come from memblock while the kernel boots
 * and from the page allocator once it is up; they are never freed (the
 * kernel's tables only cover fixed areas).  This is not a policy layer:
 * what to map where is decided by paging_init(), vmalloc and ioremap.
 * Lock: mm->page_table_lock, taken with interrupts off, nests inside
 * nothing else here and takes nothing else (allocations are GFP_ATOMIC).
 */
#include <keel/errno.h>
#include <keel/gfp.h>
#include <keel/kernel.h>
#include <keel/memblock.h>
#include <keel/mm.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

/* An entry pointing at a lower-level table: kernel-only, permissive. */
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | \
			 _PAGE_DIRTY)

/* NX stays out until paging_init() has turned EFER.NXE on. */
pteval_t __supported_pte_mask = ~_PAGE_NX;

struct mm_struct init_mm = {
	.page_table_lock = __SPIN_LOCK_UNLOCKED(init_mm.page_table_lock),
};

static unsigned int pt_index(unsigned long va, enum pg_level level)
{
	return (va >> (PAGE_SHIFT + 9 * (level - PG_LEVEL_4K))) &
	       (PTRS_PER_TABLE - 1);
}

static pte_t *table_of(pte_t entry)
{
	return __va(pte_val(entry) & PTE_PFN_MASK);
}

static bool is_leaf(pte_t entry, enum pg_level level)
{
	return level == PG_LEVEL_4K || (pte_val(entry) & _PAGE_PSE);
}

/* Bit 7 is PSE in a PUD or PMD entry but PAT in a PTE. */
static pteval_t leaf_flags(pteval_t prot, enum pg_level level)
{
	if (level == PG_LEVEL_4K)
		return prot & ~_PAGE_PSE;
	return prot | _PAGE_PSE;
}

static pte_t *alloc_table(void)
{
	if (page_alloc_ready())
		return (pte_t *)get_zeroed_page(GFP_ATOMIC);
	return memblock_alloc(PAGE_SIZE, PAGE_SIZE);
}

/*
 * The entry for @va at @level, allocating the tables above it.  NULL with
 * *err set when a huge page is in the way (-EEXIST) or memory ran out.
 */
static pte_t *walk_alloc(struct mm_struct *mm, unsigned long va,
			 enum pg_level level, int *err)
{
	pte_t *table = mm->pgd;
	enum pg_level l;

	for (l = PG_LEVEL_512G; l > level; l--) {
		pte_t *entry = &table[pt_index(va, l)];

		if (!pte_present(*entry)) {
			pte_t *new = alloc_table();

			if (!new) {
				*err = -ENOMEM;
				return NULL;
			}
			entry->pte = __pa(new) | _KERNPG_TABLE;
		} else if (is_leaf(*entry, l)) {
			*err = -EEXIST;
			return NULL;
		}
		table = table_of(*entry);
	}
	return &table[pt_index(va, level)];
}

static enum pg_level largest_fit(unsigned long va, phys_addr_t pa,
				 unsigned long size, enum pg_level max_level)
{
	enum pg_level level;

	for (level = min(max_level, PG_LEVEL_1G); level > PG_LEVEL_4K; level--) {
		unsigned long sz = page_level_size(level);

		if (IS_ALIGNED(va | pa, sz) && size >= sz)
			break;
	}
	return level;
}

static bool bad_range(unsigned long va, unsigned long size)
{
	return !size || !IS_ALIGNED(va | size, PAGE_SIZE) || va + size < va;
}

int map_pages(struct mm_struct *mm, unsigned long va, phys_addr_t pa,
	      unsigned long size, pgprot_t prot, enum pg_level max_level)
{
	unsigned long flags;
	int err = 0;

	if (bad_range(va, size) || !IS_ALIGNED(pa, PAGE_SIZE))
		return -EINVAL;
	spin_lock_irqsave(&mm->page_table_lock, flags);
	while (size) {
		enum pg_level level = largest_fit(va, pa, size, max_level);
		unsigned long sz = page_level_size(level);
		pte_t *entry = walk_alloc(mm, va, level, &err);

		if (!entry)
			break;
		if (pte_present(*entry)) {
			err = -EEXIST;
			break;
		}
		entry->pte = pa | leaf_flags(pgprot_val(prot), level);
		va += sz;
		pa += sz;
		size -= sz;
	}
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	return err;
}

/* Replace the huge page at *@entry by a table of the next smaller pages. */
static int split_huge_page(pte_t *entry, enum pg_level level)
{
	pteval_t flags = pte_val(*entry) & ~PTE_PFN_MASK;
	phys_addr_t pa = pte_val(*entry) & PTE_PFN_MASK;
	unsigned long sub = page_level_size(level - 1);
	pte_t *table = alloc_table();
	unsigned int i;

	if (!table)
		return -ENOMEM;
	flags = leaf_flags(flags, level - 1);
	for (i = 0; i < PTRS_PER_TABLE; i++)
		table[i].pte = (pa + i * sub) | flags;
	entry->pte = __pa(table) | _KERNPG_TABLE;
	return 0;
}

/*
 * Unmap (@unmap) or re-protect with @prot every leaf in [va, end).  A
 * huge page reaching outside the range is split first.  Re-protecting a
 * hole is -EFAULT; unmapping skips it.
 */
static int update_range(struct mm_struct *mm, unsigned long va,
			unsigned long end, bool unmap, pteval_t prot,
			bool *split)
{
	while (va < end) {
		pte_t *table = mm->pgd;
		enum pg_level level;

		for (level = PG_LEVEL_512G; ; level--) {
			pte_t *entry = &table[pt_index(va, level)];
			unsigned long last = va | (page_level_size(level) - 1);
			int err;

			if (!pte_present(*entry)) {
				if (!unmap)
					return -EFAULT;
				va = min(last, end - 1) + 1;
				break;
			}
			if (is_leaf(*entry, level)) {
				if (IS_ALIGNED(va, page_level_size(level)) &&
				    last <= end - 1) {
					entry->pte = unmap ? 0 :
						(pte_val(*entry) & PTE_PFN_MASK) |
						leaf_flags(prot, level);
					va = last + 1;
					break;
				}
				err = split_huge_page(entry, level);
				if (err)
					return err;
				*split = true;
			}
			table = table_of(*entry);
		}
	}
	return 0;
}

static int change_range(struct mm_struct *mm, unsigned long va,
			unsigned long size, bool unmap, pteval_t prot)
{
	bool split = false;
	unsigned long flags;
	int err;

	if (bad_range(va, size))
		return -EINVAL;
	spin_lock_irqsave(&mm->page_table_lock, flags);
	err = update_range(mm, va, va + size, unmap, prot, &split);
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	if (mm == &init_mm) {
		/* A split leaves the old huge entry in the TLB. */
		if (split)
			flush_tlb_all();
		else
			flush_tlb_kernel_range(va, va + size);
	}
	return err;
}

int unmap_pages(struct mm_struct *mm, unsigned long va, unsigned long size)
{
	return change_range(mm, va, size, true, 0);
}

int change_page_prot(struct mm_struct *mm, unsigned long va,
		     unsigned long size, pgprot_t prot)
{
	return change_range(mm, va, size, false, pgprot_val(prot));
}

pte_t *lookup_address_in_mm(struct mm_struct *mm, unsigned long va,
			    enum pg_level *level)
{
	pte_t *table = mm->pgd;
	enum pg_level l;

	for (l = PG_LEVEL_512G; ; l--) {
		pte_t *entry = &table[pt_index(va, l)];

		if (!pte_present(*entry)) {
			*level = l;
			return l == PG_LEVEL_4K ? entry : NULL;
		}
		if (is_leaf(*entry, l)) {
			*level = l;
			return entry;
		}
		table = table_of(*entry);
	}
}

pte_t *lookup_address(unsigned long va, enum pg_level *level)
{
	return lookup_address_in_mm(&init_mm, va, level);
}

phys_addr_t slow_virt_to_phys(const void *va)
{
	unsigned long addr = (unsigned long)va;
	enum pg_level level;
	pte_t *pte = lookup_address(addr, &level);

	if (!pte || !pte_present(*pte))
		return 0;
	return (pte_val(*pte) & PTE_PFN_MASK & ~(page_level_size(level) - 1)) +
	       (addr & (page_level_size(level) - 1));
}
