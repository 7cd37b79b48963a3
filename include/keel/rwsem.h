/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read-write semaphores, with Linux's API: many readers or one writer,
 * sleeping when they cannot have it (an inode's i_rwsem, an address
 * space's mmap lock).  Fair: once a writer waits, new readers queue
 * behind it, so writers are not starved.  Waiters are granted the lock by
 * whoever releases it, in queue order: one writer, or every reader at the
 * head of the queue.
 *
 * CONFIG_DEBUG_RWSEMS checks the rules: up_write() by a task that is not
 * the writer, up_read() with no reader, and a writer taking it again (a
 * deadlock, reported and then stopped with BUG()).
 */
#ifndef _KEEL_RWSEM_H
#define _KEEL_RWSEM_H

#include <keel/compiler.h>
#include <keel/list.h>
#include <keel/spinlock.h>
#include <keel/types.h>

struct task_struct;

struct rw_semaphore {
	long count;			/* [wait_lock] readers, or -1: a writer */
	struct task_struct *owner;	/* [wait_lock] the writer */
	spinlock_t wait_lock;
	struct list_head wait_list;	/* [wait_lock] of rwsem_waiter */
};

#define __RWSEM_INITIALIZER(name) {					\
	.wait_lock = __SPIN_LOCK_UNLOCKED(name.wait_lock),		\
	.wait_list = LIST_HEAD_INIT(name.wait_list) }

#define DECLARE_RWSEM(name) \
	struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void init_rwsem(struct rw_semaphore *sem);

void down_read(struct rw_semaphore *sem);
bool down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
bool down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
/* Turn the write lock into a read lock without letting a writer in. */
void downgrade_write(struct rw_semaphore *sem);

static inline bool rwsem_is_locked(struct rw_semaphore *sem)
{
	return READ_ONCE(sem->count) != 0;
}

/*
 * Document, and under CONFIG_DEBUG_RWSEMS check, that the lock is held
 * (Linux's rwsem_assert_held()): by current for writing, or by someone in
 * either mode (readers are not recorded).
 */
#ifdef CONFIG_DEBUG_RWSEMS
void rwsem_assert_held(struct rw_semaphore *sem);
void rwsem_assert_held_write(struct rw_semaphore *sem);
#else
static inline void rwsem_assert_held(struct rw_semaphore *sem)
{
}

static inline void rwsem_assert_held_write(struct rw_semaphore *sem)
{
}
#endif

#endif /* _KEEL_RWSEM_H */
