// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for DEBUG_SLAB: deliberate overflows, underflows, a use after
 * free and a double free must each produce exactly one report (the
 * "BUG kmalloc-64 ..." lines they print are expected), and clean use none.
 */
#include <keel/compiler.h>
#include <keel/debug_report.h>
#include <keel/ktest.h>
#include <keel/slab.h>

static void clean_use_reports_nothing(struct ktest *t)
{
	unsigned long before = debug_reports(DEBUG_REPORT_SLAB);
	u8 *p = kmalloc(64, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, p);
	p[0] = 1;
	p[63] = 1;
	kfree(p);
	p = kmalloc(64, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	kfree(p);
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLAB), before);
}

static void overflow_detected_at_kfree(struct ktest *t)
{
	unsigned long before = debug_reports(DEBUG_REPORT_SLAB);
	u8 *p = kmalloc(64, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, p);
	WRITE_ONCE(p[64], 0);		/* one past the end */
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SLAB, kfree(p));
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLAB), before + 1);
}

static void underflow_detected_at_kfree(struct ktest *t)
{
	unsigned long before = debug_reports(DEBUG_REPORT_SLAB);
	u8 *p = kmalloc(32, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, p);
	WRITE_ONCE(p[-1], 0);
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SLAB, kfree(p));
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLAB), before + 1);
}

static void use_after_free_detected_at_alloc(struct ktest *t)
{
	unsigned long before = debug_reports(DEBUG_REPORT_SLAB);
	u8 *p = kmalloc(64, GFP_KERNEL), *q;

	KTEST_ASSERT_NOT_NULL(t, p);
	kfree(p);
	WRITE_ONCE(p[10], 0x42);
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLAB), before);
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SLAB, q = kmalloc(64, GFP_KERNEL));
	KTEST_EXPECT_PTR_EQ(t, q, p);
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLAB), before + 1);
	kfree(q);
	/* The report restored the poison: reuse is clean again. */
	q = kmalloc(64, GFP_KERNEL);
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLAB), before + 1);
	kfree(q);
}

static void double_free_detected(struct ktest *t)
{
	unsigned long before = debug_reports(DEBUG_REPORT_SLAB);
	u8 *p = kmalloc(64, GFP_KERNEL), *a, *b;

	KTEST_ASSERT_NOT_NULL(t, p);
	kfree(p);
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SLAB, kfree(p));
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLAB), before + 1);
	/* The second free was refused: the object is handed out once. */
	a = kmalloc(64, GFP_KERNEL);
	b = kmalloc(64, GFP_KERNEL);
	KTEST_EXPECT_PTR_NE(t, a, b);
	kfree(a);
	kfree(b);
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLAB), before + 1);
}

static struct ktest_case slab_debug_cases[] = {
	KTEST_CASE(clean_use_reports_nothing),
	KTEST_CASE(overflow_detected_at_kfree),
	KTEST_CASE(underflow_detected_at_kfree),
	KTEST_CASE(use_after_free_detected_at_alloc),
	KTEST_CASE(double_free_detected),
	{}
};

static struct ktest_suite slab_debug_suite = {
	.name = "slab_debug",
	.cases = slab_debug_cases,
};
ktest_register_suite(slab_debug_suite);
