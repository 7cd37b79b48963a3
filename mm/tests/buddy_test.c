// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the buddy algorithm (mm/buddy.c) over a private arena of
 * struct pages, without touching real memory: splitting and coalescing
 * watched through the per-order free counts, unaligned ranges, zone
 * edges, exhaustion, and a random stress run that checks no page is
 * handed out twice.  Runs in the kernel and on the host.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/string.h>

#include "../internal.h"

#define ARENA_BASE	1024UL		/* a MAX_ORDER-aligned pfn */
#define ARENA_PAGES	2048UL		/* two MAX_ORDER blocks */

static struct page arena[ARENA_PAGES];
static u8 owned[ARENA_PAGES];		/* handed out, per page */
static struct buddy_zone z;

static int buddy_test_init(struct ktest *t)
{
	memset(arena, 0, sizeof(arena));
	memset(owned, 0, sizeof(owned));
	buddy_init(&z, arena, ARENA_BASE, ARENA_PAGES);
	return 0;
}

static unsigned long pfn_of(const struct page *page)
{
	return ARENA_BASE + (unsigned long)(page - arena);
}

static void expect_counts(struct ktest *t, const unsigned long *want)
{
	unsigned int order;

	for (order = 0; order <= MAX_ORDER; order++)
		if (z.free_area[order].nr_free != want[order])
			ktest_fail_at(t, __FILE__, __LINE__,
				      "order %u: %lu free blocks, expected %lu",
				      order, z.free_area[order].nr_free,
				      want[order]);
}

static void free_range_uses_largest_blocks(struct ktest *t)
{
	static const unsigned long want[NR_PAGE_ORDERS] = { [10] = 2 };

	buddy_free_range(&z, ARENA_BASE, ARENA_BASE + ARENA_PAGES);
	KTEST_EXPECT_EQ(t, z.free_pages, ARENA_PAGES);
	expect_counts(t, want);
}

static void free_range_unaligned(struct ktest *t)
{
	static const unsigned long want[NR_PAGE_ORDERS] = {
		[0] = 1, [2] = 2, [3] = 1,
	};

	/* 3 | 4-7 | 8-15 | 16-19 */
	buddy_free_range(&z, ARENA_BASE + 3, ARENA_BASE + 20);
	KTEST_EXPECT_EQ(t, z.free_pages, 17);
	expect_counts(t, want);
}

static void split_and_coalesce(struct ktest *t)
{
	static const unsigned long split[NR_PAGE_ORDERS] = {
		1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	};
	static const unsigned long whole[NR_PAGE_ORDERS] = { [10] = 2 };
	struct page *a, *b;

	buddy_free_range(&z, ARENA_BASE, ARENA_BASE + ARENA_PAGES);

	/* One page from a fresh block leaves one free block per order. */
	a = buddy_alloc(&z, 0);
	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_EXPECT_EQ(t, pfn_of(a) % 1024, 0);
	KTEST_EXPECT_EQ(t, z.free_pages, ARENA_PAGES - 1);
	expect_counts(t, split);

	/* The next page is its buddy: order 0 is empty again. */
	b = buddy_alloc(&z, 0);
	KTEST_ASSERT_NOT_NULL(t, b);
	KTEST_EXPECT_EQ(t, pfn_of(b), pfn_of(a) + 1);
	KTEST_EXPECT_EQ(t, z.free_area[0].nr_free, 0);

	buddy_free(&z, b, 0);
	KTEST_EXPECT_EQ(t, z.free_area[0].nr_free, 1);
	buddy_free(&z, a, 0);
	KTEST_EXPECT_EQ(t, z.free_pages, ARENA_PAGES);
	expect_counts(t, whole);
}

/*
 * Freeing a page that has merged into a larger free block is refused,
 * though the page no longer heads a free block of its own.
 */
static void double_free_after_merge_refused(struct ktest *t)
{
	static const unsigned long whole[NR_PAGE_ORDERS] = { [10] = 2 };
	struct page *a, *b;

	buddy_free_range(&z, ARENA_BASE, ARENA_BASE + ARENA_PAGES);
	a = buddy_alloc(&z, 0);
	b = buddy_alloc(&z, 0);
	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	KTEST_EXPECT_EQ(t, buddy_free(&z, a, 0), 0);
	KTEST_EXPECT_EQ(t, buddy_free(&z, b, 0), 0);
	expect_counts(t, whole);

	KTEST_EXPECT_EQ(t, buddy_free(&z, b, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, buddy_free(&z, a, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, buddy_free(&z, a + 700, 2), -EINVAL);
	KTEST_EXPECT_EQ(t, z.free_pages, ARENA_PAGES);
	expect_counts(t, whole);
}

/* A block with one of its pages already free is refused as a whole. */
static void free_over_free_page_refused(struct ktest *t)
{
	struct page *block;
	unsigned long free;

	buddy_free_range(&z, ARENA_BASE, ARENA_BASE + ARENA_PAGES);
	block = buddy_alloc(&z, 2);
	KTEST_ASSERT_NOT_NULL(t, block);
	KTEST_EXPECT_EQ(t, buddy_free(&z, block + 3, 0), 0);
	free = z.free_pages;
	KTEST_EXPECT_EQ(t, buddy_free(&z, block, 2), -EINVAL);
	KTEST_EXPECT_EQ(t, z.free_pages, free);
	KTEST_EXPECT_FALSE(t, buddy_range_is_free(&z, block, 1));
	KTEST_EXPECT_TRUE(t, buddy_range_is_free(&z, block + 2, 1));
}

static void blocks_are_aligned(struct ktest *t)
{
	unsigned int order;

	buddy_free_range(&z, ARENA_BASE + 1, ARENA_BASE + ARENA_PAGES);
	for (order = 0; order <= 9; order++) {
		struct page *p = buddy_alloc(&z, order);

		KTEST_ASSERT_NOT_NULL(t, p);
		KTEST_EXPECT_EQ(t, pfn_of(p) & ((1UL << order) - 1), 0);
	}
	KTEST_EXPECT_NULL(t, buddy_alloc(&z, MAX_ORDER + 1));
}

static void zone_edge_stops_merging(struct ktest *t)
{
	static const unsigned long want[NR_PAGE_ORDERS] = {
		[9] = 1, [10] = 1,
	};

	/* A zone of one and a half blocks: the upper half has no buddy. */
	buddy_init(&z, arena, ARENA_BASE, 1536);
	buddy_free_range(&z, ARENA_BASE, ARENA_BASE + 1536);
	expect_counts(t, want);
	KTEST_EXPECT_EQ(t, z.free_pages, 1536);
}

static void exhaustion_returns_null(struct ktest *t)
{
	static const unsigned long whole[NR_PAGE_ORDERS] = { [10] = 2 };
	unsigned long i, n = 0;
	struct page *p;

	buddy_free_range(&z, ARENA_BASE, ARENA_BASE + ARENA_PAGES);
	while ((p = buddy_alloc(&z, 0))) {
		KTEST_ASSERT_EQ(t, owned[p - arena], 0);
		owned[p - arena] = 1;
		n++;
	}
	KTEST_EXPECT_EQ(t, n, ARENA_PAGES);
	KTEST_EXPECT_EQ(t, z.free_pages, 0);
	KTEST_EXPECT_NULL(t, buddy_alloc(&z, 3));
	for (i = 0; i < ARENA_PAGES; i++)
		buddy_free(&z, &arena[i], 0);
	KTEST_EXPECT_EQ(t, z.free_pages, ARENA_PAGES);
	expect_counts(t, whole);
}

/* xorshift: the same sequence in the kernel and on the host. */
static u32 next_random(u32 *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

#define STRESS_SLOTS	64

static void stress_keeps_counts(struct ktest *t)
{
	static const unsigned long whole[NR_PAGE_ORDERS] = { [10] = 2 };
	struct page *slot[STRESS_SLOTS] = { NULL };
	unsigned int order[STRESS_SLOTS];
	unsigned long held = 0, i;
	u32 seed = 0x2545f491;
	int round;

	buddy_free_range(&z, ARENA_BASE, ARENA_BASE + ARENA_PAGES);
	for (round = 0; round < 20000; round++) {
		unsigned int s = next_random(&seed) % STRESS_SLOTS;

		if (slot[s]) {
			for (i = 0; i < (1UL << order[s]); i++)
				owned[slot[s] - arena + i] = 0;
			buddy_free(&z, slot[s], order[s]);
			held -= 1UL << order[s];
			slot[s] = NULL;
			continue;
		}
		order[s] = next_random(&seed) % 6;
		slot[s] = buddy_alloc(&z, order[s]);
		if (!slot[s])
			continue;
		held += 1UL << order[s];
		for (i = 0; i < (1UL << order[s]); i++) {
			KTEST_ASSERT_EQ(t, owned[slot[s] - arena + i], 0);
			owned[slot[s] - arena + i] = 1;
		}
		KTEST_ASSERT_EQ(t, z.free_pages, ARENA_PAGES - held);
	}
	for (i = 0; i < STRESS_SLOTS; i++)
		if (slot[i])
			buddy_free(&z, slot[i], order[i]);
	KTEST_EXPECT_EQ(t, z.free_pages, ARENA_PAGES);
	expect_counts(t, whole);
}

static struct ktest_case buddy_cases[] = {
	KTEST_CASE(free_range_uses_largest_blocks),
	KTEST_CASE(free_range_unaligned),
	KTEST_CASE(split_and_coalesce),
	KTEST_CASE(double_free_after_merge_refused),
	KTEST_CASE(free_over_free_page_refused),
	KTEST_CASE(blocks_are_aligned),
	KTEST_CASE(zone_edge_stops_merging),
	KTEST_CASE(exhaustion_returns_null),
	KTEST_CASE(stress_keeps_counts),
	{}
};

static struct ktest_suite buddy_suite = {
	.name = "buddy",
	.init = buddy_test_init,
	.cases = buddy_cases,
};
ktest_register_suite(buddy_suite);
