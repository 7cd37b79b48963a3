// SPDX-License-Identifier: GPL-2.0
/*
 * The page-table API: map, unmap, re-protect and walk four-level x86_64
 * page tables.  This is not a policy layer: what to map where is decided
 * by paging_init(), vmalloc and ioremap.
 *
 * Page-table pages come from memblock while the kernel boots and from the
 * page allocator once it is up.  An unmap frees every lower table it
 * leaves empty, found by scanning the tables it touched (see
 * free_table_if_empty()); boot tables (PG_reserved) and the tables under
 * the kernel half of a PGD stay, the latter because every address space
 * will share them.  Freed tables go back only after the TLB flush.
 *
 * Lock: mm->page_table_lock, taken with interrupts off, nests inside
 * nothing else here and takes nothing else: tables are allocated before it
 * is taken (a walk that needs one drops the lock, allocates and walks
 * again) and freed after it is dropped.
 */
#include <keel/bug.h>
#include <keel/errno.h>
#include <keel/gfp.h>
#include <keel/kernel.h>
#include <keel/list.h>
#include <keel/memblock.h>
#include <keel/mm.h>
#include <keel/string.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

/*
 * An entry pointing at a lower-level table is permissive: the leaf entries
 * decide.  In the user half it also has _PAGE_USER, as Linux's _PAGE_TABLE:
 * the CPU takes an address as user-accessible (for user mode, and for
 * SMAP and SMEP) only when every level says so.
 */
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | \
			 _PAGE_DIRTY)
#define _PAGE_TABLE	(_KERNPG_TABLE | _PAGE_USER)

/* PGD entries from here on map the kernel half, shared by every mm. */
#define KERNEL_PGD_BOUNDARY	(PTRS_PER_TABLE / 2)

/* Internal: the walk needs a table it has no spare for. */
#define NEED_TABLE	1

/*
 * Every PGD but init_mm's, linked through its page's lru, so that a new
 * entry in init_mm's kernel half reaches them all (Linux's pgd_list).
 * pgd_lock nests inside init_mm.page_table_lock.
 */
static LIST_HEAD(pgd_list);		/* [pgd_lock] */
static DEFINE_SPINLOCK(pgd_lock);

/* Copy init_mm's new kernel-half PGD entry @index into every PGD. */
static void sync_global_pgd(unsigned int index)
{
	struct page *page;

	spin_lock(&pgd_lock);
	list_for_each_entry(page, &pgd_list, lru)
		((pte_t *)page_address(page))[index] = init_mm.pgd[index];
	spin_unlock(&pgd_lock);
}

/* NX stays out until paging_init() has turned EFER.NXE on. */
pteval_t __supported_pte_mask = ~_PAGE_NX;

/*
 * One change to a tree, carried across the lock being dropped to allocate
 * a table: where it has got to, the spare table allocated outside the
 * lock, and the tables it emptied (linked by page->lru, freed after the
 * TLB flush).
 */
struct pt_change {
	struct mm_struct *mm;
	unsigned long va, end;
	phys_addr_t pa;			/* map_pages() */
	pteval_t prot;
	enum pg_level max_level;	/* map_pages() */
	bool unmap;			/* unmap, or re-protect */
	bool flush_all;			/* a huge page split, a table freed */
	pte_t *spare;
	struct list_head freed;
};

static unsigned int pt_index(unsigned long va, enum pg_level level)
{
	return (va >> (PAGE_SHIFT + 9 * (level - PG_LEVEL_4K))) &
	       (PTRS_PER_TABLE - 1);
}

static pteval_t table_entry_flags(unsigned long va)
{
	return pt_index(va, PG_LEVEL_512G) < KERNEL_PGD_BOUNDARY ?
	       _PAGE_TABLE : _KERNPG_TABLE;
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
		return (pte_t *)get_zeroed_page(GFP_KERNEL);
	return memblock_alloc(PAGE_SIZE, PAGE_SIZE);
}

/* Boot tables came from memblock and are never given back. */
static bool is_boot_table(const pte_t *table)
{
	return !page_alloc_ready() ||
	       page_test_flag(virt_to_page(table), PG_reserved);
}

/* The spare, zeroed, for a new table; NULL if the caller must get one. */
static pte_t *take_spare(struct pt_change *c)
{
	pte_t *table = c->spare;

	c->spare = NULL;
	return table;
}

/*
 * The entry for c->va at @level, allocating the tables above it.  NULL
 * with *err set: -EEXIST when a huge page is in the way, NEED_TABLE when
 * a table is missing and there is no spare.
 */
static pte_t *walk_alloc(struct pt_change *c, enum pg_level level, int *err)
{
	pte_t *table = c->mm->pgd;
	enum pg_level l;

	for (l = PG_LEVEL_512G; l > level; l--) {
		pte_t *entry = &table[pt_index(c->va, l)];

		if (!pte_present(*entry)) {
			pte_t *new = take_spare(c);

			if (!new) {
				*err = NEED_TABLE;
				return NULL;
			}
			entry->pte = __pa(new) | table_entry_flags(c->va);
			if (l == PG_LEVEL_512G && c->mm == &init_mm &&
			    pt_index(c->va, l) >= KERNEL_PGD_BOUNDARY)
				sync_global_pgd(pt_index(c->va, l));
		} else if (is_leaf(*entry, l)) {
			*err = -EEXIST;
			return NULL;
		}
		table = table_of(*entry);
	}
	return &table[pt_index(c->va, level)];
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

/* Under the lock: map what is left of c's range. */
static int map_range(struct pt_change *c)
{
	while (c->va < c->end) {
		enum pg_level level = largest_fit(c->va, c->pa, c->end - c->va,
						  c->max_level);
		unsigned long sz = page_level_size(level);
		int err = 0;
		pte_t *entry = walk_alloc(c, level, &err);

		if (!entry)
			return err;
		if (pte_present(*entry))
			return -EEXIST;
		entry->pte = c->pa | leaf_flags(c->prot, level);
		c->va += sz;
		c->pa += sz;
	}
	return 0;
}

/*
 * Run @step under c's lock until it no longer needs a table, allocating
 * each one it asks for with the lock dropped.  A spare left over (someone
 * else installed the table meanwhile) is freed.
 */
static int change_under_lock(struct pt_change *c,
			     int (*step)(struct pt_change *))
{
	unsigned long flags;
	int err;

	for (;;) {
		spin_lock_irqsave(&c->mm->page_table_lock, flags);
		err = step(c);
		spin_unlock_irqrestore(&c->mm->page_table_lock, flags);
		if (err != NEED_TABLE)
			break;
		c->spare = alloc_table();
		if (!c->spare)
			return -ENOMEM;
	}
	if (c->spare && !is_boot_table(c->spare))
		free_page((unsigned long)c->spare);
	return err;
}

int map_pages(struct mm_struct *mm, unsigned long va, phys_addr_t pa,
	      unsigned long size, pgprot_t prot, enum pg_level max_level)
{
	struct pt_change c = {
		.mm = mm, .va = va, .end = va + size, .pa = pa,
		.prot = pgprot_val(prot), .max_level = max_level,
	};

	if (bad_range(va, size) || !IS_ALIGNED(pa, PAGE_SIZE))
		return -EINVAL;
	return change_under_lock(&c, map_range);
}

/* Replace the huge page at *@entry by a table of the next smaller pages. */
static void split_huge_page(pte_t *entry, enum pg_level level,
			    unsigned long va, pte_t *table)
{
	pteval_t flags = pte_val(*entry) & ~PTE_PFN_MASK;
	phys_addr_t pa = pte_val(*entry) & PTE_PFN_MASK;
	unsigned long sub = page_level_size(level - 1);
	unsigned int i;

	flags = leaf_flags(flags, level - 1);
	for (i = 0; i < PTRS_PER_TABLE; i++)
		table[i].pte = (pa + i * sub) | flags;
	entry->pte = __pa(table) | table_entry_flags(va);
}

/*
 * The table *@entry (at @level, for @va) points to, when it is empty,
 * moves to c->freed and the entry is cleared.  Scanning its 512 entries
 * costs one read of a page the unmap has just written to, once per table
 * it touched; counting live entries instead would need a counter kept
 * right by every writer, boot tables and splits included, for no gain.
 */
static void free_table_if_empty(struct pt_change *c, pte_t *entry,
				enum pg_level level, unsigned long va)
{
	pte_t *table = table_of(*entry);
	unsigned int i;

	if (level == PG_LEVEL_512G &&
	    pt_index(va, level) >= KERNEL_PGD_BOUNDARY)
		return;
	if (is_boot_table(table))
		return;
	for (i = 0; i < PTRS_PER_TABLE; i++)
		if (pte_val(table[i]))
			return;
	entry->pte = 0;
	list_add(&virt_to_page(table)->lru, &c->freed);
	c->flush_all = true;
}

/*
 * Unmap (c->unmap) or re-protect with c->prot every leaf in [c->va,
 * @end) of @table, whose entries are at @level.  A huge page reaching
 * outside the range is split first.  Re-protecting a hole is -EFAULT;
 * unmapping skips it and frees the tables it empties.
 */
static int update_table(struct pt_change *c, pte_t *table,
			enum pg_level level, unsigned long end)
{
	while (c->va < end) {
		pte_t *entry = &table[pt_index(c->va, level)];
		unsigned long va = c->va, size = page_level_size(level);
		unsigned long next = min(va | (size - 1), end - 1) + 1;
		int err;

		if (!pte_present(*entry)) {
			if (!c->unmap)
				return -EFAULT;
			c->va = next;
			continue;
		}
		if (is_leaf(*entry, level)) {
			if (IS_ALIGNED(va, size) && next - va == size) {
				entry->pte = c->unmap ? 0 :
					(pte_val(*entry) & PTE_PFN_MASK) |
					leaf_flags(c->prot, level);
				c->va = next;
				continue;
			}
			if (!c->spare)
				return NEED_TABLE;
			split_huge_page(entry, level, va, take_spare(c));
			c->flush_all = true;
		}
		err = update_table(c, table_of(*entry), level - 1, next);
		if (err)
			return err;
		if (c->unmap)
			free_table_if_empty(c, entry, level, va);
	}
	return 0;
}

static int update_range(struct pt_change *c)
{
	return update_table(c, c->mm->pgd, PG_LEVEL_512G, c->end);
}

static int change_range(struct mm_struct *mm, unsigned long va,
			unsigned long size, bool unmap, pteval_t prot)
{
	struct pt_change c = {
		.mm = mm, .va = va, .end = va + size, .prot = prot,
		.unmap = unmap, .freed = LIST_HEAD_INIT(c.freed),
	};
	struct page *page, *tmp;
	int err;

	if (bad_range(va, size))
		return -EINVAL;
	err = change_under_lock(&c, update_range);
	/*
	 * A split leaves the old huge entry in the TLB, and a freed table
	 * may still be cached by the paging-structure caches, which the CPU
	 * could walk once the page is reused.  Both need a full flush,
	 * whichever tree it was, before the tables go back.
	 */
	if (c.flush_all)
		flush_tlb_all();
	else if (mm == &init_mm)
		flush_tlb_kernel_range(va, va + size);
	list_for_each_entry_safe(page, tmp, &c.freed, lru) {
		list_del(&page->lru);
		__free_pages(page, 0);
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

pte_t *pgd_alloc(struct mm_struct *mm)
{
	pte_t *pgd = (pte_t *)get_zeroed_page(GFP_KERNEL);
	unsigned long flags;

	if (!pgd)
		return NULL;
	/* A kernel-half entry added after the copy is synced into it. */
	spin_lock_irqsave(&pgd_lock, flags);
	memcpy(pgd + KERNEL_PGD_BOUNDARY, init_mm.pgd + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_TABLE - KERNEL_PGD_BOUNDARY) * sizeof(pte_t));
	list_add(&virt_to_page(pgd)->lru, &pgd_list);
	spin_unlock_irqrestore(&pgd_lock, flags);
	return pgd;
}

void pgd_free(struct mm_struct *mm, pte_t *pgd)
{
	unsigned long flags;

	/* Unmapping the whole user half frees every table under it. */
	WARN_ON(mm->pgd != pgd);
	unmap_pages(mm, 0, KERNEL_PGD_BOUNDARY * PGDIR_SIZE);
	spin_lock_irqsave(&pgd_lock, flags);
	list_del(&virt_to_page(pgd)->lru);
	spin_unlock_irqrestore(&pgd_lock, flags);
	free_page((unsigned long)pgd);
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
