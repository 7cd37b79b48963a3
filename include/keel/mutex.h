/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mutexes, with Linux's API: a sleeping lock with one owner, for sections
 * that may block (allocate, copy user memory, wait for I/O).  Only the
 * owner unlocks; a mutex is never taken in interrupt context or under a
 * spinlock (mutex_lock() calls might_sleep()).  Waiters queue in FIFO
 * order on wait_list and sleep in schedule().
 *
 * CONFIG_DEBUG_MUTEXES checks the rules: unlocking a mutex that is not
 * held or is held by another task, and taking one the task already holds
 * (a deadlock, reported and then stopped with BUG()).
 */
#ifndef _KEEL_MUTEX_H
#define _KEEL_MUTEX_H

#include <keel/compiler.h>
#include <keel/list.h>
#include <keel/spinlock.h>
#include <keel/types.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;	/* [wait_lock] NULL when unlocked */
	spinlock_t wait_lock;
	struct list_head wait_list;	/* [wait_lock] of mutex_waiter */
#ifdef CONFIG_DEBUG_MUTEXES
	const char *name;
#endif
};

#ifdef CONFIG_DEBUG_MUTEXES
#define __DEBUG_MUTEX_INITIALIZER(lockname)	.name = #lockname,
#else
#define __DEBUG_MUTEX_INITIALIZER(lockname)
#endif

#define __MUTEX_INITIALIZER(lockname) {					\
	.wait_lock = __SPIN_LOCK_UNLOCKED(lockname.wait_lock),		\
	.wait_list = LIST_HEAD_INIT(lockname.wait_list),		\
	__DEBUG_MUTEX_INITIALIZER(lockname) }

#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name);
#define mutex_init(lock)	__mutex_init(lock, #lock)

void mutex_lock(struct mutex *lock);
/* 0, or -EINTR when a signal is pending while it waits. */
int mutex_lock_interruptible(struct mutex *lock);
/* True if it took the lock; never sleeps. */
bool mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

static inline bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

/* Documents, and under CONFIG_DEBUG_MUTEXES checks, that current holds it. */
#ifdef CONFIG_DEBUG_MUTEXES
void mutex_assert_held(struct mutex *lock);
#else
static inline void mutex_assert_held(struct mutex *lock)
{
}
#endif

#endif /* _KEEL_MUTEX_H */
