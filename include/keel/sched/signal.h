/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the tasks of one process share (struct signal_struct): the thread
 * list, the exit status of the group, the child-exit wait queue, process
 * group and session, resource limits and the accounting of reaped
 * children; and the pending-signal tests the sleeping calls use.
 */
#ifndef _KEEL_SCHED_SIGNAL_H
#define _KEEL_SCHED_SIGNAL_H

#include <keel/atomic.h>
#include <keel/list.h>
#include <keel/sched.h>
#include <keel/types.h>
#include <keel/wait.h>
#include <uapi/asm-generic/siginfo.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/signal.h>

struct pt_regs;

/* signal->flags */
#define SIGNAL_GROUP_EXIT	0x00000004	/* the group is exiting */

struct signal_struct {
	atomic_t sigcnt;			/* references */
	atomic_t live;				/* threads not yet exited */
	int nr_threads;				/* [T] */
	struct list_head thread_head;		/* [T] the threads */
	wait_queue_head_t wait_chldexit;	/* wait4() sleeps here */
	int group_exit_code;			/* exit_group() status */
	unsigned int flags;			/* SIGNAL_* */
	pid_t pgrp;				/* process group */
	pid_t session;				/* session */
	/* Reaped children and their descendants, for getrusage/times. */
	u64 cutime, cstime;
	unsigned long cnvcsw, cnivcsw, cmin_flt, cmaj_flt;
	/* Dead threads of this group. */
	u64 utime, stime;
	struct rlimit rlim[RLIM_NLIMITS];
	/* [T] A thread in exec's de_thread(), waiting for the others. */
	struct task_struct *group_exec_task;
};

static inline bool signal_pending(const struct task_struct *p)
{
	return test_tsk_thread_flag(p, TIF_SIGPENDING);
}

/* SIGKILL is pending for @p. */
bool fatal_signal_pending(const struct task_struct *p);

/* Would a signal end a sleep in @state? */
static inline bool signal_pending_state(unsigned int state,
					const struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))
		return false;
	if (!signal_pending(p))
		return false;
	return (state & TASK_INTERRUPTIBLE) || fatal_signal_pending(p);
}

/* Deliver pending signals on the way to user mode (exit_to_user_mode()). */
void arch_do_signal(struct pt_regs *regs);

/*
 * A fault or trap in user mode: send @sig with si_code @code and si_addr
 * @addr to the current thread, which cannot block or ignore it.
 */
int force_sig_fault(int sig, int code, void __user *addr);

/* fork and exit: a process's shared state and handlers. */
int copy_signal(unsigned long clone_flags, struct task_struct *p);
int copy_sighand(unsigned long clone_flags, struct task_struct *p);
void put_signal_struct(struct signal_struct *sig);
void exit_sighand(struct task_struct *p);

/*
 * Under tasklist_lock: tell the parent of @p, which has ended, with @sig
 * (its exit_signal, SIGCHLD for a fork child) and wake its wait4().
 */
void do_notify_parent(struct task_struct *p, int sig);

/* Under tasklist_lock: make the other threads of @p's group exit. */
void zap_other_threads(struct task_struct *p);

/*
 * wait4()/waitid() on a live child @p, under tasklist_lock (flags from
 * spin_lock_irqsave()): report a stop (WUNTRACED) or a continue
 * (WCONTINUED) and return the PID with the lock dropped, or 0.
 */
int wait_task_stopped_continued(int options, struct task_struct *p,
				int __user *stat_addr, void __user *infop,
				unsigned long flags);

static inline unsigned long rlimit(unsigned int limit)
{
	return READ_ONCE(current->signal->rlim[limit].rlim_cur);
}

#endif /* _KEEL_SCHED_SIGNAL_H */
