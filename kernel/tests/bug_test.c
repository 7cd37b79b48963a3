// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for WARN_ON(): the condition's value comes back, and a warning
 * that fires goes through the invalid-opcode trap and resumes right after
 * it with every register intact.  (BUG() and faults end the boot; the boot
 * matrix tests them through lkdtm.)
 */
#include <keel/bug.h>
#include <keel/ktest.h>

static void test_warn_on_false(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, WARN_ON(0), 0);
}

static noinline int warn_and_compute(int a, int b)
{
	int before = a * b;

	if (WARN_ON(a > 0))
		return before + a + b;
	return -1;
}

static void test_warn_on_true_resumes(struct ktest *t)
{
	int ret;

	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_WARN, ret = warn_and_compute(6, 7));
	KTEST_EXPECT_EQ(t, ret, 42 + 6 + 7);
}

static struct ktest_case bug_cases[] = {
	KTEST_CASE(test_warn_on_false),
	KTEST_CASE(test_warn_on_true_resumes),
	{}
};

static struct ktest_suite bug_suite = {
	.name = "bug",
	.cases = bug_cases,
};
ktest_register_suite(bug_suite);
