// SPDX-License-Identifier: GPL-2.0
/*
 * A process's CPU time (<keel/sched/cputime.h>): the sum over its thread
 * group, read under tasklist_lock so no thread joins or leaves (and
 * moves its time to signal_struct) while it is summed.
 */
#include <keel/list.h>
#include <keel/sched.h>
#include <keel/sched/cputime.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/spinlock.h>

void task_cputime_add(const struct task_struct *t, struct task_cputime *times)
{
	times->utime += READ_ONCE(t->utime);
	times->stime += READ_ONCE(t->stime);
	times->nvcsw += READ_ONCE(t->nvcsw);
	times->nivcsw += READ_ONCE(t->nivcsw);
	times->min_flt += READ_ONCE(t->min_flt);
	times->maj_flt += READ_ONCE(t->maj_flt);
}

void thread_group_cputime(struct task_struct *tsk, struct task_cputime *times)
{
	struct signal_struct *sig = tsk->signal;
	struct task_struct *t;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	*times = (struct task_cputime){ .utime = sig->utime,
					.stime = sig->stime };
	list_for_each_entry(t, &sig->thread_head, thread_node)
		task_cputime_add(t, times);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
