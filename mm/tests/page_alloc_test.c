// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the kernel's page allocator (mm/page_alloc.c) on real memory:
 * exact free counts around allocations, __GFP_ZERO, exhaustion returning
 * NULL, a stress run that must give every page back, and the pfn, page
 * and address conversions.  Run while nothing else allocates.
 */
#include <keel/debug_report.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/list.h>
#include <keel/mm.h>
#include <keel/string.h>

static void counts_follow_allocations(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct page *p0, *p3;

	KTEST_ASSERT_TRUE(t, page_alloc_ready());
	KTEST_EXPECT_GE(t, totalram_pages(), before);
	p0 = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 1);
	p3 = alloc_pages(GFP_KERNEL, 3);
	KTEST_ASSERT_NOT_NULL(t, p3);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 9);
	KTEST_EXPECT_EQ(t, page_to_pfn(p3) & 7, 0);
	__free_pages(p3, 3);
	__free_pages(p0, 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void conversions(struct ktest *t)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 1);
	struct page *page;

	KTEST_ASSERT_NE(t, addr, 0);
	page = virt_to_page((void *)addr);
	KTEST_EXPECT_PTR_EQ(t, page_address(page), (void *)addr);
	KTEST_EXPECT_PTR_EQ(t, virt_to_page((void *)(addr + PAGE_SIZE + 5)),
			    page + 1);
	KTEST_EXPECT_PTR_EQ(t, pfn_to_page(page_to_pfn(page)), page);
	KTEST_EXPECT_EQ(t, PFN_PHYS(page_to_pfn(page)),
			__pa((void *)addr));
	/* Both pages are usable memory. */
	memset((void *)addr, 0x5a, 2 * PAGE_SIZE);
	free_pages(addr, 1);
}

static void zeroed_pages(struct ktest *t)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 2);

	KTEST_ASSERT_NE(t, addr, 0);
	memset((void *)addr, 0xff, 4 * PAGE_SIZE);
	free_pages(addr, 2);
	addr = __get_free_pages(GFP_KERNEL | __GFP_ZERO, 2);
	KTEST_ASSERT_NE(t, addr, 0);
	KTEST_EXPECT_NULL(t, memchr_inv((void *)addr, 0, 4 * PAGE_SIZE));
	free_pages(addr, 2);

	addr = get_zeroed_page(GFP_KERNEL);
	KTEST_ASSERT_NE(t, addr, 0);
	KTEST_EXPECT_NULL(t, memchr_inv((void *)addr, 0, PAGE_SIZE));
	free_page(addr);
	free_page(0);
}

static void order_too_large(struct ktest *t)
{
	unsigned long before = nr_free_pages();

	KTEST_EXPECT_NULL(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN,
					 MAX_ORDER + 1));
	KTEST_EXPECT_EQ(t, __get_free_pages(GFP_KERNEL | __GFP_NOWARN, 30), 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * Take every free page, the largest blocks first (so a 4 GiB machine
 * needs a few thousand calls, not a million), down to single pages: the
 * allocator must hand out exactly what it counted as free, then fail.
 */
static void exhaustion_returns_null(struct ktest *t)
{
	unsigned long before = nr_free_pages(), n = 0;
	struct page *page, *next;
	LIST_HEAD(held);
	int order;

	for (order = MAX_ORDER; order >= 0; order--) {
		while ((page = alloc_pages(GFP_KERNEL | __GFP_NOWARN,
					   order))) {
			list_add(&page->lru, &held);
			n += 1UL << order;
		}
	}
	KTEST_EXPECT_EQ(t, n, before);
	KTEST_EXPECT_EQ(t, nr_free_pages(), 0);
	KTEST_EXPECT_NULL(t, alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 3));
	list_for_each_entry_safe(page, next, &held, lru) {
		list_del(&page->lru);
		__free_pages(page, page->order);
	}
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static u32 next_random(u32 *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

#define STRESS_SLOTS	128

static void stress_returns_every_page(struct ktest *t)
{
	static struct page *slot[STRESS_SLOTS];
	static unsigned int order[STRESS_SLOTS];
	unsigned long before = nr_free_pages();
	u32 seed = 0x9e3779b9;
	unsigned int i;
	int round;

	for (round = 0; round < 5000; round++) {
		unsigned int s = next_random(&seed) % STRESS_SLOTS;
		u8 *mem;

		if (slot[s]) {
			mem = page_address(slot[s]);
			/* Still holds the tag written at allocation. */
			KTEST_EXPECT_EQ(t, mem[0], s);
			__free_pages(slot[s], order[s]);
			slot[s] = NULL;
			continue;
		}
		order[s] = next_random(&seed) % 5;
		slot[s] = alloc_pages(GFP_KERNEL | __GFP_ZERO, order[s]);
		KTEST_ASSERT_NOT_NULL(t, slot[s]);
		mem = page_address(slot[s]);
		KTEST_EXPECT_NULL(t, memchr_inv(mem, 0, PAGE_SIZE << order[s]));
		memset(mem, s, PAGE_SIZE << order[s]);
	}
	for (i = 0; i < STRESS_SLOTS; i++) {
		if (slot[i])
			__free_pages(slot[i], order[i]);
		slot[i] = NULL;
	}
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * A block with two references survives the first put and is freed, all
 * of it, by the second; __free_pages() only drops a reference too.
 */
static void last_reference_frees(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct page *page = alloc_pages(GFP_KERNEL, 2);

	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_EQ(t, page_count(page), 1);
	KTEST_EXPECT_EQ(t, page->order, 2);
	get_page(page);
	KTEST_EXPECT_EQ(t, page_count(page), 2);
	put_page(page);
	KTEST_EXPECT_EQ(t, page_count(page), 1);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 4);
	put_page(page);
	KTEST_EXPECT_EQ(t, page_count(page), 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);

	page = alloc_pages(GFP_KERNEL, 1);
	KTEST_ASSERT_NOT_NULL(t, page);
	page_ref_add(page, 2);
	__free_pages(page, 1);
	__free_pages(page, 1);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 2);
	__free_pages(page, 1);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/* A put or get of a page with no references is reported and not done. */
static void zero_count_reported(struct ktest *t)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long free;

	KTEST_ASSERT_NOT_NULL(t, page);
	put_page(page);
	free = nr_free_pages();
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_BAD_PAGE, put_page(page));
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_BAD_PAGE, __free_pages(page, 0));
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_BAD_PAGE, get_page(page));
	KTEST_EXPECT_EQ(t, page_count(page), 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
}

/* After split_page() each page is a block of its own. */
static void split_pages_free_singly(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_EQ(t, page_count(page + 1), 0);
	split_page(page, 1);
	KTEST_EXPECT_EQ(t, page_count(page + 1), 1);
	KTEST_EXPECT_EQ(t, page->order, 0);
	put_page(page + 1);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 1);
	put_page(page);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static struct ktest_case page_alloc_cases[] = {
	KTEST_CASE(counts_follow_allocations),
	KTEST_CASE(last_reference_frees),
	KTEST_CASE(zero_count_reported),
	KTEST_CASE(split_pages_free_singly),
	KTEST_CASE(conversions),
	KTEST_CASE(zeroed_pages),
	KTEST_CASE(order_too_large),
	KTEST_CASE(exhaustion_returns_null),
	KTEST_CASE(stress_returns_every_page),
	{}
};

static struct ktest_suite page_alloc_suite = {
	.name = "page_alloc",
	.cases = page_alloc_cases,
};
ktest_register_suite(page_alloc_suite);
