// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc() and kmem_cache_*() without CONFIG_SLAB: every object gets a
 * block of pages of its own, straight from the page allocator.  Simple and
 * easy to debug (DEBUG_PAGEALLOC then catches use-after-free), but an
 * 8-byte object costs a page.  A constructor runs on each new object, as
 * every allocation creates one.  An object's first page is marked as a
 * slab of its cache, so frees are checked as with CONFIG_SLAB.
 * Locking: each cache's lock protects only its object count.
 */
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/printk.h>
#include <keel/slab.h>
#include <keel/spinlock.h>
#include <keel/string.h>

#include "slab.h"

struct kmem_cache {
	spinlock_t lock;
	unsigned long active_objs;	/* [lock] */
	const char *name;
	unsigned int object_size;
	unsigned int order;		/* of each object's block */
	void (*ctor)(void *);
};

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s;

	/* Blocks are aligned to their size, so any align up to it holds. */
	if (!size || (align & (align - 1)) || align > PAGE_SIZE ||
	    get_order(size) > MAX_ORDER) {
		pr_err("kmem_cache_create(%s) failed: bad size %u or align %u\n",
		       name, size, align);
		return NULL;
	}
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return NULL;
	spin_lock_init(&s->lock);
	s->name = name;
	s->object_size = size;
	s->order = get_order(size);
	s->ctor = ctor;
	return s;
}

void __kmem_cache_release(struct kmem_cache *s)
{
	kfree(s);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp & ~__GFP_ZERO, s->order);
	unsigned long flags;
	void *object;

	if (!page)
		return NULL;
	page_set_flag(page, PG_slab);
	page->slab_cache = s;
	object = page_address(page);
	if (s->ctor)
		s->ctor(object);
	if (gfp & __GFP_ZERO)
		memset(object, 0, s->object_size);
	spin_lock_irqsave(&s->lock, flags);
	s->active_objs++;
	spin_unlock_irqrestore(&s->lock, flags);
	return object;
}

void kmem_cache_free(struct kmem_cache *s, void *object)
{
	struct page *page = virt_to_page(object);
	unsigned long flags;

	if (!cache_owns_object(s, object))
		return;
	spin_lock_irqsave(&s->lock, flags);
	s->active_objs--;
	spin_unlock_irqrestore(&s->lock, flags);
	page_clear_flag(page, PG_slab);
	page->slab_cache = NULL;
	__free_pages(page, s->order);
}

const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}

/* Objects have no slab to share, so no cache keeps an empty one. */
int kmem_cache_shrink(struct kmem_cache *s)
{
	return 0;
}

void kmem_cache_shrink_all(void)
{
}

/* Each object is a slab of its own. */
void kmem_cache_get_stats(struct kmem_cache *s, struct kmem_cache_stats *st)
{
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	st->active_objs = s->active_objs;
	spin_unlock_irqrestore(&s->lock, flags);
	st->num_objs = st->active_objs;
	st->active_slabs = st->active_objs;
	st->num_slabs = st->active_objs;
	st->objsize = s->object_size;
	st->objperslab = 1;
	st->pagesperslab = 1U << s->order;
}

void *kmalloc(size_t size, gfp_t gfp)
{
	if (!size)
		return ZERO_SIZE_PTR;
	return kmalloc_large(size, gfp);
}

size_t ksize(const void *p)
{
	const struct page *page;

	if (ZERO_OR_NULL_PTR(p))
		return 0;
	page = virt_to_page(p);
	if (page_test_flag(page, PG_slab))
		return page->slab_cache->object_size;
	return ksize_large(page);
}

void kmem_cache_init(void)
{
	pr_info("kmalloc: no slab allocator, objects come straight from the page allocator\n");
}
