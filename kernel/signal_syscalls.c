// SPDX-License-Identifier: GPL-2.0
/*
 * The signal system calls, with Linux's arguments and errors: handlers
 * (rt_sigaction), masks (rt_sigprocmask, rt_sigpending), waiting
 * (rt_sigsuspend, pause, rt_sigtimedwait), sending (kill, tkill, tgkill,
 * rt_sigqueueinfo, rt_tgsigqueueinfo), the alternate stack (sigaltstack)
 * and restart_syscall.  The machinery is kernel/signal.c.
 */
#include <keel/errno.h>
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/cred.h>
#include <keel/string.h>
#include <keel/timekeeping.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/time_types.h>

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction new_ka, old_ka;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act && copy_from_user(&new_ka.sa, act, sizeof(new_ka.sa)))
		return -EFAULT;
	ret = do_sigaction(sig, act ? &new_ka : NULL, oact ? &old_ka : NULL);
	if (!ret && oact && copy_to_user(oact, &old_ka.sa, sizeof(old_ka.sa)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	sigset_t old_set = current->blocked, new_set;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&new_set, nset, sizeof(sigset_t)))
			return -EFAULT;
		sigdelsetmask(&new_set, SIG_KERNEL_ONLY_MASK);
		ret = sigprocmask(how, &new_set, NULL);
		if (ret)
			return ret;
	}
	if (oset && copy_to_user(oset, &old_set, sizeof(sigset_t)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t pending;
	unsigned long flags;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	spin_lock_irqsave(&current->sighand->siglock, flags);
	sigorsets(&pending, &current->pending.signal,
		  &current->signal->shared_pending.signal);
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	sigandsets(&pending, &pending, &current->blocked);
	if (copy_to_user(uset, &pending, sigsetsize))
		return -EFAULT;
	return 0;
}

/* Sleep until a signal is pending; the restart code says what follows. */
static long sigsuspend_wait(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE2(rt_sigsuspend, sigset_t __user *, unewset, size_t, sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	set_current_blocked(&newset);
	/* The old mask comes back once the handler has run. */
	set_restore_sigmask();
	return sigsuspend_wait();
}

SYSCALL_DEFINE0(pause)
{
	return sigsuspend_wait();
}

/* A relative timeout in jiffies, rounded up: never shorter than asked. */
static long timespec_to_jiffies_up(const struct __kernel_timespec *ts)
{
	u64 ns;

	if ((u64)ts->tv_sec >= (u64)MAX_SCHEDULE_TIMEOUT / HZ / 2)
		return MAX_SCHEDULE_TIMEOUT;
	ns = (u64)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
	return DIV_ROUND_UP(ns, TICK_NSEC);
}

/*
 * Wait for a signal of @which, taking it without a handler: its number,
 * -EAGAIN when @timeout jiffies passed, -EINTR when another one came.
 */
int do_sigtimedwait(const sigset_t *which, siginfo_t *info, long timeout)
{
	struct sighand_struct *sh = current->sighand;
	sigset_t mask = *which;
	unsigned long flags;
	long left = 0;
	int sig;

	sigdelsetmask(&mask, SIG_KERNEL_ONLY_MASK);
	mask.sig[0] = ~mask.sig[0];
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&sh->siglock);
	sig = dequeue_signal(current, &mask, info);
	if (!sig && timeout) {
		/* Let them in while we sleep; they stay "blocked" for sig_ignored(). */
		current->real_blocked = current->blocked;
		sigandsets(&current->blocked, &current->blocked, &mask);
		recalc_sigpending();
		spin_unlock(&sh->siglock);
		spin_unlock_irqrestore(&tasklist_lock, flags);

		left = schedule_timeout_interruptible(timeout);

		spin_lock_irqsave(&tasklist_lock, flags);
		spin_lock(&sh->siglock);
		current->blocked = current->real_blocked;
		sigemptyset(&current->real_blocked);
		sig = dequeue_signal(current, &mask, info);
	}
	spin_unlock(&sh->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (sig)
		return sig;
	return left ? -EINTR : -EAGAIN;
}

SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese,
		siginfo_t __user *, uinfo,
		const struct __kernel_timespec __user *, uts, size_t, sigsetsize)
{
	struct __kernel_timespec ts;
	long timeout = MAX_SCHEDULE_TIMEOUT;
	sigset_t these;
	siginfo_t info;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 ||
		    ts.tv_nsec >= (long long)NSEC_PER_SEC)
			return -EINVAL;
		timeout = timespec_to_jiffies_up(&ts);
	}
	ret = do_sigtimedwait(&these, &info, timeout);
	if (ret > 0 && uinfo && copy_to_user(uinfo, &info, sizeof(info)))
		return -EFAULT;
	return ret;
}

static void prepare_kill_siginfo(int sig, siginfo_t *info, int code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
	info->si_pid = task_tgid_vnr(current);
	info->si_uid = current_cred()->uid;
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	siginfo_t info;

	prepare_kill_siginfo(sig, &info, SI_USER);
	return kill_something_info(sig, &info, pid);
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	siginfo_t info;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	prepare_kill_siginfo(sig, &info, SI_TKILL);
	return do_send_specific(tgid, pid, sig, &info);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	siginfo_t info;

	if (pid <= 0)
		return -EINVAL;
	prepare_kill_siginfo(sig, &info, SI_TKILL);
	return do_send_specific(0, pid, sig, &info);
}

/*
 * The caller's siginfo, with Linux's rule: only the kernel sends codes
 * >= 0, and SI_TKILL is tkill's; to another process those are -EPERM.
 */
static int copy_user_siginfo(siginfo_t *info, int sig, pid_t target,
			     const siginfo_t __user *uinfo)
{
	if (copy_from_user(info, uinfo, sizeof(*info)))
		return -EFAULT;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) &&
	    target != task_pid_vnr(current))
		return -EPERM;
	info->si_signo = sig;
	return 0;
}

SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig,
		siginfo_t __user *, uinfo)
{
	siginfo_t info;
	int ret = copy_user_siginfo(&info, sig, pid, uinfo);

	if (ret)
		return ret;
	if (pid <= 0)
		return -ESRCH;
	return kill_something_info(sig, &info, pid);
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig,
		siginfo_t __user *, uinfo)
{
	siginfo_t info;
	int ret;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	ret = copy_user_siginfo(&info, sig, pid, uinfo);
	if (ret)
		return ret;
	return do_send_specific(tgid, pid, sig, &info);
}

/*
 * sigaltstack() on kernel copies, @sp the user stack pointer: -EPERM
 * while running on the alternate stack, -EINVAL for a bad mode, -ENOMEM
 * for less than MINSIGSTKSZ.
 */
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_struct *t = current;
	int mode;

	if (oss) {
		memset(oss, 0, sizeof(*oss));
		oss->ss_sp = (void __user *)t->sas_ss_sp;
		oss->ss_size = t->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | t->sas_ss_flags;
	}
	if (!ss)
		return 0;
	if (on_sig_stack(sp))
		return -EPERM;
	mode = ss->ss_flags & ~SS_FLAG_BITS;
	if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		t->sas_ss_sp = 0;
		t->sas_ss_size = 0;
	} else {
		if (ss->ss_size < MINSIGSTKSZ)
			return -ENOMEM;
		t->sas_ss_sp = (unsigned long)ss->ss_sp;
		t->sas_ss_size = ss->ss_size;
	}
	t->sas_ss_flags = ss->ss_flags & SS_FLAG_BITS;
	return 0;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss,
		stack_t __user *, uoss)
{
	stack_t new, old;
	int ret;

	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	ret = do_sigaltstack(uss ? &new : NULL, &old,
			     current_pt_regs()->sp);
	if (!ret && uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return ret;
}

int __save_altstack(stack_t __user *uss, unsigned long sp)
{
	struct task_struct *t = current;
	stack_t st = {
		.ss_sp		= (void __user *)t->sas_ss_sp,
		.ss_flags	= sas_ss_flags(sp) | t->sas_ss_flags,
		.ss_size	= t->sas_ss_size,
	};

	if (copy_to_user(uss, &st, sizeof(st)))
		return -EFAULT;
	/* SS_AUTODISARM: a handler on the stack may install another. */
	if (t->sas_ss_flags & SS_AUTODISARM) {
		t->sas_ss_sp = 0;
		t->sas_ss_size = 0;
		t->sas_ss_flags = SS_DISABLE;
	}
	return 0;
}

int restore_altstack(const stack_t __user *uss)
{
	stack_t new;

	if (copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	/* Refusals (-EPERM on the stack, a bad size) leave it as it is. */
	do_sigaltstack(&new, NULL, current_pt_regs()->sp);
	return 0;
}

SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *restart = &current->restart_block;

	return restart->fn(restart);
}
