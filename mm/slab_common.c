// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc() pieces common to the slab allocator and the page-only
 * variant: allocations that go straight to the page allocator (all of
 * them without CONFIG_SLAB, those above KMALLOC_MAX_CACHE_SIZE with it),
 * krealloc(), which only needs kmalloc(), ksize() and kfree(), and the
 * checks every free goes through: a pointer that is not in the direct map,
 * not the start of a large kmalloc, or not in a slab of the cache it is
 * freed to is reported (a WARNING, as in Linux) and not freed; and
 * kmem_cache_destroy()'s check that the cache is empty.
 */
#include <keel/bug.h>
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/printk.h>
#include <keel/slab.h>
#include <keel/string.h>

#include "slab.h"

/*
 * The page under a pointer being freed, or NULL if it has none (a vmalloc
 * or user address): virt_to_page() would make up a struct page for it.
 */
static struct page *free_object_page(const void *object)
{
	if (virt_addr_valid(object))
		return virt_to_page(object);
	pr_err("virt_to_phys used for non-linear address: %p\n", object);
	WARN_ON(1);
	return NULL;
}

/* The cache owning the slab that holds @object, or NULL (reported). */
static struct kmem_cache *virt_to_cache(const void *object)
{
	struct page *page = free_object_page(object);

	if (!page)
		return NULL;
	if (!page_test_flag(page, PG_slab)) {
		pr_err("virt_to_cache: Object is not a Slab page!\n");
		WARN_ON(1);
		return NULL;
	}
	return page->slab_cache;
}

bool cache_owns_object(struct kmem_cache *s, const void *object)
{
	struct kmem_cache *cachep = virt_to_cache(object);

	if (!cachep)
		return false;
	if (cachep != s) {
		pr_err("cache_from_obj: Wrong slab cache. %s but object is from %s\n",
		       s ? kmem_cache_name(s) : "(null)",
		       kmem_cache_name(cachep));
		WARN_ON(1);
		return false;
	}
	return true;
}

unsigned long nr_free_pages_shrunk(void)
{
	kmem_cache_shrink_all();
	return nr_free_pages();
}

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

/*
 * Only the first page of a large kmalloc is marked, so a pointer into its
 * middle, or to pages from the page allocator, is refused here.
 */
static void kfree_large(struct page *page, const void *object)
{
	if (!page_test_flag(page, PG_large_kmalloc) ||
	    offset_in_page(object)) {
		WARN_ON(1);
		pr_warn("object pointer: %p\n", object);
		dump_page(page, "Not a kmalloc allocation");
		return;
	}
	page_clear_flag(page, PG_large_kmalloc);
	__free_pages(page, page->order);
}

void kfree(const void *p)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(p))
		return;
	page = free_object_page(p);
	if (!page)
		return;
	if (page_test_flag(page, PG_slab))
		kmem_cache_free(page->slab_cache, (void *)p);
	else
		kfree_large(page, p);
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

/* A cache still holding objects is reported and kept, as in Linux. */
void kmem_cache_destroy(struct kmem_cache *s)
{
	struct kmem_cache_stats st;

	if (!s)
		return;
	kmem_cache_get_stats(s, &st);
	if (st.active_objs) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects\n",
		       kmem_cache_name(s));
		dump_stack();
		return;
	}
	__kmem_cache_release(s);
}

char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len = strlen(s) + 1;
	char *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, s, len);
	return p;
}
