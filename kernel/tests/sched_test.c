// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for tasks and the scheduler, with real kernel threads: the suites
 * run in PID 1; the preempt count nests with spinlocks and interrupt
 * entry; might_sleep() reports atomic context; waking honours the task
 * state; wait queues wake every non-exclusive waiter and one exclusive
 * one; exit statuses reach wait4(), which reaps; orphans go to init;
 * completions hand the CPU back and forth; wait_event() sleeps until a
 * timer's wake_up().
 */
#include <keel/completion.h>
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/fs_struct.h>
#include <keel/hardirq.h>
#include <keel/jiffies.h>
#include <keel/ktest.h>
#include <keel/sched.h>
#include <keel/sched/task.h>
#include <keel/string.h>
#include <keel/timer.h>
#include <keel/wait.h>
#include <asm/setup.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/wait.h>

/* The suites run in PID 1 before it execs init: a kernel thread. */
static void test_current_is_init(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, current->pid, 1);
	KTEST_EXPECT_EQ(t, current->tgid, 1);
	KTEST_EXPECT_STREQ(t, current->comm, "init");
	KTEST_EXPECT_TRUE(t, current->flags & PF_KTHREAD);
	KTEST_EXPECT_PTR_EQ(t, current->real_parent, &init_task);
	KTEST_EXPECT_PTR_EQ(t, current->group_leader, current);
	KTEST_EXPECT_PTR_NE(t, current->stack, init_stack);
	KTEST_EXPECT_NULL(t, current->mm);
	KTEST_EXPECT_NOT_NULL(t, current->active_mm);
	/* CLONE_FS: the boot task's root and cwd; the files are a copy. */
	KTEST_EXPECT_PTR_EQ(t, current_fs(), &init_fs);
	KTEST_EXPECT_PTR_NE(t, current_files(), &init_files);
	KTEST_EXPECT_PTR_EQ(t, current_cred(), &init_cred);
	KTEST_EXPECT_TRUE(t, task_is_running(current));
	KTEST_EXPECT_EQ(t, init_task.pid, 0);
	KTEST_EXPECT_STREQ(t, init_task.comm, "swapper");
	KTEST_EXPECT_TRUE(t, is_idle_task(&init_task));
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

/* A kernel thread that sleeps on @wq until @go, counting its wake-ups. */
struct sleeper {
	wait_queue_head_t *wq;
	bool exclusive;
	bool go;
	int woken;
	pid_t pid;
	struct task_struct *task;
};

static int sleeper_fn(void *arg)
{
	struct sleeper *s = arg;
	DEFINE_WAIT(wait);

	for (;;) {
		if (s->exclusive)
			prepare_to_wait_exclusive(s->wq, &wait,
						  TASK_UNINTERRUPTIBLE);
		else
			prepare_to_wait(s->wq, &wait, TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(s->go))
			break;
		schedule();
		WRITE_ONCE(s->woken, s->woken + 1);
	}
	finish_wait(s->wq, &wait);
	do_exit(0);
}

/* Let the other tasks run until @p sleeps in @state (bounded). */
static bool wait_for_state(struct task_struct *p, unsigned int state)
{
	int i;

	for (i = 0; i < 1000; i++) {
		if (READ_ONCE(p->__state) == state)
			return true;
		yield();
	}
	return false;
}

static int start_sleeper(struct sleeper *s, wait_queue_head_t *wq,
			 bool exclusive)
{
	memset(s, 0, sizeof(*s));
	s->wq = wq;
	s->exclusive = exclusive;
	s->pid = kernel_thread(sleeper_fn, s, "sleeper", SIGCHLD);
	if (s->pid < 0)
		return s->pid;
	s->task = find_get_task_by_vpid(s->pid);
	if (!s->task || !wait_for_state(s->task, TASK_UNINTERRUPTIBLE))
		return -EAGAIN;
	return 0;
}

/* Let it go and reap it: its exit status. */
static int stop_sleeper(struct sleeper *s)
{
	int status = -1;

	WRITE_ONCE(s->go, true);
	wake_up_all(s->wq);
	if (kernel_wait4(s->pid, &status, 0) != s->pid)
		status = -1;
	put_task_struct(s->task);
	return status;
}

static void test_wake_honours_state(struct ktest *t)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	struct sleeper s;

	KTEST_ASSERT_EQ(t, start_sleeper(&s, &wq, false), 0);
	KTEST_EXPECT_FALSE(t, try_to_wake_up(s.task, TASK_INTERRUPTIBLE));
	KTEST_EXPECT_EQ(t, READ_ONCE(s.task->__state), TASK_UNINTERRUPTIBLE);
	KTEST_EXPECT_TRUE(t, wake_up_process(s.task));
	KTEST_EXPECT_FALSE(t, wake_up_process(s.task));
	KTEST_EXPECT_TRUE(t, wait_for_state(s.task, TASK_UNINTERRUPTIBLE));
	KTEST_EXPECT_EQ(t, s.woken, 1);
	KTEST_EXPECT_EQ(t, stop_sleeper(&s), 0);
}

#define NR_WAITERS	4

/* Two plain waiters and two exclusive ones: wake_up() wakes three. */
static void test_wake_up_exclusive(struct ktest *t)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	struct sleeper s[NR_WAITERS];
	int i, woken = 0;

	for (i = 0; i < NR_WAITERS; i++)
		KTEST_ASSERT_EQ(t, start_sleeper(&s[i], &wq, i >= 2), 0);
	wake_up(&wq);
	for (i = 0; i < NR_WAITERS; i++) {
		KTEST_EXPECT_TRUE(t, wait_for_state(s[i].task,
						    TASK_UNINTERRUPTIBLE));
		woken += s[i].woken;
	}
	KTEST_EXPECT_EQ(t, woken, 3);
	KTEST_EXPECT_EQ(t, s[0].woken + s[1].woken, 2);
	for (i = 0; i < NR_WAITERS; i++)
		KTEST_EXPECT_EQ(t, stop_sleeper(&s[i]), 0);
	KTEST_EXPECT_FALSE(t, waitqueue_active(&wq));
}

static int exit_with_arg(void *arg)
{
	do_exit((long)arg);
}

/* wait4's status words: an exit code in bits 8-15. */
static void test_exit_status_and_reap(struct ktest *t)
{
	int status = -1;
	pid_t pid = kernel_thread(exit_with_arg, (void *)(42L << 8), "exiter",
				  SIGCHLD);

	KTEST_ASSERT_GE(t, pid, 2);
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, status, 0x2a00);
	/* Reaped: it is gone, and there is nothing left to wait for. */
	KTEST_EXPECT_NULL(t, find_get_task_by_vpid(pid));
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), -ECHILD);
	KTEST_EXPECT_EQ(t, kernel_wait4(-1, &status, WNOHANG), -ECHILD);
	KTEST_EXPECT_EQ(t, kernel_wait4(1, &status, 0x10), -EINVAL);
}

static void test_wnohang_on_live_child(struct ktest *t)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	struct sleeper s;
	int status = -1;

	KTEST_ASSERT_EQ(t, start_sleeper(&s, &wq, false), 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(s.pid, &status, WNOHANG), 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(-1, &status, WNOHANG), 0);
	KTEST_EXPECT_EQ(t, status, -1);
	KTEST_EXPECT_EQ(t, stop_sleeper(&s), 0);
}

static struct sleeper orphan;
static DECLARE_WAIT_QUEUE_HEAD(orphan_wq);

static int orphan_parent_fn(void *arg)
{
	do_exit(start_sleeper(&orphan, &orphan_wq, false) ? 1 << 8 : 0);
}

/* A child whose parent exits goes to init, which reaps it. */
static void test_orphan_goes_to_init(struct ktest *t)
{
	int status = -1;
	pid_t parent = kernel_thread(orphan_parent_fn, NULL, "parent",
				     SIGCHLD);

	KTEST_ASSERT_GE(t, parent, 2);
	KTEST_EXPECT_EQ(t, kernel_wait4(parent, &status, 0), parent);
	KTEST_ASSERT_EQ(t, status, 0);
	KTEST_EXPECT_PTR_EQ(t, orphan.task->real_parent, current);
	KTEST_EXPECT_PTR_EQ(t, orphan.task->parent, current);
	KTEST_EXPECT_EQ(t, stop_sleeper(&orphan), 0);
}

#define PING_PONGS	1000

static struct completion ping, pong;

static int ponger(void *arg)
{
	int i;

	for (i = 0; i < PING_PONGS; i++) {
		wait_for_completion(&ping);
		complete(&pong);
	}
	do_exit(0);
}

/* Every round trip is two switches; each side sleeps each time. */
static void test_completion_ping_pong(struct ktest *t)
{
	unsigned long nvcsw = current->nvcsw;
	int i, status = -1;
	pid_t pid;

	init_completion(&ping);
	init_completion(&pong);
	pid = kernel_thread(ponger, NULL, "ponger", SIGCHLD);
	KTEST_ASSERT_GE(t, pid, 2);
	for (i = 0; i < PING_PONGS; i++) {
		complete(&ping);
		wait_for_completion(&pong);
	}
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, status, 0);
	KTEST_EXPECT_GE(t, current->nvcsw - nvcsw, PING_PONGS);
}

static void test_nice_is_clamped(struct ktest *t)
{
	set_user_nice(current, 50);
	KTEST_EXPECT_EQ(t, task_nice(current), 19);
	set_user_nice(current, -30);
	KTEST_EXPECT_EQ(t, task_nice(current), -20);
	set_user_nice(current, 0);
	KTEST_EXPECT_EQ(t, task_nice(current), 0);
	KTEST_EXPECT_EQ(t, current->prio, DEFAULT_PRIO);
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
	KTEST_CASE(test_current_is_init),
	KTEST_CASE(test_preempt_count_nests),
	KTEST_CASE(test_might_sleep_reports_atomic),
	KTEST_CASE(test_wake_honours_state),
	KTEST_CASE(test_wake_up_exclusive),
	KTEST_CASE(test_exit_status_and_reap),
	KTEST_CASE(test_wnohang_on_live_child),
	KTEST_CASE(test_orphan_goes_to_init),
	KTEST_CASE(test_completion_ping_pong),
	KTEST_CASE(test_nice_is_clamped),
	KTEST_CASE(test_wait_event_sleeps_until_woken),
	{}
};

static struct ktest_suite sched_suite = {
	.name = "sched",
	.cases = sched_cases,
};
ktest_register_suite(sched_suite);
