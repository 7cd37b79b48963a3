// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc() pieces common to the slab allocator and the page-only
 * variant: allocations that go straight to the page allocator (all of
 * them without CONFIG_SLAB, those above KMALLOC_MAX_CACHE_SIZE with it),
 * and krealloc(), which only needs kmalloc(), ksize() and kfree().
 */
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/printk.h>
#include <keel/slab.h>
#include <keel/string.h>

#include "slab.h"

void *kmalloc_large(size_t size, gfp_t gfp)
{
	unsigned int order = get_order(size);
	struct page *page;

	if (order > MAX_ORDER) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("kmalloc: %zu bytes is more than the page allocator's largest block\n",
				size);
		return NULL;
	}
	page = alloc_pages(gfp, order);
	if (!page)
		return NULL;
	page->order = order;
	page_set_flag(page, PG_large_kmalloc);
	return page_address(page);
}

void kfree_large(struct page *page)
{
	page_clear_flag(page, PG_large_kmalloc);
	__free_pages(page, page->order);
}

size_t ksize_large(const struct page *page)
{
	return PAGE_SIZE << page->order;
}

void *krealloc(const void *p, size_t new_size, gfp_t gfp)
{
	size_t old_size;
	void *ret;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	old_size = ZERO_OR_NULL_PTR(p) ? 0 : ksize(p);
	/* Growing within the object or shrinking keeps it in place. */
	if (new_size <= old_size)
		return (void *)p;
	ret = kmalloc(new_size, gfp);
	if (!ret)
		return NULL;
	memcpy(ret, p, old_size);
	kfree(p);
	return ret;
}
