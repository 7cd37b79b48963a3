// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for the VMA tree (mm/vma.c): insertion with overlap and
 * range checks, lookup at area edges, first-fit and last-fit (top-down)
 * free-space search with alignment and hole reuse, removal and in-order
 * iteration.  Runs in the kernel and on the host.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/vma.h>

#define LOW	0x10000UL
#define HIGH	0x20000UL

static struct vm_area_struct areas[8];

static struct vm_area_struct *area(unsigned int i, unsigned long start,
				   unsigned long end)
{
	areas[i].vm_start = start;
	areas[i].vm_end = end;
	areas[i].vm_flags = i;
	return &areas[i];
}

static void insert_and_overlap(struct ktest *t)
{
	struct vma_tree tree = VMA_TREE_INIT;

	KTEST_EXPECT_EQ(t, vma_insert(&tree, area(0, 0x2000, 0x4000)), 0);
	KTEST_EXPECT_EQ(t, vma_insert(&tree, area(1, 0x4000, 0x5000)), 0);
	KTEST_EXPECT_EQ(t, vma_insert(&tree, area(2, 0x1000, 0x2000)), 0);
	KTEST_EXPECT_EQ(t, vma_insert(&tree, area(3, 0x3000, 0x3001)), -EEXIST);
	KTEST_EXPECT_EQ(t, vma_insert(&tree, area(3, 0x1fff, 0x2001)), -EEXIST);
	KTEST_EXPECT_EQ(t, vma_insert(&tree, area(3, 0x0, 0x9000)), -EEXIST);
	KTEST_EXPECT_EQ(t, vma_insert(&tree, area(3, 0x4fff, 0x5000)), -EEXIST);
	KTEST_EXPECT_EQ(t, vma_insert(&tree, area(3, 0x6000, 0x6000)), -EINVAL);
	KTEST_EXPECT_EQ(t, vma_insert(&tree, area(3, 0x7000, 0x6000)), -EINVAL);
	KTEST_EXPECT_EQ(t, vma_insert(&tree, area(3, 0x5000, 0x6000)), 0);
}

static void find_edges(struct ktest *t)
{
	struct vma_tree tree = VMA_TREE_INIT;

	KTEST_ASSERT_EQ(t, vma_insert(&tree, area(0, 0x2000, 0x4000)), 0);
	KTEST_ASSERT_EQ(t, vma_insert(&tree, area(1, 0x5000, 0x6000)), 0);
	KTEST_EXPECT_NULL(t, vma_find(&tree, 0x1fff));
	KTEST_EXPECT_PTR_EQ(t, vma_find(&tree, 0x2000), &areas[0]);
	KTEST_EXPECT_PTR_EQ(t, vma_find(&tree, 0x3fff), &areas[0]);
	KTEST_EXPECT_NULL(t, vma_find(&tree, 0x4000));
	KTEST_EXPECT_NULL(t, vma_find(&tree, 0x4fff));
	KTEST_EXPECT_PTR_EQ(t, vma_find(&tree, 0x5000), &areas[1]);
	KTEST_EXPECT_NULL(t, vma_find(&tree, 0x6000));
	KTEST_EXPECT_NULL(t, vma_find(&tree, ~0UL));
}

static void unmapped_area_first_fit(struct ktest *t)
{
	struct vma_tree tree = VMA_TREE_INIT;

	KTEST_EXPECT_EQ(t, vma_get_unmapped_area(&tree, LOW, HIGH, 0x1000, 1),
			LOW);
	KTEST_ASSERT_EQ(t, vma_insert(&tree, area(0, LOW, LOW + 0x1000)), 0);
	KTEST_ASSERT_EQ(t, vma_insert(&tree, area(1, LOW + 0x3000,
						  LOW + 0x4000)), 0);
	/* The 0x2000 hole after area 0 takes what fits in it... */
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area(&tree, LOW, HIGH, 0x2000, 1),
			LOW + 0x1000);
	/* ...but not what does not, nor an alignment it cannot meet. */
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area(&tree, LOW, HIGH, 0x2001, 1),
			LOW + 0x4000);
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area(&tree, LOW, HIGH, 0x1000,
						 0x4000), LOW + 0x4000);
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area(&tree, LOW, HIGH, 0x1000,
						 0x2000), LOW + 0x2000);
	/* Exactly up to @high fits; one byte more does not. */
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area(&tree, LOW, HIGH,
						 HIGH - LOW - 0x4000, 1),
			LOW + 0x4000);
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area(&tree, LOW, HIGH,
						 HIGH - LOW - 0x3fff, 1),
			(unsigned long)-ENOMEM);
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area(&tree, LOW, HIGH, 0, 1),
			(unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area(&tree, ~0UL - 0x10, ~0UL,
						 0x10, 0x1000),
			(unsigned long)-ENOMEM);
	KTEST_EXPECT_TRUE(t, IS_ERR_VALUE(vma_get_unmapped_area(&tree, LOW,
						HIGH, HIGH, 1)));
}

static void remove_reuses_hole(struct ktest *t)
{
	struct vma_tree tree = VMA_TREE_INIT;
	unsigned long addr;
	unsigned int i;

	for (i = 0; i < 4; i++) {
		addr = vma_get_unmapped_area(&tree, LOW, HIGH, 0x1000, 1);
		KTEST_ASSERT_EQ(t, addr, LOW + i * 0x1000);
		KTEST_ASSERT_EQ(t, vma_insert(&tree, area(i, addr,
							  addr + 0x1000)), 0);
	}
	vma_remove(&tree, &areas[1]);
	KTEST_EXPECT_TRUE(t, RB_EMPTY_NODE(&areas[1].vm_rb));
	KTEST_EXPECT_NULL(t, vma_find(&tree, LOW + 0x1000));
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area(&tree, LOW, HIGH, 0x1000, 1),
			LOW + 0x1000);
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area(&tree, LOW, HIGH, 0x2000, 1),
			LOW + 0x4000);
	vma_remove(&tree, &areas[2]);
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area(&tree, LOW, HIGH, 0x2000, 1),
			LOW + 0x1000);
}

static void iterate_in_order(struct ktest *t)
{
	static const unsigned long starts[] = { 0x5000, 0x1000, 0x3000,
						0x7000, 0x2000 };
	struct vma_tree tree = VMA_TREE_INIT;
	struct vm_area_struct *vma;
	unsigned long prev = 0;
	unsigned int i, n = 0;

	KTEST_EXPECT_NULL(t, vma_first(&tree));
	for (i = 0; i < ARRAY_SIZE(starts); i++)
		KTEST_ASSERT_EQ(t, vma_insert(&tree, area(i, starts[i],
							  starts[i] + 0x800)),
				0);
	for (vma = vma_first(&tree); vma; vma = vma_next(vma)) {
		KTEST_EXPECT_GT(t, vma->vm_start, prev);
		KTEST_EXPECT_EQ(t, vma->vm_end, vma->vm_start + 0x800);
		prev = vma->vm_start;
		n++;
	}
	KTEST_EXPECT_EQ(t, n, 5);
	KTEST_EXPECT_EQ(t, vma_first(&tree)->vm_flags, 1);
}

/* Last fit: the highest aligned room, below @high and above @low. */
static void unmapped_area_top_down(struct ktest *t)
{
	struct vma_tree tree = VMA_TREE_INIT;

	KTEST_EXPECT_EQ(t, vma_get_unmapped_area_topdown(&tree, LOW, HIGH,
							 0x1000, 0x1000),
			HIGH - 0x1000);
	KTEST_ASSERT_EQ(t, vma_insert(&tree, area(0, 0x1e000, 0x20000)), 0);
	KTEST_ASSERT_EQ(t, vma_insert(&tree, area(1, 0x12000, 0x1c000)), 0);
	/* Two 0x2000 gaps, at 0x10000 and 0x1c000: the upper one first. */
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area_topdown(&tree, LOW, HIGH,
							 0x2000, 0x1000),
			0x1c000UL);
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area_topdown(&tree, LOW, HIGH,
							 0x1800, 0x1000),
			0x1c000UL);
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area_topdown(&tree, LOW, HIGH,
							 0x1800, 1),
			0x1c800UL);
	/* Alignment can push it down to the lower gap. */
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area_topdown(&tree, LOW, HIGH,
							 0x1000, 0x8000),
			0x10000UL);
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area_topdown(&tree, LOW, HIGH,
							 0x2001, 1),
			(unsigned long)-ENOMEM);
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area_topdown(&tree, LOW, HIGH,
							 0, 1),
			(unsigned long)-EINVAL);
	/* Areas outside [low, high) do not matter. */
	KTEST_EXPECT_EQ(t, vma_get_unmapped_area_topdown(&tree, 0x1c000,
							 0x1e000, 0x2000, 1),
			0x1c000UL);
}

static void find_above_and_prev(struct ktest *t)
{
	struct vma_tree tree = VMA_TREE_INIT;

	KTEST_EXPECT_NULL(t, vma_find_above(&tree, 0));
	KTEST_ASSERT_EQ(t, vma_insert(&tree, area(0, 0x3000, 0x4000)), 0);
	KTEST_ASSERT_EQ(t, vma_insert(&tree, area(1, 0x1000, 0x2000)), 0);
	KTEST_ASSERT_EQ(t, vma_insert(&tree, area(2, 0x6000, 0x7000)), 0);
	KTEST_EXPECT_PTR_EQ(t, vma_find_above(&tree, 0), &areas[1]);
	KTEST_EXPECT_PTR_EQ(t, vma_find_above(&tree, 0x1fff), &areas[1]);
	KTEST_EXPECT_PTR_EQ(t, vma_find_above(&tree, 0x2000), &areas[0]);
	KTEST_EXPECT_PTR_EQ(t, vma_find_above(&tree, 0x4000), &areas[2]);
	KTEST_EXPECT_PTR_EQ(t, vma_find_above(&tree, 0x6fff), &areas[2]);
	KTEST_EXPECT_NULL(t, vma_find_above(&tree, 0x7000));
	KTEST_EXPECT_PTR_EQ(t, vma_prev(&areas[2]), &areas[0]);
	KTEST_EXPECT_NULL(t, vma_prev(&areas[1]));
}

static struct ktest_case vma_cases[] = {
	KTEST_CASE(insert_and_overlap),
	KTEST_CASE(find_edges),
	KTEST_CASE(unmapped_area_first_fit),
	KTEST_CASE(remove_reuses_hole),
	KTEST_CASE(iterate_in_order),
	KTEST_CASE(unmapped_area_top_down),
	KTEST_CASE(find_above_and_prev),
	{}
};

static struct ktest_suite vma_suite = {
	.name = "vma",
	.cases = vma_cases,
};
ktest_register_suite(vma_suite);
