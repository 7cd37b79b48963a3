// SPDX-License-Identifier: GPL-2.0
/*
 * Robust futexes: set_robust_list(2), get_robust_list(2) and the walk of
 * a dying thread's list.  A thread keeps in user memory a list of the
 * locks it holds (struct robust_list_head); when it ends holding one,
 * the kernel marks the lock's word FUTEX_OWNER_DIED and wakes a waiter,
 * which then gets EOWNERDEAD from pthread_mutex_lock() instead of
 * waiting forever.  The list is user memory: every read may fault,
 * and a fault, a bad entry or ROBUST_LIST_LIMIT entries end the walk.
 */
#include <keel/errno.h>
#include <keel/futex.h>
#include <keel/cred.h>
#include <keel/sched.h>
#include <keel/sched/task.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <asm/futex.h>
#include <uapi/linux/futex.h>
#include "futex.h"

SYSCALL_DEFINE2(set_robust_list, struct robust_list_head __user *, head,
		size_t, len)
{
	if (len != sizeof(*head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

/* Another user's threads' lists are theirs (Linux: ptrace read access). */
static bool may_read_robust_list(const struct task_struct *p)
{
	const struct cred *cred = current_cred(), *tcred = p->real_cred;

	return p->tgid == current->tgid || cred->euid == 0 ||
	       (cred->uid == tcred->uid && cred->uid == tcred->euid &&
		cred->uid == tcred->suid);
}

SYSCALL_DEFINE3(get_robust_list, int, pid,
		struct robust_list_head __user * __user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct robust_list_head __user *head;
	struct task_struct *p = current;

	if (pid) {
		p = find_get_task_by_vpid(pid);
		if (!p)
			return -ESRCH;
		if (!may_read_robust_list(p)) {
			put_task_struct(p);
			return -EPERM;
		}
		head = READ_ONCE(p->robust_list);
		put_task_struct(p);
	} else {
		head = current->robust_list;
	}
	if (put_user(sizeof(*head), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr);
}

/*
 * The lock word at @uaddr of dying @curr: if @curr owns it, mark the
 * owner dead (keeping FUTEX_WAITERS) and wake one waiter.  A lock that
 * was being taken (@pending) and is still free may have a waiter that
 * was told to go ahead: wake one.  -1 ends the walk (a fault, a
 * misaligned word).
 */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *curr,
			      bool pi, bool pending)
{
	u32 uval, nval, mval;

	if ((unsigned long)uaddr % sizeof(u32) ||
	    !access_ok(uaddr, sizeof(u32)))
		return -1;
retry:
	if (get_user(uval, uaddr))
		return -1;
	if (pending && !pi && !(uval & FUTEX_TID_MASK)) {
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
		return 0;
	}
	if ((uval & FUTEX_TID_MASK) != (u32)task_pid_vnr(curr))
		return 0;
	mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	if (futex_atomic_cmpxchg_inatomic(&nval, uaddr, uval, mval)) {
		if (fault_in_user_writeable(uaddr))
			return -1;
		goto retry;
	}
	if (nval != uval)
		goto retry;
	/* A PI lock's waiters are the PI code's to wake; Keel has none. */
	if (!pi && (uval & FUTEX_WAITERS))
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
	return 0;
}

/* The entry at *@head, its low bit (a PI lock) split off; 0 or -EFAULT. */
static int fetch_robust_entry(struct robust_list __user **entry,
			      struct robust_list __user * __user *head,
			      bool *pi)
{
	unsigned long uentry;

	if (get_user(uentry, (unsigned long __user *)head))
		return -EFAULT;
	*entry = (void __user *)(uentry & ~1UL);
	*pi = uentry & 1;
	return 0;
}

/* The locks @curr (current, at exit or exec) still holds. */
static void exit_robust_list(struct task_struct *curr)
{
	struct robust_list_head __user *head = curr->robust_list;
	struct robust_list __user *entry, *next_entry, *pending;
	unsigned int limit = ROBUST_LIST_LIMIT;
	bool pi, next_pi, pip;
	long futex_offset;
	int rc;

	if (fetch_robust_entry(&entry, &head->list.next, &pi))
		return;
	if (get_user(futex_offset, &head->futex_offset))
		return;
	if (fetch_robust_entry(&pending, &head->list_op_pending, &pip))
		return;
	while (entry != &head->list) {
		/* Read the next one first: the lock may be freed when woken. */
		rc = fetch_robust_entry(&next_entry, &entry->next, &next_pi);
		if (entry != pending &&
		    handle_futex_death((void __user *)entry + futex_offset,
				       curr, pi, false))
			return;
		if (rc)
			return;
		entry = next_entry;
		pi = next_pi;
		if (!--limit)
			break;
		cond_resched();
	}
	if (pending)
		handle_futex_death((void __user *)pending + futex_offset, curr,
				   pip, true);
}

void futex_exit_release(struct task_struct *tsk)
{
	if (tsk->robust_list) {
		exit_robust_list(tsk);
		tsk->robust_list = NULL;
	}
}
