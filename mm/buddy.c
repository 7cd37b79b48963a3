// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy algorithm: a free block of 2^order pages starts at a pfn that
 * is a multiple of 2^order; its buddy is the block at pfn ^ 2^order.
 * Freeing merges a block with its buddy while the buddy is free and of the
 * same order; allocating splits a larger block, returning its lower half
 * and freeing the upper halves.  A free that overlaps a free block (a
 * double free, even of a page that has since merged into a larger block)
 * is refused.  Pure logic: no locks (the caller holds the zone lock), no
 * access to page contents; also built for the host.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/list.h>

#include "internal.h"

static struct page *zone_page(struct buddy_zone *z, unsigned long pfn)
{
	return &z->map[pfn - z->base_pfn];
}

static unsigned long zone_pfn(const struct buddy_zone *z,
			      const struct page *page)
{
	return z->base_pfn + (unsigned long)(page - z->map);
}

static void add_to_free_area(struct buddy_zone *z, struct page *page,
			     unsigned int order)
{
	page_set_flag(page, PG_buddy);
	page->order = order;
	list_add(&page->lru, &z->free_area[order].free_list);
	z->free_area[order].nr_free++;
	z->free_pages += 1UL << order;
}

static void del_from_free_area(struct buddy_zone *z, struct page *page,
			       unsigned int order)
{
	list_del(&page->lru);
	page_clear_flag(page, PG_buddy);
	z->free_area[order].nr_free--;
	z->free_pages -= 1UL << order;
}

void buddy_init(struct buddy_zone *z, struct page *map,
		unsigned long base_pfn, unsigned long nr_pages)
{
	unsigned int order;

	z->map = map;
	z->base_pfn = base_pfn;
	z->nr_pages = nr_pages;
	z->free_pages = 0;
	for (order = 0; order < NR_PAGE_ORDERS; order++) {
		INIT_LIST_HEAD(&z->free_area[order].free_list);
		z->free_area[order].nr_free = 0;
	}
}

struct page *buddy_alloc(struct buddy_zone *z, unsigned int order)
{
	unsigned int cur;
	struct page *page;

	if (order > MAX_ORDER)
		return NULL;
	for (cur = order; cur <= MAX_ORDER; cur++)
		if (z->free_area[cur].nr_free)
			break;
	if (cur > MAX_ORDER)
		return NULL;

	page = list_first_entry(&z->free_area[cur].free_list, struct page, lru);
	del_from_free_area(z, page, cur);
	while (cur > order) {
		cur--;
		add_to_free_area(z, page + (1UL << cur), cur);
	}
	return page;
}

bool buddy_range_is_free(struct buddy_zone *z, const struct page *page,
			 unsigned int order)
{
	unsigned long pfn = zone_pfn(z, page);
	unsigned long end = min(pfn + (1UL << order), z->base_pfn + z->nr_pages);
	unsigned long i;
	unsigned int o;

	/*
	 * Only the first page of a free block is marked: a block of order o
	 * holding pfn starts at pfn rounded down to 2^o.
	 */
	for (o = 0; o <= MAX_ORDER; o++) {
		unsigned long head = pfn & ~((1UL << o) - 1);
		const struct page *p;

		if (head < z->base_pfn)
			break;
		p = zone_page(z, head);
		if (page_test_flag(p, PG_buddy) && p->order >= o)
			return true;
	}
	/* Or a free block starts inside the range. */
	for (i = pfn + 1; i < end; i++)
		if (page_test_flag(zone_page(z, i), PG_buddy))
			return true;
	return false;
}

int buddy_free(struct buddy_zone *z, struct page *page, unsigned int order)
{
	unsigned long pfn = zone_pfn(z, page);
	unsigned long end = z->base_pfn + z->nr_pages;

	if (buddy_range_is_free(z, page, order))
		return -EINVAL;
	while (order < MAX_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (buddy_pfn < z->base_pfn || buddy_pfn >= end)
			break;
		buddy = zone_page(z, buddy_pfn);
		if (!page_test_flag(buddy, PG_buddy) || buddy->order != order)
			break;
		del_from_free_area(z, buddy, order);
		pfn &= buddy_pfn;
		order++;
	}
	add_to_free_area(z, zone_page(z, pfn), order);
	return 0;
}

void buddy_free_range(struct buddy_zone *z, unsigned long start,
		      unsigned long end)
{
	while (start < end) {
		unsigned int order = MAX_ORDER;

		while (order && (!IS_ALIGNED(start, 1UL << order) ||
				 start + (1UL << order) > end))
			order--;
		buddy_free(z, zone_page(z, start), order);
		start += 1UL << order;
	}
}
