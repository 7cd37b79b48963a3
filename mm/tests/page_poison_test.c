// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for DEBUG_PAGEALLOC's page poisoning: a write to a free page must
 * be reported exactly once, when the page is allocated again (the
 * "pagealloc: memory corruption" lines it prints are expected), and clean
 * reuse never.
 */
#include <keel/compiler.h>
#include <keel/debug_report.h>
#include <keel/ktest.h>
#include <keel/mm.h>
#include <keel/string.h>

/*
 * Free the first page of an order-1 block: its buddy stays allocated, so
 * it cannot merge and is the next order-0 page handed out.
 */
static struct page *free_lone_page(struct page **buddy)
{
	struct page *block = alloc_pages(GFP_KERNEL, 1);

	if (!block)
		return NULL;
	split_page(block, 1);
	*buddy = block + 1;
	__free_pages(block, 0);
	return block;
}

static void clean_reuse_reports_nothing(struct ktest *t)
{
	unsigned long before = debug_reports(DEBUG_REPORT_PAGE_POISON);
	struct page *page, *buddy, *again;

	page = free_lone_page(&buddy);
	KTEST_ASSERT_NOT_NULL(t, page);
	again = alloc_page(GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(t, again, page);
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_PAGE_POISON), before);
	__free_pages(again, 0);
	__free_pages(buddy, 0);
}

static void write_to_free_page_detected(struct ktest *t)
{
	unsigned long before = debug_reports(DEBUG_REPORT_PAGE_POISON);
	struct page *page, *buddy, *again;
	u8 *mem;

	page = free_lone_page(&buddy);
	KTEST_ASSERT_NOT_NULL(t, page);
	mem = page_address(page);
	WRITE_ONCE(mem[100], 0);
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_PAGE_POISON,
			    again = alloc_page(GFP_KERNEL));
	KTEST_EXPECT_PTR_EQ(t, again, page);
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_PAGE_POISON), before + 1);
	__free_pages(again, 0);
	__free_pages(buddy, 0);
}

static struct ktest_case page_poison_cases[] = {
	KTEST_CASE(clean_reuse_reports_nothing),
	KTEST_CASE(write_to_free_page_detected),
	{}
};

static struct ktest_suite page_poison_suite = {
	.name = "page_poison",
	.cases = page_poison_cases,
};
ktest_register_suite(page_poison_suite);
