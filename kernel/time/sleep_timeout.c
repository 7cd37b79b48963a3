// SPDX-License-Identifier: GPL-2.0
/*
 * schedule_timeout(): sleep in the state the caller set until woken or
 * until @timeout jiffies have passed, whichever comes first.  A timer on
 * the caller's stack wakes the task when the time is up; the wait-queue
 * wake-up that ends the sleep earlier is the caller's.  schedule() is
 * whatever the scheduler makes it: today it idles until the task runs.
 */
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/printk.h>
#include <keel/sched.h>
#include <keel/timer.h>

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = container_of(t, struct process_timer,
						     timer);

	wake_up_process(timeout->task);
}

long schedule_timeout(long timeout)
{
	struct process_timer timer;
	u64 expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", timeout);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = get_jiffies_64() + timeout;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout, 0);
	mod_timer(&timer.timer, expire);
	schedule();
	del_timer_sync(&timer.timer);
	timeout = expire - get_jiffies_64();
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}
