/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A sparse index from page number to item (a page of file data): a radix
 * tree of 64-slot nodes whose height grows with the largest index, so a
 * file of 1 GiB with two pages of data takes two items and a handful of
 * nodes.  Missing indices are holes.  Pure bookkeeping: the owner supplies
 * the node allocator and serializes all calls, so it runs on the host too.
 */
#ifndef _KEEL_PAGE_INDEX_H
#define _KEEL_PAGE_INDEX_H

#include <keel/types.h>

#define PAGE_INDEX_SHIFT	6
#define PAGE_INDEX_SLOTS	(1U << PAGE_INDEX_SHIFT)
#define PAGE_INDEX_MAX_HEIGHT	10
#define PAGE_INDEX_LIMIT	\
	(1UL << (PAGE_INDEX_SHIFT * PAGE_INDEX_MAX_HEIGHT))

struct page_index_node {
	void *slots[PAGE_INDEX_SLOTS];
	unsigned int count;		/* non-NULL slots */
};

struct page_index {
	struct page_index_node *root;
	unsigned int height;		/* levels of nodes; 0: empty */
	unsigned long nr_items;
	unsigned long nr_nodes;
	/* Zeroed node memory, or NULL; and its release. */
	void *(*alloc_node)(size_t size);
	void (*free_node)(void *node);
};

void page_index_init(struct page_index *pi, void *(*alloc_node)(size_t),
		     void (*free_node)(void *));
void *page_index_lookup(const struct page_index *pi, unsigned long index);
/*
 * Store @item (non-NULL) at the empty @index, below PAGE_INDEX_LIMIT:
 * 0, -EINVAL beyond the limit, or -ENOMEM.
 */
int page_index_insert(struct page_index *pi, unsigned long index, void *item);
/* The first index >= @start holding an item, in *@found; false if none. */
bool page_index_next(const struct page_index *pi, unsigned long start,
		     unsigned long *found);
/* The first index >= @start holding no item. */
unsigned long page_index_next_hole(const struct page_index *pi,
				   unsigned long start);
/* Remove every item at @start or beyond, handing each to @free_item. */
void page_index_truncate(struct page_index *pi, unsigned long start,
			 void (*free_item)(void *item));

#endif /* _KEEL_PAGE_INDEX_H */
