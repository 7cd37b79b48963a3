// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for softirqs: one raised in a hard interrupt runs when the
 * interrupt exits, not before, in softirq context with interrupts on; one
 * raised inside local_bh_disable() waits for local_bh_enable(); each run
 * is counted for /proc/stat.  HI_SOFTIRQ, which Keel does not use yet,
 * carries the test's action.
 */
#include <keel/hardirq.h>
#include <keel/interrupt.h>
#include <keel/ktest.h>
#include <asm/processor.h>

static unsigned int runs;
static bool ran_in_softirq, ran_with_irqs_on;

static void test_action(void)
{
	runs++;
	ran_in_softirq = in_serving_softirq() && !in_hardirq();
	ran_with_irqs_on = !irqs_disabled();
}

static int softirq_test_init(struct ktest *t)
{
	runs = 0;
	ran_in_softirq = ran_with_irqs_on = false;
	open_softirq(HI_SOFTIRQ, test_action);
	return 0;
}

static void softirq_test_exit(struct ktest *t)
{
	open_softirq(HI_SOFTIRQ, NULL);
}

static void test_runs_at_irq_exit(struct ktest *t)
{
	unsigned long before = kstat_softirqs(HI_SOFTIRQ);
	unsigned long flags;

	local_irq_save(flags);
	irq_enter();
	raise_softirq_irqoff(HI_SOFTIRQ);
	KTEST_EXPECT_EQ(t, runs, 0);
	irq_exit();
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, runs, 1);
	KTEST_EXPECT_TRUE(t, ran_in_softirq);
	KTEST_EXPECT_TRUE(t, ran_with_irqs_on);
	KTEST_EXPECT_EQ(t, kstat_softirqs(HI_SOFTIRQ), before + 1);
	KTEST_EXPECT_FALSE(t, in_softirq());
}

static void test_bh_disable_defers(struct ktest *t)
{
	local_bh_disable();
	KTEST_EXPECT_TRUE(t, in_softirq());
	KTEST_EXPECT_FALSE(t, in_serving_softirq());
	raise_softirq(HI_SOFTIRQ);
	KTEST_EXPECT_EQ(t, runs, 0);
	local_bh_disable();
	local_bh_enable();
	KTEST_EXPECT_EQ(t, runs, 0);		/* still held off: nested */
	local_bh_enable();
	KTEST_EXPECT_EQ(t, runs, 1);
	KTEST_EXPECT_TRUE(t, ran_in_softirq);
	KTEST_EXPECT_FALSE(t, in_softirq());
}

static struct ktest_case softirq_cases[] = {
	KTEST_CASE(test_runs_at_irq_exit),
	KTEST_CASE(test_bh_disable_defers),
	{}
};

static struct ktest_suite softirq_suite = {
	.name = "softirq",
	.init = softirq_test_init,
	.exit = softirq_test_exit,
	.cases = softirq_cases,
};
ktest_register_suite(softirq_suite);
