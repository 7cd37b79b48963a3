// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kmalloc() and kmem_cache_*(), the same suites for both
 * variants (slab caches with CONFIG_SLAB, whole pages without): every
 * size class, ksize(), krealloc(), kzalloc(), kfree(NULL), large
 * allocations, cache alignment, constructors, statistics and object reuse,
 * and the might_alloc() check of a sleeping allocation in atomic context.
 */
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/mm.h>
#include <keel/slab.h>
#include <keel/spinlock.h>
#include <keel/string.h>

static const size_t sizes[] = {
	1, 7, 8, 9, 16, 17, 24, 32, 33, 64, 65, 96, 97, 128, 129, 192, 193,
	256, 300, 512, 513, 1024, 1500, 2048, 3000, 4096, 4097, 8191, 8192,
	8193, 16384, 100000,
};

static void every_size_class(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p = kmalloc(sizes[i], GFP_KERNEL);
		size_t usable;

		KTEST_ASSERT_NOT_NULL(t, p);
		usable = ksize(p);
		KTEST_EXPECT_GE(t, usable, sizes[i]);
		KTEST_EXPECT_EQ(t, (unsigned long)p & 7, 0);
		memset(p, 0xa5, usable);
		KTEST_EXPECT_EQ(t, p[usable - 1], 0xa5);
		kfree(p);
	}
}

/*
 * The largest kmalloc() takes a whole MAX_ORDER block, which a small or
 * fragmented machine may not have: probe for one first.
 */
static void largest_size(struct ktest *t)
{
	struct page *block = alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER);
	u8 *p;

	if (!block) {
		ktest_skip(t, "needs a free 4 MiB block");
		return;
	}
	__free_pages(block, MAX_ORDER);
	p = kmalloc(PAGE_SIZE << MAX_ORDER, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_EQ(t, ksize(p), PAGE_SIZE << MAX_ORDER);
	memset(p, 0xa5, PAGE_SIZE << MAX_ORDER);
	KTEST_EXPECT_EQ(t, p[(PAGE_SIZE << MAX_ORDER) - 1], 0xa5);
	kfree(p);
}

static void small_sizes_use_size_classes(struct ktest *t)
{
	void *p = kmalloc(100, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, p);
	/* 128 from a slab, a whole page without one. */
	KTEST_EXPECT_EQ(t, ksize(p), IS_ENABLED(CONFIG_SLAB) ? 128 : PAGE_SIZE);
	kfree(p);
}

static void zero_size_and_null(struct ktest *t)
{
	unsigned long before = nr_free_pages();

	KTEST_EXPECT_PTR_EQ(t, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	KTEST_EXPECT_EQ(t, ksize(ZERO_SIZE_PTR), 0);
	KTEST_EXPECT_EQ(t, ksize(NULL), 0);
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
	KTEST_EXPECT_NULL(t, kcalloc((size_t)-1 / 2, 4, GFP_KERNEL));
	KTEST_EXPECT_NULL(t, kmalloc((PAGE_SIZE << MAX_ORDER) + 1,
				     GFP_KERNEL | __GFP_NOWARN));
}

static void kzalloc_zeroes(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes) - 1; i++) {
		u8 *p = kmalloc(sizes[i], GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(t, p);
		memset(p, 0xff, sizes[i]);
		kfree(p);
		p = kzalloc(sizes[i], GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, p);
		KTEST_EXPECT_NULL(t, memchr_inv(p, 0, sizes[i]));
		kfree(p);
	}
	{
		u32 *a = kcalloc(100, sizeof(u32), GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(t, a);
		KTEST_EXPECT_NULL(t, memchr_inv(a, 0, 100 * sizeof(u32)));
		kfree(a);
	}
}

static void krealloc_preserves_contents(struct ktest *t)
{
	static const size_t steps[] = { 24, 200, 5000, 100000, 64 };
	u8 *p = krealloc(NULL, 16, GFP_KERNEL);
	size_t len = 16, i, j;

	KTEST_ASSERT_NOT_NULL(t, p);
	for (i = 0; i < len; i++)
		p[i] = (u8)(i * 7);
	for (j = 0; j < ARRAY_SIZE(steps); j++) {
		p = krealloc(p, steps[j], GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, p);
		KTEST_EXPECT_GE(t, ksize(p), steps[j]);
		for (i = 0; i < min(len, steps[j]); i++)
			if (p[i] != (u8)(i * 7))
				break;
		KTEST_EXPECT_EQ(t, i, min(len, steps[j]));
		for (i = len; i < steps[j]; i++)
			p[i] = (u8)(i * 7);
		len = max(len, steps[j]);
		len = min(len, ksize(p));
	}
	KTEST_EXPECT_PTR_EQ(t, krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);
}

static void large_kmalloc_uses_pages(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	void *p = kmalloc(16384, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_EQ(t, (unsigned long)p & (PAGE_SIZE - 1), 0);
	KTEST_EXPECT_EQ(t, ksize(p), 16384);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 4);
	kfree(p);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

struct thing {
	u32 magic;
	u32 uses;
	u8 payload[40];
};

#define THING_MAGIC	0x7e1e7e1e

static unsigned int ctor_calls;

static void thing_ctor(void *p)
{
	struct thing *th = p;

	th->magic = THING_MAGIC;
	th->uses = 0;
	ctor_calls++;
}

static void cache_alignment(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_align64", 40, 64, 0,
						 NULL);
	void *objs[100];
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(t, s);
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, objs[i]);
		KTEST_EXPECT_EQ(t, (unsigned long)objs[i] & 63, 0);
		memset(objs[i], i, 40);
	}
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		KTEST_EXPECT_EQ(t, *(u8 *)objs[i], i);
		kmem_cache_free(s, objs[i]);
	}
	kmem_cache_destroy(s);
}

static void cache_stats(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_stats", 100, 0, 0,
						 NULL);
	struct kmem_cache_stats st;
	void *objs[50];
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(t, s);
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		KTEST_ASSERT_NOT_NULL(t, objs[i] = kmem_cache_alloc(s, GFP_KERNEL));
	kmem_cache_get_stats(s, &st);
	KTEST_EXPECT_EQ(t, st.active_objs, 50);
	KTEST_EXPECT_EQ(t, st.objsize, 100);
	KTEST_EXPECT_EQ(t, st.num_objs, st.num_slabs * st.objperslab);
	KTEST_EXPECT_EQ(t, st.num_slabs, DIV_ROUND_UP(50, st.objperslab));
	KTEST_EXPECT_EQ(t, st.active_slabs, st.num_slabs);
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_get_stats(s, &st);
	KTEST_EXPECT_EQ(t, st.active_objs, 0);
	KTEST_EXPECT_EQ(t, st.active_slabs, 0);
	/* At most one empty slab is kept. */
	KTEST_EXPECT_LE(t, st.num_slabs, 1);
	kmem_cache_destroy(s);
}

static void constructor_once_per_object(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_ctor",
						 sizeof(struct thing), 0, 0,
						 thing_ctor);
	struct kmem_cache_stats st;
	struct thing *objs[20], *again;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(t, s);
	ctor_calls = 0;
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, objs[i]);
		KTEST_EXPECT_EQ(t, objs[i]->magic, THING_MAGIC);
		KTEST_EXPECT_EQ(t, objs[i]->uses, 0);
		objs[i]->uses++;
	}
	/* Every object the cache holds was constructed exactly once. */
	kmem_cache_get_stats(s, &st);
	KTEST_EXPECT_EQ(t, ctor_calls, st.num_objs);

	/* A freed object comes back in the state it was freed in. */
	kmem_cache_free(s, objs[0]);
	again = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, again);
	KTEST_EXPECT_EQ(t, again->magic, THING_MAGIC);
	if (IS_ENABLED(CONFIG_SLAB)) {
		KTEST_EXPECT_PTR_EQ(t, again, objs[0]);
		KTEST_EXPECT_EQ(t, again->uses, 1);
		KTEST_EXPECT_EQ(t, ctor_calls, st.num_objs);
	} else {
		/* Without slabs, every allocation is a new object. */
		KTEST_EXPECT_EQ(t, again->uses, 0);
		KTEST_EXPECT_EQ(t, ctor_calls, st.num_objs + 1);
	}
	objs[0] = again;
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
}

static void free_then_alloc_reuses_object(struct ktest *t)
{
	struct kmem_cache *s;
	void *a, *b, *c;

	if (!IS_ENABLED(CONFIG_SLAB)) {
		ktest_skip(t, "objects are not cached without CONFIG_SLAB");
		return;
	}
	s = kmem_cache_create("test_reuse", 72, 0, 0, NULL);
	KTEST_ASSERT_NOT_NULL(t, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	KTEST_EXPECT_PTR_NE(t, a, b);
	kmem_cache_free(s, a);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(t, c, a);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	kmem_cache_destroy(s);

	a = kmalloc(40, GFP_KERNEL);
	kfree(a);
	b = kmalloc(64, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(t, b, a);
	kfree(b);
}

static void cache_zalloc_and_big_objects(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_big", 3000, 0,
						 SLAB_HWCACHE_ALIGN, NULL);
	u8 *p;

	KTEST_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_EQ(t, (unsigned long)p & 63, 0);
	memset(p, 0xee, 3000);
	kmem_cache_free(s, p);
	p = kmem_cache_zalloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_NULL(t, memchr_inv(p, 0, 3000));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	KTEST_EXPECT_NULL(t, kmem_cache_create("test_bad_align", 8, 48, 0,
					       NULL));
}

/*
 * Linux's might_alloc(): an allocation that may reclaim is reported under
 * a spinlock even though this one finds memory at once; GFP_ATOMIC is not.
 */
static void sleeping_alloc_in_atomic_reported(struct ktest *t)
{
#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
	unsigned long before = debug_reports(DEBUG_REPORT_SLEEP);
	DEFINE_SPINLOCK(lock);
	void *p = NULL, *q;

	spin_lock(&lock);
	q = kmalloc(64, GFP_ATOMIC);
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLEEP), before);
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SLEEP, p = kmalloc(64, GFP_KERNEL));
	spin_unlock(&lock);
	kfree(p);
	kfree(q);
	before = debug_reports(DEBUG_REPORT_SLEEP);
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLEEP), before);
#else
	ktest_skip(t, "CONFIG_DEBUG_ATOMIC_SLEEP is off");
#endif
}

static struct ktest_case kmalloc_cases[] = {
	KTEST_CASE(every_size_class),
	KTEST_CASE(largest_size),
	KTEST_CASE(small_sizes_use_size_classes),
	KTEST_CASE(zero_size_and_null),
	KTEST_CASE(kzalloc_zeroes),
	KTEST_CASE(krealloc_preserves_contents),
	KTEST_CASE(large_kmalloc_uses_pages),
	KTEST_CASE(sleeping_alloc_in_atomic_reported),
	{}
};

static struct ktest_suite kmalloc_suite = {
	.name = "kmalloc",
	.cases = kmalloc_cases,
};
ktest_register_suite(kmalloc_suite);

/* Destroying a cache that still has objects keeps it, in both variants. */
static void destroy_busy_cache_keeps_it(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_busy", 100, 0, 0, NULL);
	struct kmem_cache_stats st;
	void *p;

	KTEST_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	kmem_cache_destroy(s);
	kmem_cache_get_stats(s, &st);
	KTEST_EXPECT_EQ(t, st.active_objs, 1);
	kmem_cache_free(s, p);
	kmem_cache_get_stats(s, &st);
	KTEST_EXPECT_EQ(t, st.active_objs, 0);
	kmem_cache_destroy(s);
	kmem_cache_destroy(NULL);
}

static struct ktest_case kmem_cache_cases[] = {
	KTEST_CASE(cache_alignment),
	KTEST_CASE(cache_stats),
	KTEST_CASE(constructor_once_per_object),
	KTEST_CASE(free_then_alloc_reuses_object),
	KTEST_CASE(cache_zalloc_and_big_objects),
	KTEST_CASE(destroy_busy_cache_keeps_it),
	{}
};

static struct ktest_suite kmem_cache_suite = {
	.name = "kmem_cache",
	.cases = kmem_cache_cases,
};
ktest_register_suite(kmem_cache_suite);
