// SPDX-License-Identifier: GPL-2.0
/*
 * FUTEX_WAIT, FUTEX_WAKE (and their _BITSET forms) and FUTEX_WAKE_OP.
 *
 * No lost wake-ups: a waiter queues itself and reads the word under its
 * bucket's lock, and sleeps only if the word still holds the value it
 * was told to wait on.  A waker changes the word first and then takes
 * the same lock to find the waiters, so either the waiter read the new
 * value (-EAGAIN) or the waker finds it queued.  The waiter marks itself
 * TASK_INTERRUPTIBLE before it drops the lock; the wake-up that follows
 * makes it runnable even if it has not reached schedule() yet.
 */
#include <keel/errno.h>
#include <keel/futex.h>
#include <keel/jiffies.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/sched/wake_q.h>
#include <keel/timekeeping.h>
#include <keel/uaccess.h>
#include <asm/barrier.h>
#include <asm/futex.h>
#include <uapi/linux/futex.h>
#include "futex.h"

/*
 * Take @q off its chain unless a waker already has.  True if it was
 * still queued, false if it was woken.  A requeue may move it to
 * another bucket meanwhile: then lock_ptr changes under the old lock.
 */
static bool futex_unqueue(struct futex_q *q)
{
	spinlock_t *lock;

	for (;;) {
		lock = smp_load_acquire(&q->lock_ptr);
		if (!lock)
			return false;
		spin_lock(lock);
		if (lock == q->lock_ptr)
			break;
		spin_unlock(lock);
	}
	list_del_init(&q->list);
	q->lock_ptr = NULL;
	spin_unlock(lock);
	return true;
}

/* The jiffies to sleep so that at least @ns have passed. */
static long ns_to_timeout(u64 ns)
{
	u64 j = ns / TICK_NSEC + 2;	/* rounding up, and the partial tick */

	return j >= MAX_SCHEDULE_TIMEOUT ? MAX_SCHEDULE_TIMEOUT - 1 : (long)j;
}

/*
 * Sleep, in TASK_INTERRUPTIBLE as set by the caller, until woken, a
 * signal or @deadline_ns on the monotonic clock (FUTEX_NO_DEADLINE: no
 * limit).  0 when woken.
 */
static int futex_sleep(struct futex_q *q, u64 deadline_ns)
{
	u64 now;

	for (;;) {
		if (!smp_load_acquire(&q->lock_ptr))
			return 0;
		/*
		 * With no timeout the call restarts; with one Linux restarts
		 * it through a restart block, which Keel has not: -EINTR.
		 */
		if (signal_pending(current))
			return deadline_ns == FUTEX_NO_DEADLINE ? -ERESTARTSYS :
								  -EINTR;
		if (deadline_ns == FUTEX_NO_DEADLINE) {
			schedule();
		} else {
			now = ktime_get_ns();
			if (now >= deadline_ns)
				return -ETIMEDOUT;
			schedule_timeout(ns_to_timeout(deadline_ns - now));
		}
		set_current_state(TASK_INTERRUPTIBLE);
	}
}

int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val,
	       u64 deadline_ns, u32 bitset)
{
	struct futex_q q = { .task = current, .bitset = bitset };
	struct futex_hash_bucket *hb;
	u32 uval;
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(uaddr, flags, &q.key);
	if (ret)
		return ret;
	hb = futex_hash(&q.key);
retry:
	spin_lock(&hb->lock);
	/* Queued before the word is read: a wake from now on finds us. */
	list_add_tail(&q.list, &hb->chain);
	q.lock_ptr = &hb->lock;
	ret = futex_get_value_locked(&uval, uaddr);
	if (ret || uval != val) {
		list_del_init(&q.list);
		q.lock_ptr = NULL;
		spin_unlock(&hb->lock);
		if (!ret)
			return -EAGAIN;
		if (get_user(uval, uaddr))
			return -EFAULT;
		goto retry;
	}
	set_current_state(TASK_INTERRUPTIBLE);
	spin_unlock(&hb->lock);

	ret = futex_sleep(&q, deadline_ns);
	__set_current_state(TASK_RUNNING);
	/* A wake-up that raced with the timeout or signal wins. */
	if (!futex_unqueue(&q))
		return 0;
	return ret;
}

/*
 * Under @hb's lock: mark up to @nr_wake waiters on @key whose bitset
 * meets @bitset (at least one, as Linux does for 0).  How many.
 */
static int futex_wake_matching(struct wake_q_head *wake_q,
			       struct futex_hash_bucket *hb,
			       const struct futex_key *key, int nr_wake,
			       u32 bitset)
{
	struct futex_q *q, *next;
	int woken = 0;

	list_for_each_entry_safe(q, next, &hb->chain, list) {
		if (!futex_match(&q->key, key) || !(q->bitset & bitset))
			continue;
		futex_wake_mark(wake_q, q);
		if (++woken >= nr_wake)
			break;
	}
	return woken;
}

int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake,
	       u32 bitset)
{
	struct futex_hash_bucket *hb;
	struct futex_key key;
	DEFINE_WAKE_Q(wake_q);
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(uaddr, flags, &key);
	if (ret)
		return ret;
	hb = futex_hash(&key);
	spin_lock(&hb->lock);
	ret = futex_wake_matching(&wake_q, hb, &key, nr_wake, bitset);
	spin_unlock(&hb->lock);
	wake_up_q(&wake_q);
	return ret;
}

void futex_wake_tid(int __user *uaddr)
{
	futex_wake((u32 __user *)uaddr, FLAGS_SHARED, 1,
		   FUTEX_BITSET_MATCH_ANY);
}

/*
 * FUTEX_WAKE_OP's operation on *@uaddr, atomically (a cmpxchg loop, the
 * page not faulted in), and its comparison of the old value: 1 or 0,
 * -ENOSYS for an unknown operation or comparison, -EFAULT.
 */
static int futex_atomic_op_inuser(u32 encoded_op, u32 __user *uaddr)
{
	unsigned int op = (encoded_op >> 28) & 7;
	unsigned int cmp = (encoded_op >> 24) & 15;
	int oparg = (int)(encoded_op << 8) >> 20;	/* 12 bits, signed */
	int cmparg = (int)(encoded_op << 20) >> 20;
	u32 old, cur, new;
	int ret;

	if (encoded_op & (FUTEX_OP_OPARG_SHIFT << 28))
		oparg = (int)(1U << (oparg & 31));
	if (op > FUTEX_OP_XOR)
		return -ENOSYS;
	ret = futex_get_value_locked(&old, uaddr);
	for (; !ret; old = cur) {
		switch (op) {
		case FUTEX_OP_SET:
			new = oparg;
			break;
		case FUTEX_OP_ADD:
			new = old + oparg;
			break;
		case FUTEX_OP_OR:
			new = old | oparg;
			break;
		case FUTEX_OP_ANDN:
			new = old & ~oparg;
			break;
		default:
			new = old ^ oparg;
			break;
		}
		ret = futex_atomic_cmpxchg_inatomic(&cur, uaddr, old, new);
		if (!ret && cur == old)
			break;
	}
	if (ret)
		return ret;
	switch (cmp) {
	case FUTEX_OP_CMP_EQ:
		return (int)old == cmparg;
	case FUTEX_OP_CMP_NE:
		return (int)old != cmparg;
	case FUTEX_OP_CMP_LT:
		return (int)old < cmparg;
	case FUTEX_OP_CMP_LE:
		return (int)old <= cmparg;
	case FUTEX_OP_CMP_GT:
		return (int)old > cmparg;
	case FUTEX_OP_CMP_GE:
		return (int)old >= cmparg;
	default:
		return -ENOSYS;
	}
}

int futex_wake_op(u32 __user *uaddr1, unsigned int flags,
		  u32 __user *uaddr2, int nr_wake, int nr_wake2, u32 op)
{
	struct futex_pair fp;
	DEFINE_WAKE_Q(wake_q);
	int ret, op_ret;

	ret = futex_pair_get(&fp, uaddr1, uaddr2, flags);
	if (ret)
		return ret;
retry:
	futex_pair_lock(&fp);
	op_ret = futex_atomic_op_inuser(op, uaddr2);
	if (op_ret < 0) {
		futex_pair_unlock(&fp);
		if (op_ret != -EFAULT)
			return op_ret;
		ret = fault_in_user_writeable(uaddr2);
		if (ret)
			return ret;
		goto retry;
	}
	ret = futex_wake_matching(&wake_q, fp.hb1, &fp.key1, nr_wake,
				  FUTEX_BITSET_MATCH_ANY);
	if (op_ret > 0)
		ret += futex_wake_matching(&wake_q, fp.hb2, &fp.key2, nr_wake2,
					   FUTEX_BITSET_MATCH_ANY);
	futex_pair_unlock(&fp);
	wake_up_q(&wake_q);
	return ret;
}
