// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for CONFIG_DEBUG_SPINLOCK: a clean lock/unlock reports nothing;
 * recursion is detected before it would deadlock; unlocking a free lock,
 * another owner's lock, or with interrupts re-enabled is reported; so is a
 * lock used in a hard interrupt handler and with interrupts on.  Each test
 * expects an exact number of reports (each also prints a backtrace).
 */
#include <keel/hardirq.h>
#include <keel/ktest.h>
#include <keel/spinlock.h>
#include <keel/spinlock_debug.h>

static unsigned int reports_before;

static int spinlock_test_init(struct ktest *t)
{
	reports_before = spinlock_debug_reports;
	return 0;
}

static unsigned int new_reports(void)
{
	return spinlock_debug_reports - reports_before;
}

static void test_clean_use(struct ktest *t)
{
	DEFINE_SPINLOCK(lock);
	unsigned long flags;

	spin_lock(&lock);
	assert_spin_locked(&lock);
	spin_unlock(&lock);
	spin_lock_irqsave(&lock, flags);
	spin_unlock_irqrestore(&lock, flags);
	KTEST_EXPECT_TRUE(t, spin_trylock(&lock));
	KTEST_EXPECT_FALSE(t, spin_trylock(&lock));
	spin_unlock(&lock);
	KTEST_EXPECT_EQ(t, new_reports(), 0);
}

static void test_recursion_detected(struct ktest *t)
{
	DEFINE_SPINLOCK(lock);

	KTEST_EXPECT_EQ(t, spin_debug_check_lock(&lock), SPIN_BUG_NONE);
	spin_lock(&lock);
	KTEST_EXPECT_EQ(t, spin_debug_check_lock(&lock), SPIN_BUG_RECURSION);
	spin_unlock(&lock);
	KTEST_EXPECT_EQ(t, spin_debug_check_lock(&lock), SPIN_BUG_NONE);
}

static void test_bad_magic(struct ktest *t)
{
	spinlock_t lock = { 0 };

	KTEST_EXPECT_EQ(t, spin_debug_check_lock(&lock), SPIN_BUG_BAD_MAGIC);
	spin_lock_init(&lock);
	KTEST_EXPECT_EQ(t, spin_debug_check_lock(&lock), SPIN_BUG_NONE);
}

static void test_unlock_unlocked(struct ktest *t)
{
	DEFINE_SPINLOCK(lock);

	preempt_disable();	/* the count spin_unlock() gives back */
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SPINLOCK, spin_unlock(&lock));
	KTEST_EXPECT_EQ(t, new_reports(), 1);
}

static void test_unlock_by_non_owner(struct ktest *t)
{
	static const char other_stack[1];
	DEFINE_SPINLOCK(lock);

	spin_lock(&lock);
	lock.owner = other_stack;	/* as if another thread held it */
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SPINLOCK, spin_unlock(&lock));
	KTEST_EXPECT_EQ(t, new_reports(), 1);
	KTEST_EXPECT_FALSE(t, spin_is_locked(&lock));
}

static void test_assert_not_held(struct ktest *t)
{
	DEFINE_SPINLOCK(lock);

	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SPINLOCK, assert_spin_locked(&lock));
	KTEST_EXPECT_EQ(t, new_reports(), 1);
}

/* Interrupts may be turned on only once the IRQ layer handles them. */
static bool skip_without_interrupts(struct ktest *t)
{
	if (!irqs_disabled())
		return false;
	ktest_skip(t, "interrupts are not enabled in this kernel yet");
	return true;
}

static void test_irqs_enabled_inside_irqsave(struct ktest *t)
{
	DEFINE_SPINLOCK(lock);
	unsigned long flags;

	if (skip_without_interrupts(t))
		return;
	spin_lock_irqsave(&lock, flags);
	local_irq_enable();
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SPINLOCK,
			    spin_unlock_irqrestore(&lock, flags));
	KTEST_EXPECT_EQ(t, new_reports(), 1);
	local_irq_restore(flags);
}

static void test_hardirq_and_irqs_on(struct ktest *t)
{
	DEFINE_SPINLOCK(lock);
	unsigned long flags;

	local_irq_save(flags);
	irq_enter();
	spin_lock(&lock);
	spin_unlock(&lock);
	irq_exit();
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, new_reports(), 0);

	/* Taking it with interrupts on could now deadlock against the IRQ. */
	if (skip_without_interrupts(t))
		return;
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SPINLOCK,
			    spin_lock(&lock); spin_unlock(&lock));
	KTEST_EXPECT_EQ(t, new_reports(), 1);
	/* Reported once per lock. */
	spin_lock_irqsave(&lock, flags);
	spin_unlock_irqrestore(&lock, flags);
	KTEST_EXPECT_EQ(t, new_reports(), 1);
}

static struct ktest_case spinlock_cases[] = {
	KTEST_CASE(test_clean_use),
	KTEST_CASE(test_recursion_detected),
	KTEST_CASE(test_bad_magic),
	KTEST_CASE(test_unlock_unlocked),
	KTEST_CASE(test_unlock_by_non_owner),
	KTEST_CASE(test_assert_not_held),
	KTEST_CASE(test_irqs_enabled_inside_irqsave),
	KTEST_CASE(test_hardirq_and_irqs_on),
	{}
};

static struct ktest_suite spinlock_suite = {
	.name = "spinlock",
	.init = spinlock_test_init,
	.cases = spinlock_cases,
};
ktest_register_suite(spinlock_suite);
