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

#endif /* _MM_INTERNAL_H */
