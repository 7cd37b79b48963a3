/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues, with Linux's names and shape: a waiter puts an entry naming
 * its task on a queue, sets its state, checks its condition and calls
 * schedule(); whoever changes the condition calls wake_up(), which runs
 * each entry's wake function (by default: make the task runnable).
 * Setting the state before the check means a wake-up that lands between
 * the check and schedule() is not lost: schedule() returns at once.
 *
 * wq->lock is taken with interrupts off: interrupt handlers call wake_up().
 * Wake functions run under it, so they must not sleep.
 */
#ifndef _KEEL_WAIT_H
#define _KEEL_WAIT_H

#include <keel/compiler.h>
#include <keel/list.h>
#include <keel/sched.h>
#include <keel/spinlock.h>
#include <keel/types.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned int mode);

/* Woken one at a time (wake_up() stops after the first exclusive entry). */
#define WQ_FLAG_EXCLUSIVE	0x01

struct wait_queue_entry {
	unsigned int flags;		/* WQ_FLAG_* */
	void *private;			/* the waiting task */
	wait_queue_func_t func;		/* returns nonzero if it woke one */
	struct list_head entry;		/* [wq->lock] */
};

typedef struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;		/* of wait_queue_entry [lock] */
} wait_queue_head_t;

int default_wake_function(struct wait_queue_entry *wq_entry,
			  unsigned int mode);
/* default_wake_function() that also takes the entry off its queue. */
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode);

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }

#define DECLARE_WAIT_QUEUE_HEAD(name)					\
	wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

/* An entry for the current task that leaves the queue when woken. */
#define DEFINE_WAIT(name)						\
	struct wait_queue_entry name = {				\
		.private = current,					\
		.func = autoremove_wake_function,			\
		.entry = LIST_HEAD_INIT((name).entry) }

static inline void init_waitqueue_head(wait_queue_head_t *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}

static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry,
					struct task_struct *task)
{
	wq_entry->flags = 0;
	wq_entry->private = task;
	wq_entry->func = default_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

static inline bool waitqueue_active(wait_queue_head_t *wq)
{
	return !list_empty(&wq->head);
}

void add_wait_queue(wait_queue_head_t *wq, struct wait_queue_entry *wq_entry);
void remove_wait_queue(wait_queue_head_t *wq,
		       struct wait_queue_entry *wq_entry);

/* Queue @wq_entry (once) and set the current task's @state. */
void prepare_to_wait(wait_queue_head_t *wq, struct wait_queue_entry *wq_entry,
		     unsigned int state);
void prepare_to_wait_exclusive(wait_queue_head_t *wq,
			       struct wait_queue_entry *wq_entry,
			       unsigned int state);
/* Back to TASK_RUNNING and off the queue. */
void finish_wait(wait_queue_head_t *wq, struct wait_queue_entry *wq_entry);

/* Wake every non-exclusive waiter in @mode and up to @nr exclusive ones. */
void __wake_up(wait_queue_head_t *wq, unsigned int mode, int nr);

#define wake_up(wq)		__wake_up(wq, TASK_NORMAL, 1)
#define wake_up_all(wq)		__wake_up(wq, TASK_NORMAL, 0)
#define wake_up_interruptible(wq) __wake_up(wq, TASK_INTERRUPTIBLE, 1)

#define __wait_event(wq, condition, state)				\
	do {								\
		DEFINE_WAIT(__wait);					\
		for (;;) {						\
			prepare_to_wait(&(wq), &__wait, (state));	\
			if (condition)					\
				break;					\
			schedule();					\
		}							\
		finish_wait(&(wq), &__wait);				\
	} while (0)

/* Sleep until @condition holds. */
#define wait_event(wq, condition)					\
	do {								\
		might_sleep();						\
		if (condition)						\
			break;						\
		__wait_event(wq, condition, TASK_UNINTERRUPTIBLE);	\
	} while (0)

/*
 * 0 once @condition holds; -ERESTARTSYS when a signal is pending first
 * (TIF_SIGPENDING: the caller returns it and the system call is
 * restarted or fails with EINTR, by SA_RESTART).
 */
#define wait_event_interruptible(wq, condition)				\
	({								\
		int __ret = 0;						\
		might_sleep();						\
		if (!(condition))					\
			__ret = __wait_event_interruptible(wq, condition); \
		__ret;							\
	})

#define __wait_event_interruptible(wq, condition)			\
	({								\
		int __ret = 0;						\
		DEFINE_WAIT(__wait);					\
		for (;;) {						\
			prepare_to_wait(&(wq), &__wait, TASK_INTERRUPTIBLE); \
			if (condition)					\
				break;					\
			if (test_tsk_thread_flag(current, TIF_SIGPENDING)) { \
				__ret = -ERESTARTSYS;			\
				break;					\
			}						\
			schedule();					\
		}							\
		finish_wait(&(wq), &__wait);				\
		__ret;							\
	})

#endif /* _KEEL_WAIT_H */
