// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for vmalloc (mm/vmalloc.c): pages mapped and backed as
 * vmalloc_to_page() says, freed areas unmapped (a read faults, caught by
 * copy_from_kernel_nofault()), first-fit hole reuse, find_vm_area() and
 * its guard page, vzalloc(), kernel stacks with a guard page below, no
 * pages leaked over a vmalloc/vfree loop, and no page-table page left
 * behind by vfree() to stop the buddy allocator merging a 4 MiB block.
 */
#include <keel/errno.h>
#include <keel/extable.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/mm.h>
#include <keel/slab.h>
#include <keel/vmalloc.h>

static void map_and_unmap(struct ktest *t)
{
	u8 *p = vmalloc(3 * PAGE_SIZE), byte;
	unsigned long i, bad = 0;

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_TRUE(t, is_vmalloc_addr(p));
	for (i = 0; i < 3 * PAGE_SIZE; i++)
		p[i] = (u8)(i * 7 + 1);
	for (i = 0; i < 3 * PAGE_SIZE; i++)
		bad += p[i] != (u8)(i * 7 + 1);
	KTEST_EXPECT_EQ(t, bad, 0);
	for (i = 0; i < 3; i++) {
		struct page *page = vmalloc_to_page(p + i * PAGE_SIZE + 5);
		const u8 *alias;

		KTEST_ASSERT_NOT_NULL(t, page);
		alias = page_address(page);
		KTEST_EXPECT_EQ(t, alias[5], (u8)((i * PAGE_SIZE + 5) * 7 + 1));
	}
	KTEST_EXPECT_NULL(t, vmalloc_to_page(p + 3 * PAGE_SIZE));
	vfree(p);
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(&byte, p, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(&byte, p + 2 * PAGE_SIZE,
						    1), -EFAULT);
	KTEST_EXPECT_NULL(t, vmalloc_to_page(p));
}

static void holes_reused(struct ktest *t)
{
	void *a = vmalloc(2 * PAGE_SIZE), *b = vmalloc(2 * PAGE_SIZE), *c;

	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	KTEST_EXPECT_PTR_NE(t, a, b);
	vfree(a);
	c = vmalloc(2 * PAGE_SIZE);
	KTEST_EXPECT_PTR_EQ(t, c, a);
	vfree(c);
	vfree(b);
}

static void find_area(struct ktest *t)
{
	u8 *p = vmalloc(PAGE_SIZE + 1);
	struct vm_struct *area;

	KTEST_ASSERT_NOT_NULL(t, p);
	area = find_vm_area(p);
	KTEST_ASSERT_NOT_NULL(t, area);
	KTEST_EXPECT_PTR_EQ(t, area->addr, p);
	KTEST_EXPECT_EQ(t, area->size, 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, area->nr_pages, 2);
	KTEST_EXPECT_EQ(t, area->flags, VM_ALLOC);
	KTEST_EXPECT_PTR_EQ(t, find_vm_area(p + 2 * PAGE_SIZE - 1), area);
	/* The guard page after the area belongs to no area. */
	KTEST_EXPECT_NULL(t, find_vm_area(p + 2 * PAGE_SIZE));
	vfree(p);
	KTEST_EXPECT_NULL(t, find_vm_area(p));
	KTEST_EXPECT_NULL(t, vmalloc(0));
}

static void vzalloc_zeroes(struct ktest *t)
{
	unsigned long i, nonzero = 0;
	u8 *p = vmalloc(4 * PAGE_SIZE);

	KTEST_ASSERT_NOT_NULL(t, p);
	for (i = 0; i < 4 * PAGE_SIZE; i++)
		p[i] = 0xa5;
	vfree(p);
	p = vzalloc(4 * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(t, p);
	for (i = 0; i < 4 * PAGE_SIZE; i++)
		nonzero += p[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	vfree(p);
}

static void thread_stack_guard(struct ktest *t)
{
	u8 *stack = alloc_thread_stack(), byte;
	struct vm_struct *area;

	KTEST_ASSERT_NOT_NULL(t, stack);
	KTEST_EXPECT_TRUE(t, IS_ALIGNED((unsigned long)stack, THREAD_SIZE));
	area = find_vm_area(stack);
	KTEST_ASSERT_NOT_NULL(t, area);
	KTEST_EXPECT_EQ(t, area->flags, VM_ALLOC | VM_STACK);
	KTEST_EXPECT_EQ(t, area->size, THREAD_SIZE);
	stack[0] = 1;
	stack[THREAD_SIZE - 1] = 2;
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(&byte, stack - 1, 1),
			-EFAULT);
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(&byte,
						    stack + THREAD_SIZE, 1),
			-EFAULT);
	free_thread_stack(stack);
}

/* Sizes from 1 page to 17, in an order that leaves holes of each size. */
static void alloc_free_round(void **ptrs, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		ptrs[i] = vmalloc(((i * 5) % 17 + 1) * PAGE_SIZE);
	for (i = 0; i < n; i += 2)
		vfree(ptrs[i]);
	for (i = 1; i < n; i += 2)
		vfree(ptrs[i]);
}

static void no_leak_after_stress(struct ktest *t)
{
	void *ptrs[32];
	unsigned long before;
	unsigned int round;

	/* One round first, so slab caches hold what they keep anyway. */
	alloc_free_round(ptrs, ARRAY_SIZE(ptrs));
	before = nr_free_pages_shrunk();
	for (round = 0; round < 20; round++)
		alloc_free_round(ptrs, ARRAY_SIZE(ptrs));
	KTEST_EXPECT_EQ(t, nr_free_pages_shrunk(), before);
}

/* Allocate every free MAX_ORDER block onto @held; how many. */
static unsigned int hold_big_blocks(struct list_head *held)
{
	struct page *page;
	unsigned int n = 0;

	while ((page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER))) {
		list_add(&page->lru, held);
		n++;
	}
	return n;
}

static void release_big_blocks(struct list_head *held)
{
	struct page *page, *tmp;

	list_for_each_entry_safe(page, tmp, held, lru) {
		list_del(&page->lru);
		__free_pages(page, MAX_ORDER);
	}
}

/*
 * With one 4 MiB block free and the rest held, a vmalloc() of nearly all
 * free memory splits that block last, so the page tables allocated as it
 * crosses 2 MiB boundaries land in it.  vfree() must give them back, or
 * the block cannot merge again.
 */
static void big_block_after_vfree(struct ktest *t)
{
	unsigned long before, size;
	struct page *block;
	LIST_HEAD(held);
	void *p;

	if (ktest_skip_memory_exhaustion(t))
		return;
	if (hold_big_blocks(&held) == 0) {
		ktest_skip(t, "needs a free 4 MiB block");
		return;
	}
	block = list_first_entry(&held, struct page, lru);
	list_del(&block->lru);
	__free_pages(block, MAX_ORDER);
	/* The vm_struct may take a slab that its cache keeps once empty. */
	before = nr_free_pages_shrunk();
	/* Room for the pages array, the vm_struct and the tables. */
	size = (before - 64) << PAGE_SHIFT;
	p = vmalloc(size);
	KTEST_EXPECT_NOT_NULL(t, p);
	vfree(p);
	KTEST_EXPECT_EQ(t, nr_free_pages_shrunk(), before);
	block = alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER);
	KTEST_EXPECT_NOT_NULL(t, block);
	if (block)
		__free_pages(block, MAX_ORDER);
	release_big_blocks(&held);
}

static struct ktest_case vmalloc_cases[] = {
	KTEST_CASE(map_and_unmap),
	KTEST_CASE(holes_reused),
	KTEST_CASE(find_area),
	KTEST_CASE(vzalloc_zeroes),
	KTEST_CASE(thread_stack_guard),
	KTEST_CASE(no_leak_after_stress),
	KTEST_CASE(big_block_after_vfree),
	{}
};

static struct ktest_suite vmalloc_suite = {
	.name = "vmalloc",
	.cases = vmalloc_cases,
};
ktest_register_suite(vmalloc_suite);
