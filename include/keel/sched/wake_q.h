/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Deferred wake-ups, as Linux's wake_q: code that finds the tasks to
 * wake under a spinlock collects them on a wake_q (each with a
 * reference) and wakes them with wake_up_q() after unlocking.
 *
 * A task is on at most one wake_q.  If a second waker finds it queued
 * already, it leaves it there: the first waker's wake_up_q() runs later
 * and wakes it, which is all the second waker wanted.
 */
#ifndef _KEEL_SCHED_WAKE_Q_H
#define _KEEL_SCHED_WAKE_Q_H

#include <keel/sched.h>

struct wake_q_head {
	struct wake_q_node *first;
	struct wake_q_node **lastp;
};

/* The end of a list: a node whose next is NULL is on no list. */
#define WAKE_Q_TAIL	((struct wake_q_node *)1)

#define DEFINE_WAKE_Q(name)						\
	struct wake_q_head name = { WAKE_Q_TAIL, &name.first }

/* Queue @task for a wake-up (taking a reference) unless it is queued. */
void wake_q_add(struct wake_q_head *head, struct task_struct *task);
/* Wake the queued tasks, in order, and drop the references. */
void wake_up_q(struct wake_q_head *head);

#endif /* _KEEL_SCHED_WAKE_Q_H */
