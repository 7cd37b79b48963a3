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
#include <keel/signal.h>
#include <keel/types.h>
#include <keel/wait.h>
#include <uapi/asm-generic/siginfo.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/signal.h>

struct pt_regs;

/* signal->flags [S], Linux's values */
#define SIGNAL_STOP_STOPPED	0x00000001	/* the group is stopped */
#define SIGNAL_STOP_CONTINUED	0x00000002	/* continued, not yet waited */
#define SIGNAL_GROUP_EXIT	0x00000004	/* the group is exiting */
#define SIGNAL_CLD_STOPPED	0x00000010	/* the parent is due CLD_STOPPED */
#define SIGNAL_CLD_CONTINUED	0x00000020	/* ... or CLD_CONTINUED */
#define SIGNAL_CLD_MASK		(SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)

/* task->jobctl [S] */
#define JOBCTL_STOP_PENDING	(1U << 0)	/* take part in the group stop */

struct signal_struct {
	atomic_t sigcnt;			/* references */
	atomic_t live;				/* threads not yet exited */
	int nr_threads;				/* [T] */
	struct list_head thread_head;		/* [T] the threads */
	wait_queue_head_t wait_chldexit;	/* wait4() sleeps here */
	/*
	 * exit_group() status, or while SIGNAL_STOP_STOPPED the stop signal
	 * not yet reported to wait4() (0 once reported).  [S]
	 */
	int group_exit_code;
	unsigned int flags;			/* [S] SIGNAL_* */
	struct sigpending shared_pending;	/* [S] sent to the process */
	int group_stop_count;			/* [S] threads yet to stop */
	pid_t pgrp;				/* process group */
	pid_t session;				/* session */
	/* Reaped children and their descendants, for getrusage/times. */
	u64 cutime, cstime;
	unsigned long cnvcsw, cnivcsw, cmin_flt, cmaj_flt;
	/* Dead threads of this group. */
	u64 utime, stime;
	struct rlimit rlim[RLIM_NLIMITS];
};

static inline bool signal_pending(const struct task_struct *p)
{
	return test_tsk_thread_flag(p, TIF_SIGPENDING);
}

/* SIGKILL is pending for @p: lock-free, the scheduler asks it. */
static inline bool fatal_signal_pending(const struct task_struct *p)
{
	return signal_pending(p) &&
	       sigismember(&p->pending.signal, SIGKILL);
}

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

/* saved_sigmask is to be restored after the handler (or at once). */
static inline void set_restore_sigmask(void)
{
	current->restore_sigmask = true;
}

static inline void clear_restore_sigmask(void)
{
	current->restore_sigmask = false;
}

/* The mask a handler's frame saves: the saved one if it is due back. */
static inline sigset_t *sigmask_to_save(void)
{
	return current->restore_sigmask ? &current->saved_sigmask :
					  &current->blocked;
}

/* The group is exiting (exit_group() or a fatal signal). */
static inline bool signal_group_exit(const struct signal_struct *sig)
{
	return sig->flags & SIGNAL_GROUP_EXIT;
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
 * do_exit(): mark the thread PF_EXITING, hand its share of a group stop
 * and of the process's pending signals to the others.
 */
void exit_signals(struct task_struct *tsk);

/*
 * Under tasklist_lock: tell the parent of @p, which has ended, with @sig
 * (its exit_signal, SIGCHLD for a fork child) and wake its wait4().  True
 * when nobody will wait for @p (the parent ignores SIGCHLD or set
 * SA_NOCLDWAIT): it must be released at once.
 */
bool do_notify_parent(struct task_struct *p, int sig);

/* Under tasklist_lock: make the other threads of @p's group exit. */
void zap_other_threads(struct task_struct *p);

/*
 * wait4()/waitid() on a live child @p, under tasklist_lock: the signal of
 * a stop not yet reported (0 if none), or whether a continue is due,
 * consumed unless @peek (WNOWAIT).
 */
int task_stopped_code(struct task_struct *p, bool peek);
bool task_continued(struct task_struct *p, bool peek);

static inline unsigned long rlimit(unsigned int limit)
{
	return READ_ONCE(current->signal->rlim[limit].rlim_cur);
}

#endif /* _KEEL_SCHED_SIGNAL_H */
