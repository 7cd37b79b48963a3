// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: sigaction and its flags, the signal mask and pending set,
 * sigsuspend, sigtimedwait, SA_RESTART against EINTR, SIGCHLD, the
 * default actions (death by signal, stop and continue as waitpid reports
 * them), sigaltstack, the siginfo of SIGFPE, SIGILL and SIGTRAP, and the
 * errors of kill() and sigaction().
 */
#include "kselftest.h"

#include <stdint.h>
#include <sys/resource.h>
#include <sys/time.h>

static volatile int hits;
static volatile siginfo_t last;
static volatile int blocked_in_handler;

static void count_hit(int sig, siginfo_t *si, void *uc)
{
	sigset_t now;

	hits++;
	last = *si;
	sigprocmask(SIG_BLOCK, NULL, &now);
	blocked_in_handler = sigismember(&now, SIGUSR2);
}

static void handle(int sig, int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = count_hit;
	sa.sa_flags = SA_SIGINFO | flags;
	sigemptyset(&sa.sa_mask);
	KS_ASSERT_RET(sigaction(sig, &sa, NULL), 0);
}

static void block(int how, int sig)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	KS_ASSERT_RET(sigprocmask(how, &set, NULL), 0);
}

static void sigaction_handler_runs_with_siginfo(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = count_hit;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	KS_ASSERT_RET(sigaction(SIGUSR1, &sa, &old), 0);
	KS_ASSERT_TRUE(old.sa_handler == SIG_DFL);
	KS_ASSERT_RET(kill(getpid(), SIGUSR1), 0);
	KS_ASSERT_EQ(hits, 1);
	KS_ASSERT_EQ(last.si_signo, SIGUSR1);
	KS_ASSERT_EQ(last.si_code, SI_USER);
	KS_ASSERT_EQ(last.si_pid, getpid());
	KS_ASSERT_EQ(last.si_uid, getuid());
	/* sa_mask was blocked while the handler ran, and only then. */
	KS_ASSERT_EQ(blocked_in_handler, 1);
	KS_ASSERT_RET(syscall(SYS_tgkill, getpid(), getpid(), SIGUSR1), 0);
	KS_ASSERT_EQ(hits, 2);
	KS_ASSERT_EQ(last.si_code, SI_TKILL);
	KS_ASSERT_RET(sigaction(SIGUSR1, NULL, &old), 0);
	KS_ASSERT_TRUE(old.sa_sigaction == count_hit);
	KS_ASSERT_EQ(old.sa_flags & SA_SIGINFO, SA_SIGINFO);
	KS_ASSERT_EQ(sigismember(&old.sa_mask, SIGUSR2), 1);
}

static void sa_resethand_runs_once(void)
{
	struct sigaction old;
	pid_t pid;

	handle(SIGUSR1, SA_RESETHAND);
	KS_ASSERT_RET(kill(getpid(), SIGUSR1), 0);
	KS_ASSERT_EQ(hits, 1);
	KS_ASSERT_RET(sigaction(SIGUSR1, NULL, &old), 0);
	KS_ASSERT_TRUE(old.sa_handler == SIG_DFL);
	KS_CHILD(pid, {
		handle(SIGUSR1, SA_RESETHAND);
		raise(SIGUSR1);
		raise(SIGUSR1);
		_exit(0);
	});
	KS_WAIT(pid, KS_W_SIGNALED(SIGUSR1));
}

static void sigaction_errors(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	KS_ASSERT_ERRNO(sigaction(SIGKILL, &sa, NULL), EINVAL);
	KS_ASSERT_ERRNO(sigaction(SIGSTOP, &sa, NULL), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_rt_sigaction, 0, NULL, NULL, 8), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_rt_sigaction, 65, NULL, NULL, 8), EINVAL);
	/* The kernel's sigset is 8 bytes: any other size is EINVAL. */
	KS_ASSERT_ERRNO(syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 4),
			EINVAL);
	/* Reading SIGKILL's action is allowed. */
	KS_ASSERT_RET(sigaction(SIGKILL, NULL, &sa), 0);
	KS_ASSERT_TRUE(sa.sa_handler == SIG_DFL);
}

static void blocked_signal_stays_pending(void)
{
	sigset_t set, old;

	handle(SIGUSR1, 0);
	block(SIG_BLOCK, SIGUSR1);
	KS_ASSERT_RET(kill(getpid(), SIGUSR1), 0);
	KS_ASSERT_RET(kill(getpid(), SIGUSR1), 0);
	KS_ASSERT_EQ(hits, 0);
	KS_ASSERT_RET(sigpending(&set), 0);
	KS_ASSERT_EQ(sigismember(&set, SIGUSR1), 1);
	KS_ASSERT_EQ(sigismember(&set, SIGUSR2), 0);
	/* Unblocking delivers it before sigprocmask returns, once: a
	 * standard signal does not queue. */
	block(SIG_UNBLOCK, SIGUSR1);
	KS_ASSERT_EQ(hits, 1);
	KS_ASSERT_RET(sigpending(&set), 0);
	KS_ASSERT_EQ(sigismember(&set, SIGUSR1), 0);
	/* SIGKILL and SIGSTOP cannot be blocked: silently left out. */
	sigfillset(&set);
	KS_ASSERT_RET(sigprocmask(SIG_SETMASK, &set, NULL), 0);
	KS_ASSERT_RET(sigprocmask(SIG_SETMASK, NULL, &old), 0);
	KS_ASSERT_EQ(sigismember(&old, SIGKILL), 0);
	KS_ASSERT_EQ(sigismember(&old, SIGSTOP), 0);
	KS_ASSERT_EQ(sigismember(&old, SIGTERM), 1);
	KS_ASSERT_ERRNO(syscall(SYS_rt_sigprocmask, 3, &set, NULL, 8), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4),
			EINVAL);
}

static void realtime_signals_queue_in_order(void)
{
	union sigval v;
	int sig = SIGRTMIN + 2, i;
	siginfo_t si;
	sigset_t set;

	block(SIG_BLOCK, sig);
	for (i = 0; i < 3; i++) {
		v.sival_int = 100 + i;
		KS_ASSERT_RET(sigqueue(getpid(), sig, v), 0);
	}
	sigemptyset(&set);
	sigaddset(&set, sig);
	for (i = 0; i < 3; i++) {
		KS_ASSERT_RET(sigwaitinfo(&set, &si), sig);
		KS_ASSERT_EQ(si.si_code, SI_QUEUE);
		KS_ASSERT_EQ(si.si_value.sival_int, 100 + i);
		KS_ASSERT_EQ(si.si_pid, getpid());
	}
	KS_ASSERT_RET(sigpending(&set), 0);
	KS_ASSERT_EQ(sigismember(&set, sig), 0);
}

static void sigtimedwait_times_out(void)
{
	struct timespec ts = { 0, 20 * 1000000 };
	siginfo_t si;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	block(SIG_BLOCK, SIGUSR1);
	KS_ASSERT_ERRNO(sigtimedwait(&set, &si, &ts), EAGAIN);
	ts.tv_nsec = 1000000000;
	KS_ASSERT_ERRNO(sigtimedwait(&set, &si, &ts), EINVAL);
}

static void sigsuspend_returns_eintr(void)
{
	sigset_t empty, now;
	pid_t parent = getpid(), pid;

	handle(SIGUSR1, 0);
	block(SIG_BLOCK, SIGUSR1);
	KS_CHILD(pid, {
		usleep(20000);
		kill(parent, SIGUSR1);
	});
	sigemptyset(&empty);
	KS_ASSERT_ERRNO(sigsuspend(&empty), EINTR);
	KS_ASSERT_EQ(hits, 1);
	/* The mask of before is back. */
	KS_ASSERT_RET(sigprocmask(SIG_BLOCK, NULL, &now), 0);
	KS_ASSERT_EQ(sigismember(&now, SIGUSR1), 1);
	KS_WAIT(pid, 0);
}

/*
 * Reads one byte from a pipe whose writer writes after 400 ms, with an
 * interval timer firing every 50 ms (so that one fires during the read
 * even if the first came before it).
 */
static long read_across_alarm(int flags, char *c)
{
	struct itimerval it = { { 0, 50000 }, { 0, 50000 } };
	struct itimerval off = { { 0, 0 }, { 0, 0 } };
	int fds[2];
	long ret;
	pid_t pid;

	handle(SIGALRM, flags);
	KS_ASSERT_OK(pipe(fds));
	KS_CHILD(pid, {
		usleep(400000);
		write(fds[1], "r", 1);
	});
	close(fds[1]);
	KS_ASSERT_RET(setitimer(ITIMER_REAL, &it, NULL), 0);
	ret = read(fds[0], c, 1);
	if (ret < 0)
		ret = -errno;
	KS_ASSERT_RET(setitimer(ITIMER_REAL, &off, NULL), 0);
	KS_WAIT(pid, 0);
	close(fds[0]);
	return ret;
}

static void sa_restart_restarts_pipe_read(void)
{
	char c = 0;

	KS_ASSERT_EQ(read_across_alarm(SA_RESTART, &c), 1);
	KS_ASSERT_EQ(c, 'r');
	KS_ASSERT_GE(hits, 2);
}

static void no_sa_restart_is_eintr(void)
{
	char c = 0;

	KS_ASSERT_EQ(read_across_alarm(0, &c), -EINTR);
	KS_ASSERT_GE(hits, 1);
}

static void sigchld_reports_child_exit(void)
{
	siginfo_t si;
	sigset_t set;
	pid_t pid;

	block(SIG_BLOCK, SIGCHLD);
	KS_CHILD(pid, _exit(3));
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	KS_ASSERT_RET(sigwaitinfo(&set, &si), SIGCHLD);
	KS_ASSERT_EQ(si.si_code, CLD_EXITED);
	KS_ASSERT_EQ(si.si_pid, pid);
	KS_ASSERT_EQ(si.si_status, 3);
	KS_WAIT(pid, KS_W_EXITED(3));
}

static void sigchld_ignored_reaps_children(void)
{
	int st;
	pid_t pid;

	KS_ASSERT_TRUE(signal(SIGCHLD, SIG_IGN) != SIG_ERR);
	KS_CHILD(pid, _exit(1));
	/* wait blocks until the child is gone, then has none to report. */
	KS_ASSERT_ERRNO(waitpid(pid, &st, 0), ECHILD);
	KS_ASSERT_ERRNO(kill(pid, 0), ESRCH);
}

static void default_actions(void)
{
	struct rlimit no_core = { 0, 0 };
	pid_t pid;

	KS_ASSERT_RET(setrlimit(RLIMIT_CORE, &no_core), 0);
	KS_CHILD(pid, raise(SIGTERM));
	KS_WAIT(pid, KS_W_SIGNALED(SIGTERM));
	KS_CHILD(pid, raise(SIGUSR2));
	KS_WAIT(pid, KS_W_SIGNALED(SIGUSR2));
	KS_CHILD(pid, raise(SIGRTMIN + 1));
	KS_WAIT(pid, KS_W_SIGNALED(SIGRTMIN + 1));
	/* A core-dumping signal without a core (RLIMIT_CORE 0). */
	KS_CHILD(pid, raise(SIGQUIT));
	KS_WAIT(pid, KS_W_SIGNALED(SIGQUIT));
	KS_CHILD(pid, {
		volatile int *volatile bad = (int *)16;

		*bad = 1;
	});
	KS_WAIT(pid, KS_W_SIGNALED(SIGSEGV));
	/* Ignored by default: the child runs on. */
	KS_CHILD(pid, {
		raise(SIGCHLD);
		raise(SIGURG);
		raise(SIGWINCH);
		raise(SIGCONT);
		_exit(7);
	});
	KS_WAIT(pid, KS_W_EXITED(7));
	/* Blocking SIGKILL does not help. */
	KS_CHILD(pid, {
		sigset_t all;

		sigfillset(&all);
		sigprocmask(SIG_BLOCK, &all, NULL);
		raise(SIGKILL);
		_exit(0);
	});
	KS_WAIT(pid, KS_W_SIGNALED(SIGKILL));
}

static void stop_and_continue(void)
{
	siginfo_t si;
	int st;
	pid_t pid;

	KS_CHILD(pid, {
		for (;;)
			pause();
	});
	KS_ASSERT_RET(kill(pid, SIGSTOP), 0);
	KS_ASSERT_RET(waitpid(pid, &st, WUNTRACED), pid);
	KS_ASSERT_WSTATUS(st, KS_W_STOPPED(SIGSTOP));
	KS_ASSERT_EQ(st, 0x137f);
	/* Reported once. */
	KS_ASSERT_RET(waitpid(pid, &st, WUNTRACED | WNOHANG), 0);
	KS_ASSERT_RET(kill(pid, SIGCONT), 0);
	KS_ASSERT_RET(waitpid(pid, &st, WCONTINUED), pid);
	KS_ASSERT_WSTATUS(st, KS_W_CONTINUED);
	KS_ASSERT_RET(kill(pid, SIGTSTP), 0);
	KS_ASSERT_RET(waitid(P_PID, pid, &si, WSTOPPED), 0);
	KS_ASSERT_EQ(si.si_code, CLD_STOPPED);
	KS_ASSERT_EQ(si.si_status, SIGTSTP);
	KS_ASSERT_RET(kill(pid, SIGCONT), 0);
	KS_ASSERT_RET(waitid(P_PID, pid, &si, WCONTINUED), 0);
	KS_ASSERT_EQ(si.si_code, CLD_CONTINUED);
	KS_ASSERT_EQ(si.si_status, SIGCONT);
	KS_ASSERT_RET(kill(pid, SIGKILL), 0);
	KS_WAIT(pid, KS_W_SIGNALED(SIGKILL));
}

static char altstack[64 * 1024];
static volatile uintptr_t handler_sp;
static volatile int handler_ss_flags;

static void note_stack(int sig)
{
	stack_t ss;
	char here;

	handler_sp = (uintptr_t)&here;
	sigaltstack(NULL, &ss);
	handler_ss_flags = ss.ss_flags;
}

static void sigaltstack_runs_handler_on_it(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) }, old;
	struct sigaction sa;

	KS_ASSERT_RET(sigaltstack(NULL, &old), 0);
	KS_ASSERT_EQ(old.ss_flags, SS_DISABLE);
	KS_ASSERT_RET(sigaltstack(&ss, NULL), 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = note_stack;
	sa.sa_flags = SA_ONSTACK;
	KS_ASSERT_RET(sigaction(SIGUSR1, &sa, NULL), 0);
	KS_ASSERT_RET(raise(SIGUSR1), 0);
	KS_ASSERT_GT(handler_sp, (uintptr_t)altstack);
	KS_ASSERT_LT(handler_sp, (uintptr_t)altstack + sizeof(altstack));
	KS_ASSERT_EQ(handler_ss_flags, SS_ONSTACK);
	/* Without SA_ONSTACK the handler stays on the normal stack. */
	sa.sa_flags = 0;
	KS_ASSERT_RET(sigaction(SIGUSR1, &sa, NULL), 0);
	KS_ASSERT_RET(raise(SIGUSR1), 0);
	KS_ASSERT_TRUE(handler_sp < (uintptr_t)altstack ||
		       handler_sp >= (uintptr_t)altstack + sizeof(altstack));
	KS_ASSERT_EQ(handler_ss_flags, 0);
	ss.ss_size = 1024;
	KS_ASSERT_ERRNO(sigaltstack(&ss, NULL), ENOMEM);
	ss.ss_size = sizeof(altstack);
	ss.ss_flags = 0x40;
	KS_ASSERT_ERRNO(sigaltstack(&ss, NULL), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_sigaltstack, (void *)8, NULL), EFAULT);
}

/* A function that is one ud2: SIGILL's si_addr must be its address. */
void ud2_at_entry(void);
asm(".pushsection .text\n"
	".type ud2_at_entry, @function\n"
	"ud2_at_entry: ud2\n"
	"ret\n"
	".popsection");

static void sigfpe_sigill_sigtrap_codes(void)
{
	int num = 7, zero = 0;
	siginfo_t si;
	int taken;

	/* idiv itself: the compiler may turn a C division into other code. */
	KS_FAULTS(taken, SIGFPE, si, {
		asm volatile("cltd; idivl %1" : "+a"(num) : "r"(zero) : "edx");
	});
	KS_ASSERT_EQ(taken, SIGFPE);
	KS_ASSERT_EQ(si.si_signo, SIGFPE);
	KS_ASSERT_EQ(si.si_code, FPE_INTDIV);

	KS_FAULTS(taken, SIGILL, si, ud2_at_entry());
	KS_ASSERT_EQ(taken, SIGILL);
	KS_ASSERT_EQ(si.si_code, ILL_ILLOPN);
	KS_ASSERT_EQ((uintptr_t)si.si_addr, (uintptr_t)ud2_at_entry);

	KS_FAULTS(taken, SIGTRAP, si, asm volatile("int3"));
	KS_ASSERT_EQ(taken, SIGTRAP);
	KS_ASSERT_EQ(si.si_code, SI_KERNEL);
}

static void kill_errors(void)
{
	KS_ASSERT_RET(kill(getpid(), 0), 0);
	KS_ASSERT_ERRNO(kill(getpid(), 65), EINVAL);
	KS_ASSERT_ERRNO(kill(getpid(), -1), EINVAL);
	KS_ASSERT_ERRNO(kill(4194304 + 7, 0), ESRCH);
	KS_ASSERT_ERRNO(kill(-(4194304 + 7), 0), ESRCH);
	KS_ASSERT_ERRNO(syscall(SYS_tkill, 0, SIGUSR1), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_tkill, 4194304 + 7, 0), ESRCH);
	KS_ASSERT_ERRNO(syscall(SYS_tgkill, getpid(), 4194304 + 7, 0), ESRCH);
	KS_ASSERT_ERRNO(syscall(SYS_tgkill, -1, getpid(), 0), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1,
				(void *)8), EFAULT);
}

static void fork_keeps_mask_and_clears_pending(void)
{
	pid_t pid;

	block(SIG_BLOCK, SIGUSR1);
	KS_ASSERT_RET(raise(SIGUSR1), 0);
	KS_CHILD(pid, {
		sigset_t set;

		sigpending(&set);
		if (sigismember(&set, SIGUSR1))
			_exit(1);
		sigprocmask(SIG_BLOCK, NULL, &set);
		if (!sigismember(&set, SIGUSR1))
			_exit(2);
	});
	KS_WAIT(pid, 0);
}

static const struct ks_case cases[] = {
	KS_CASE(sigaction_handler_runs_with_siginfo),
	KS_CASE(sa_resethand_runs_once),
	KS_CASE(sigaction_errors),
	KS_CASE(blocked_signal_stays_pending),
	KS_CASE(realtime_signals_queue_in_order),
	KS_CASE(sigtimedwait_times_out),
	KS_CASE(sigsuspend_returns_eintr),
	KS_CASE(sa_restart_restarts_pipe_read),
	KS_CASE(no_sa_restart_is_eintr),
	KS_CASE(sigchld_reports_child_exit),
	KS_CASE(sigchld_ignored_reaps_children),
	KS_CASE(default_actions),
	KS_CASE(stop_and_continue),
	KS_CASE(sigaltstack_runs_handler_on_it),
	KS_CASE(sigfpe_sigill_sigtrap_codes),
	KS_CASE(kill_errors),
	KS_CASE(fork_keeps_mask_and_clears_pending),
};

KS_MAIN("signals", cases)
