// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the task interfaces: current is the boot task and owns its
 * files, fs and credentials; the preempt count nests with spinlocks and
 * interrupt entry; might_sleep() reports atomic context; waking honours
 * the task state; wait queues wake every non-exclusive waiter and one
 * exclusive one; wait_event() sleeps until a timer's wake_up().
 */
#include <keel/cred.h>
#include <keel/fdtable.h>
#include <keel/fs_struct.h>
#include <keel/hardirq.h>
#include <keel/jiffies.h>
#include <keel/ktest.h>
#include <keel/sched.h>
#include <keel/string.h>
#include <keel/timer.h>
#include <keel/wait.h>
#include <asm/setup.h>

static void test_current_is_boot_task(struct ktest *t)
{
	KTEST_EXPECT_PTR_EQ(t, current, &init_task);
	KTEST_EXPECT_PTR_EQ(t, current->stack, init_stack);
	KTEST_EXPECT_EQ(t, current->pid, 0);
	KTEST_EXPECT_STREQ(t, current->comm, "swapper");
	KTEST_EXPECT_PTR_EQ(t, current_files(), &init_files);
	KTEST_EXPECT_PTR_EQ(t, current_fs(), &init_fs);
	KTEST_EXPECT_PTR_EQ(t, current_cred(), &init_cred);
	KTEST_EXPECT_TRUE(t, task_is_running(current));
}

static void test_preempt_count_nests(struct ktest *t)
{
	unsigned int base = preempt_count();
	DEFINE_SPINLOCK(a);
	DEFINE_SPINLOCK(b);
	unsigned long flags;

	KTEST_EXPECT_EQ(t, base, 0);
	KTEST_EXPECT_FALSE(t, in_atomic());
	spin_lock(&a);
	KTEST_EXPECT_EQ(t, preempt_count(), base + 1);
	spin_lock_irqsave(&b, flags);
	KTEST_EXPECT_EQ(t, preempt_count(), base + 2);
	KTEST_EXPECT_TRUE(t, in_atomic());
	KTEST_EXPECT_FALSE(t, in_interrupt());
	spin_unlock_irqrestore(&b, flags);
	spin_unlock(&a);
	KTEST_EXPECT_EQ(t, preempt_count(), base);
	KTEST_EXPECT_TRUE(t, spin_trylock(&a));
	KTEST_EXPECT_EQ(t, preempt_count(), base + 1);
	/* A failed trylock gives its count back. */
	KTEST_EXPECT_FALSE(t, spin_trylock(&a));
	KTEST_EXPECT_EQ(t, preempt_count(), base + 1);
	spin_unlock(&a);

	local_irq_save(flags);
	irq_enter();
	KTEST_EXPECT_EQ(t, preempt_count(), base + HARDIRQ_OFFSET);
	KTEST_EXPECT_TRUE(t, in_hardirq());
	KTEST_EXPECT_TRUE(t, in_interrupt());
	KTEST_EXPECT_FALSE(t, in_task());
	irq_exit();
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, preempt_count(), base);
	KTEST_EXPECT_TRUE(t, in_task());
}

static void test_might_sleep_reports_atomic(struct ktest *t)
{
#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
	unsigned long before = debug_reports(DEBUG_REPORT_SLEEP);
	DEFINE_SPINLOCK(lock);
	unsigned long flags;

	might_sleep();
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLEEP), before);
	spin_lock(&lock);
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SLEEP, might_sleep());
	spin_unlock(&lock);
	local_irq_save(flags);
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SLEEP, might_sleep());
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLEEP), before + 2);
#else
	ktest_skip(t, "CONFIG_DEBUG_ATOMIC_SLEEP is off");
#endif
}

static void test_wake_honours_state(struct ktest *t)
{
	struct task_struct task = { .__state = TASK_INTERRUPTIBLE };

	KTEST_EXPECT_FALSE(t, try_to_wake_up(&task, TASK_UNINTERRUPTIBLE));
	KTEST_EXPECT_EQ(t, task.__state, TASK_INTERRUPTIBLE);
	KTEST_EXPECT_TRUE(t, wake_up_process(&task));
	KTEST_EXPECT_EQ(t, task.__state, TASK_RUNNING);
	KTEST_EXPECT_FALSE(t, wake_up_process(&task));
}

#define NR_WAITERS	4

/* Two plain waiters, then two exclusive ones, each a sleeping task. */
static void queue_waiters(wait_queue_head_t *wq, struct task_struct *tasks,
			  struct wait_queue_entry *entries)
{
	int i;

	for (i = 0; i < NR_WAITERS; i++) {
		tasks[i].__state = TASK_UNINTERRUPTIBLE;
		init_waitqueue_entry(&entries[i], &tasks[i]);
		entries[i].func = autoremove_wake_function;
		if (i < 2) {
			add_wait_queue(wq, &entries[i]);
		} else {
			entries[i].flags = WQ_FLAG_EXCLUSIVE;
			spin_lock(&wq->lock);
			list_add_tail(&entries[i].entry, &wq->head);
			spin_unlock(&wq->lock);
		}
	}
}

static unsigned int count_running(struct task_struct *tasks)
{
	unsigned int n = 0;
	int i;

	for (i = 0; i < NR_WAITERS; i++)
		n += task_is_running(&tasks[i]);
	return n;
}

static void test_wake_up_exclusive(struct ktest *t)
{
	struct task_struct tasks[NR_WAITERS];
	struct wait_queue_entry entries[NR_WAITERS];
	DECLARE_WAIT_QUEUE_HEAD(wq);

	memset(tasks, 0, sizeof(tasks));
	queue_waiters(&wq, tasks, entries);
	wake_up(&wq);
	KTEST_EXPECT_EQ(t, count_running(tasks), 3);
	KTEST_EXPECT_TRUE(t, task_is_running(&tasks[2]));
	KTEST_EXPECT_FALSE(t, task_is_running(&tasks[3]));
	KTEST_EXPECT_TRUE(t, waitqueue_active(&wq));
	wake_up_all(&wq);
	KTEST_EXPECT_EQ(t, count_running(tasks), NR_WAITERS);
	KTEST_EXPECT_FALSE(t, waitqueue_active(&wq));
}

static DECLARE_WAIT_QUEUE_HEAD(timer_wq);
static bool timer_fired;

static void wake_from_timer(struct timer_list *timer)
{
	WRITE_ONCE(timer_fired, true);
	wake_up(&timer_wq);
}

static void test_wait_event_sleeps_until_woken(struct ktest *t)
{
	struct timer_list timer;
	u64 start = jiffies;

	if (irqs_disabled()) {
		ktest_skip(t, "interrupts are not enabled in this kernel yet");
		return;
	}
	timer_fired = false;
	timer_setup(&timer, wake_from_timer, 0);
	mod_timer(&timer, jiffies + 2);
	wait_event(timer_wq, READ_ONCE(timer_fired));
	KTEST_EXPECT_TRUE(t, timer_fired);
	KTEST_EXPECT_GE(t, jiffies, start + 2);
	KTEST_EXPECT_TRUE(t, task_is_running(current));
	KTEST_EXPECT_FALSE(t, waitqueue_active(&timer_wq));
}

static struct ktest_case sched_cases[] = {
	KTEST_CASE(test_current_is_boot_task),
	KTEST_CASE(test_preempt_count_nests),
	KTEST_CASE(test_might_sleep_reports_atomic),
	KTEST_CASE(test_wake_honours_state),
	KTEST_CASE(test_wake_up_exclusive),
	KTEST_CASE(test_wait_event_sleeps_until_woken),
	{}
};

static struct ktest_suite sched_suite = {
	.name = "sched",
	.cases = sched_cases,
};
ktest_register_suite(sched_suite);
