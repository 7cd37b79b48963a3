/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside kernel/futex/: keys, hash buckets and the queue of waiters.
 *
 * A waiter's struct futex_q lives on its own stack.  It is on its
 * bucket's chain while lock_ptr points at that bucket's lock; a waker
 * (or requeue) changes the chain and lock_ptr only under that lock.  A
 * waker takes the entry off the chain, queues the task on its wake_q
 * and then, as its last touch of the entry, stores NULL to lock_ptr:
 * from then on the waiter owns it again and may return.
 */
#ifndef _KERNEL_FUTEX_FUTEX_H
#define _KERNEL_FUTEX_FUTEX_H

#include <keel/compiler.h>
#include <keel/list.h>
#include <keel/spinlock.h>
#include <keel/types.h>

struct task_struct;
struct wake_q_head;

/* do_futex()'s decoded flags. */
#define FLAGS_SHARED		0x01	/* no FUTEX_PRIVATE_FLAG */
#define FLAGS_CLOCKRT		0x02	/* FUTEX_CLOCK_REALTIME */

/*
 * What identifies a futex word: the address space and the address for
 * private memory; for a shared mapping the object behind it (a file's
 * inode, a shared anonymous area) and the byte offset into it, so that
 * every process mapping it finds the same waiters.  The object is only
 * compared, never followed.
 */
struct futex_key {
	const void *object;
	unsigned long offset;
};

struct futex_hash_bucket {
	spinlock_t lock;
	struct list_head chain;		/* [lock] struct futex_q */
} __aligned(64);

struct futex_q {
	struct list_head list;		/* [*lock_ptr] in the chain */
	struct task_struct *task;
	spinlock_t *lock_ptr;		/* the bucket's; NULL once woken */
	struct futex_key key;		/* [*lock_ptr] requeue changes it */
	u32 bitset;			/* FUTEX_WAIT_BITSET's mask */
};

int get_futex_key(u32 __user *uaddr, unsigned int flags,
		  struct futex_key *key);
struct futex_hash_bucket *futex_hash(const struct futex_key *key);

static inline bool futex_match(const struct futex_key *a,
			       const struct futex_key *b)
{
	return a->object == b->object && a->offset == b->offset;
}

/* Under the bucket lock: dequeue @q and queue its task on @wake_q. */
void futex_wake_mark(struct wake_q_head *wake_q, struct futex_q *q);

/* The two futexes of a requeue or a wake-op: keys and buckets. */
struct futex_pair {
	struct futex_key key1, key2;
	struct futex_hash_bucket *hb1, *hb2;
};

int futex_pair_get(struct futex_pair *fp, u32 __user *uaddr1,
		   u32 __user *uaddr2, unsigned int flags);
/* Both buckets locked in address order (one lock if they are the same). */
void futex_pair_lock(struct futex_pair *fp);
void futex_pair_unlock(struct futex_pair *fp);

/*
 * The futex word under a bucket lock: a missing page is not faulted in
 * (-EFAULT); the caller unlocks, faults it in (get_user()) and tries
 * again.
 */
int futex_get_value_locked(u32 *val, u32 __user *uaddr);
/* Fault the word in for writing: 0 or -EFAULT. */
int fault_in_user_writeable(u32 __user *uaddr);

/* futex_wait()'s deadline_ns when it has no timeout. */
#define FUTEX_NO_DEADLINE	(~0ULL)

int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val,
	       u64 deadline_ns, u32 bitset);
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake,
	       u32 bitset);
int futex_requeue(u32 __user *uaddr1, unsigned int flags,
		  u32 __user *uaddr2, int nr_wake, int nr_requeue,
		  const u32 *cmpval);
int futex_wake_op(u32 __user *uaddr1, unsigned int flags,
		  u32 __user *uaddr2, int nr_wake, int nr_wake2, u32 op);

#endif /* _KERNEL_FUTEX_FUTEX_H */
