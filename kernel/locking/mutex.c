// SPDX-License-Identifier: GPL-2.0
/*
 * Mutexes (<keel/mutex.h>).  All state changes happen under wait_lock, a
 * spinlock held only for a few instructions, so the mutex is correct on
 * SMP without a lock-free fast path.  Unlock hands nothing over: it
 * clears the owner and wakes the first waiter, which takes the mutex if
 * nobody beat it to it and otherwise queues again at its place.
 *
 * Lock order: mutex (held across sleeps) before any spinlock; wait_lock is
 * innermost and never held across schedule().
 */
#include <keel/debug_locks.h>
#include <keel/mutex.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>

struct mutex_waiter {
	struct list_head list;		/* [lock->wait_lock] */
	struct task_struct *task;
};

void __mutex_init(struct mutex *lock, const char *name)
{
	lock->owner = NULL;
	spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
#ifdef CONFIG_DEBUG_MUTEXES
	lock->name = name;
#endif
}

/* A task waiting for a mutex it holds waits forever: stop right here. */
static void check_deadlock(struct mutex *lock)
{
#ifdef CONFIG_DEBUG_MUTEXES
	if (DEBUG_LOCKS_WARN_ON(lock->owner == current))
		BUG();
#endif
}

static int __mutex_lock(struct mutex *lock, unsigned int state)
{
	struct mutex_waiter waiter = { .task = current }, *first;

	might_sleep();
	spin_lock(&lock->wait_lock);
	if (!lock->owner && list_empty(&lock->wait_list))
		goto acquired;
	check_deadlock(lock);
	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		/* FIFO: only the first waiter may take it. */
		if (!lock->owner &&
		    list_first_entry(&lock->wait_list, struct mutex_waiter,
				     list) == &waiter)
			break;
		if (signal_pending_state(state, current)) {
			list_del(&waiter.list);
			/* Our wake-up may have been for the next in line. */
			first = list_first_entry_or_null(&lock->wait_list,
							 struct mutex_waiter,
							 list);
			if (!lock->owner && first)
				wake_up_process(first->task);
			spin_unlock(&lock->wait_lock);
			return -EINTR;
		}
		set_current_state(state);
		spin_unlock(&lock->wait_lock);
		schedule();
		spin_lock(&lock->wait_lock);
	}
	__set_current_state(TASK_RUNNING);
	list_del(&waiter.list);
acquired:
	WRITE_ONCE(lock->owner, current);
	spin_unlock(&lock->wait_lock);
	return 0;
}

void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE);
}

bool mutex_trylock(struct mutex *lock)
{
	bool taken = false;

	spin_lock(&lock->wait_lock);
	if (!lock->owner && list_empty(&lock->wait_list)) {
		WRITE_ONCE(lock->owner, current);
		taken = true;
	}
	spin_unlock(&lock->wait_lock);
	return taken;
}

void mutex_unlock(struct mutex *lock)
{
	struct mutex_waiter *first;

	spin_lock(&lock->wait_lock);
#ifdef CONFIG_DEBUG_MUTEXES
	if (DEBUG_LOCKS_WARN_ON(lock->owner != current)) {
		spin_unlock(&lock->wait_lock);
		return;
	}
#endif
	WRITE_ONCE(lock->owner, NULL);
	first = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter,
					 list);
	if (first)
		wake_up_process(first->task);
	spin_unlock(&lock->wait_lock);
}

#ifdef CONFIG_DEBUG_MUTEXES
void mutex_assert_held(struct mutex *lock)
{
	DEBUG_LOCKS_WARN_ON(READ_ONCE(lock->owner) != current);
}
#endif
