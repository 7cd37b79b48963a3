// SPDX-License-Identifier: GPL-2.0
/*
 * wake_q (<keel/sched/wake_q.h>): wake-ups collected under a lock and
 * done after it is released.  A task's wake_q.next is claimed with a
 * cmpxchg, so two wakers never link it into two lists.
 */
#include <keel/kernel.h>
#include <keel/sched.h>
#include <keel/sched/wake_q.h>

void wake_q_add(struct wake_q_head *head, struct task_struct *task)
{
	struct wake_q_node *node = &task->wake_q, *none = NULL;

	if (!__atomic_compare_exchange_n(&node->next, &none, WAKE_Q_TAIL,
					 false, __ATOMIC_SEQ_CST,
					 __ATOMIC_RELAXED))
		return;
	get_task_struct(task);
	*head->lastp = node;
	head->lastp = &node->next;
}

void wake_up_q(struct wake_q_head *head)
{
	struct wake_q_node *node = head->first;

	while (node != WAKE_Q_TAIL) {
		struct task_struct *task = container_of(node, struct task_struct,
							wake_q);

		node = node->next;
		/*
		 * Off the list before the wake-up: a waker that finds it
		 * still queued relies on this wake-up coming after.
		 */
		__atomic_store_n(&task->wake_q.next, NULL, __ATOMIC_SEQ_CST);
		wake_up_process(task);
		put_task_struct(task);
	}
	head->first = WAKE_Q_TAIL;
	head->lastp = &head->first;
}
