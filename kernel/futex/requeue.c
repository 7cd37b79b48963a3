// SPDX-License-Identifier: GPL-2.0
/*
 * FUTEX_REQUEUE and FUTEX_CMP_REQUEUE: wake some waiters of one futex
 * and move others, without waking them, to wait on a second one (a
 * condition variable's waiters moved onto its mutex).  Both buckets are
 * locked while the waiters move, so a waiter that times out meanwhile
 * finds its new lock through lock_ptr (futex_unqueue()).
 */
#include <keel/errno.h>
#include <keel/sched/wake_q.h>
#include <keel/uaccess.h>
#include "futex.h"

/* Under both locks: @q now waits on the second futex. */
static void requeue_futex(struct futex_q *q, const struct futex_pair *fp)
{
	if (fp->hb1 != fp->hb2) {
		list_del(&q->list);
		list_add_tail(&q->list, &fp->hb2->chain);
		q->lock_ptr = &fp->hb2->lock;
	}
	q->key = fp->key2;
}

int futex_requeue(u32 __user *uaddr1, unsigned int flags,
		  u32 __user *uaddr2, int nr_wake, int nr_requeue,
		  const u32 *cmpval)
{
	struct futex_pair fp;
	struct futex_q *q, *next;
	DEFINE_WAKE_Q(wake_q);
	int ret, task_count = 0;
	u32 curval;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	ret = futex_pair_get(&fp, uaddr1, uaddr2, flags);
	if (ret)
		return ret;
retry:
	futex_pair_lock(&fp);
	if (cmpval) {
		ret = futex_get_value_locked(&curval, uaddr1);
		if (ret) {
			futex_pair_unlock(&fp);
			if (get_user(curval, uaddr1))
				return -EFAULT;
			goto retry;
		}
		if (curval != *cmpval) {
			futex_pair_unlock(&fp);
			return -EAGAIN;
		}
	}
	list_for_each_entry_safe(q, next, &fp.hb1->chain, list) {
		if (task_count - nr_wake >= nr_requeue)
			break;
		if (!futex_match(&q->key, &fp.key1))
			continue;
		if (++task_count <= nr_wake)
			futex_wake_mark(&wake_q, q);
		else
			requeue_futex(q, &fp);
	}
	futex_pair_unlock(&fp);
	wake_up_q(&wake_q);
	return task_count;
}
