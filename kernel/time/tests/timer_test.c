// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel timers and the tick, run with interrupts on: timers
 * fire in expiry order and in softirq context, mod_timer() re-arms,
 * del_timer() stops a pending timer, del_timer_sync() also waits for a
 * running one, and jiffies keeps pace with ktime_get_ns().  Every wait is
 * bounded by the TSC-based local_clock(), so a dead tick fails the test
 * instead of hanging the boot.
 */
#include <keel/delay.h>
#include <keel/hardirq.h>
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/timekeeping.h>
#include <keel/timer.h>
#include <asm/processor.h>

#define WAIT_LIMIT_NS	(2 * NSEC_PER_SEC)

struct test_timer {
	struct timer_list timer;
	int id;
	int runs;
	bool in_softirq_ctx;
	int rearm_times;
};

/* Static, so the suite's exit can stop them whatever a case did. */
static struct test_timer tt[3];
static int fired_order[8];
static volatile int nr_fired;

static void test_timer_fn(struct timer_list *timer)
{
	struct test_timer *tmr = container_of(timer, struct test_timer, timer);

	tmr->runs++;
	tmr->in_softirq_ctx = in_serving_softirq() && !in_hardirq();
	if (nr_fired < (int)ARRAY_SIZE(fired_order))
		fired_order[nr_fired] = tmr->id;
	nr_fired++;
	if (tmr->runs < tmr->rearm_times)
		mod_timer(timer, jiffies + 1);
}

static void init_test_timer(struct test_timer *tmr, int id)
{
	tmr->id = id;
	tmr->runs = 0;
	tmr->in_softirq_ctx = false;
	tmr->rearm_times = 0;
	timer_setup(&tmr->timer, test_timer_fn, 0);
}

/* Wait until @count timers have fired: true, or false after the limit. */
static bool wait_for_fired(int count)
{
	u64 start = local_clock();

	while (READ_ONCE(nr_fired) < count)
		if (local_clock() - start > WAIT_LIMIT_NS)
			return false;
	return true;
}

static void wait_ticks(u64 ticks)
{
	u64 start = local_clock(), until = jiffies + ticks;

	while (time_before(jiffies, until) &&
	       local_clock() - start < WAIT_LIMIT_NS)
		cpu_relax();
}

static int timer_test_init(struct ktest *t)
{
	nr_fired = 0;
	if (irqs_disabled()) {
		ktest_fail_at(t, __FILE__, __LINE__, "interrupts are off");
		return -1;
	}
	return 0;
}

static void timer_test_exit(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tt); i++)
		del_timer(&tt[i].timer);
}

static void test_expiry_order(struct ktest *t)
{
	struct test_timer *a = &tt[0], *b = &tt[1], *c = &tt[2];
	u64 now = jiffies;

	init_test_timer(a, 1);
	init_test_timer(b, 2);
	init_test_timer(c, 3);
	a->timer.expires = now + 3;
	b->timer.expires = now + 1;
	c->timer.expires = now + 2;
	add_timer(&a->timer);
	add_timer(&b->timer);
	add_timer(&c->timer);
	KTEST_EXPECT_TRUE(t, timer_pending(&a->timer));
	KTEST_ASSERT_TRUE(t, wait_for_fired(3));
	KTEST_EXPECT_EQ(t, fired_order[0], 2);
	KTEST_EXPECT_EQ(t, fired_order[1], 3);
	KTEST_EXPECT_EQ(t, fired_order[2], 1);
	KTEST_EXPECT_FALSE(t, timer_pending(&a->timer));
	KTEST_EXPECT_TRUE(t, a->in_softirq_ctx);
	KTEST_EXPECT_GE(t, jiffies, now + 3);
}

static void test_same_expiry_in_order_added(struct ktest *t)
{
	struct test_timer *a = &tt[0], *b = &tt[1];
	u64 when = jiffies + 2;

	init_test_timer(a, 1);
	init_test_timer(b, 2);
	mod_timer(&a->timer, when);
	mod_timer(&b->timer, when);
	KTEST_ASSERT_TRUE(t, wait_for_fired(2));
	KTEST_EXPECT_EQ(t, fired_order[0], 1);
	KTEST_EXPECT_EQ(t, fired_order[1], 2);
}

static void test_mod_timer_rearms(struct ktest *t)
{
	struct test_timer *a = &tt[0];

	init_test_timer(a, 1);
	KTEST_EXPECT_EQ(t, mod_timer(&a->timer, jiffies + 100 * HZ), 0);
	/* Brought forward while pending. */
	KTEST_EXPECT_EQ(t, mod_timer(&a->timer, jiffies + 1), 1);
	KTEST_ASSERT_TRUE(t, wait_for_fired(1));
	KTEST_EXPECT_EQ(t, a->runs, 1);
	/* Re-armed after it ran. */
	KTEST_EXPECT_EQ(t, mod_timer(&a->timer, jiffies + 1), 0);
	KTEST_ASSERT_TRUE(t, wait_for_fired(2));
	KTEST_EXPECT_EQ(t, a->runs, 2);
	KTEST_EXPECT_FALSE(t, timer_pending(&a->timer));
}

static void test_timer_rearms_itself(struct ktest *t)
{
	struct test_timer *a = &tt[0];

	init_test_timer(a, 1);
	a->rearm_times = 3;
	mod_timer(&a->timer, jiffies + 1);
	KTEST_ASSERT_TRUE(t, wait_for_fired(3));
	wait_ticks(3);
	KTEST_EXPECT_EQ(t, a->runs, 3);
	KTEST_EXPECT_FALSE(t, timer_pending(&a->timer));
}

static void test_del_timer(struct ktest *t)
{
	struct test_timer *a = &tt[0], *idle = &tt[1];

	init_test_timer(a, 1);
	init_test_timer(idle, 2);
	mod_timer(&a->timer, jiffies + 2);
	KTEST_EXPECT_EQ(t, del_timer(&a->timer), 1);
	KTEST_EXPECT_FALSE(t, timer_pending(&a->timer));
	wait_ticks(5);
	KTEST_EXPECT_EQ(t, a->runs, 0);
	KTEST_EXPECT_EQ(t, nr_fired, 0);
	KTEST_EXPECT_EQ(t, del_timer(&a->timer), 0);
	KTEST_EXPECT_EQ(t, del_timer(&idle->timer), 0);
}

/* A timer function that runs long, to be caught running. */
static volatile bool slow_timer_running;

static void slow_timer_fn(struct timer_list *timer)
{
	u64 start = local_clock();

	WRITE_ONCE(slow_timer_running, true);
	while (local_clock() - start < 20 * NSEC_PER_MSEC)
		cpu_relax();
	WRITE_ONCE(slow_timer_running, false);
	nr_fired++;
}

static void test_del_timer_sync(struct ktest *t)
{
	struct test_timer *a = &tt[0];

	init_test_timer(a, 1);
	mod_timer(&a->timer, jiffies + 2);
	KTEST_EXPECT_EQ(t, del_timer_sync(&a->timer), 1);
	KTEST_EXPECT_EQ(t, del_timer_sync(&a->timer), 0);
	wait_ticks(4);
	KTEST_EXPECT_EQ(t, a->runs, 0);

	/*
	 * One CPU: the softirq runs a timer to the end before the code it
	 * interrupted goes on, so del_timer_sync() returns with it done.
	 */
	timer_setup(&a->timer, slow_timer_fn, 0);
	mod_timer(&a->timer, jiffies + 1);
	KTEST_ASSERT_TRUE(t, wait_for_fired(1));
	KTEST_EXPECT_EQ(t, del_timer_sync(&a->timer), 0);
	KTEST_EXPECT_FALSE(t, slow_timer_running);
}

static void test_jiffies_advance(struct ktest *t)
{
	const u64 n = 5;
	u64 start_ns, start_j, limit = local_clock();

	start_j = jiffies;
	start_ns = ktime_get_ns();
	while (ktime_get_ns() - start_ns < n * TICK_NSEC)
		KTEST_ASSERT_TRUE(t, local_clock() - limit < WAIT_LIMIT_NS);
	KTEST_EXPECT_GE(t, jiffies - start_j, n - 1);
	KTEST_EXPECT_LE(t, jiffies - start_j, n + 1);
}

static void test_ktime_monotonic(struct ktest *t)
{
	u64 prev = ktime_get_ns(), now;
	int i;

	for (i = 0; i < 10000; i++) {
		now = ktime_get_ns();
		KTEST_ASSERT_GE(t, now, prev);
		prev = now;
	}
	KTEST_EXPECT_GT(t, ktime_get_real_seconds(), 0);
}

static struct ktest_case timer_cases[] = {
	KTEST_CASE(test_expiry_order),
	KTEST_CASE(test_same_expiry_in_order_added),
	KTEST_CASE(test_mod_timer_rearms),
	KTEST_CASE(test_timer_rearms_itself),
	KTEST_CASE(test_del_timer),
	KTEST_CASE(test_del_timer_sync),
	KTEST_CASE(test_jiffies_advance),
	KTEST_CASE(test_ktime_monotonic),
	{}
};

static struct ktest_suite timer_suite = {
	.name = "timer",
	.init = timer_test_init,
	.exit = timer_test_exit,
	.cases = timer_cases,
};
ktest_register_suite(timer_suite);
