/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per physical page frame, in the mem_map array that
 * mm_init() allocates from memblock.  Which fields mean what depends on
 * who owns the page, shown by its flags:
 *
 *   PG_buddy     free, the first page of a free block: lru links it on
 *                its order's free list, order is the block's order
 *                [zone lock]
 *   PG_slab      part of a slab of slab_cache: the slab's first page links
 *                lru on the cache's lists and keeps freelist and inuse
 *                [cache lock]
 *   PG_large_kmalloc  first page of a kmalloc() too big for the slab
 *                caches; order is the allocation's order
 *   PG_reserved  never given to the page allocator (firmware, the image,
 *                memblock allocations)
 *   PG_poisoned  (DEBUG_PAGEALLOC) free and filled with PAGE_POISON
 *
 * Other pages are allocated, and their owner may use lru.  _refcount
 * (include/keel/page_ref.h) is 0 for a free page and for every page of
 * an allocated block but the first, whose order field then holds the
 * block's order (put_page() frees the whole block); split_page() makes
 * each page of a block a block of its own.  Reserved pages count 1.
 */
#ifndef _KEEL_MM_TYPES_H
#define _KEEL_MM_TYPES_H

#include <keel/atomic.h>
#include <keel/list.h>
#include <keel/types.h>

struct kmem_cache;

enum pageflags {
	PG_reserved,
	PG_buddy,
	PG_slab,
	PG_large_kmalloc,
	PG_poisoned,
};

struct page {
	unsigned long flags;
	struct list_head lru;
	atomic_t _refcount;		/* references; 0: free (page_ref.h) */
	unsigned int order;		/* free or allocated block's order */
	unsigned int inuse;		/* slab: objects allocated */
	struct kmem_cache *slab_cache;	/* slab: on every page of the slab */
	void *freelist;			/* slab: first free object */
};

static inline bool page_test_flag(const struct page *page, enum pageflags f)
{
	return page->flags & (1UL << f);
}

static inline void page_set_flag(struct page *page, enum pageflags f)
{
	page->flags |= 1UL << f;
}

static inline void page_clear_flag(struct page *page, enum pageflags f)
{
	page->flags &= ~(1UL << f);
}

#endif /* _KEEL_MM_TYPES_H */
