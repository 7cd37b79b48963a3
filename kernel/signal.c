// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, as in Linux's kernel/signal.c: the handlers a process shares
 * (sighand_struct) and its shared state (signal_struct); sending (queues,
 * choosing the thread, stop and continue, fatal signals killing the
 * group); taking the next signal on the way to user mode with the
 * default actions (get_signal()); SIGCHLD and wait4()'s view of stops.
 * The system calls are in kernel/signal_syscalls.c, the handler's frame
 * and sigreturn in arch/x86/kernel/signal.c.
 *
 * Lock order: tasklist_lock, then a sighand->siglock; a parent's siglock
 * is taken with the child's dropped (they may be the same lock).
 */
#include <keel/bug.h>
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/printk.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <keel/timekeeping.h>
#include <keel/uaccess.h>
#include <asm/ptrace.h>
#include <uapi/linux/signal.h>

/* Faults first: a handler for SIGSEGV must see its own fault. */
#define SYNCHRONOUS_MASK \
	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
	 sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))

/* clock_t for SIGCHLD's si_utime/si_stime: USER_HZ (100) ticks. */
#define NSEC_PER_USER_TICK	(NSEC_PER_SEC / 100)

static void init_sigpending(struct sigpending *p)
{
	INIT_LIST_HEAD(&p->list);
	sigemptyset(&p->signal);
}

static void flush_sigqueue(struct sigpending *p)
{
	struct sigqueue *q, *n;

	sigemptyset(&p->signal);
	list_for_each_entry_safe(q, n, &p->list, list) {
		list_del(&q->list);
		kfree(q);
	}
}

/* Drop the signals in @mask from @p; whether any was there. */
static bool flush_sigqueue_mask(const sigset_t *mask, struct sigpending *p)
{
	struct sigqueue *q, *n;
	sigset_t m;

	sigandsets(&m, mask, &p->signal);
	if (sigisemptyset(&m))
		return false;
	sigandnsets(&p->signal, &p->signal, mask);
	list_for_each_entry_safe(q, n, &p->list, list)
		if (sigismember(mask, q->info.si_signo)) {
			list_del(&q->list);
			kfree(q);
		}
	return true;
}

int copy_signal(unsigned long clone_flags, struct task_struct *p)
{
	struct signal_struct *sig, *cur = current->signal;

	if (clone_flags & CLONE_THREAD)
		return 0;		/* link_task() takes the references */
	sig = kzalloc(sizeof(*sig), GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	atomic_set(&sig->sigcnt, 1);
	atomic_set(&sig->live, 1);
	sig->nr_threads = 1;
	INIT_LIST_HEAD(&sig->thread_head);
	init_waitqueue_head(&sig->wait_chldexit);
	init_sigpending(&sig->shared_pending);
	sig->pgrp = cur->pgrp;
	sig->session = cur->session;
	memcpy(sig->rlim, cur->rlim, sizeof(sig->rlim));
	p->signal = sig;
	return 0;
}

void put_signal_struct(struct signal_struct *sig)
{
	if (atomic_dec_and_test(&sig->sigcnt)) {
		flush_sigqueue(&sig->shared_pending);
		kfree(sig);
	}
}

static struct sighand_struct *alloc_sighand(void)
{
	struct sighand_struct *sh = kzalloc(sizeof(*sh), GFP_KERNEL);

	if (sh) {
		atomic_set(&sh->count, 1);
		spin_lock_init(&sh->siglock);
	}
	return sh;
}

static void put_sighand(struct sighand_struct *sh)
{
	if (atomic_dec_and_test(&sh->count))
		kfree(sh);
}

/*
 * The handlers (shared with CLONE_SIGHAND, else copied), and the new
 * thread's own signal state: nothing pending, the parent's mask, and no
 * alternate stack when it shares the address space (the stack is the
 * parent's), as in Linux.  init_task has no handlers: PID 1 starts with
 * every action SIG_DFL.
 */
int copy_sighand(unsigned long clone_flags, struct task_struct *p)
{
	struct sighand_struct *cur = current->sighand, *sh;
	unsigned long flags;

	init_sigpending(&p->pending);
	sigemptyset(&p->real_blocked);
	sigemptyset(&p->saved_sigmask);
	p->restore_sigmask = false;
	p->jobctl = 0;
	p->restart_block.fn = do_no_restart_syscall;
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM) {
		p->sas_ss_sp = 0;
		p->sas_ss_size = 0;
		p->sas_ss_flags = 0;
	}
	if (!cur)
		sigemptyset(&p->blocked);
	if ((clone_flags & CLONE_SIGHAND) && cur) {
		atomic_inc(&cur->count);
		p->sighand = cur;
		return 0;
	}
	sh = alloc_sighand();
	if (!sh)
		return -ENOMEM;
	if (cur) {
		spin_lock_irqsave(&cur->siglock, flags);
		memcpy(sh->action, cur->action, sizeof(sh->action));
		spin_unlock_irqrestore(&cur->siglock, flags);
	}
	p->sighand = sh;
	return 0;
}

/* A task being freed (or a failed fork): its queue and its handlers. */
void exit_sighand(struct task_struct *p)
{
	struct sighand_struct *sh;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	sh = p->sighand;
	p->sighand = NULL;
	if (sh) {
		spin_lock(&sh->siglock);
		flush_sigqueue(&p->pending);
		spin_unlock(&sh->siglock);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (sh)
		put_sighand(sh);
}

void flush_signal_handlers(struct task_struct *t, int force_default)
{
	struct k_sigaction *ka = t->sighand->action;
	int i;

	for (i = _NSIG; i--; ka++) {
		if (force_default || ka->sa.sa_handler != SIG_IGN)
			ka->sa.sa_handler = SIG_DFL;
		ka->sa.sa_flags = 0;
		ka->sa.sa_restorer = NULL;
		sigemptyset(&ka->sa.sa_mask);
	}
}

/*
 * exec in a process whose handlers are shared with another (CLONE_SIGHAND
 * without CLONE_THREAD, e.g. vfork'ed): take a private copy, so that the
 * handler reset of exec does not touch the other process's.
 */
int unshare_sighand(void)
{
	struct sighand_struct *old = current->sighand, *sh;
	unsigned long flags;

	if (atomic_read(&old->count) == 1)
		return 0;
	sh = alloc_sighand();
	if (!sh)
		return -ENOMEM;
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&old->siglock);
	memcpy(sh->action, old->action, sizeof(sh->action));
	current->sighand = sh;
	spin_unlock(&old->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_sighand(old);
	return 0;
}

/* Signals pending in @p that @blocked lets through. */
static bool has_pending_signals(const sigset_t *signal, const sigset_t *blocked)
{
	return signal->sig[0] & ~blocked->sig[0];
}

static bool recalc_sigpending_tsk(struct task_struct *t)
{
	if ((t->jobctl & JOBCTL_STOP_PENDING) ||
	    has_pending_signals(&t->pending.signal, &t->blocked) ||
	    has_pending_signals(&t->signal->shared_pending.signal,
				&t->blocked)) {
		set_tsk_thread_flag(t, TIF_SIGPENDING);
		return true;
	}
	return false;
}

void recalc_sigpending(void)
{
	if (!recalc_sigpending_tsk(current))
		clear_tsk_thread_flag(current, TIF_SIGPENDING);
}

void flush_signals(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	clear_tsk_thread_flag(t, TIF_SIGPENDING);
	flush_sigqueue(&t->pending);
	flush_sigqueue(&t->signal->shared_pending);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

/* Tell @t it has a signal; @fatal also ends killable sleeps and stops. */
static void signal_wake_up(struct task_struct *t, bool fatal)
{
	set_tsk_thread_flag(t, TIF_SIGPENDING);
	wake_up_state(t, TASK_INTERRUPTIBLE | (fatal ? TASK_WAKEKILL : 0));
}

static bool is_si_special(const siginfo_t *info)
{
	return info <= SEND_SIG_PRIV;
}

/* Sent by a user process (kill, sigqueue), not by the kernel. */
static bool si_fromuser(const siginfo_t *info)
{
	return info == SEND_SIG_NOINFO ||
	       (!is_si_special(info) && info->si_code <= 0);
}

static bool sig_handler_ignored(__sighandler_t handler, int sig)
{
	return handler == SIG_IGN ||
	       (handler == SIG_DFL && sig_kernel_ignore(sig));
}

static bool sig_task_ignored(struct task_struct *t, int sig, bool force)
{
	__sighandler_t handler = t->sighand->action[sig - 1].sa.sa_handler;

	/*
	 * init takes only the signals it has handlers for, kernel threads
	 * the ones they allow_signal(); a fault's signal is forced on both.
	 */
	if ((is_global_init(t) || (t->flags & PF_KTHREAD)) &&
	    handler == SIG_DFL && !force)
		return true;
	return sig_handler_ignored(handler, sig);
}

/*
 * Dropped at once: ignored and not blocked (a blocked one stays pending,
 * the handler may change before it is unblocked; so does one that
 * rt_sigtimedwait() is waiting for).
 */
static bool sig_ignored(struct task_struct *t, int sig, bool force)
{
	if (sigismember(&t->blocked, sig) || sigismember(&t->real_blocked, sig))
		return false;
	return sig_task_ignored(t, sig, force);
}

static bool sig_fatal(struct task_struct *t, int sig)
{
	__sighandler_t handler = t->sighand->action[sig - 1].sa.sa_handler;

	return !siginmask(sig, SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK) &&
	       (handler == SIG_DFL || handler == SIG_KTHREAD);
}

#define for_each_thread(p, t) \
	list_for_each_entry(t, &(p)->signal->thread_head, thread_node)

/*
 * [T][S] Stop and continue act when sent, not when delivered: a stop
 * signal cancels a pending SIGCONT and SIGCONT cancels pending stops and
 * wakes a stopped group.  False when @sig is to be dropped.
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;
	sigset_t flush;
	unsigned int why;

	if (signal->flags & SIGNAL_GROUP_EXIT) {
		/* Dying: nothing but SIGKILL matters any more. */
		if (sig != SIGKILL)
			return false;
	} else if (sig_kernel_stop(sig)) {
		siginitset(&flush, sigmask(SIGCONT));
		flush_sigqueue_mask(&flush, &signal->shared_pending);
		for_each_thread(p, t)
			flush_sigqueue_mask(&flush, &t->pending);
	} else if (sig == SIGCONT) {
		siginitset(&flush, SIG_KERNEL_STOP_MASK);
		flush_sigqueue_mask(&flush, &signal->shared_pending);
		for_each_thread(p, t) {
			flush_sigqueue_mask(&flush, &t->pending);
			t->jobctl &= ~JOBCTL_STOP_PENDING;
			wake_up_state(t, __TASK_STOPPED);
		}
		/*
		 * The parent hears of it from a thread of ours in
		 * get_signal(): we hold locks it would need now.
		 */
		why = 0;
		if (signal->flags & SIGNAL_STOP_STOPPED)
			why = SIGNAL_CLD_CONTINUED;
		else if (signal->group_stop_count)
			why = SIGNAL_CLD_STOPPED;
		if (why) {
			signal->flags &= ~(SIGNAL_STOP_STOPPED | SIGNAL_CLD_MASK);
			signal->flags |= why | SIGNAL_STOP_CONTINUED;
			signal->group_stop_count = 0;
			signal->group_exit_code = 0;
		}
	}
	return !sig_ignored(p, sig, force);
}

/* Could @p take @sig now? */
static bool wants_signal(int sig, struct task_struct *p)
{
	if (sigismember(&p->blocked, sig) || (p->flags & PF_EXITING) ||
	    p->exit_state)
		return false;
	if (sig == SIGKILL)
		return true;
	return !(READ_ONCE(p->__state) & __TASK_STOPPED);
}

/*
 * [T][S] Wake a thread to take @sig: @p itself if it can, else for a
 * process-wide signal any thread that does not block it.  A fatal
 * signal that nobody handles kills the whole group right away.
 */
static void complete_signal(int sig, struct task_struct *p, bool group)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t = NULL, *it;

	if (wants_signal(sig, p)) {
		t = p;
	} else if (group) {
		for_each_thread(p, it)
			if (wants_signal(sig, it)) {
				t = it;
				break;
			}
	}
	if (!t)
		return;		/* blocked by all: it waits in the queue */

	if (sig_fatal(p, sig) && !(signal->flags & SIGNAL_GROUP_EXIT) &&
	    !sigismember(&t->real_blocked, sig) &&
	    (sig == SIGKILL || !sig_kernel_coredump(sig))) {
		signal->flags = SIGNAL_GROUP_EXIT;
		signal->group_exit_code = sig;
		signal->group_stop_count = 0;
		for_each_thread(p, it) {
			it->jobctl &= ~JOBCTL_STOP_PENDING;
			sigaddset(&it->pending.signal, SIGKILL);
			signal_wake_up(it, true);
		}
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

static void fill_siginfo(siginfo_t *to, int sig, const siginfo_t *info)
{
	memset(to, 0, sizeof(*to));
	to->si_signo = sig;
	if (info == SEND_SIG_NOINFO) {
		to->si_code = SI_USER;
		to->si_pid = task_tgid_vnr(current);
		to->si_uid = current_cred()->uid;
	} else if (info == SEND_SIG_PRIV) {
		to->si_code = SI_KERNEL;
	} else {
		*to = *info;
	}
}

/*
 * [T][S] Queue @sig for thread @t, or for its whole process when @group.
 * A standard signal already pending is not queued twice; a real-time
 * one is, each with its siginfo.  0, or -EAGAIN when a real-time signal
 * from user space finds no memory for its siginfo.
 */
static int send_signal_locked(int sig, siginfo_t *info,
			      struct task_struct *t, bool group, bool force)
{
	struct sigpending *pending;
	struct sigqueue *q;

	if (!prepare_signal(sig, t, force))
		return 0;
	pending = group ? &t->signal->shared_pending : &t->pending;
	if (sig < SIGRTMIN && sigismember(&pending->signal, sig))
		return 0;
	/* SIGKILL needs no siginfo. */
	if (sig != SIGKILL) {
		q = kmalloc(sizeof(*q), GFP_ATOMIC);
		if (q) {
			fill_siginfo(&q->info, sig, info);
			list_add_tail(&q->list, &pending->list);
		} else if (sig >= SIGRTMIN && si_fromuser(info)) {
			return -EAGAIN;
		}
	}
	sigaddset(&pending->signal, sig);
	complete_signal(sig, t, group);
	return 0;
}

/* [T] With @t's siglock: -ESRCH once it has been released. */
static int send_signal_tl(int sig, siginfo_t *info, struct task_struct *t,
			  bool group, bool force)
{
	struct sighand_struct *sh = t->sighand;
	int ret;

	if (!sh)
		return -ESRCH;
	spin_lock(&sh->siglock);
	ret = send_signal_locked(sig, info, t, group, force);
	spin_unlock(&sh->siglock);
	return ret;
}

static int do_send_sig_info(int sig, siginfo_t *info, struct task_struct *t,
			    bool group)
{
	unsigned long flags;
	int ret;

	if (!valid_signal(sig) || sig < 1)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	ret = send_signal_tl(sig, info, t, group, false);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

int send_sig_info(int sig, siginfo_t *info, struct task_struct *p)
{
	return do_send_sig_info(sig, info, p, false);
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	return send_sig_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, p);
}

static bool same_thread_group(const struct task_struct *a,
			      const struct task_struct *b)
{
	return a->signal == b->signal;
}

/*
 * Linux's rule: the sender's real or effective uid is the target's real
 * or saved uid, or the sender is root (CAP_KILL); SIGCONT also within
 * the session.
 */
static bool kill_ok_by_cred(struct task_struct *t)
{
	const struct cred *cred = current_cred(), *tcred = t->real_cred;

	return cred->euid == tcred->suid || cred->euid == tcred->uid ||
	       cred->uid == tcred->suid || cred->uid == tcred->uid ||
	       cred->euid == 0;
}

/* [T] 0, -EINVAL or -EPERM. */
static int check_kill_permission(int sig, siginfo_t *info,
				 struct task_struct *t)
{
	if (!valid_signal(sig))
		return -EINVAL;
	if (!si_fromuser(info) || same_thread_group(current, t))
		return 0;
	if (kill_ok_by_cred(t))
		return 0;
	if (sig == SIGCONT && t->signal->session == current->signal->session)
		return 0;
	return -EPERM;
}

/* [T] Permission, then (unless @sig is 0, the existence probe) send. */
int __group_send_sig_info(int sig, siginfo_t *info, struct task_struct *p)
{
	int ret = check_kill_permission(sig, info, p);

	if (!ret && sig)
		ret = send_signal_tl(sig, info, p, true, false);
	return ret;
}

int group_send_sig_info(int sig, siginfo_t *info, struct task_struct *p)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = __group_send_sig_info(sig, info, p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* [T] Every process of group @pgrp: 0 if any took it, else an error. */
static int kill_pgrp_tl(int sig, siginfo_t *info, pid_t pgrp)
{
	struct task_struct *p;
	int ret = -ESRCH, err;
	bool success = false;

	list_for_each_entry(p, &init_task.tasks, tasks) {
		if (p->signal->pgrp != pgrp || p->exit_state == EXIT_DEAD)
			continue;
		err = __group_send_sig_info(sig, info, p);
		success |= !err;
		ret = err;
	}
	return success ? 0 : ret;
}

/* [T] */
static int kill_pid_tl(int sig, siginfo_t *info, pid_t pid)
{
	struct task_struct *p = find_task_by_vpid(pid);

	if (!p)
		return -ESRCH;
	return __group_send_sig_info(sig, info, p);
}

/*
 * kill(2) by its pid argument: a process, our group (0), every process
 * but init and ourselves (-1), or group -pid.
 */
int kill_something_info(int sig, siginfo_t *info, pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = 0, count = 0, err;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (pid > 0) {
		ret = kill_pid_tl(sig, info, pid);
	} else if (pid != -1) {
		ret = kill_pgrp_tl(sig, info,
				   pid ? -pid : current->signal->pgrp);
	} else {
		list_for_each_entry(p, &init_task.tasks, tasks) {
			if (p->tgid <= 1 || same_thread_group(p, current) ||
			    p->exit_state == EXIT_DEAD)
				continue;
			err = __group_send_sig_info(sig, info, p);
			count++;
			/* As Linux: refusals alone still count as success. */
			if (err != -EPERM)
				ret = err;
		}
		if (!count)
			ret = -ESRCH;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

int signal_group_send(struct signal_struct *signal, int sig,
		      siginfo_t *info)
{
	struct task_struct *t;
	unsigned long flags;
	int ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &signal->thread_head, thread_node)
		if (!t->exit_state) {
			ret = send_signal_tl(sig, info, t, true, false);
			break;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

int kill_pid(pid_t pid, int sig, int priv)
{
	if (pid <= 0)
		return -ESRCH;
	return kill_something_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO,
				   pid);
}

int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	if (pgrp <= 0)
		return -ESRCH;
	return kill_something_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO,
				   -pgrp);
}

/*
 * tkill/tgkill and rt_tgsigqueueinfo: thread @pid, of process @tgid if
 * it is positive.  A thread that is exiting takes it silently.
 */
int do_send_specific(pid_t tgid, pid_t pid, int sig, siginfo_t *info)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(pid);
	if (p && (tgid <= 0 || p->tgid == tgid)) {
		ret = check_kill_permission(sig, info, p);
		if (!ret && sig) {
			ret = send_signal_tl(sig, info, p, false, false);
			if (ret == -ESRCH)
				ret = 0;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/*
 * A signal the current thread must take: unblocked and, if ignored,
 * back to the default action, as Linux's force_sig_info() does.
 */
static void force_sig_info(siginfo_t *info)
{
	struct task_struct *t = current;
	struct k_sigaction *action;
	int sig = info->si_signo;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&t->sighand->siglock);
	action = &t->sighand->action[sig - 1];
	if (action->sa.sa_handler == SIG_IGN ||
	    sigismember(&t->blocked, sig)) {
		action->sa.sa_handler = SIG_DFL;
		sigdelset(&t->blocked, sig);
	}
	send_signal_locked(sig, info, t, false, true);
	recalc_sigpending();
	spin_unlock(&t->sighand->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void force_sig(int sig)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_KERNEL;
	force_sig_info(&info);
}

/* A signal frame could not be built or read back: SIGSEGV, by default. */
void force_sigsegv(int sig)
{
	unsigned long flags;

	if (sig == SIGSEGV) {
		spin_lock_irqsave(&current->sighand->siglock, flags);
		current->sighand->action[SIGSEGV - 1].sa.sa_handler = SIG_DFL;
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
	}
	force_sig(SIGSEGV);
}

/*
 * A fault the program does not handle is logged, as Linux's
 * show_unhandled_signals does: "segfault at" for a page fault.
 */
static void show_unhandled_fault(int sig, int code, void __user *addr)
{
	struct pt_regs *regs = current_pt_regs();
	__sighandler_t handler = current->sighand->action[sig - 1].sa.sa_handler;

	if (handler != SIG_DFL && handler != SIG_IGN &&
	    !sigismember(&current->blocked, sig))
		return;
	if (sig == SIGSEGV && regs->vector == 14)
		pr_info("%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx\n",
			current->comm, current->pid, (unsigned long)addr,
			regs->ip, regs->sp, regs->error_code);
	else
		pr_info("%s[%d]: signal %d (code %d) at %lx ip %016lx sp %016lx\n",
			current->comm, current->pid, sig, code,
			(unsigned long)addr, regs->ip, regs->sp);
}

int force_sig_fault(int sig, int code, void __user *addr)
{
	siginfo_t info;

	show_unhandled_fault(sig, code, addr);
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = addr;
	force_sig_info(&info);
	return 0;
}

void allow_signal(int sig)
{
	unsigned long flags;

	spin_lock_irqsave(&current->sighand->siglock, flags);
	current->sighand->action[sig - 1].sa.sa_handler = SIG_KTHREAD;
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
}

/* Pending, not in @mask: faults first, then the lowest number. */
static int next_signal(const struct sigpending *pending, const sigset_t *mask)
{
	unsigned long x = pending->signal.sig[0] & ~mask->sig[0];

	if (!x)
		return 0;
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return __builtin_ctzl(x) + 1;
}

/* Take the first instance of @sig off @list into @info. */
static void collect_signal(int sig, struct sigpending *list, siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;

	list_for_each_entry(q, &list->list, list)
		if (q->info.si_signo == sig) {
			if (first) {
				more = true;
				break;
			}
			first = q;
		}
	if (!more)
		sigdelset(&list->signal, sig);
	if (first) {
		list_del(&first->list);
		*info = first->info;
		kfree(first);
	} else {
		/* Sent without memory for its siginfo, or SIGKILL. */
		memset(info, 0, sizeof(*info));
		info->si_signo = sig;
		info->si_code = SI_USER;
	}
}

static int __dequeue_signal(struct sigpending *pending, const sigset_t *mask,
			    siginfo_t *info)
{
	int sig = next_signal(pending, mask);

	if (sig)
		collect_signal(sig, pending, info);
	return sig;
}

int dequeue_signal(struct task_struct *tsk, const sigset_t *mask,
		   siginfo_t *info)
{
	int sig = __dequeue_signal(&tsk->pending, mask, info);

	if (!sig)
		sig = __dequeue_signal(&tsk->signal->shared_pending, mask, info);
	if (tsk == current)
		recalc_sigpending();
	return sig;
}

/* SIGCHLD's clock_t times. */
static long ns_to_clock_t(u64 ns)
{
	return ns / NSEC_PER_USER_TICK;
}

/*
 * [T] Tell the parent that @tsk's group stopped or continued: SIGCHLD
 * unless it ignores that or set SA_NOCLDSTOP; wake its wait4().
 */
static void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *leader = tsk->group_leader;
	struct task_struct *parent = leader->real_parent;
	struct sighand_struct *sh = parent->sighand;
	struct k_sigaction *ka;
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = SIGCHLD;
	info.si_code = why;
	info.si_pid = leader->tgid;
	info.si_uid = leader->real_cred->uid;
	info.si_utime = ns_to_clock_t(leader->utime + leader->signal->utime);
	info.si_stime = ns_to_clock_t(leader->stime + leader->signal->stime);
	info.si_status = why == CLD_CONTINUED ? SIGCONT :
			 tsk->signal->group_exit_code & 0x7f;
	if (!sh) {
		wake_up_all(&parent->signal->wait_chldexit);
		return;
	}
	spin_lock(&sh->siglock);
	ka = &sh->action[SIGCHLD - 1];
	if (ka->sa.sa_handler != SIG_IGN && !(ka->sa.sa_flags & SA_NOCLDSTOP))
		send_signal_locked(SIGCHLD, &info, parent, true, false);
	wake_up_all(&parent->signal->wait_chldexit);
	spin_unlock(&sh->siglock);
}

bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->parent;
	struct signal_struct *signal = tsk->signal;
	struct sighand_struct *sh = parent->sighand;
	struct k_sigaction *ka;
	bool autoreap = false;
	siginfo_t info;
	int code;

	code = signal_group_exit(signal) ? signal->group_exit_code :
					   tsk->exit_code;
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_pid = tsk->tgid;
	info.si_uid = tsk->real_cred->uid;
	info.si_utime = ns_to_clock_t(tsk->utime + signal->utime);
	info.si_stime = ns_to_clock_t(tsk->stime + signal->stime);
	info.si_status = code & 0x7f;
	if (code & 0x80) {
		info.si_code = CLD_DUMPED;
	} else if (code & 0x7f) {
		info.si_code = CLD_KILLED;
	} else {
		info.si_code = CLD_EXITED;
		info.si_status = (code >> 8) & 0xff;
	}
	if (!sh) {
		wake_up_all(&parent->signal->wait_chldexit);
		return false;
	}
	spin_lock(&sh->siglock);
	ka = &sh->action[SIGCHLD - 1];
	if (sig == SIGCHLD && (ka->sa.sa_handler == SIG_IGN ||
			       (ka->sa.sa_flags & SA_NOCLDWAIT))) {
		/* Nobody will wait: reap at once, and say nothing if ignored. */
		autoreap = true;
		if (ka->sa.sa_handler == SIG_IGN)
			sig = 0;
	}
	if (sig > 0 && valid_signal(sig))
		send_signal_locked(sig, &info, parent, true, false);
	wake_up_all(&parent->signal->wait_chldexit);
	spin_unlock(&sh->siglock);
	return autoreap;
}

void zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;

	spin_lock(&p->sighand->siglock);
	p->signal->group_stop_count = 0;
	for_each_thread(p, t) {
		if (t == p || t->exit_state)
			continue;
		t->jobctl &= ~JOBCTL_STOP_PENDING;
		sigaddset(&t->pending.signal, SIGKILL);
		signal_wake_up(t, true);
	}
	spin_unlock(&p->sighand->siglock);
}

/*
 * [T][S] Take current's part in a group stop; true when it was the last
 * thread to stop, so the parent is due CLD_STOPPED.
 */
static bool task_participate_group_stop(struct task_struct *t)
{
	struct signal_struct *sig = t->signal;

	t->jobctl &= ~JOBCTL_STOP_PENDING;
	if (!WARN_ON(sig->group_stop_count == 0))
		sig->group_stop_count--;
	if (!sig->group_stop_count && !(sig->flags & SIGNAL_STOP_STOPPED)) {
		sig->flags &= ~(SIGNAL_STOP_CONTINUED | SIGNAL_CLD_MASK);
		sig->flags |= SIGNAL_STOP_STOPPED;
		return true;
	}
	return false;
}

/*
 * [T][S], both dropped on true: stop current, as part of a group stop
 * @signr begins (0: one already under way).  False (locks held) when
 * there is nothing to stop for.
 */
static bool do_signal_stop(int signr, unsigned long *flags)
{
	struct signal_struct *sig = current->signal;
	struct sighand_struct *sh = current->sighand;
	struct task_struct *t;
	bool notify;

	if (!(current->jobctl & JOBCTL_STOP_PENDING)) {
		if (!signr || signal_group_exit(sig))
			return false;
		if (!(sig->flags & SIGNAL_STOP_STOPPED))
			sig->group_exit_code = signr;
		sig->group_stop_count = 1;
		current->jobctl |= JOBCTL_STOP_PENDING;
		for_each_thread(current, t) {
			if (t == current || t->exit_state ||
			    (t->flags & PF_EXITING) ||
			    (READ_ONCE(t->__state) & __TASK_STOPPED))
				continue;
			t->jobctl |= JOBCTL_STOP_PENDING;
			sig->group_stop_count++;
			signal_wake_up(t, false);
		}
	}
	notify = task_participate_group_stop(current);
	set_current_state(TASK_STOPPED);
	spin_unlock(&sh->siglock);
	if (notify)
		do_notify_parent_cldstop(current, CLD_STOPPED);
	spin_unlock_irqrestore(&tasklist_lock, *flags);
	schedule();
	return true;
}

bool get_signal(struct ksignal *ksig)
{
	struct sighand_struct *sh = current->sighand;
	struct signal_struct *signal = current->signal;
	struct k_sigaction *ka;
	unsigned long flags;
	int signr, why;

relock:
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&sh->siglock);
	if (signal->flags & SIGNAL_CLD_MASK) {
		why = (signal->flags & SIGNAL_CLD_CONTINUED) ? CLD_CONTINUED :
							       CLD_STOPPED;
		signal->flags &= ~SIGNAL_CLD_MASK;
		spin_unlock(&sh->siglock);
		do_notify_parent_cldstop(current, why);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		goto relock;
	}
	for (;;) {
		if (signal_group_exit(signal)) {
			signr = SIGKILL;
			sigdelset(&current->pending.signal, SIGKILL);
			recalc_sigpending();
			goto fatal;
		}
		if ((current->jobctl & JOBCTL_STOP_PENDING) &&
		    do_signal_stop(0, &flags))
			goto relock;
		signr = dequeue_signal(current, &current->blocked, &ksig->info);
		if (!signr)
			break;
		ka = &sh->action[signr - 1];
		if (ka->sa.sa_handler == SIG_IGN)
			continue;
		if (ka->sa.sa_handler != SIG_DFL &&
		    ka->sa.sa_handler != SIG_KTHREAD) {
			ksig->ka = *ka;
			if (ka->sa.sa_flags & SA_RESETHAND)
				ka->sa.sa_handler = SIG_DFL;
			break;
		}
		/* The default action. */
		if (sig_kernel_ignore(signr))
			continue;
		/*
		 * init survives what user space sent it without a handler
		 * (the kernel's own SIGKILL, e.g. from exec, still counts).
		 */
		if (is_global_init(current) && !sig_kernel_only(signr) &&
		    si_fromuser(&ksig->info))
			continue;
		if (sig_kernel_stop(signr)) {
			if (do_signal_stop(signr, &flags))
				goto relock;
			continue;
		}
fatal:
		spin_unlock(&sh->siglock);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		current->flags |= PF_SIGNALED;
		/*
		 * A core-dumping signal ends the process; Keel writes no
		 * core file, so, as Linux with RLIMIT_CORE 0, the status
		 * does not say one was dumped (no 0x80).
		 */
		do_group_exit(signr);
	}
	spin_unlock(&sh->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	ksig->sig = signr;
	return signr > 0;
}

/*
 * [T][S] Current no longer takes process-wide signals in @which: wake a
 * thread that does, so a shared signal does not wait on us.
 */
static void retarget_shared_pending(struct task_struct *tsk, sigset_t *which)
{
	struct task_struct *t;
	sigset_t retarget;

	sigandsets(&retarget, &tsk->signal->shared_pending.signal, which);
	if (sigisemptyset(&retarget))
		return;
	for_each_thread(tsk, t) {
		if (t == tsk || (t->flags & PF_EXITING) || t->exit_state)
			continue;
		if (!has_pending_signals(&retarget, &t->blocked))
			continue;
		sigandnsets(&retarget, &retarget, &t->blocked);
		signal_wake_up(t, false);
		if (sigisemptyset(&retarget))
			break;
	}
}

void exit_signals(struct task_struct *tsk)
{
	struct sighand_struct *sh = tsk->sighand;
	unsigned long flags;
	sigset_t unblocked;
	bool notify = false;

	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&sh->siglock);
	tsk->flags |= PF_EXITING;
	if (!signal_group_exit(tsk->signal)) {
		unblocked.sig[0] = ~tsk->blocked.sig[0];
		retarget_shared_pending(tsk, &unblocked);
		if (tsk->jobctl & JOBCTL_STOP_PENDING)
			notify = task_participate_group_stop(tsk);
	}
	spin_unlock(&sh->siglock);
	if (notify)
		do_notify_parent_cldstop(tsk, CLD_STOPPED);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

int task_stopped_code(struct task_struct *p, bool peek)
{
	struct signal_struct *sig = p->signal;
	int code = 0;

	spin_lock(&p->sighand->siglock);
	if (sig->flags & SIGNAL_STOP_STOPPED) {
		code = sig->group_exit_code;
		if (!peek)
			sig->group_exit_code = 0;
	}
	spin_unlock(&p->sighand->siglock);
	return code;
}

bool task_continued(struct task_struct *p, bool peek)
{
	struct signal_struct *sig = p->signal;
	bool ret;

	spin_lock(&p->sighand->siglock);
	ret = sig->flags & SIGNAL_STOP_CONTINUED;
	if (ret && !peek)
		sig->flags &= ~SIGNAL_STOP_CONTINUED;
	spin_unlock(&p->sighand->siglock);
	return ret;
}

/* The sa_flags Linux knows; others read back as clear (flag probing). */
#define UAPI_SA_FLAGS \
	(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | SA_RESTART | \
	 SA_NODEFER | SA_RESETHAND | SA_EXPOSE_TAGBITS | SA_RESTORER)

int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact)
{
	struct sighand_struct *sh = current->sighand;
	struct k_sigaction *k;
	struct task_struct *t;
	unsigned long flags;
	sigset_t mask;

	if (!valid_signal(sig) || sig < 1 || (act && sig_kernel_only(sig)))
		return -EINVAL;
	k = &sh->action[sig - 1];
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&sh->siglock);
	if (oact)
		*oact = *k;
	if (act) {
		act->sa.sa_flags &= UAPI_SA_FLAGS;
		sigdelsetmask(&act->sa.sa_mask, SIG_KERNEL_ONLY_MASK);
		*k = *act;
		/* POSIX: a pending signal set to be ignored is discarded. */
		if (sig_handler_ignored(act->sa.sa_handler, sig)) {
			siginitset(&mask, sigmask(sig));
			flush_sigqueue_mask(&mask,
					    &current->signal->shared_pending);
			for_each_thread(current, t)
				flush_sigqueue_mask(&mask, &t->pending);
		}
	}
	spin_unlock(&sh->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

/* [S] Install @newset as current's mask, retargeting shared signals. */
static void __set_task_blocked(struct task_struct *tsk, const sigset_t *newset)
{
	sigset_t newblocked;

	if (signal_pending(tsk)) {
		sigandnsets(&newblocked, newset, &tsk->blocked);
		retarget_shared_pending(tsk, &newblocked);
	}
	tsk->blocked = *newset;
	recalc_sigpending();
}

void __set_current_blocked(const sigset_t *newset)
{
	struct sighand_struct *sh = current->sighand;
	unsigned long flags;

	if (current->blocked.sig[0] == newset->sig[0])
		return;
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&sh->siglock);
	__set_task_blocked(current, newset);
	spin_unlock(&sh->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void set_current_blocked(sigset_t *newset)
{
	sigdelsetmask(newset, SIG_KERNEL_ONLY_MASK);
	__set_current_blocked(newset);
}

int sigprocmask(int how, sigset_t *set, sigset_t *oldset)
{
	sigset_t newset;

	if (oldset)
		*oldset = current->blocked;
	switch (how) {
	case SIG_BLOCK:
		sigorsets(&newset, &current->blocked, set);
		break;
	case SIG_UNBLOCK:
		sigandnsets(&newset, &current->blocked, set);
		break;
	case SIG_SETMASK:
		newset = *set;
		break;
	default:
		return -EINVAL;
	}
	set_current_blocked(&newset);
	return 0;
}

/*
 * After a handler's frame is built: block sa_mask and, unless
 * SA_NODEFER, the signal itself, for the handler's run.  A frame that
 * could not be built is a SIGSEGV.
 */
void signal_setup_done(int failed, struct ksignal *ksig)
{
	sigset_t blocked;

	if (failed) {
		force_sigsegv(ksig->sig);
		return;
	}
	clear_restore_sigmask();
	sigorsets(&blocked, &current->blocked, &ksig->ka.sa.sa_mask);
	if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
		sigaddset(&blocked, ksig->sig);
	set_current_blocked(&blocked);
}

int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize)
{
	sigset_t kmask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&kmask, umask, sizeof(sigset_t)))
		return -EFAULT;
	set_restore_sigmask();
	current->saved_sigmask = current->blocked;
	set_current_blocked(&kmask);
	return 0;
}

void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		__set_current_blocked(&current->saved_sigmask);
	}
}

void restore_saved_sigmask_unless(bool interrupted)
{
	if (interrupted)
		WARN_ON(!signal_pending(current));
	else
		restore_saved_sigmask();
}

long do_no_restart_syscall(struct restart_block *restart)
{
	return -EINTR;
}

bool on_sig_stack(unsigned long sp)
{
	/* An auto-disarmed stack is never "on": a handler may nest on it. */
	if (current->sas_ss_flags & SS_AUTODISARM)
		return false;
	return sp > current->sas_ss_sp &&
	       sp - current->sas_ss_sp <= current->sas_ss_size;
}

int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}
