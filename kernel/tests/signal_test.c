// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for signals with real kernel threads (kernel/signal.c): queueing,
 * coalescing and the dequeue order; blocking and TIF_SIGPENDING; kill()'s
 * errors and permissions; default actions as wait statuses; group stop
 * and continue as wait4() reports them; SIGCHLD's siginfo, autoreaping
 * and the parent-death signal; rt_sigaction(), sigaltstack() and
 * rt_sigtimedwait() rules; and, in PID 1 with the KTEST user window, the
 * x86_64 rt_sigframe a handler gets and rt_sigreturn's restore, with
 * system-call restarts.
 *
 * Kernel threads ignore signals they have not allowed (allow_signal()),
 * so the threads here allow the ones they take the default action of,
 * by calling get_signal() as the return to user mode would.
 */
#include <keel/completion.h>
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/jiffies.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/mutex.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/wait.h>
#include <asm/desc.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/sigframe.h>
#include <asm/traps.h>
#include <asm/unistd.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/wait.h>

/* A user pointer as a number, to compare it. */
#define uptr(p)	((__force unsigned long)(p))

long __x64_sys_kill(const struct pt_regs *regs);
long __x64_sys_tkill(const struct pt_regs *regs);
long __x64_sys_tgkill(const struct pt_regs *regs);
long __x64_sys_rt_sigaction(const struct pt_regs *regs);
long __x64_sys_rt_sigprocmask(const struct pt_regs *regs);
long __x64_sys_rt_sigreturn(const struct pt_regs *regs);
long __x64_sys_pause(const struct pt_regs *regs);
long __x64_sys_waitid(const struct pt_regs *regs);

static long call_sys(long (*fn)(const struct pt_regs *), long a0, long a1,
		     long a2, long a3)
{
	struct pt_regs regs;

	memset(&regs, 0, sizeof(regs));
	regs.di = a0;
	regs.si = a1;
	regs.dx = a2;
	regs.r10 = a3;
	return fn(&regs);
}

/* Run @fn in a child kernel thread, with its own handlers, and reap it. */
struct child {
	struct ktest *t;
	void (*fn)(struct ktest *t);
};

static int child_main(void *arg)
{
	struct child *c = arg;

	c->fn(c->t);
	do_exit(0);
}

static void run_in_child(struct ktest *t, void (*fn)(struct ktest *t))
{
	struct child c = { .t = t, .fn = fn };
	int status = -1;
	pid_t pid = kernel_thread(child_main, &c, "sigtest", SIGCHLD);

	KTEST_ASSERT_TRUE(t, pid > 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, status, 0);
}

/*
 * A thread that takes the default action of every signal, as a user
 * process returning to user mode would, until one ends it.
 */
struct looper {
	struct completion ready;
	int pdeath_signal;
	bool second_thread;
	pid_t pid, tid;
	struct task_struct *task;
};

/* What a process returning to user mode does about signals, forever. */
static __noreturn void take_signals(void)
{
	struct ksignal ksig;

	for (;;) {
		if (signal_pending(current))
			get_signal(&ksig);
		else
			schedule_timeout_interruptible(HZ);
	}
}

static int looper_thread_fn(void *arg)
{
	take_signals();
}

static int looper_fn(void *arg)
{
	struct looper *l = arg;
	int sig;

	for (sig = 1; sig <= _NSIG; sig++)
		allow_signal(sig);
	current->pdeath_signal = l->pdeath_signal;
	if (l->second_thread)
		l->tid = kernel_thread(looper_thread_fn, NULL, "looper-t",
				       CLONE_THREAD | CLONE_SIGHAND);
	complete(&l->ready);
	take_signals();
}

static int __start_looper(struct looper *l, int pdeath_signal, bool threads)
{
	memset(l, 0, sizeof(*l));
	init_completion(&l->ready);
	l->pdeath_signal = pdeath_signal;
	l->second_thread = threads;
	l->pid = kernel_thread(looper_fn, l, "looper", SIGCHLD);
	if (l->pid < 0)
		return l->pid;
	wait_for_completion(&l->ready);
	l->task = find_get_task_by_vpid(l->pid);
	return l->task ? 0 : -ESRCH;
}

static int start_looper(struct looper *l, int pdeath_signal)
{
	return __start_looper(l, pdeath_signal, false);
}

/* Kill @sig, reap: the wait status. */
static int end_looper(struct looper *l, int sig)
{
	int status = -1;

	kill_pid(l->pid, sig, 0);
	if (kernel_wait4(l->pid, &status, 0) != l->pid)
		status = -1;
	put_task_struct(l->task);
	return status;
}

static void queue_rt(int sig, int value)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_QUEUE;
	info.si_int = value;
	send_sig_info(sig, &info, current);
}

static void dequeue_order_body(struct ktest *t)
{
	sigset_t all, none;
	siginfo_t info;
	int i;

	sigfillset(&all);
	sigemptyset(&none);
	KTEST_EXPECT_EQ(t, sigprocmask(SIG_SETMASK, &all, NULL), 0);
	KTEST_EXPECT_FALSE(t, sigismember(&current->blocked, SIGKILL));
	KTEST_EXPECT_FALSE(t, sigismember(&current->blocked, SIGSTOP));
	send_sig(SIGUSR2, current, 1);
	send_sig(SIGUSR2, current, 1);
	send_sig(SIGUSR1, current, 1);
	for (i = 0; i < 3; i++)
		queue_rt(SIGRTMIN + 1, 100 + i);
	send_sig(SIGSEGV, current, 1);
	/* All blocked: nothing to act on. */
	KTEST_EXPECT_FALSE(t, signal_pending(current));
	KTEST_EXPECT_EQ(t, current->pending.signal.sig[0],
			sigmask(SIGUSR1) | sigmask(SIGUSR2) |
			sigmask(SIGRTMIN + 1) | sigmask(SIGSEGV));

	spin_lock_irq(&current->sighand->siglock);
	/* A fault first, then by number; USR2 once; RT ones each, FIFO. */
	KTEST_EXPECT_EQ(t, dequeue_signal(current, &none, &info), SIGSEGV);
	KTEST_EXPECT_EQ(t, info.si_code, SI_KERNEL);
	KTEST_EXPECT_EQ(t, dequeue_signal(current, &none, &info), SIGUSR1);
	KTEST_EXPECT_EQ(t, dequeue_signal(current, &none, &info), SIGUSR2);
	for (i = 0; i < 3; i++) {
		KTEST_EXPECT_EQ(t, dequeue_signal(current, &none, &info),
				SIGRTMIN + 1);
		KTEST_EXPECT_EQ(t, info.si_code, SI_QUEUE);
		KTEST_EXPECT_EQ(t, info.si_int, 100 + i);
	}
	KTEST_EXPECT_EQ(t, dequeue_signal(current, &none, &info), 0);
	spin_unlock_irq(&current->sighand->siglock);
	KTEST_EXPECT_TRUE(t, list_empty(&current->pending.list));
	sigprocmask(SIG_SETMASK, &none, NULL);
}

static void test_dequeue_order(struct ktest *t)
{
	run_in_child(t, dequeue_order_body);
}

static void blocking_body(struct ktest *t)
{
	sigset_t set;

	allow_signal(SIGUSR1);
	siginitset(&set, sigmask(SIGUSR1));
	sigprocmask(SIG_BLOCK, &set, NULL);
	group_send_sig_info(SIGUSR1, SEND_SIG_PRIV, current);
	KTEST_EXPECT_TRUE(t, sigismember(&current->signal->shared_pending.signal,
					 SIGUSR1));
	KTEST_EXPECT_FALSE(t, signal_pending(current));
	/* Unblocking it makes it pending for us. */
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	KTEST_EXPECT_TRUE(t, signal_pending(current));
	/* wait_event_interruptible() gives way to it, unless the condition holds. */
	KTEST_EXPECT_EQ(t, wait_event_interruptible(current->signal->wait_chldexit,
						    false), -ERESTARTSYS);
	KTEST_EXPECT_EQ(t, wait_event_interruptible(current->signal->wait_chldexit,
						    true), 0);
	/* pause() returns the code that restarts it when no handler runs. */
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_pause, 0, 0, 0, 0),
			-ERESTARTNOHAND);
	flush_signals(current);
	KTEST_EXPECT_FALSE(t, signal_pending(current));
	KTEST_EXPECT_EQ(t, sigprocmask(7, &set, NULL), -EINVAL);
}

static void test_blocking_and_pending(struct ktest *t)
{
	run_in_child(t, blocking_body);
}

static void sigaction_body(struct ktest *t)
{
	struct k_sigaction ka, old;
	sigset_t set;

	memset(&ka, 0, sizeof(ka));
	ka.sa.sa_handler = (__sighandler_t)0x401000;
	ka.sa.sa_flags = SA_SIGINFO | SA_RESTORER | SA_UNSUPPORTED;
	ka.sa.sa_restorer = (__sigrestore_t)0x402000;
	sigfillset(&ka.sa.sa_mask);
	KTEST_EXPECT_EQ(t, do_sigaction(SIGKILL, &ka, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, do_sigaction(SIGSTOP, &ka, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, do_sigaction(0, &ka, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, do_sigaction(_NSIG + 1, &ka, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, do_sigaction(SIGKILL, NULL, &old), 0);
	KTEST_EXPECT_EQ(t, uptr(old.sa.sa_handler), uptr(SIG_DFL));
	KTEST_EXPECT_EQ(t, do_sigaction(SIGUSR1, &ka, NULL), 0);
	KTEST_EXPECT_EQ(t, do_sigaction(SIGUSR1, NULL, &old), 0);
	KTEST_EXPECT_EQ(t, uptr(old.sa.sa_handler), uptr(ka.sa.sa_handler));
	KTEST_EXPECT_EQ(t, uptr(old.sa.sa_restorer), uptr(ka.sa.sa_restorer));
	/* Unknown flags read back clear; KILL and STOP never masked. */
	KTEST_EXPECT_EQ(t, old.sa.sa_flags, SA_SIGINFO | SA_RESTORER);
	KTEST_EXPECT_EQ(t, old.sa.sa_mask.sig[0], ~SIG_KERNEL_ONLY_MASK);

	/* The system calls: the set size, and user pointers only. */
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_rt_sigaction, SIGUSR1, 0, 0, 4),
			-EINVAL);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_rt_sigaction, SIGUSR1,
				    (long)&ka, 0, 8), -EFAULT);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_rt_sigprocmask, SIG_BLOCK, 0, 0,
				    16), -EINVAL);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_rt_sigprocmask, SIG_BLOCK, 0, 0,
				    8), 0);

	/* Ignoring a pending signal discards it, blocked or not. */
	siginitset(&set, sigmask(SIGUSR2));
	sigprocmask(SIG_BLOCK, &set, NULL);
	queue_rt(SIGUSR2, 1);
	KTEST_EXPECT_TRUE(t, sigismember(&current->pending.signal, SIGUSR2));
	ka.sa.sa_handler = SIG_IGN;
	KTEST_EXPECT_EQ(t, do_sigaction(SIGUSR2, &ka, NULL), 0);
	KTEST_EXPECT_FALSE(t, sigismember(&current->pending.signal, SIGUSR2));
	KTEST_EXPECT_TRUE(t, list_empty(&current->pending.list));
	sigprocmask(SIG_UNBLOCK, &set, NULL);

	/* exec: handlers back to SIG_DFL, ignored ones stay ignored. */
	flush_signal_handlers(current, 0);
	KTEST_EXPECT_EQ(t,
			uptr(current->sighand->action[SIGUSR1 - 1].sa.sa_handler),
			uptr(SIG_DFL));
	KTEST_EXPECT_EQ(t, current->sighand->action[SIGUSR1 - 1].sa.sa_flags, 0);
	KTEST_EXPECT_EQ(t,
			uptr(current->sighand->action[SIGUSR2 - 1].sa.sa_handler),
			uptr(SIG_IGN));
	flush_signal_handlers(current, 1);
	KTEST_EXPECT_EQ(t,
			uptr(current->sighand->action[SIGUSR2 - 1].sa.sa_handler),
			uptr(SIG_DFL));
}

static void test_sigaction_rules(struct ktest *t)
{
	run_in_child(t, sigaction_body);
}

/* A thread that sleeps, ignoring signals, until @done. */
struct victim {
	struct completion done;
	pid_t pid;
};

static int victim_fn(void *arg)
{
	struct victim *v = arg;

	wait_for_completion(&v->done);
	do_exit(0);
}

static pid_t victim_pid;

static void unprivileged_body(struct ktest *t)
{
	struct cred *cred = prepare_creds();

	KTEST_ASSERT_NOT_NULL(t, cred);
	cred->uid = cred->euid = cred->suid = cred->fsuid = 1000;
	commit_creds(cred);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, victim_pid, 0, 0, 0),
			-EPERM);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, victim_pid, SIGTERM, 0, 0),
			-EPERM);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_tkill, victim_pid, 0, 0, 0),
			-EPERM);
	/* SIGCONT within the session is allowed. */
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, victim_pid, SIGCONT, 0, 0),
			0);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, current->pid, 0, 0, 0), 0);
	/* kill(-1): refusals alone are not an error, as in Linux. */
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, -1, 0, 0, 0), 0);
}

static void test_kill_errors_and_permission(struct ktest *t)
{
	struct victim v;
	int status = -1;

	init_completion(&v.done);
	v.pid = kernel_thread(victim_fn, &v, "victim", SIGCHLD);
	KTEST_ASSERT_TRUE(t, v.pid > 0);
	victim_pid = v.pid;

	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, v.pid, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, v.pid, _NSIG + 1, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, v.pid, -1, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, 0x3ffffff0, 0, 0, 0),
			-ESRCH);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, -0x3ffffff0, 0, 0, 0),
			-ESRCH);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, -1, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, 0, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_tkill, 0, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_tkill, v.pid, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_tgkill, 0, v.pid, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_tgkill, v.pid, 0, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_tgkill, 1, v.pid, 0, 0), -ESRCH);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_tgkill, v.pid, v.pid, 0, 0), 0);
	/* A kernel thread that did not allow it ignores even SIGTERM. */
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, v.pid, SIGTERM, 0, 0), 0);
	run_in_child(t, unprivileged_body);

	complete(&v.done);
	KTEST_EXPECT_EQ(t, kernel_wait4(v.pid, &status, 0), v.pid);
	KTEST_EXPECT_EQ(t, status, 0);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, v.pid, 0, 0, 0), -ESRCH);
}

static void test_default_action_statuses(struct ktest *t)
{
	static const struct {
		int sig, status;
	} cases[] = {
		{ SIGTERM, SIGTERM },
		{ SIGKILL, SIGKILL },
		{ SIGUSR1, SIGUSR1 },
		/* No core file, so no WCOREDUMP (Linux, RLIMIT_CORE 0). */
		{ SIGQUIT, SIGQUIT },
		{ SIGSEGV, SIGSEGV },
		{ SIGRTMIN + 2, SIGRTMIN + 2 },
	};
	struct rlimit *core = &current->signal->rlim[RLIMIT_CORE];
	struct rlimit saved = *core;
	int i_status = -1;
	struct looper l;
	size_t i;

	core->rlim_cur = 0;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		KTEST_ASSERT_EQ(t, start_looper(&l, 0), 0);
		KTEST_EXPECT_EQ(t, end_looper(&l, cases[i].sig),
				cases[i].status);
	}
	/*
	 * Linux says "core dumped" (WCOREDUMP) only when it wrote one;
	 * Keel writes none, whatever RLIMIT_CORE allows.
	 */
	core->rlim_cur = RLIM_INFINITY;
	KTEST_ASSERT_EQ(t, start_looper(&l, 0), 0);
	KTEST_EXPECT_EQ(t, end_looper(&l, SIGQUIT), SIGQUIT);
	KTEST_ASSERT_EQ(t, start_looper(&l, 0), 0);
	KTEST_EXPECT_EQ(t, end_looper(&l, SIGTERM), SIGTERM);
	*core = saved;
	/* An interval timer's way: by the process's shared state. */
	KTEST_ASSERT_EQ(t, start_looper(&l, 0), 0);
	KTEST_EXPECT_EQ(t, signal_group_send(l.task->signal, SIGALRM,
					     SEND_SIG_PRIV), 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(l.pid, &i_status, 0), l.pid);
	KTEST_EXPECT_EQ(t, i_status, SIGALRM);
	KTEST_EXPECT_EQ(t, signal_group_send(l.task->signal, SIGALRM,
					     SEND_SIG_PRIV), -ESRCH);
	put_task_struct(l.task);
	/* Signals whose default is to be ignored do not end it. */
	KTEST_ASSERT_EQ(t, start_looper(&l, 0), 0);
	kill_pid(l.pid, SIGCHLD, 0);
	kill_pid(l.pid, SIGWINCH, 0);
	kill_pid(l.pid, SIGCONT, 0);
	KTEST_EXPECT_EQ(t, end_looper(&l, SIGHUP), SIGHUP);
}

static void test_stop_and_continue(struct ktest *t)
{
	struct looper l;
	siginfo_t *info;
	int status = -1;

	KTEST_ASSERT_EQ(t, start_looper(&l, 0), 0);
	KTEST_EXPECT_EQ(t, kill_pid(l.pid, SIGSTOP, 0), 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(l.pid, &status, WUNTRACED), l.pid);
	KTEST_EXPECT_EQ(t, status, (SIGSTOP << 8) | 0x7f);
	KTEST_EXPECT_EQ(t, READ_ONCE(l.task->__state), TASK_STOPPED);
	/* Reported once. */
	KTEST_EXPECT_EQ(t, kernel_wait4(l.pid, &status, WUNTRACED | WNOHANG), 0);
	/* Without WUNTRACED a stop is no news. */
	KTEST_EXPECT_EQ(t, kernel_wait4(l.pid, &status, WNOHANG), 0);

	KTEST_EXPECT_EQ(t, kill_pid(l.pid, SIGCONT, 0), 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(l.pid, &status, WCONTINUED), l.pid);
	KTEST_EXPECT_EQ(t, status, 0xffff);
	KTEST_EXPECT_EQ(t, kernel_wait4(l.pid, &status, WCONTINUED | WNOHANG),
			0);

	KTEST_EXPECT_EQ(t, kill_pid(l.pid, SIGTSTP, 0), 0);
	/* waitid(WSTOPPED | WNOWAIT): the siginfo, and the stop stays. */
	if (ktest_ubuf()) {
		info = (siginfo_t *)ktest_ubuf_kaddr();
		memset(info, 0xff, sizeof(*info));
		KTEST_EXPECT_EQ(t, call_sys(__x64_sys_waitid, P_PID, l.pid,
					    (__force long)ktest_ubuf(),
					    WSTOPPED | WNOWAIT), 0);
		KTEST_EXPECT_EQ(t, info->si_signo, SIGCHLD);
		KTEST_EXPECT_EQ(t, info->si_code, CLD_STOPPED);
		KTEST_EXPECT_EQ(t, info->si_status, SIGTSTP);
		KTEST_EXPECT_EQ(t, info->si_pid, l.pid);
	}
	KTEST_EXPECT_EQ(t, kernel_wait4(l.pid, &status, WUNTRACED), l.pid);
	KTEST_EXPECT_EQ(t, status, (SIGTSTP << 8) | 0x7f);
	/* SIGKILL ends a stopped process. */
	KTEST_EXPECT_EQ(t, end_looper(&l, SIGKILL), SIGKILL);
}

/*
 * A process of two threads: a group stop stops both before the parent
 * hears of it; a fatal signal sent to one thread ends both.
 */
static void test_thread_group_stop_and_kill(struct ktest *t)
{
	struct task_struct *t2;
	struct looper l;
	int status = -1;

	KTEST_ASSERT_EQ(t, __start_looper(&l, 0, true), 0);
	KTEST_ASSERT_TRUE(t, l.tid > 0);
	t2 = find_get_task_by_vpid(l.tid);
	KTEST_ASSERT_NOT_NULL(t, t2);
	KTEST_EXPECT_EQ(t, t2->tgid, l.pid);
	KTEST_EXPECT_EQ(t, t2->exit_signal, -1);

	KTEST_EXPECT_EQ(t, kill_pid(l.pid, SIGSTOP, 0), 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(l.pid, &status, WUNTRACED), l.pid);
	KTEST_EXPECT_EQ(t, status, (SIGSTOP << 8) | 0x7f);
	KTEST_EXPECT_EQ(t, READ_ONCE(l.task->__state), TASK_STOPPED);
	KTEST_EXPECT_EQ(t, READ_ONCE(t2->__state), TASK_STOPPED);
	KTEST_EXPECT_EQ(t, kill_pid(l.pid, SIGCONT, 0), 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(l.pid, &status, WCONTINUED), l.pid);
	KTEST_EXPECT_EQ(t, status, 0xffff);

	/* tgkill() to the second thread: the whole process goes. */
	KTEST_EXPECT_EQ(t, do_send_specific(l.pid, l.tid, SIGUSR1,
					    SEND_SIG_NOINFO), 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(l.pid, &status, 0), l.pid);
	KTEST_EXPECT_EQ(t, status, SIGUSR1);
	KTEST_EXPECT_EQ(t, t2->exit_state, EXIT_DEAD);
	put_task_struct(t2);
	put_task_struct(l.task);
}

static int exit_3(void *arg)
{
	do_exit(3 << 8);
}

static void sigchld_info_body(struct ktest *t)
{
	sigset_t set;
	siginfo_t info;
	struct looper l;
	int status = -1;
	pid_t pid;

	siginitset(&set, sigmask(SIGCHLD));
	sigprocmask(SIG_BLOCK, &set, NULL);
	pid = kernel_thread(exit_3, NULL, "exit3", SIGCHLD);
	KTEST_ASSERT_TRUE(t, pid > 0);
	KTEST_EXPECT_EQ(t, do_sigtimedwait(&set, &info, 10 * HZ), SIGCHLD);
	KTEST_EXPECT_EQ(t, info.si_code, CLD_EXITED);
	KTEST_EXPECT_EQ(t, info.si_status, 3);
	KTEST_EXPECT_EQ(t, info.si_pid, pid);
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, status, 3 << 8);

	KTEST_ASSERT_EQ(t, start_looper(&l, 0), 0);
	kill_pid(l.pid, SIGSTOP, 0);
	KTEST_EXPECT_EQ(t, do_sigtimedwait(&set, &info, 10 * HZ), SIGCHLD);
	KTEST_EXPECT_EQ(t, info.si_code, CLD_STOPPED);
	KTEST_EXPECT_EQ(t, info.si_status, SIGSTOP);
	kill_pid(l.pid, SIGCONT, 0);
	KTEST_EXPECT_EQ(t, do_sigtimedwait(&set, &info, 10 * HZ), SIGCHLD);
	KTEST_EXPECT_EQ(t, info.si_code, CLD_CONTINUED);
	KTEST_EXPECT_EQ(t, info.si_status, SIGCONT);
	KTEST_EXPECT_EQ(t, end_looper(&l, SIGTERM), SIGTERM);
	KTEST_EXPECT_EQ(t, do_sigtimedwait(&set, &info, 10 * HZ), SIGCHLD);
	KTEST_EXPECT_EQ(t, info.si_code, CLD_KILLED);
	KTEST_EXPECT_EQ(t, info.si_status, SIGTERM);
}

static void test_sigchld_info(struct ktest *t)
{
	run_in_child(t, sigchld_info_body);
}

static void autoreap_body(struct ktest *t)
{
	struct k_sigaction ka;
	int status = -1;
	pid_t pid;

	memset(&ka, 0, sizeof(ka));
	ka.sa.sa_handler = SIG_IGN;
	KTEST_EXPECT_EQ(t, do_sigaction(SIGCHLD, &ka, NULL), 0);
	pid = kernel_thread(exit_3, NULL, "exit3", SIGCHLD);
	KTEST_ASSERT_TRUE(t, pid > 0);
	/* Nobody waits for it: it reaps itself and wait4 finds no child. */
	KTEST_EXPECT_EQ(t, kernel_wait4(-1, &status, 0), -ECHILD);

	ka.sa.sa_handler = SIG_DFL;
	ka.sa.sa_flags = SA_NOCLDWAIT;
	KTEST_EXPECT_EQ(t, do_sigaction(SIGCHLD, &ka, NULL), 0);
	pid = kernel_thread(exit_3, NULL, "exit3", SIGCHLD);
	KTEST_ASSERT_TRUE(t, pid > 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(-1, &status, 0), -ECHILD);
}

static void test_autoreap(struct ktest *t)
{
	run_in_child(t, autoreap_body);
}

static struct looper orphan;

static void pdeath_body(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, start_looper(&orphan, SIGTERM), 0);
}

/* The child's parent dies: it gets its pdeath signal and goes to init. */
static void test_pdeath_signal(struct ktest *t)
{
	int status = -1;

	run_in_child(t, pdeath_body);
	KTEST_ASSERT_TRUE(t, orphan.pid > 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(orphan.pid, &status, 0), orphan.pid);
	KTEST_EXPECT_EQ(t, status, SIGTERM);
	if (orphan.task)
		put_task_struct(orphan.task);
}

struct sender {
	struct task_struct *to;
	int sig;
};

static int sender_fn(void *arg)
{
	struct sender *s = arg;

	schedule_timeout_uninterruptible(2);
	send_sig(s->sig, s->to, 0);
	do_exit(0);
}

static void sigtimedwait_body(struct ktest *t)
{
	struct sender s = { .to = current };
	sigset_t set;
	siginfo_t info;
	u64 start;
	int status;
	pid_t pid;

	siginitset(&set, sigmask(SIGUSR1));
	sigprocmask(SIG_BLOCK, &set, NULL);
	send_sig(SIGUSR1, current, 0);
	KTEST_EXPECT_EQ(t, do_sigtimedwait(&set, &info, 0), SIGUSR1);
	KTEST_EXPECT_EQ(t, info.si_code, SI_USER);
	KTEST_EXPECT_EQ(t, info.si_pid, current->tgid);
	KTEST_EXPECT_EQ(t, do_sigtimedwait(&set, &info, 0), -EAGAIN);
	start = jiffies;
	KTEST_EXPECT_EQ(t, do_sigtimedwait(&set, &info, 3), -EAGAIN);
	KTEST_EXPECT_GE(t, jiffies - start, 3);
	KTEST_EXPECT_EQ(t, current->blocked.sig[0], sigmask(SIGUSR1));
	KTEST_EXPECT_TRUE(t, sigisemptyset(&current->real_blocked));

	/* Woken by the signal it waits for... */
	s.sig = SIGUSR1;
	pid = kernel_thread(sender_fn, &s, "sender", SIGCHLD);
	KTEST_EXPECT_EQ(t, do_sigtimedwait(&set, &info, 10 * HZ), SIGUSR1);
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	/* ...interrupted by another (one that does not kill us). */
	allow_signal(SIGWINCH);
	s.sig = SIGWINCH;
	pid = kernel_thread(sender_fn, &s, "sender", SIGCHLD);
	KTEST_EXPECT_EQ(t, do_sigtimedwait(&set, &info, 10 * HZ), -EINTR);
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	flush_signals(current);
}

static void test_sigtimedwait(struct ktest *t)
{
	run_in_child(t, sigtimedwait_body);
}

static DEFINE_MUTEX(held);

static int mutex_waiter_fn(void *arg)
{
	int *ret = arg;

	allow_signal(SIGWINCH);
	*ret = mutex_lock_interruptible(&held);
	if (!*ret)
		mutex_unlock(&held);
	do_exit(0);
}

/* A signal ends mutex_lock_interruptible()'s wait; mutex_lock()'s not. */
static void test_mutex_lock_interruptible(struct ktest *t)
{
	struct task_struct *p;
	int ret = 1, status, i;
	pid_t pid;

	mutex_lock(&held);
	pid = kernel_thread(mutex_waiter_fn, &ret, "mwaiter", SIGCHLD);
	KTEST_ASSERT_TRUE(t, pid > 0);
	p = find_get_task_by_vpid(pid);
	KTEST_ASSERT_NOT_NULL(t, p);
	for (i = 0; i < 10000 && READ_ONCE(p->__state) != TASK_INTERRUPTIBLE;
	     i++)
		yield();
	KTEST_EXPECT_EQ(t, READ_ONCE(p->__state), TASK_INTERRUPTIBLE);
	kill_pid(pid, SIGWINCH, 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, ret, -EINTR);
	KTEST_EXPECT_TRUE(t, list_empty(&held.wait_list));
	mutex_unlock(&held);
	put_task_struct(p);
}

static void sigaltstack_body(struct ktest *t)
{
	stack_t ss = { .ss_sp = (void __user *)0x10000 }, oss;
	unsigned long out = 0x9000, in = 0x10000 + 100;

	ss.ss_size = MINSIGSTKSZ - 1;
	KTEST_EXPECT_EQ(t, do_sigaltstack(&ss, NULL, out), -ENOMEM);
	ss.ss_size = SIGSTKSZ;
	ss.ss_flags = 5;
	KTEST_EXPECT_EQ(t, do_sigaltstack(&ss, NULL, out), -EINVAL);
	KTEST_EXPECT_EQ(t, do_sigaltstack(NULL, &oss, out), 0);
	KTEST_EXPECT_EQ(t, oss.ss_flags, SS_DISABLE);
	ss.ss_flags = SS_ONSTACK;	/* accepted as 0, as in Linux */
	KTEST_EXPECT_EQ(t, do_sigaltstack(&ss, NULL, out), 0);
	KTEST_EXPECT_EQ(t, do_sigaltstack(NULL, &oss, out), 0);
	KTEST_EXPECT_EQ(t, uptr(oss.ss_sp), uptr(ss.ss_sp));
	KTEST_EXPECT_EQ(t, oss.ss_size, SIGSTKSZ);
	KTEST_EXPECT_EQ(t, oss.ss_flags, 0);
	KTEST_EXPECT_EQ(t, do_sigaltstack(NULL, &oss, in), 0);
	KTEST_EXPECT_EQ(t, oss.ss_flags, SS_ONSTACK);
	/* Not while running on it. */
	KTEST_EXPECT_EQ(t, do_sigaltstack(&ss, NULL, in), -EPERM);
	ss.ss_flags = SS_DISABLE;
	KTEST_EXPECT_EQ(t, do_sigaltstack(&ss, NULL, out), 0);
	KTEST_EXPECT_EQ(t, do_sigaltstack(NULL, &oss, out), 0);
	KTEST_EXPECT_EQ(t, oss.ss_flags, SS_DISABLE);
	KTEST_EXPECT_EQ(t, oss.ss_size, 0);
	/* SS_AUTODISARM: "on" it never counts; the flag reads back. */
	ss.ss_flags = SS_AUTODISARM;
	KTEST_EXPECT_EQ(t, do_sigaltstack(&ss, NULL, out), 0);
	KTEST_EXPECT_FALSE(t, on_sig_stack(in));
	KTEST_EXPECT_EQ(t, do_sigaltstack(NULL, &oss, in), 0);
	KTEST_EXPECT_EQ(t, oss.ss_flags, (int)SS_AUTODISARM);
}

static void test_sigaltstack_rules(struct ktest *t)
{
	run_in_child(t, sigaltstack_body);
}

static void sigmask_helpers_body(struct ktest *t)
{
	sigset_t usr1, tmp;

	siginitset(&usr1, sigmask(SIGUSR1));
	sigprocmask(SIG_SETMASK, &usr1, NULL);
	KTEST_EXPECT_EQ(t, set_user_sigmask(NULL, 8), 0);
	KTEST_EXPECT_FALSE(t, current->restore_sigmask);
	KTEST_EXPECT_EQ(t, set_user_sigmask((sigset_t __user *)&tmp, 4),
			-EINVAL);
	/* What set_user_sigmask() and rt_sigsuspend() leave behind. */
	current->saved_sigmask = current->blocked;
	set_restore_sigmask();
	sigemptyset(&tmp);
	set_current_blocked(&tmp);
	KTEST_EXPECT_PTR_EQ(t, sigmask_to_save(), &current->saved_sigmask);
	/* Not interrupted: the old mask is back at once. */
	restore_saved_sigmask_unless(false);
	KTEST_EXPECT_FALSE(t, current->restore_sigmask);
	KTEST_EXPECT_EQ(t, current->blocked.sig[0], sigmask(SIGUSR1));
	KTEST_EXPECT_PTR_EQ(t, sigmask_to_save(), &current->blocked);
	sigemptyset(&tmp);
	sigprocmask(SIG_SETMASK, &tmp, NULL);
}

static void test_sigmask_helpers(struct ktest *t)
{
	run_in_child(t, sigmask_helpers_body);
}

static int unshare_fn(void *arg)
{
	struct sighand_struct **shp = arg;

	shp[0] = current->sighand;
	if (!unshare_sighand())
		shp[1] = current->sighand;
	do_exit(0);
}

static void test_unshare_sighand(struct ktest *t)
{
	struct sighand_struct *sh[2] = { NULL, NULL };
	int status;
	pid_t pid = kernel_thread(unshare_fn, sh, "unshare",
				  CLONE_SIGHAND | SIGCHLD);

	KTEST_ASSERT_TRUE(t, pid > 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_PTR_EQ(t, sh[0], current->sighand);
	KTEST_EXPECT_NOT_NULL(t, sh[1]);
	KTEST_EXPECT_PTR_NE(t, sh[1], current->sighand);
	KTEST_EXPECT_EQ(t, atomic_read(&current->sighand->count), 1);
}

/* A user-mode frame as the syscall entry leaves it, in the window. */
static void fake_syscall_regs(struct pt_regs *regs, long ret)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = 0x400102;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = 0x202 | X86_EFLAGS_DF | X86_EFLAGS_TF;
	regs->sp = KTEST_UBUF + KTEST_UBUF_DATA - 0x3f8;
	regs->vector = ~0UL;
	regs->orig_ax = 0;	/* read */
	regs->ax = ret;
	regs->r8 = 0x8888;
	regs->r15 = 0xf15;
	regs->bx = 0xb0b0;
}

static struct rt_sigframe *frame_at(unsigned long sp)
{
	return (struct rt_sigframe *)(ktest_ubuf_kaddr() + (sp - KTEST_UBUF));
}

static void deliver_usr1(struct ktest *t, struct pt_regs *regs)
{
	send_sig(SIGUSR1, current, 0);
	KTEST_EXPECT_TRUE(t, signal_pending(current));
	arch_do_signal(regs);
}

/*
 * The frame a handler finds and what rt_sigreturn restores, in PID 1
 * (whose register frame is borrowed and put back): Linux's layout and
 * registers, the -EINTR or restart of the interrupted call.
 */
static void test_rt_sigframe_and_sigreturn(struct ktest *t)
{
	struct pt_regs *regs = current_pt_regs(), saved = *regs;
	struct k_sigaction ka, old_ka;
	sigset_t old_blocked = current->blocked;
	struct rt_sigframe *f;
	unsigned long old_sp;

	if (!ktest_ubuf()) {
		ktest_skip(t, "no KTEST user window");
		return;
	}
	memset(&ka, 0, sizeof(ka));
	ka.sa.sa_handler = (__sighandler_t)0x401000;
	ka.sa.sa_flags = SA_SIGINFO | SA_RESTORER;
	ka.sa.sa_restorer = (__sigrestore_t)0x402000;
	siginitset(&ka.sa.sa_mask, sigmask(SIGUSR2));
	KTEST_ASSERT_EQ(t, do_sigaction(SIGUSR1, &ka, &old_ka), 0);

	fake_syscall_regs(regs, -ERESTARTSYS);
	old_sp = regs->sp;
	deliver_usr1(t, regs);
	KTEST_EXPECT_EQ(t, regs->ip, 0x401000);
	KTEST_EXPECT_EQ(t, regs->di, SIGUSR1);
	KTEST_EXPECT_EQ(t, (regs->sp + 8) % 16, 0);
	KTEST_EXPECT_LE(t, regs->sp + sizeof(*f) + 512, old_sp - 128);
	KTEST_EXPECT_EQ(t, regs->dx, regs->sp + 8);
	KTEST_EXPECT_EQ(t, regs->si, regs->sp + 312);
	KTEST_EXPECT_EQ(t, regs->ax, 0);
	KTEST_EXPECT_EQ(t, regs->flags & (X86_EFLAGS_DF | X86_EFLAGS_TF), 0);
	KTEST_EXPECT_EQ(t, regs->cs, __USER_CS);
	KTEST_EXPECT_EQ(t, current->blocked.sig[0],
			old_blocked.sig[0] | sigmask(SIGUSR1) | sigmask(SIGUSR2));
	f = frame_at(regs->sp);
	KTEST_EXPECT_EQ(t, (unsigned long)f->pretcode, 0x402000);
	KTEST_EXPECT_EQ(t, f->uc.uc_flags,
			UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS);
	/* No SA_RESTART: the call fails with EINTR after the handler. */
	KTEST_EXPECT_EQ(t, f->uc.uc_mcontext.ip, 0x400102);
	KTEST_EXPECT_EQ(t, f->uc.uc_mcontext.ax, (u64)-EINTR);
	KTEST_EXPECT_EQ(t, f->uc.uc_mcontext.r8, 0x8888);
	KTEST_EXPECT_EQ(t, f->uc.uc_mcontext.r15, 0xf15);
	KTEST_EXPECT_EQ(t, f->uc.uc_mcontext.bx, 0xb0b0);
	KTEST_EXPECT_EQ(t, f->uc.uc_mcontext.sp, old_sp);
	KTEST_EXPECT_EQ(t, f->uc.uc_mcontext.cs, __USER_CS);
	KTEST_EXPECT_EQ(t, f->uc.uc_mcontext.oldmask, old_blocked.sig[0]);
	KTEST_EXPECT_EQ(t, f->uc.uc_sigmask, old_blocked.sig[0]);
	KTEST_EXPECT_EQ(t, f->uc.uc_mcontext.fpstate % 64, 0);
	KTEST_EXPECT_GE(t, f->uc.uc_mcontext.fpstate, regs->sp + sizeof(*f));
	KTEST_EXPECT_EQ(t, f->uc.uc_stack.ss_flags, SS_DISABLE);
	KTEST_EXPECT_EQ(t, f->info.si_signo, SIGUSR1);
	KTEST_EXPECT_EQ(t, f->info.si_code, SI_USER);
	KTEST_EXPECT_EQ(t, f->info.si_pid, 1);

	/* The handler returns, having changed r12 and tried IOPL and CS. */
	f->uc.uc_mcontext.r12 = 0x1234;
	f->uc.uc_mcontext.flags |= X86_EFLAGS_IOPL;
	f->uc.uc_mcontext.cs = 0x10;
	regs->sp += 8;
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_rt_sigreturn, 0, 0, 0, 0),
			-EINTR);
	KTEST_EXPECT_EQ(t, regs->ip, 0x400102);
	KTEST_EXPECT_EQ(t, regs->sp, old_sp);
	KTEST_EXPECT_EQ(t, regs->r12, 0x1234);
	KTEST_EXPECT_EQ(t, regs->r8, 0x8888);
	KTEST_EXPECT_EQ(t, regs->cs, __USER_CS);
	KTEST_EXPECT_EQ(t, regs->flags & X86_EFLAGS_IOPL, 0);
	KTEST_EXPECT_EQ(t, regs->flags & X86_EFLAGS_DF, X86_EFLAGS_DF);
	KTEST_EXPECT_EQ(t, (long)regs->orig_ax, -1);
	KTEST_EXPECT_EQ(t, current->blocked.sig[0], old_blocked.sig[0]);

	/* SA_RESTART: the call is issued again after the handler. */
	ka.sa.sa_flags |= SA_RESTART;
	KTEST_EXPECT_EQ(t, do_sigaction(SIGUSR1, &ka, NULL), 0);
	fake_syscall_regs(regs, -ERESTARTSYS);
	deliver_usr1(t, regs);
	f = frame_at(regs->sp);
	KTEST_EXPECT_EQ(t, f->uc.uc_mcontext.ip, 0x400100);
	KTEST_EXPECT_EQ(t, f->uc.uc_mcontext.ax, 0);
	__set_current_blocked(&old_blocked);

	/* SA_ONSTACK: the frame goes on the alternate stack. */
	ka.sa.sa_flags |= SA_ONSTACK;
	KTEST_EXPECT_EQ(t, do_sigaction(SIGUSR1, &ka, NULL), 0);
	current->sas_ss_sp = KTEST_UBUF;
	current->sas_ss_size = SIGSTKSZ;
	fake_syscall_regs(regs, 0);
	deliver_usr1(t, regs);
	KTEST_EXPECT_GT(t, regs->sp, KTEST_UBUF);
	KTEST_EXPECT_LT(t, regs->sp, KTEST_UBUF + SIGSTKSZ);
	f = frame_at(regs->sp);
	KTEST_EXPECT_EQ(t, (unsigned long)f->uc.uc_stack.ss_sp, KTEST_UBUF);
	KTEST_EXPECT_EQ(t, f->uc.uc_stack.ss_flags, 0);
	current->sas_ss_sp = 0;
	current->sas_ss_size = 0;
	__set_current_blocked(&old_blocked);

	/* No handler ran: the call restarts, by restart_syscall if asked. */
	fake_syscall_regs(regs, -ERESTARTNOHAND);
	arch_do_signal(regs);
	KTEST_EXPECT_EQ(t, regs->ip, 0x400100);
	KTEST_EXPECT_EQ(t, regs->ax, 0);
	fake_syscall_regs(regs, -ERESTART_RESTARTBLOCK);
	arch_do_signal(regs);
	KTEST_EXPECT_EQ(t, regs->ip, 0x400100);
	KTEST_EXPECT_EQ(t, regs->ax, __NR_restart_syscall);
	/* Not a system call (an interrupt): ax is left alone. */
	fake_syscall_regs(regs, -ERESTARTSYS);
	regs->vector = 32;
	arch_do_signal(regs);
	KTEST_EXPECT_EQ(t, regs->ip, 0x400102);
	KTEST_EXPECT_EQ(t, (long)regs->ax, -ERESTARTSYS);

	/* SA_NODEFER leaves the signal unblocked; SA_RESETHAND resets it. */
	ka.sa.sa_flags = SA_SIGINFO | SA_RESTORER | SA_NODEFER | SA_RESETHAND;
	sigemptyset(&ka.sa.sa_mask);
	KTEST_EXPECT_EQ(t, do_sigaction(SIGUSR1, &ka, NULL), 0);
	fake_syscall_regs(regs, 0);
	deliver_usr1(t, regs);
	KTEST_EXPECT_EQ(t, regs->ip, 0x401000);
	KTEST_EXPECT_FALSE(t, sigismember(&current->blocked, SIGUSR1));
	KTEST_EXPECT_EQ(t,
			uptr(current->sighand->action[SIGUSR1 - 1].sa.sa_handler),
			uptr(SIG_DFL));
	ka.sa.sa_flags = SA_SIGINFO | SA_RESTORER;
	KTEST_EXPECT_EQ(t, do_sigaction(SIGUSR1, &ka, NULL), 0);

	/* A stack the frame cannot be written to: SIGSEGV. */
	fake_syscall_regs(regs, 0);
	regs->sp = 0x1000;
	deliver_usr1(t, regs);
	KTEST_EXPECT_EQ(t, regs->ip, 0x400102);
	KTEST_EXPECT_TRUE(t, sigismember(&current->pending.signal, SIGSEGV));
	flush_signals(current);
	__set_current_blocked(&old_blocked);

	/* x86_64 needs SA_RESTORER: without it, SIGSEGV. */
	ka.sa.sa_flags = SA_SIGINFO;
	KTEST_EXPECT_EQ(t, do_sigaction(SIGUSR1, &ka, NULL), 0);
	fake_syscall_regs(regs, 0);
	deliver_usr1(t, regs);
	KTEST_EXPECT_TRUE(t, sigismember(&current->pending.signal, SIGSEGV));

	flush_signals(current);
	recalc_sigpending();
	do_sigaction(SIGUSR1, &old_ka, NULL);
	*regs = saved;
	__set_current_blocked(&old_blocked);
}

/*
 * init takes only the signals it has a handler for, SIGKILL and SIGSTOP
 * included, from anyone (PID 1 plays a user init: not a kernel thread).
 */
static void test_init_is_protected(struct ktest *t)
{
	unsigned int flags = current->flags;

	current->flags &= ~PF_KTHREAD;
	KTEST_EXPECT_EQ(t, kill_pid(1, SIGTERM, 0), 0);
	KTEST_EXPECT_EQ(t, kill_pid(1, SIGSTOP, 0), 0);
	KTEST_EXPECT_EQ(t, call_sys(__x64_sys_kill, 1, SIGKILL, 0, 0), 0);
	current->flags = flags;
	KTEST_EXPECT_FALSE(t, signal_pending(current));
	KTEST_EXPECT_EQ(t, current->pending.signal.sig[0], 0);
	KTEST_EXPECT_EQ(t, current->signal->shared_pending.signal.sig[0], 0);
	KTEST_EXPECT_FALSE(t, signal_group_exit(current->signal));
}

/* int3 and into are for user mode too: their gates have DPL 3. */
static void test_breakpoint_gates_are_user(struct ktest *t)
{
	struct desc_ptr idtr;
	struct gate_desc *idt;

	__asm__ __volatile__("sidt %0" : "=m"(idtr));
	idt = (struct gate_desc *)idtr.address;
	KTEST_EXPECT_EQ(t, idt[X86_TRAP_BP].type_attr, 0xee);
	KTEST_EXPECT_EQ(t, idt[X86_TRAP_OF].type_attr, 0xee);
	KTEST_EXPECT_EQ(t, idt[X86_TRAP_GP].type_attr, 0x8e);
	KTEST_EXPECT_EQ(t, idt[X86_TRAP_PF].type_attr, 0x8e);
	KTEST_EXPECT_EQ(t, idt[32].type_attr, 0x8e);
}

static struct ktest_case signal_cases[] = {
	KTEST_CASE(test_dequeue_order),
	KTEST_CASE(test_blocking_and_pending),
	KTEST_CASE(test_sigaction_rules),
	KTEST_CASE(test_kill_errors_and_permission),
	KTEST_CASE(test_default_action_statuses),
	KTEST_CASE(test_stop_and_continue),
	KTEST_CASE(test_thread_group_stop_and_kill),
	KTEST_CASE(test_sigchld_info),
	KTEST_CASE(test_autoreap),
	KTEST_CASE(test_pdeath_signal),
	KTEST_CASE(test_sigtimedwait),
	KTEST_CASE(test_mutex_lock_interruptible),
	KTEST_CASE(test_sigaltstack_rules),
	KTEST_CASE(test_sigmask_helpers),
	KTEST_CASE(test_unshare_sighand),
	KTEST_CASE(test_rt_sigframe_and_sigreturn),
	KTEST_CASE(test_init_is_protected),
	KTEST_CASE(test_breakpoint_gates_are_user),
	{}
};

static struct ktest_suite signal_suite = {
	.name = "signal",
	.cases = signal_cases,
};
ktest_register_suite(signal_suite);
