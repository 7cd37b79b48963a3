/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The buddy allocator's core, shared by page_alloc.c and the tests: the
 * pure algorithm over a struct page array covering pfns [base_pfn,
 * base_pfn + nr_pages).  It takes no locks and never touches the pages'
 * memory, so the host tests run it over an arena of struct pages alone.
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <keel/list.h>
#include <keel/mm.h>

struct free_area {
	struct list_head free_list;	/* first pages of free blocks */
	unsigned long nr_free;		/* blocks on free_list */
};

struct buddy_zone {
	struct page *map;		/* map[0] is base_pfn's page */
	unsigned long base_pfn;
	unsigned long nr_pages;
	unsigned long free_pages;	/* sum over orders of nr_free << order */
	struct free_area free_area[NR_PAGE_ORDERS];
};

/* All pages start allocated (not free): free them to make them usable. */
void buddy_init(struct buddy_zone *z, struct page *map,
		unsigned long base_pfn, unsigned long nr_pages);

/* The first page of a free 2^order block, or NULL. */
struct page *buddy_alloc(struct buddy_zone *z, unsigned int order);

/*
 * Free a 2^order block, merging it with its free buddies; -EINVAL (and
 * nothing done) if any of its pages is already free.
 */
int buddy_free(struct buddy_zone *z, struct page *page, unsigned int order);

/* True if any page of the 2^order block at @page is in a free block. */
bool buddy_range_is_free(struct buddy_zone *z, const struct page *page,
			 unsigned int order);

/* Free pfns [start, end) in the largest aligned blocks that fit. */
void buddy_free_range(struct buddy_zone *z, unsigned long start,
		      unsigned long end);

/*
 * User address spaces: the page-table walks of mm/memory.c, for the
 * mapping calls (mm/mmap.c, mprotect.c, mremap.c, madvise.c, mincore.c);
 * all with mmap_lock held for writing but follow_page() (either way).
 */
struct vm_area_struct;

int walk_ptes(struct mm_struct *mm, unsigned long start, unsigned long end,
	      int (*fn)(pte_t *pte, unsigned long va, void *arg), void *arg);
/* Unmap [start, end) of @mm, putting its pages, and free empty tables. */
void zap_page_range(struct mm_struct *mm, unsigned long start,
		    unsigned long end);
/* Give [start, end) of @vma's entries its (new) vm_page_prot. */
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end);
/* Move the entries of [old_addr, +len) to new_addr; 0 or -ENOMEM. */
int move_page_tables(struct mm_struct *mm, unsigned long old_addr,
		     unsigned long new_addr, unsigned long len);
/* Fork: map @src_vma's pages into @dst too (private ones read-only). */
int copy_page_range(struct mm_struct *dst, struct vm_area_struct *src_vma);
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end);
struct page *follow_page(struct mm_struct *mm, unsigned long addr);

/* mm/mmap.c */
struct vm_area_struct *split_vma(struct vm_area_struct *vma,
				 unsigned long addr);
/*
 * Split @vma so that [start, end) (inside it) is an area of its own, and
 * return that area, or ERR_PTR(-ENOMEM).
 */
struct vm_area_struct *vma_cut(struct vm_area_struct *vma, unsigned long start,
			       unsigned long end);
/*
 * Fold @vma and the areas right below and above it into one where they
 * are alike (Linux's vma_merge()); returns the area @vma is part of.
 */
struct vm_area_struct *vma_merge_neighbours(struct vm_area_struct *vma);
/* Change @vma's vm_flags, keeping the mm's counters right. */
void vma_set_flags(struct vm_area_struct *vma, unsigned long newflags);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *vma,
				   struct mm_struct *mm);
/*
 * Call @fn for the part of each area in [start, end), in order, as
 * madvise() and msync() do: 0; the first non-zero return of @fn, which
 * stops the walk; or -ENOMEM if part of the range is mapped by nothing
 * (the areas after the hole are still visited).
 */
int walk_vma_range(struct mm_struct *mm, unsigned long start,
		   unsigned long end,
		   int (*fn)(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end, void *arg), void *arg);
/* Insert @vma, which overlaps nothing, into @mm's tree. */
void link_vma(struct mm_struct *mm, struct vm_area_struct *vma);
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
unsigned long get_unmapped_area(struct mm_struct *mm, struct file *file,
				unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags);
/* The first area overlapping [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end);

#endif /* _MM_INTERNAL_H */
