// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the checks every free goes through: a page freed twice (also
 * after it merged into a larger free block), kfree() of memory kmalloc()
 * did not hand out (page-allocator pages, the middle of a large kmalloc, a
 * vmalloc address) and kmem_cache_free() into the wrong cache.  Each must
 * be reported once and refused, leaving free memory as it was; and a leak
 * check must see a one-page leak even when caches hold empty slabs.
 */
#include <keel/debug_report.h>
#include <keel/ktest.h>
#include <keel/mm.h>
#include <keel/slab.h>
#include <keel/vmalloc.h>

/*
 * Both halves of an order-1 block freed: they merge, so the first page
 * no longer heads a free block, yet freeing it again is refused.
 */
static void page_double_free_after_merge(struct ktest *t)
{
	struct page *block = alloc_pages(GFP_KERNEL, 1);
	unsigned long free;

	KTEST_ASSERT_NOT_NULL(t, block);
	split_page(block, 1);
	__free_pages(block + 1, 0);
	__free_pages(block, 0);
	free = nr_free_pages();
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_BAD_PAGE, __free_pages(block + 1, 0));
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_BAD_PAGE, __free_pages(block, 1));
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
}

static void kfree_of_allocator_page(struct ktest *t)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 1);
	unsigned long free = nr_free_pages();

	KTEST_ASSERT_NE(t, addr, 0);
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_WARN, kfree((void *)addr));
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
	free_pages(addr, 1);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free + 2);
}

static void kfree_middle_of_large(struct ktest *t)
{
	unsigned long free = nr_free_pages();
	char *p = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_WARN, kfree(p + PAGE_SIZE));
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_WARN, kfree(p + 64));
	KTEST_EXPECT_EQ(t, nr_free_pages(), free - 4);
	kfree(p);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
}

/* virt_to_page() of a vmalloc address is a made-up struct page. */
static void kfree_of_vmalloc_address(struct ktest *t)
{
	void *v = vmalloc(PAGE_SIZE);

	KTEST_ASSERT_NOT_NULL(t, v);
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_WARN, kfree(v));
	vfree(v);
}

static void kmem_cache_free_wrong_cache(struct ktest *t)
{
	struct kmem_cache *a = kmem_cache_create("free_check_a", 48, 0, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("free_check_b", 48, 0, 0, NULL);
	struct kmem_cache_stats st;
	void *obj;

	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	obj = kmem_cache_alloc(a, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, obj);
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_WARN, kmem_cache_free(b, obj));
	kmem_cache_get_stats(a, &st);
	KTEST_EXPECT_EQ(t, st.active_objs, 1);
	kmem_cache_get_stats(b, &st);
	KTEST_EXPECT_EQ(t, st.active_objs, 0);
	kmem_cache_free(a, obj);
	kmem_cache_destroy(b);
	kmem_cache_destroy(a);
}

static void kmem_cache_free_not_slab(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("free_check", 48, 0, 0, NULL);
	unsigned long addr = __get_free_page(GFP_KERNEL);
	unsigned long free = nr_free_pages();

	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_ASSERT_NE(t, addr, 0);
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_WARN,
			    kmem_cache_free(s, (void *)addr));
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
	free_page(addr);
	kmem_cache_destroy(s);
}

/*
 * A cache left holding an empty slab by earlier work does not count as
 * used memory, and a leak of one page still shows.
 */
static void leak_check_is_exact(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("free_check", 48, 0, 0, NULL);
	unsigned long before = nr_free_pages_shrunk();
	unsigned long leaked;
	void *obj;

	KTEST_ASSERT_NOT_NULL(t, s);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, obj);
	kmem_cache_free(s, obj);	/* the cache keeps the empty slab */
	KTEST_EXPECT_EQ(t, nr_free_pages_shrunk(), before);

	leaked = __get_free_page(GFP_KERNEL);
	KTEST_ASSERT_NE(t, leaked, 0);
	KTEST_EXPECT_EQ(t, nr_free_pages_shrunk(), before - 1);
	free_page(leaked);
	kmem_cache_destroy(s);
}

static struct ktest_case free_check_cases[] = {
	KTEST_CASE(page_double_free_after_merge),
	KTEST_CASE(kfree_of_allocator_page),
	KTEST_CASE(kfree_middle_of_large),
	KTEST_CASE(kfree_of_vmalloc_address),
	KTEST_CASE(kmem_cache_free_wrong_cache),
	KTEST_CASE(kmem_cache_free_not_slab),
	KTEST_CASE(leak_check_is_exact),
	{}
};

static struct ktest_suite free_check_suite = {
	.name = "free_check",
	.cases = free_check_cases,
};
ktest_register_suite(free_check_suite);
