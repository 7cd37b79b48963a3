// SPDX-License-Identifier: GPL-2.0
/*
 * Read-write semaphores (<keel/rwsem.h>).  All state is under wait_lock,
 * held for a few instructions and never across schedule().  A release
 * that leaves the semaphore free grants it directly to the waiters at the
 * head of the queue (setting count for them), so a woken waiter never
 * finds it taken again and the queue order is the grant order.
 */
#include <keel/debug_locks.h>
#include <keel/rwsem.h>
#include <keel/sched.h>

#define RWSEM_WRITER	(-1L)

struct rwsem_waiter {
	struct list_head list;		/* [sem->wait_lock] */
	struct task_struct *task;
	bool write;
	bool granted;			/* [sem->wait_lock] */
};

void init_rwsem(struct rw_semaphore *sem)
{
	sem->count = 0;
	sem->owner = NULL;
	spin_lock_init(&sem->wait_lock);
	INIT_LIST_HEAD(&sem->wait_list);
}

static void grant(struct rw_semaphore *sem, struct rwsem_waiter *waiter)
{
	list_del(&waiter->list);
	waiter->granted = true;
	wake_up_process(waiter->task);
}

/* The semaphore is free or read-held: hand it to the head of the queue. */
static void grant_waiters(struct rw_semaphore *sem)
{
	struct rwsem_waiter *waiter, *next;

	list_for_each_entry_safe(waiter, next, &sem->wait_list, list) {
		if (waiter->write) {
			if (sem->count)
				return;
			sem->count = RWSEM_WRITER;
			sem->owner = waiter->task;
			grant(sem, waiter);
			return;
		}
		sem->count++;
		grant(sem, waiter);
	}
}

/* Queue behind everyone and sleep until a release grants the lock. */
static void wait_for_grant(struct rw_semaphore *sem, bool write)
{
	struct rwsem_waiter waiter = { .task = current, .write = write };

	list_add_tail(&waiter.list, &sem->wait_list);
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (waiter.granted)
			break;
		spin_unlock(&sem->wait_lock);
		schedule();
		spin_lock(&sem->wait_lock);
	}
	__set_current_state(TASK_RUNNING);
}

static bool can_read(struct rw_semaphore *sem)
{
	return sem->count >= 0 && list_empty(&sem->wait_list);
}

static bool can_write(struct rw_semaphore *sem)
{
	return sem->count == 0 && list_empty(&sem->wait_list);
}

void down_read(struct rw_semaphore *sem)
{
	might_sleep();
	spin_lock(&sem->wait_lock);
	if (can_read(sem))
		sem->count++;
	else
		wait_for_grant(sem, false);
	spin_unlock(&sem->wait_lock);
}

bool down_read_trylock(struct rw_semaphore *sem)
{
	bool taken;

	spin_lock(&sem->wait_lock);
	taken = can_read(sem);
	if (taken)
		sem->count++;
	spin_unlock(&sem->wait_lock);
	return taken;
}

/* A read lock is held (checked under CONFIG_DEBUG_RWSEMS). */
static bool reader_ok(struct rw_semaphore *sem)
{
#ifdef CONFIG_DEBUG_RWSEMS
	return !DEBUG_LOCKS_WARN_ON(sem->count <= 0);
#else
	return true;
#endif
}

void up_read(struct rw_semaphore *sem)
{
	spin_lock(&sem->wait_lock);
	if (reader_ok(sem) && --sem->count == 0)
		grant_waiters(sem);
	spin_unlock(&sem->wait_lock);
}

void down_write(struct rw_semaphore *sem)
{
	might_sleep();
	spin_lock(&sem->wait_lock);
	if (can_write(sem)) {
		sem->count = RWSEM_WRITER;
		sem->owner = current;
	} else {
#ifdef CONFIG_DEBUG_RWSEMS
		if (DEBUG_LOCKS_WARN_ON(sem->owner == current))
			BUG();
#endif
		wait_for_grant(sem, true);
	}
	spin_unlock(&sem->wait_lock);
}

bool down_write_trylock(struct rw_semaphore *sem)
{
	bool taken;

	spin_lock(&sem->wait_lock);
	taken = can_write(sem);
	if (taken) {
		sem->count = RWSEM_WRITER;
		sem->owner = current;
	}
	spin_unlock(&sem->wait_lock);
	return taken;
}

/* The write lock is held by current (checked under CONFIG_DEBUG_RWSEMS). */
static bool writer_ok(struct rw_semaphore *sem)
{
#ifdef CONFIG_DEBUG_RWSEMS
	return !DEBUG_LOCKS_WARN_ON(sem->count != RWSEM_WRITER ||
				    sem->owner != current);
#else
	return true;
#endif
}

void up_write(struct rw_semaphore *sem)
{
	spin_lock(&sem->wait_lock);
	if (writer_ok(sem)) {
		sem->count = 0;
		sem->owner = NULL;
		grant_waiters(sem);
	}
	spin_unlock(&sem->wait_lock);
}

void downgrade_write(struct rw_semaphore *sem)
{
	spin_lock(&sem->wait_lock);
	if (writer_ok(sem)) {
		sem->count = 1;
		sem->owner = NULL;
		grant_waiters(sem);
	}
	spin_unlock(&sem->wait_lock);
}

#ifdef CONFIG_DEBUG_RWSEMS
void rwsem_assert_held(struct rw_semaphore *sem)
{
	DEBUG_LOCKS_WARN_ON(!rwsem_is_locked(sem));
}

void rwsem_assert_held_write(struct rw_semaphore *sem)
{
	writer_ok(sem);
}
#endif
