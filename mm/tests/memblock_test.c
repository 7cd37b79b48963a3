// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for memblock's range arithmetic and allocator, on private
 * instances (never the kernel's): merging, splitting around reservations,
 * invalid ranges, a full region array, top-down aligned allocation below
 * the limit, and the free-range iterator.  Runs in the kernel and on the
 * host.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/memblock.h>
#include <keel/string.h>

static struct memblock_region mem_r[8], res_r[8];
static struct memblock mb;

static int memblock_test_init(struct ktest *t)
{
	memset(&mb, 0, sizeof(mb));
	mb.current_limit = ~(phys_addr_t)0;
	mb.memory.max = ARRAY_SIZE(mem_r);
	mb.memory.regions = mem_r;
	mb.reserved.max = ARRAY_SIZE(res_r);
	mb.reserved.regions = res_r;
	return 0;
}

#define EXPECT_REGION(t, type, i, b, s)					\
	do {								\
		KTEST_EXPECT_EQ(t, (type)->regions[i].base, b);		\
		KTEST_EXPECT_EQ(t, (type)->regions[i].size, s);		\
	} while (0)

static void add_merges_adjacent(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, memblock_add_range(&mb.memory, 0x1000, 0x1000), 0);
	KTEST_EXPECT_EQ(t, memblock_add_range(&mb.memory, 0x3000, 0x1000), 0);
	KTEST_ASSERT_EQ(t, mb.memory.cnt, 2);
	KTEST_EXPECT_EQ(t, memblock_add_range(&mb.memory, 0x2000, 0x1000), 0);
	KTEST_ASSERT_EQ(t, mb.memory.cnt, 1);
	EXPECT_REGION(t, &mb.memory, 0, 0x1000, 0x3000);
}

static void add_merges_overlapping(struct ktest *t)
{
	memblock_add_range(&mb.memory, 0x1000, 0x2000);
	memblock_add_range(&mb.memory, 0x2000, 0x3000);
	KTEST_ASSERT_EQ(t, mb.memory.cnt, 1);
	EXPECT_REGION(t, &mb.memory, 0, 0x1000, 0x4000);
	/* Inside an existing region: nothing changes. */
	memblock_add_range(&mb.memory, 0x1800, 0x100);
	KTEST_ASSERT_EQ(t, mb.memory.cnt, 1);
	EXPECT_REGION(t, &mb.memory, 0, 0x1000, 0x4000);
}

static void add_keeps_order(struct ktest *t)
{
	memblock_add_range(&mb.memory, 0x9000, 0x1000);
	memblock_add_range(&mb.memory, 0x1000, 0x1000);
	memblock_add_range(&mb.memory, 0x5000, 0x1000);
	KTEST_ASSERT_EQ(t, mb.memory.cnt, 3);
	EXPECT_REGION(t, &mb.memory, 0, 0x1000, 0x1000);
	EXPECT_REGION(t, &mb.memory, 1, 0x5000, 0x1000);
	EXPECT_REGION(t, &mb.memory, 2, 0x9000, 0x1000);
	/* One range covering all three swallows them. */
	memblock_add_range(&mb.memory, 0x800, 0xa000);
	KTEST_ASSERT_EQ(t, mb.memory.cnt, 1);
	EXPECT_REGION(t, &mb.memory, 0, 0x800, 0xa000);
}

static void add_rejects_garbage(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, memblock_add_range(&mb.memory, 0x1000, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, memblock_add_range(&mb.memory,
					      ~(phys_addr_t)0 - 0xfff, 0x2000),
			-EINVAL);
	KTEST_EXPECT_EQ(t, memblock_add_range(&mb.memory,
					      ~(phys_addr_t)0 - 0xfff, 0x1000),
			-EINVAL);
	KTEST_EXPECT_EQ(t, mb.memory.cnt, 0);
}

static void add_full_array(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mem_r); i++)
		KTEST_ASSERT_EQ(t, memblock_add_range(&mb.memory,
						      0x10000 * (i + 1), 0x1000),
				0);
	KTEST_EXPECT_EQ(t, memblock_add_range(&mb.memory, 0x1000, 0x1000),
			-ENOSPC);
	KTEST_EXPECT_EQ(t, mb.memory.cnt, ARRAY_SIZE(mem_r));
	EXPECT_REGION(t, &mb.memory, 0, 0x10000, 0x1000);
	/* Merging needs no new slot. */
	KTEST_EXPECT_EQ(t, memblock_add_range(&mb.memory, 0x11000, 0x1000), 0);
	EXPECT_REGION(t, &mb.memory, 0, 0x10000, 0x2000);
	/* Bridging two regions frees one. */
	KTEST_EXPECT_EQ(t, memblock_add_range(&mb.memory, 0x12000, 0xe000), 0);
	KTEST_EXPECT_EQ(t, mb.memory.cnt, ARRAY_SIZE(mem_r) - 1);
	EXPECT_REGION(t, &mb.memory, 0, 0x10000, 0x11000);
}

static void overlaps(struct ktest *t)
{
	memblock_add_range(&mb.memory, 0x2000, 0x2000);
	KTEST_EXPECT_FALSE(t, memblock_overlaps_region(&mb.memory, 0x1000, 0x1000));
	KTEST_EXPECT_TRUE(t, memblock_overlaps_region(&mb.memory, 0x1000, 0x1001));
	KTEST_EXPECT_TRUE(t, memblock_overlaps_region(&mb.memory, 0x3fff, 0x10));
	KTEST_EXPECT_FALSE(t, memblock_overlaps_region(&mb.memory, 0x4000, 0x10));
}

static void alloc_top_down_below_limit(struct ktest *t)
{
	memblock_add_range(&mb.memory, 0x100000, 0x100000);
	mb.current_limit = 0x180000;
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0x1000, 0x1000), 0x17f000);
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0x1000, 0x1000), 0x17e000);
	KTEST_ASSERT_EQ(t, mb.reserved.cnt, 1);
	EXPECT_REGION(t, &mb.reserved, 0, 0x17e000, 0x2000);
}

static void alloc_skips_reserved(struct ktest *t)
{
	memblock_add_range(&mb.memory, 0x100000, 0x100000);
	memblock_add_range(&mb.reserved, 0x1f0000, 0x10000);
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0x1000, 0x1000), 0x1ef000);
	/* The aligned block must end below the reservation just made. */
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0x1000, 0x10000), 0x1e0000);
	/* Small alignments pack below the previous allocation. */
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0x100, 8), 0x1eef00);
	KTEST_ASSERT_EQ(t, mb.reserved.cnt, 2);
	EXPECT_REGION(t, &mb.reserved, 0, 0x1e0000, 0x1000);
	EXPECT_REGION(t, &mb.reserved, 1, 0x1eef00, 0x11100);
}

static void alloc_falls_back_to_lower_region(struct ktest *t)
{
	memblock_add_range(&mb.memory, 0x10000, 0x10000);
	memblock_add_range(&mb.memory, 0x40000, 0x1000);
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0x2000, 0x1000), 0x1e000);
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0x1000, 0x1000), 0x40000);
}

static void alloc_fails_cleanly(struct ktest *t)
{
	memblock_add_range(&mb.memory, 0, 0x4000);
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0x5000, 0x1000), 0);
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0x1000, 3), 0);
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0x1000, 0), 0);
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0, 0x1000), 0);
	/* Address 0 means failure, so it is never handed out. */
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0x4000, 0x1000), 0);
	KTEST_EXPECT_EQ(t, mb.reserved.cnt, 0);
	mb.current_limit = 0;
	KTEST_EXPECT_EQ(t, memblock_alloc_range(&mb, 0x1000, 0x1000), 0);
}

static void free_ranges(struct ktest *t)
{
	phys_addr_t start = 0, end = 0;
	unsigned int idx = 0;

	memblock_add_range(&mb.memory, 0, 0x10000);
	memblock_add_range(&mb.memory, 0x20000, 0x10000);
	memblock_add_range(&mb.reserved, 0, 0x1000);
	memblock_add_range(&mb.reserved, 0x8000, 0x1000);
	memblock_add_range(&mb.reserved, 0xf000, 0x12000);
	memblock_add_range(&mb.reserved, 0x2f000, 0x10000);

	KTEST_ASSERT_TRUE(t, memblock_next_free_range(&mb, &idx, &start, &end));
	KTEST_EXPECT_EQ(t, start, 0x1000);
	KTEST_EXPECT_EQ(t, end, 0x8000);
	KTEST_ASSERT_TRUE(t, memblock_next_free_range(&mb, &idx, &start, &end));
	KTEST_EXPECT_EQ(t, start, 0x9000);
	KTEST_EXPECT_EQ(t, end, 0xf000);
	KTEST_ASSERT_TRUE(t, memblock_next_free_range(&mb, &idx, &start, &end));
	KTEST_EXPECT_EQ(t, start, 0x21000);
	KTEST_EXPECT_EQ(t, end, 0x2f000);
	KTEST_EXPECT_FALSE(t, memblock_next_free_range(&mb, &idx, &start, &end));
	KTEST_EXPECT_EQ(t, idx, 3);
}

static struct ktest_case memblock_cases[] = {
	KTEST_CASE(add_merges_adjacent),
	KTEST_CASE(add_merges_overlapping),
	KTEST_CASE(add_keeps_order),
	KTEST_CASE(add_rejects_garbage),
	KTEST_CASE(add_full_array),
	KTEST_CASE(overlaps),
	KTEST_CASE(alloc_top_down_below_limit),
	KTEST_CASE(alloc_skips_reserved),
	KTEST_CASE(alloc_falls_back_to_lower_region),
	KTEST_CASE(alloc_fails_cleanly),
	KTEST_CASE(free_ranges),
	{}
};

static struct ktest_suite memblock_suite = {
	.name = "memblock",
	.init = memblock_test_init,
	.cases = memblock_cases,
};
ktest_register_suite(memblock_suite);
