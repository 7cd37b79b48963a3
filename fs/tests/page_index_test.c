// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for the sparse page index of ramfs files: lookups, holes,
 * SEEK_DATA/SEEK_HOLE-style searches, growth to large indices with few
 * nodes, and truncation freeing every node and item.  Nodes come from a
 * small pool here so that the suite also runs on the host under ASan, and
 * a leak or double free shows in the pool's count.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/page_index.h>
#include <keel/string.h>

#define POOL_NODES	48

static struct page_index_node pool[POOL_NODES];
static bool pool_used[POOL_NODES];
static unsigned int pool_in_use, pool_fail_after;
static unsigned long items_freed;

static void *pool_alloc(size_t size)
{
	unsigned int i;

	if (pool_fail_after && !--pool_fail_after)
		return NULL;
	for (i = 0; i < POOL_NODES; i++) {
		if (!pool_used[i]) {
			pool_used[i] = true;
			pool_in_use++;
			memset(&pool[i], 0, size);
			return &pool[i];
		}
	}
	return NULL;
}

static void pool_free(void *node)
{
	unsigned int i = (struct page_index_node *)node - pool;

	pool_used[i] = false;
	pool_in_use--;
}

static void count_free(void *item)
{
	items_freed++;
}

/* Items are fake pointers that encode their index. */
static void *item_for(unsigned long index)
{
	return (void *)((index << 4) | 8);
}

static int page_index_test_init(struct ktest *t)
{
	memset(pool_used, 0, sizeof(pool_used));
	pool_in_use = 0;
	pool_fail_after = 0;
	items_freed = 0;
	return 0;
}

static void insert_and_lookup(struct ktest *t)
{
	static const unsigned long idx[] = { 0, 1, 63, 64, 4095, 4096, 262143,
					     262144, 1UL << 30 };
	struct page_index pi;
	unsigned int i;

	page_index_init(&pi, pool_alloc, pool_free);
	KTEST_EXPECT_NULL(t, page_index_lookup(&pi, 0));
	for (i = 0; i < ARRAY_SIZE(idx); i++)
		KTEST_ASSERT_EQ(t, page_index_insert(&pi, idx[i],
						     item_for(idx[i])), 0);
	KTEST_EXPECT_EQ(t, pi.nr_items, ARRAY_SIZE(idx));
	/* 1 << 30 needs 31 bits: six levels of 6 bits. */
	KTEST_EXPECT_EQ(t, pi.height, 6);
	for (i = 0; i < ARRAY_SIZE(idx); i++)
		KTEST_EXPECT_PTR_EQ(t, page_index_lookup(&pi, idx[i]),
				    item_for(idx[i]));
	KTEST_EXPECT_NULL(t, page_index_lookup(&pi, 2));
	KTEST_EXPECT_NULL(t, page_index_lookup(&pi, 65));
	KTEST_EXPECT_NULL(t, page_index_lookup(&pi, (1UL << 30) + 1));
	KTEST_EXPECT_NULL(t, page_index_lookup(&pi, 1UL << 40));
	KTEST_EXPECT_EQ(t, page_index_insert(&pi, PAGE_INDEX_LIMIT,
					     item_for(1)), -EINVAL);

	page_index_truncate(&pi, 0, count_free);
	KTEST_EXPECT_EQ(t, items_freed, ARRAY_SIZE(idx));
	KTEST_EXPECT_EQ(t, pi.nr_items, 0);
	KTEST_EXPECT_EQ(t, pi.nr_nodes, 0);
	KTEST_EXPECT_EQ(t, pool_in_use, 0);
	KTEST_EXPECT_NULL(t, pi.root);
	KTEST_EXPECT_EQ(t, pi.height, 0);
}

/* A 1 GiB file with two data pages: two items, one path of nodes each. */
static void sparse_nodes(struct ktest *t)
{
	unsigned long last = (1UL << 30) / 4096 - 1;	/* 262143 */
	struct page_index pi;

	page_index_init(&pi, pool_alloc, pool_free);
	KTEST_ASSERT_EQ(t, page_index_insert(&pi, 0, item_for(0)), 0);
	KTEST_ASSERT_EQ(t, page_index_insert(&pi, last, item_for(last)), 0);
	KTEST_EXPECT_EQ(t, pi.nr_items, 2);
	KTEST_EXPECT_EQ(t, pi.height, 3);
	/* The root and two paths of two nodes below it. */
	KTEST_EXPECT_EQ(t, pi.nr_nodes, 5);
	KTEST_EXPECT_EQ(t, pool_in_use, 5);
	page_index_truncate(&pi, 0, count_free);
	KTEST_EXPECT_EQ(t, pool_in_use, 0);
}

static void next_and_holes(struct ktest *t)
{
	struct page_index pi;
	unsigned long found = 0;

	page_index_init(&pi, pool_alloc, pool_free);
	KTEST_EXPECT_FALSE(t, page_index_next(&pi, 0, &found));
	KTEST_EXPECT_EQ(t, page_index_next_hole(&pi, 7), 7);
	KTEST_ASSERT_EQ(t, page_index_insert(&pi, 5, item_for(5)), 0);
	KTEST_ASSERT_EQ(t, page_index_insert(&pi, 6, item_for(6)), 0);
	KTEST_ASSERT_EQ(t, page_index_insert(&pi, 100000, item_for(1)), 0);

	KTEST_EXPECT_TRUE(t, page_index_next(&pi, 0, &found));
	KTEST_EXPECT_EQ(t, found, 5);
	KTEST_EXPECT_TRUE(t, page_index_next(&pi, 6, &found));
	KTEST_EXPECT_EQ(t, found, 6);
	KTEST_EXPECT_TRUE(t, page_index_next(&pi, 7, &found));
	KTEST_EXPECT_EQ(t, found, 100000);
	KTEST_EXPECT_TRUE(t, page_index_next(&pi, 100000, &found));
	KTEST_EXPECT_EQ(t, found, 100000);
	KTEST_EXPECT_FALSE(t, page_index_next(&pi, 100001, &found));
	KTEST_EXPECT_FALSE(t, page_index_next(&pi, 1UL << 50, &found));

	KTEST_EXPECT_EQ(t, page_index_next_hole(&pi, 0), 0);
	KTEST_EXPECT_EQ(t, page_index_next_hole(&pi, 5), 7);
	KTEST_EXPECT_EQ(t, page_index_next_hole(&pi, 100000), 100001);
	page_index_truncate(&pi, 0, count_free);
	KTEST_EXPECT_EQ(t, pool_in_use, 0);
}

static void truncate_partial(struct ktest *t)
{
	struct page_index pi;
	unsigned long i, found;

	page_index_init(&pi, pool_alloc, pool_free);
	for (i = 0; i < 200; i++)
		KTEST_ASSERT_EQ(t, page_index_insert(&pi, i, item_for(i)), 0);
	KTEST_ASSERT_EQ(t, page_index_insert(&pi, 70000, item_for(7)), 0);
	KTEST_EXPECT_EQ(t, pi.height, 3);

	/* Cutting at 100 keeps 0..99 and drops a level. */
	page_index_truncate(&pi, 100, count_free);
	KTEST_EXPECT_EQ(t, items_freed, 101);
	KTEST_EXPECT_EQ(t, pi.nr_items, 100);
	KTEST_EXPECT_EQ(t, pi.height, 2);
	KTEST_EXPECT_EQ(t, pi.nr_nodes, 3);
	KTEST_EXPECT_PTR_EQ(t, page_index_lookup(&pi, 99), item_for(99));
	KTEST_EXPECT_NULL(t, page_index_lookup(&pi, 100));
	KTEST_EXPECT_FALSE(t, page_index_next(&pi, 100, &found));

	page_index_truncate(&pi, 1000, count_free);
	KTEST_EXPECT_EQ(t, pi.nr_items, 100);
	page_index_truncate(&pi, 1, count_free);
	KTEST_EXPECT_EQ(t, pi.nr_items, 1);
	KTEST_EXPECT_EQ(t, pi.height, 1);
	KTEST_EXPECT_EQ(t, pi.nr_nodes, 1);
	page_index_truncate(&pi, 0, count_free);
	KTEST_EXPECT_EQ(t, items_freed, 201);
	KTEST_EXPECT_EQ(t, pool_in_use, 0);
}

static void out_of_nodes(struct ktest *t)
{
	struct page_index pi;

	page_index_init(&pi, pool_alloc, pool_free);
	pool_fail_after = 3;	/* the third node fails */
	KTEST_EXPECT_EQ(t, page_index_insert(&pi, 1UL << 20, item_for(1)),
			-ENOMEM);
	KTEST_EXPECT_EQ(t, pi.nr_items, 0);
	KTEST_EXPECT_NULL(t, page_index_lookup(&pi, 1UL << 20));
	pool_fail_after = 0;
	KTEST_EXPECT_EQ(t, page_index_insert(&pi, 1UL << 20, item_for(1)), 0);
	KTEST_EXPECT_PTR_EQ(t, page_index_lookup(&pi, 1UL << 20), item_for(1));
	page_index_truncate(&pi, 0, count_free);
	KTEST_EXPECT_EQ(t, pool_in_use, 0);
}

static struct ktest_case page_index_cases[] = {
	KTEST_CASE(insert_and_lookup),
	KTEST_CASE(sparse_nodes),
	KTEST_CASE(next_and_holes),
	KTEST_CASE(truncate_partial),
	KTEST_CASE(out_of_nodes),
	{}
};

static struct ktest_suite page_index_suite = {
	.name = "page_index",
	.init = page_index_test_init,
	.cases = page_index_cases,
};
ktest_register_suite(page_index_suite);
