// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues (<keel/wait.h>): the queue operations and the wake-up walk.
 * Lock: wq->lock, taken with interrupts saved (wakers run in interrupt
 * handlers); wake functions run under it.
 */
#include <keel/sched.h>
#include <keel/wait.h>

void add_wait_queue(wait_queue_head_t *wq, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq->lock, flags);
	list_add(&wq_entry->entry, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void remove_wait_queue(wait_queue_head_t *wq,
		       struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

/*
 * Non-exclusive waiters go first and exclusive ones last, so one walk
 * wakes all of the former and then stops after @nr of the latter.
 */
static void queue_and_set_state(wait_queue_head_t *wq,
				struct wait_queue_entry *wq_entry,
				unsigned int state, bool exclusive)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&wq_entry->entry)) {
		if (exclusive) {
			wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
			list_add_tail(&wq_entry->entry, &wq->head);
		} else {
			wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
			list_add(&wq_entry->entry, &wq->head);
		}
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void prepare_to_wait(wait_queue_head_t *wq, struct wait_queue_entry *wq_entry,
		     unsigned int state)
{
	queue_and_set_state(wq, wq_entry, state, false);
}

void prepare_to_wait_exclusive(wait_queue_head_t *wq,
			       struct wait_queue_entry *wq_entry,
			       unsigned int state)
{
	queue_and_set_state(wq, wq_entry, state, true);
}

void finish_wait(wait_queue_head_t *wq, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

int default_wake_function(struct wait_queue_entry *wq_entry,
			  unsigned int mode)
{
	return try_to_wake_up(wq_entry->private, mode);
}

int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode)
{
	int woken = default_wake_function(wq_entry, mode);

	if (woken)
		list_del_init(&wq_entry->entry);
	return woken;
}

void __wake_up(wait_queue_head_t *wq, unsigned int mode, int nr)
{
	struct wait_queue_entry *curr, *next;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry_safe(curr, next, &wq->head, entry) {
		unsigned int exclusive = curr->flags & WQ_FLAG_EXCLUSIVE;

		if (curr->func(curr, mode) && exclusive && !--nr)
			break;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
}
