// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for shrinkers (mm/shrinker.c) on real memory: with every page
 * allocated, an allocation that may reclaim calls a registered
 * shrinker, which gives pages back, and then succeeds; one that may not
 * reclaim (GFP_NOWAIT) fails without calling it; an unregistered
 * shrinker is never called; reclaim gives up when nothing is left.
 * Every page is given back at the end.
 */
#include <keel/fs.h>
#include <keel/ktest.h>
#include <keel/list.h>
#include <keel/mm.h>
#include <keel/shrinker.h>
#include <keel/slab.h>

#define POOL_PAGES	4

/* A cache of pages that its shrinker frees. */
struct page_pool {
	struct shrinker shrinker;
	struct list_head pages;
	unsigned long nr;
	unsigned long count_calls, scan_calls;
};

static unsigned long pool_count(struct shrinker *shrinker,
				struct shrink_control *sc)
{
	struct page_pool *pool = container_of(shrinker, struct page_pool,
					      shrinker);

	pool->count_calls++;
	return pool->nr ?: SHRINK_EMPTY;
}

static unsigned long pool_free(struct page_pool *pool, unsigned long nr)
{
	unsigned long freed = 0;

	while (freed < nr && !list_empty(&pool->pages)) {
		struct page *page = list_first_entry(&pool->pages,
						     struct page, lru);

		list_del(&page->lru);
		put_page(page);
		pool->nr--;
		freed++;
	}
	return freed;
}

static unsigned long pool_scan(struct shrinker *shrinker,
			       struct shrink_control *sc)
{
	struct page_pool *pool = container_of(shrinker, struct page_pool,
					      shrinker);

	pool->scan_calls++;
	return pool_free(pool, sc->nr_to_scan);
}

static bool pool_init(struct page_pool *pool)
{
	*pool = (struct page_pool){
		.shrinker = {
			.count_objects	= pool_count,
			.scan_objects	= pool_scan,
			.seeks		= DEFAULT_SEEKS,
		},
	};
	INIT_LIST_HEAD(&pool->pages);
	while (pool->nr < POOL_PAGES) {
		struct page *page = alloc_page(GFP_KERNEL);

		if (!page)
			return false;
		list_add(&page->lru, &pool->pages);
		pool->nr++;
	}
	return true;
}

/* Allocate every free page, largest blocks first, without reclaim. */
static void hold_all_memory(struct list_head *held)
{
	int order;

	for (order = MAX_ORDER; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages(GFP_NOWAIT | __GFP_NOWARN, order)))
			list_add(&page->lru, held);
	}
}

static void release_memory(struct list_head *held)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, held, lru) {
		list_del(&page->lru);
		put_page(page);		/* frees the block's recorded order */
	}
}

/* Nothing else may give memory back: no unused dentries, no empty slabs. */
static unsigned long quiesce(void)
{
	shrink_dcache(~0UL);
	return nr_free_pages_shrunk();
}

/*
 * One exhaustion (it costs most of a second at 128M) for both: @pool's
 * shrinker is registered, @gone's was and is not any more.
 */
static void reclaim_calls_registered_shrinkers(struct ktest *t)
{
	static struct page_pool pool, gone;
	unsigned long before;
	struct page *page;
	LIST_HEAD(held);

	if (ktest_skip_memory_exhaustion(t))
		return;
	before = quiesce();
	KTEST_ASSERT_TRUE(t, pool_init(&pool));
	KTEST_ASSERT_TRUE(t, pool_init(&gone));
	KTEST_ASSERT_EQ(t, register_shrinker(&gone.shrinker), 0);
	KTEST_ASSERT_EQ(t, register_shrinker(&pool.shrinker), 0);
	unregister_shrinker(&gone.shrinker);
	hold_all_memory(&held);
	KTEST_EXPECT_EQ(t, nr_free_pages(), 0);

	/* No reclaim without __GFP_DIRECT_RECLAIM. */
	KTEST_EXPECT_NULL(t, alloc_page(GFP_NOWAIT | __GFP_NOWARN));
	KTEST_EXPECT_EQ(t, pool.count_calls, 0);

	page = alloc_page(GFP_KERNEL | __GFP_NOWARN);
	KTEST_EXPECT_NOT_NULL(t, page);
	KTEST_EXPECT_GE(t, pool.scan_calls, 1);
	KTEST_EXPECT_LT(t, pool.nr, POOL_PAGES);
	if (page)
		put_page(page);
	KTEST_EXPECT_EQ(t, gone.count_calls, 0);
	KTEST_EXPECT_EQ(t, gone.scan_calls, 0);
	KTEST_EXPECT_EQ(t, gone.nr, POOL_PAGES);

	/* Once the pool is empty, reclaim gives up: NULL, no loop. */
	hold_all_memory(&held);
	KTEST_EXPECT_NULL(t, alloc_page(GFP_KERNEL | __GFP_NOWARN));
	KTEST_EXPECT_EQ(t, pool.nr, 0);

	unregister_shrinker(&pool.shrinker);
	release_memory(&held);
	pool_free(&gone, POOL_PAGES);
	KTEST_EXPECT_EQ(t, nr_free_pages_shrunk(), before);
}

/*
 * Linux's arithmetic: at DEF_PRIORITY four objects are too few to ask
 * for; at priority 0 (4 >> 0) * 4 / DEFAULT_SEEKS = 8 are, one per call.
 */
static void shrink_slab_scans_in_batches(struct ktest *t)
{
	unsigned long before = quiesce();
	static struct page_pool pool;

	KTEST_ASSERT_TRUE(t, pool_init(&pool));
	pool.shrinker.batch = 1;
	KTEST_ASSERT_EQ(t, register_shrinker(&pool.shrinker), 0);
	KTEST_EXPECT_EQ(t, shrink_slab(GFP_KERNEL, DEF_PRIORITY), 0);
	KTEST_EXPECT_EQ(t, pool.scan_calls, 0);
	KTEST_EXPECT_EQ(t, shrink_slab(GFP_KERNEL, 0), POOL_PAGES);
	KTEST_EXPECT_EQ(t, pool.scan_calls, 2 * POOL_PAGES);
	KTEST_EXPECT_EQ(t, pool.nr, 0);
	unregister_shrinker(&pool.shrinker);
	KTEST_EXPECT_EQ(t, nr_free_pages_shrunk(), before);
}

static struct ktest_case shrinker_cases[] = {
	KTEST_CASE(reclaim_calls_registered_shrinkers),
	KTEST_CASE(shrink_slab_scans_in_batches),
	{}
};

static struct ktest_suite shrinker_suite = {
	.name = "shrinker",
	.cases = shrinker_cases,
};
ktest_register_suite(shrinker_suite);
