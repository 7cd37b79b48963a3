// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduling system calls: sched_yield, the policy and priority
 * calls (sched_setscheduler, sched_setparam and their getters, the
 * priority range, sched_rr_get_interval) and the CPU affinity calls,
 * with Linux's errors and permission rules.  A pid names a thread; 0 is
 * the caller.  Keel runs on one CPU, so the only affinity is CPU 0.
 */
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/syscalls.h>
#include <keel/time.h>
#include <keel/uaccess.h>
#include <uapi/linux/sched/types.h>

#define CPUMASK_SIZE	sizeof(unsigned long)	/* NR_CPUS <= 64 */
#define ONLINE_CPUS	1UL			/* CPU 0 */

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

/* The thread @pid with a reference taken, or NULL. */
static struct task_struct *find_get_task(pid_t pid)
{
	if (!pid) {
		get_task_struct(current);
		return current;
	}
	return find_get_task_by_vpid(pid);
}

static bool rt_policy(int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

/* Does the caller own @p (its effective uid is @p's real or effective)? */
static bool same_owner(const struct task_struct *p)
{
	const struct cred *cred = current_cred(), *pcred = p->real_cred;

	return cred->euid == pcred->euid || cred->euid == pcred->uid;
}

/*
 * Linux's __sched_setscheduler() checks for a caller without
 * CAP_SYS_NICE: real time up to RLIMIT_RTPRIO, no leaving SCHED_IDLE
 * below the nice limit, only its own tasks, and no clearing of
 * SCHED_RESET_ON_FORK.
 */
static long may_setscheduler(struct task_struct *p, int policy, int prio,
			     bool reset_on_fork)
{
	unsigned long rlim_rtprio =
		READ_ONCE(p->signal->rlim[RLIMIT_RTPRIO].rlim_cur);

	if (capable_root())
		return 0;
	if (rt_policy(policy)) {
		if ((unsigned int)policy != p->policy && !rlim_rtprio)
			return -EPERM;
		if ((unsigned int)prio > p->rt_priority && prio > rlim_rtprio)
			return -EPERM;
	}
	if (p->policy == SCHED_IDLE && policy != SCHED_IDLE &&
	    MAX_NICE - task_nice(p) + 1 >
	    (long)READ_ONCE(p->signal->rlim[RLIMIT_NICE].rlim_cur))
		return -EPERM;
	if (!same_owner(p))
		return -EPERM;
	if (p->sched_reset_on_fork && !reset_on_fork)
		return -EPERM;
	return 0;
}

/* @policy -1: keep the current one (sched_setparam). */
static long do_sched_setscheduler(pid_t pid, int policy,
				  const struct sched_param __user *param)
{
	struct sched_param lp;
	struct task_struct *p;
	bool reset_on_fork = false;
	long ret;

	if (!param || pid < 0)
		return -EINVAL;
	if (copy_from_user(&lp, param, sizeof(lp)))
		return -EFAULT;
	p = find_get_task(pid);
	if (!p)
		return -ESRCH;
	if (policy < 0) {
		policy = p->policy;
		reset_on_fork = p->sched_reset_on_fork;
	} else {
		reset_on_fork = policy & SCHED_RESET_ON_FORK;
		policy &= ~SCHED_RESET_ON_FORK;
	}
	ret = -EINVAL;
	if (rt_policy(policy) ? lp.sched_priority < 1 ||
				lp.sched_priority >= MAX_RT_PRIO :
				lp.sched_priority != 0)
		goto out;
	if (policy != SCHED_NORMAL && policy != SCHED_BATCH &&
	    policy != SCHED_IDLE && !rt_policy(policy))
		goto out;
	ret = may_setscheduler(p, policy, lp.sched_priority, reset_on_fork);
	if (ret)
		goto out;
	ret = sched_setscheduler(p, policy, lp.sched_priority);
	if (!ret)
		p->sched_reset_on_fork = reset_on_fork;
out:
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE3(sched_setscheduler, pid_t, pid, int, policy,
		struct sched_param __user *, param)
{
	if (policy < 0)
		return -EINVAL;
	return do_sched_setscheduler(pid, policy, param);
}

SYSCALL_DEFINE2(sched_setparam, pid_t, pid, struct sched_param __user *, param)
{
	return do_sched_setscheduler(pid, -1, param);
}

SYSCALL_DEFINE1(sched_getscheduler, pid_t, pid)
{
	struct task_struct *p;
	long ret;

	if (pid < 0)
		return -EINVAL;
	p = find_get_task(pid);
	if (!p)
		return -ESRCH;
	ret = p->policy;
	if (p->sched_reset_on_fork)
		ret |= SCHED_RESET_ON_FORK;
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE2(sched_getparam, pid_t, pid, struct sched_param __user *, param)
{
	struct sched_param lp = {};
	struct task_struct *p;

	if (!param || pid < 0)
		return -EINVAL;
	p = find_get_task(pid);
	if (!p)
		return -ESRCH;
	if (rt_policy(p->policy))
		lp.sched_priority = p->rt_priority;
	put_task_struct(p);
	return copy_to_user(param, &lp, sizeof(lp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(sched_get_priority_max, int, policy)
{
	if (rt_policy(policy))
		return MAX_RT_PRIO - 1;
	if (policy == SCHED_NORMAL || policy == SCHED_BATCH ||
	    policy == SCHED_IDLE || policy == SCHED_DEADLINE)
		return 0;
	return -EINVAL;
}

SYSCALL_DEFINE1(sched_get_priority_min, int, policy)
{
	if (rt_policy(policy))
		return 1;
	if (policy == SCHED_NORMAL || policy == SCHED_BATCH ||
	    policy == SCHED_IDLE || policy == SCHED_DEADLINE)
		return 0;
	return -EINVAL;
}

SYSCALL_DEFINE2(sched_rr_get_interval, pid_t, pid,
		struct __kernel_timespec __user *, interval)
{
	struct task_struct *p;
	struct timespec64 ts;

	if (pid < 0)
		return -EINVAL;
	p = find_get_task(pid);
	if (!p)
		return -ESRCH;
	ts = ns_to_timespec64(sched_task_slice(p));
	put_task_struct(p);
	return put_timespec64(&ts, interval);
}

/*
 * A short mask means the CPUs it leaves out are not wanted; bits past
 * the CPUs the kernel supports are ignored (Linux's get_user_cpu_mask()).
 */
SYSCALL_DEFINE3(sched_setaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	unsigned long mask = 0;
	struct task_struct *p;
	long ret = 0;

	if (len >= CPUMASK_SIZE &&
	    copy_from_user(&mask, user_mask_ptr, CPUMASK_SIZE))
		return -EFAULT;
	p = find_get_task(pid);
	if (!p)
		return -ESRCH;
	if (!same_owner(p) && !capable_root())
		ret = -EPERM;
	else if (!(mask & ONLINE_CPUS))
		ret = -EINVAL;
	put_task_struct(p);
	return ret;
}

/* The size of the kernel's mask on success, as the raw call returns. */
SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	unsigned long mask = ONLINE_CPUS;
	struct task_struct *p;

	if (!len || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	p = find_get_task(pid);
	if (!p)
		return -ESRCH;
	put_task_struct(p);
	if (copy_to_user(user_mask_ptr, &mask, CPUMASK_SIZE))
		return -EFAULT;
	return CPUMASK_SIZE;
}
