/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signals (kernel/signal.c, arch/x86/kernel/signal.c), as in Linux:
 * signal sets, the handlers a process shares (struct sighand_struct),
 * sending, masking, and the delivery the return to user mode does.
 *
 * Locking: sighand->siglock (taken with interrupts off) guards the
 * handlers, every pending queue and blocked mask of the tasks sharing
 * it, and the stop and exit state in signal_struct.  tasklist_lock
 * nests outside it and keeps t->sighand alive and the thread list stable;
 * senders hold both.
 */
#ifndef _KEEL_SIGNAL_H
#define _KEEL_SIGNAL_H

#include <keel/atomic.h>
#include <keel/signal_types.h>
#include <keel/spinlock.h>
#include <keel/types.h>

struct task_struct;
struct pt_regs;

/* sigset_t */
#define sigmask(sig)	(1UL << ((sig) - 1))

static inline bool valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

static inline void sigaddset(sigset_t *set, int sig)
{
	set->sig[0] |= sigmask(sig);
}

static inline void sigdelset(sigset_t *set, int sig)
{
	set->sig[0] &= ~sigmask(sig);
}

static inline bool sigismember(const sigset_t *set, int sig)
{
	return set->sig[0] & sigmask(sig);
}

static inline void sigemptyset(sigset_t *set)
{
	set->sig[0] = 0;
}

static inline void sigfillset(sigset_t *set)
{
	set->sig[0] = ~0UL;
}

static inline bool sigisemptyset(const sigset_t *set)
{
	return !set->sig[0];
}

static inline void siginitset(sigset_t *set, unsigned long mask)
{
	set->sig[0] = mask;
}

static inline void sigaddsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] |= mask;
}

static inline void sigdelsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] &= ~mask;
}

static inline void sigorsets(sigset_t *r, const sigset_t *a,
			     const sigset_t *b)
{
	r->sig[0] = a->sig[0] | b->sig[0];
}

static inline void sigandsets(sigset_t *r, const sigset_t *a,
			      const sigset_t *b)
{
	r->sig[0] = a->sig[0] & b->sig[0];
}

/* r = a & ~b */
static inline void sigandnsets(sigset_t *r, const sigset_t *a,
			       const sigset_t *b)
{
	r->sig[0] = a->sig[0] & ~b->sig[0];
}

/* The standard signals' default actions, by Linux's table. */
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_KERNEL_COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) | \
				  sigmask(SIGTRAP) | sigmask(SIGABRT) | \
				  sigmask(SIGFPE) | sigmask(SIGSEGV) | \
				  sigmask(SIGBUS) | sigmask(SIGSYS) | \
				  sigmask(SIGXCPU) | sigmask(SIGXFSZ))
#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCONT) | sigmask(SIGCHLD) | \
				 sigmask(SIGWINCH) | sigmask(SIGURG))

#define siginmask(sig, mask)	\
	((sig) < SIGRTMIN && (sigmask(sig) & (mask)))
#define sig_kernel_only(sig)	siginmask(sig, SIG_KERNEL_ONLY_MASK)
#define sig_kernel_stop(sig)	siginmask(sig, SIG_KERNEL_STOP_MASK)
#define sig_kernel_coredump(sig) siginmask(sig, SIG_KERNEL_COREDUMP_MASK)
#define sig_kernel_ignore(sig)	siginmask(sig, SIG_KERNEL_IGNORE_MASK)

/*
 * A handler as rt_sigaction() reads and writes it on x86_64 (Linux's
 * struct kernel_sigaction, 32 bytes): handler, flags, restorer, mask.
 */
struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	sigset_t sa_mask;
};

struct k_sigaction {
	struct sigaction sa;
};

/*
 * A kernel thread's handler for a signal it takes (allow_signal()):
 * the default action, where other kernel threads ignore the signal.
 */
#define SIG_KTHREAD	((__sighandler_t)2)

struct sighand_struct {
	atomic_t count;				/* tasks sharing it */
	spinlock_t siglock;
	struct k_sigaction action[_NSIG];	/* [S] action[sig - 1] */
};

/* A signal get_signal() picked for a handler. */
struct ksignal {
	struct k_sigaction ka;
	siginfo_t info;
	int sig;
};

/* For the info argument of the senders: no details, or from the kernel. */
#define SEND_SIG_NOINFO	((siginfo_t *)0)
#define SEND_SIG_PRIV	((siginfo_t *)1)

/* Sending, as the kernel does it (no permission checks): 0 or -errno. */
int send_sig_info(int sig, siginfo_t *info, struct task_struct *p);
int send_sig(int sig, struct task_struct *p, int priv);
/*
 * To the whole process of @p: a shared pending signal; with kill()'s
 * permission check when @info says it comes from user space.
 */
int group_send_sig_info(int sig, siginfo_t *info, struct task_struct *p);
/*
 * To the process whose shared state is @signal (an interval timer's
 * SIGALRM, SIGVTALRM, SIGPROF): -ESRCH once all its threads are gone.
 * Interrupts may be off (a timer callback).
 */
struct signal_struct;
int signal_group_send(struct signal_struct *signal, int sig,
		      siginfo_t *info);
/* The same under tasklist_lock. */
int __group_send_sig_info(int sig, siginfo_t *info, struct task_struct *p);
/* kill(2)'s targets by @pid (> 0, 0, -1, < -1), checked like kill(2). */
int kill_something_info(int sig, siginfo_t *info, pid_t pid);
/* Thread @pid (of process @tgid if positive), checked like tgkill(2). */
int do_send_specific(pid_t tgid, pid_t pid, int sig, siginfo_t *info);
/* To process @pid or every process of group @pgrp. */
int kill_pid(pid_t pid, int sig, int priv);
int kill_pgrp(pid_t pgrp, int sig, int priv);
/* The current thread, which cannot block or ignore @sig. */
void force_sig(int sig);
void force_sigsegv(int sig);

/* Kernel threads ignore signals unless they take them this way. */
void allow_signal(int sig);

/*
 * The next signal to act on for current: default actions are taken here
 * (a stop sleeps, a fatal one does not return); true with @ksig filled
 * when a handler is to run.  Runs with interrupts on.
 */
bool get_signal(struct ksignal *ksig);
/* After the handler's frame is built (or failed: SIGSEGV): masks. */
void signal_setup_done(int failed, struct ksignal *ksig);

/* Take a pending signal not in @mask; its number, 0 if none.  [S] */
int dequeue_signal(struct task_struct *tsk, const sigset_t *mask,
		   siginfo_t *info);
/* TIF_SIGPENDING for current from its queues and mask.  [S] */
void recalc_sigpending(void);
void flush_signals(struct task_struct *t);

/* rt_sigaction() on kernel copies: -EINVAL for SIGKILL/SIGSTOP. */
int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact);
/*
 * rt_sigtimedwait(): a signal of @which (its number, info filled), or
 * -EAGAIN after @timeout jiffies, -EINTR if another signal came first.
 */
int do_sigtimedwait(const sigset_t *which, siginfo_t *info, long timeout);
/* sigaltstack() on kernel copies, @sp being the user stack pointer. */
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp);

/* current's mask; SIGKILL and SIGSTOP are dropped from @newset. */
void set_current_blocked(sigset_t *newset);
void __set_current_blocked(const sigset_t *newset);
int sigprocmask(int how, sigset_t *set, sigset_t *oldset);

/*
 * A temporary mask for a sleeping call (ppoll, pselect6, epoll_pwait),
 * as Linux: set_user_sigmask() saves the mask and installs *@umask (none
 * when @umask is NULL; -EINVAL for a size other than 8, -EFAULT).  On the
 * way out the caller calls restore_saved_sigmask_unless(interrupted):
 * when the call was interrupted by a signal (-EINTR, -ERESTARTNOHAND) the
 * old mask comes back only after the handler has run, so that a signal
 * the temporary mask let in is delivered; else it comes back at once.
 */
int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize);
void restore_saved_sigmask_unless(bool interrupted);
void restore_saved_sigmask(void);

/* sigaltstack(): is @sp on current's alternate stack; its ss_flags. */
bool on_sig_stack(unsigned long sp);
int sas_ss_flags(unsigned long sp);
/* A handler's frame saves the alternate stack; sigreturn restores it. */
int __save_altstack(stack_t __user *uss, unsigned long sp);
int restore_altstack(const stack_t __user *uss);

/*
 * exec: every handler back to SIG_DFL (ignored signals stay ignored
 * unless @force_default), and a private copy of shared handlers.
 */
void flush_signal_handlers(struct task_struct *t, int force_default);
int unshare_sighand(void);

#endif /* _KEEL_SIGNAL_H */
