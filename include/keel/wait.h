/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues, with Linux's names: a waiter puts an entry on a queue, checks
 * its condition and idles; whoever changes the condition calls wake_up().
 *
 * Until the scheduler exists there is one thread of control, so "idle" is
 * the CPU halting with interrupts enabled: only an interrupt handler can
 * make a condition true.  A waiter re-checks its condition after every
 * interrupt, and wake_up() marks the entries woken so that a wake-up which
 * lands between the check and the halt is not lost (the halt is skipped).
 * A wait whose condition only another task could satisfy (reading an empty
 * pipe whose writer is still open) therefore never ends yet: the scheduler
 * issue turns the entry into a sleeping task.  Callers that cannot rely on
 * an interrupt use O_NONBLOCK.
 *
 * wq->lock is taken with interrupts off: interrupt handlers call wake_up().
 */
#ifndef _KEEL_WAIT_H
#define _KEEL_WAIT_H

#include <keel/compiler.h>
#include <keel/list.h>
#include <keel/spinlock.h>
#include <keel/types.h>
#include <asm/processor.h>

struct wait_queue_entry {
	bool woken;			/* [wq->lock] */
	struct list_head entry;		/* [wq->lock] */
};

typedef struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;		/* of wait_queue_entry [lock] */
} wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }

#define DECLARE_WAIT_QUEUE_HEAD(name)					\
	wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(wait_queue_head_t *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}

static inline bool waitqueue_active(wait_queue_head_t *wq)
{
	return !list_empty(&wq->head);
}

/* Queue @wait (once) and clear its woken mark before the condition check. */
static inline void prepare_to_wait(wait_queue_head_t *wq,
				   struct wait_queue_entry *wait)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&wait->entry))
		list_add_tail(&wait->entry, &wq->head);
	wait->woken = false;
	spin_unlock_irqrestore(&wq->lock, flags);
}

static inline void finish_wait(wait_queue_head_t *wq,
			       struct wait_queue_entry *wait)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_del_init(&wait->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

static inline void wake_up(wait_queue_head_t *wq)
{
	struct wait_queue_entry *wait;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry(wait, &wq->head, entry)
		wait->woken = true;
	spin_unlock_irqrestore(&wq->lock, flags);
}

/*
 * Halt until the next interrupt unless @wait was already woken.  "sti; hlt"
 * is atomic on x86 (sti takes effect after the next instruction), so an
 * interrupt arriving after the woken check still ends the halt.
 */
static inline void wait_idle(struct wait_queue_entry *wait)
{
	unsigned long flags;

	local_irq_save(flags);
	if (!READ_ONCE(wait->woken))
		__asm__ __volatile__("sti; hlt; cli" ::: "memory");
	local_irq_restore(flags);
}

#define wait_event(wq, condition)					\
	do {								\
		struct wait_queue_entry __wait = {			\
			.entry = LIST_HEAD_INIT(__wait.entry) };	\
		if (condition)						\
			break;						\
		for (;;) {						\
			prepare_to_wait(&(wq), &__wait);		\
			if (condition)					\
				break;					\
			wait_idle(&__wait);				\
		}							\
		finish_wait(&(wq), &__wait);				\
	} while (0)

/*
 * 0 once @condition holds; -ERESTARTSYS when a signal interrupts the wait,
 * which cannot happen before signals exist.
 */
#define wait_event_interruptible(wq, condition)				\
	({								\
		wait_event(wq, condition);				\
		0;							\
	})

#endif /* _KEEL_WAIT_H */
