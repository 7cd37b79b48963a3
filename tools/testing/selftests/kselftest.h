/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kselftest.h: the harness of Keel's user-space selftests.  A test program
 * is a table of cases; each case runs in a child process of its own (so a
 * crash, a stray signal handler or a leaked mapping cannot spoil the next)
 * with an alarm as its time limit, and the program prints KTAP version 1:
 *
 *	KTAP version 1
 *	# Subtest: files
 *	1..3
 *	ok 1 open_creat_excl
 *	# files.c:42: ret == -1: got 3 (0x3), want -1 (0xffffffffffffffff)
 *	not ok 2 lseek_end
 *	ok 3 getdents64_lists_dot # SKIP no /proc
 *	# Totals: pass:1 fail:1 skip:1 total:3
 *
 * The assertions state exact values: KS_ASSERT_* ends the case at the
 * first failure, KS_EXPECT_* records it and goes on.  Every failure prints
 * the expression, the value got and the value wanted (errnos by name, wait
 * statuses decoded).  The program exits 0 when no case failed.
 */
#ifndef KSELFTEST_H
#define KSELFTEST_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define KSFT_PASS	0
#define KSFT_FAIL	1
#define KSFT_SKIP	4

/* Seconds a case may take (under QEMU's TCG) before it counts as hung. */
#ifndef KS_TIMEOUT
#define KS_TIMEOUT	30
#endif

struct ks_case {
	const char *name;
	void (*run)(void);
};

#define KS_CASE(fn)	{ #fn, fn }

static int ks_failed;
static int ks_reason_fd = -1;

__attribute__((format(printf, 1, 2)))
static inline void ks_print(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;
	ssize_t w;
	char *p = buf;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	while (n > 0) {
		w = write(STDOUT_FILENO, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= w;
	}
}

static inline const char *ks_errno_name(int e)
{
	switch (e) {
#define KS_E(x) case x: return #x
	KS_E(EPERM); KS_E(ENOENT); KS_E(ESRCH); KS_E(EINTR); KS_E(EIO);
	KS_E(ENXIO); KS_E(E2BIG); KS_E(ENOEXEC); KS_E(EBADF); KS_E(ECHILD);
	KS_E(EAGAIN); KS_E(ENOMEM); KS_E(EACCES); KS_E(EFAULT);
	KS_E(ENOTBLK); KS_E(EBUSY); KS_E(EEXIST); KS_E(EXDEV); KS_E(ENODEV);
	KS_E(ENOTDIR); KS_E(EISDIR); KS_E(EINVAL); KS_E(ENFILE);
	KS_E(EMFILE); KS_E(ENOTTY); KS_E(ETXTBSY); KS_E(EFBIG);
	KS_E(ENOSPC); KS_E(ESPIPE); KS_E(EROFS); KS_E(EMLINK); KS_E(EPIPE);
	KS_E(EDOM); KS_E(ERANGE); KS_E(EDEADLK); KS_E(ENAMETOOLONG);
	KS_E(ENOLCK); KS_E(ENOSYS); KS_E(ENOTEMPTY); KS_E(ELOOP);
	KS_E(ENOMSG); KS_E(EIDRM); KS_E(ENODATA); KS_E(ETIME);
	KS_E(EOVERFLOW); KS_E(EILSEQ); KS_E(ENOTSOCK); KS_E(EMSGSIZE);
	KS_E(EOPNOTSUPP); KS_E(EADDRINUSE); KS_E(ETIMEDOUT);
	KS_E(EALREADY); KS_E(EINPROGRESS); KS_E(ECANCELED);
	KS_E(EOWNERDEAD); KS_E(ENOTRECOVERABLE);
#undef KS_E
	case 0:
		return "0";
	}
	return NULL;
}

/* "ENOENT (2)", or the number alone for an errno without a name here. */
static inline const char *ks_errno_str(int e, char *buf, size_t len)
{
	const char *name = ks_errno_name(e);

	if (name)
		snprintf(buf, len, "%s (%d)", name, e);
	else
		snprintf(buf, len, "errno %d", e);
	return buf;
}

static inline const char *ks_signal_name(int sig)
{
	static const char *const names[] = {
		[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
		[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP",
		[SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE",
		[SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1",
		[SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
		[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM",
		[SIGTERM] = "SIGTERM", [SIGSTKFLT] = "SIGSTKFLT",
		[SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT",
		[SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP",
		[SIGTTIN] = "SIGTTIN", [SIGTTOU] = "SIGTTOU", [SIGURG] = "SIGURG",
		[SIGXCPU] = "SIGXCPU", [SIGXFSZ] = "SIGXFSZ",
		[SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF",
		[SIGWINCH] = "SIGWINCH", [SIGIO] = "SIGIO", [SIGPWR] = "SIGPWR",
		[SIGSYS] = "SIGSYS",
	};

	if (sig > 0 && sig < (int)(sizeof(names) / sizeof(names[0])) &&
	    names[sig])
		return names[sig];
	return "SIG?";
}

/* A wait status as Linux encodes it, in words: "exited 3", ... */
static inline const char *ks_wstatus_str(int status, char *buf, size_t len)
{
	if (WIFEXITED(status))
		snprintf(buf, len, "exited %d (0x%x)", WEXITSTATUS(status),
			 status);
	else if (WIFSIGNALED(status))
		snprintf(buf, len, "killed by %s%s (0x%x)",
			 ks_signal_name(WTERMSIG(status)),
			 WCOREDUMP(status) ? ", core dumped" : "", status);
	else if (WIFSTOPPED(status))
		snprintf(buf, len, "stopped by %s (0x%x)",
			 ks_signal_name(WSTOPSIG(status)), status);
	else if (WIFCONTINUED(status))
		snprintf(buf, len, "continued (0x%x)", status);
	else
		snprintf(buf, len, "0x%x", status);
	return buf;
}

/*
 * The reason of a skip or of the first failure, for the "ok" line: one
 * line on a pipe to the harness (children of the case inherit it).
 */
static inline void ks_reason(const char *fmt, ...)
{
	char buf[200];
	va_list ap;
	int n;

	if (ks_reason_fd < 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf) - 1)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	if (write(ks_reason_fd, buf, n) == n)
		close(ks_reason_fd);
	ks_reason_fd = -1;
}

#define KS_FAIL_AT(fatal, fmt, ...) do {				\
	ks_print("# %s:%d: " fmt "\n", __FILE__, __LINE__, ##__VA_ARGS__);\
	ks_reason("%s:%d", __FILE__, __LINE__);				\
	ks_failed = 1;							\
	if (fatal)							\
		_exit(KSFT_FAIL);					\
} while (0)

#define KS_CMP(fatal, a, op, b) do {					\
	long long ks_a = (long long)(a), ks_b = (long long)(b);	\
	if (!(ks_a op ks_b))						\
		KS_FAIL_AT(fatal, "%s %s %s: got %lld (%#llx), want %s%lld (%#llx)",\
			   #a, #op, #b, ks_a, (unsigned long long)ks_a,	\
			   #op[0] == '=' ? "" : #op " ", ks_b,		\
			   (unsigned long long)ks_b);			\
} while (0)

#define KS_ASSERT_EQ(a, b)	KS_CMP(1, a, ==, b)
#define KS_ASSERT_NE(a, b)	KS_CMP(1, a, !=, b)
#define KS_ASSERT_GE(a, b)	KS_CMP(1, a, >=, b)
#define KS_ASSERT_GT(a, b)	KS_CMP(1, a, >, b)
#define KS_ASSERT_LE(a, b)	KS_CMP(1, a, <=, b)
#define KS_ASSERT_LT(a, b)	KS_CMP(1, a, <, b)
#define KS_EXPECT_EQ(a, b)	KS_CMP(0, a, ==, b)
#define KS_EXPECT_NE(a, b)	KS_CMP(0, a, !=, b)
#define KS_EXPECT_GE(a, b)	KS_CMP(0, a, >=, b)
#define KS_EXPECT_GT(a, b)	KS_CMP(0, a, >, b)
#define KS_EXPECT_LT(a, b)	KS_CMP(0, a, <, b)
#define KS_EXPECT_LE(a, b)	KS_CMP(0, a, <=, b)

#define KS_ASSERT_TRUE(c) do {						\
	if (!(c))							\
		KS_FAIL_AT(1, "%s: false", #c);				\
} while (0)
#define KS_EXPECT_TRUE(c) do {						\
	if (!(c))							\
		KS_FAIL_AT(0, "%s: false", #c);				\
} while (0)

/* @expr (a call) must return -1 with errno @err. */
#define KS_ERRNO(fatal, expr, err) do {					\
	long ks_r;							\
	int ks_e;							\
	char ks_b1[32], ks_b2[32];					\
	errno = 0;							\
	ks_r = (long)(expr);						\
	ks_e = errno;							\
	if (ks_r != -1 || ks_e != (err))				\
		KS_FAIL_AT(fatal, "%s: got %ld, errno %s; want -1, errno %s",\
			   #expr, ks_r, ks_errno_str(ks_e, ks_b1, 32),	\
			   ks_errno_str(err, ks_b2, 32));		\
} while (0)
#define KS_ASSERT_ERRNO(expr, err)	KS_ERRNO(1, expr, err)
#define KS_EXPECT_ERRNO(expr, err)	KS_ERRNO(0, expr, err)

/* @expr (a call) must succeed: not -1; its value is left in @var. */
#define KS_ASSERT_OK_VAL(var, expr) do {				\
	char ks_b[32];							\
	errno = 0;							\
	(var) = (expr);							\
	if ((long)(var) == -1)						\
		KS_FAIL_AT(1, "%s: failed with errno %s", #expr,	\
			   ks_errno_str(errno, ks_b, 32));		\
} while (0)
#define KS_ASSERT_OK(expr) do {						\
	long ks_v;							\
	KS_ASSERT_OK_VAL(ks_v, expr);					\
	(void)ks_v;							\
} while (0)

/* A call returning a count (read, write, ...) must return exactly @n. */
#define KS_ASSERT_RET(expr, n) do {					\
	long ks_r;							\
	char ks_b[32];							\
	errno = 0;							\
	ks_r = (long)(expr);						\
	if (ks_r != (long)(n))						\
		KS_FAIL_AT(1, "%s: got %ld (errno %s), want %ld", #expr,\
			   ks_r, ks_errno_str(ks_r == -1 ? errno : 0,	\
					      ks_b, 32), (long)(n));	\
} while (0)

#define KS_ASSERT_STREQ(a, b) do {					\
	const char *ks_sa = (a), *ks_sb = (b);				\
	if (strcmp(ks_sa, ks_sb))					\
		KS_FAIL_AT(1, "%s: got \"%s\", want \"%s\"", #a, ks_sa, ks_sb);\
} while (0)

#define KS_ASSERT_MEMEQ(a, b, n) do {					\
	const unsigned char *ks_pa = (const void *)(a);			\
	const unsigned char *ks_pb = (const void *)(b);			\
	size_t ks_i, ks_n = (n);					\
	for (ks_i = 0; ks_i < ks_n; ks_i++)				\
		if (ks_pa[ks_i] != ks_pb[ks_i])				\
			KS_FAIL_AT(1, "%s differs from %s at byte %zu of %zu:"\
				   " got 0x%02x, want 0x%02x", #a, #b, ks_i,\
				   ks_n, ks_pa[ks_i], ks_pb[ks_i]);	\
} while (0)

/* A wait status, compared and printed decoded. */
#define KS_ASSERT_WSTATUS(st, want) do {				\
	int ks_s = (st), ks_w = (want);					\
	char ks_b1[48], ks_b2[48];					\
	if (ks_s != ks_w)						\
		KS_FAIL_AT(1, "wait status %s: got %s, want %s", #st,	\
			   ks_wstatus_str(ks_s, ks_b1, 48),		\
			   ks_wstatus_str(ks_w, ks_b2, 48));		\
} while (0)

/* Wait statuses as the kernel encodes them (wait4(2)). */
#define KS_W_EXITED(code)	(((code) & 0xff) << 8)
#define KS_W_SIGNALED(sig)	((sig) & 0x7f)
#define KS_W_STOPPED(sig)	((((sig) & 0xff) << 8) | 0x7f)
#define KS_W_CONTINUED		0xffff

#define KS_SKIP(fmt, ...) do {						\
	ks_print("# SKIP " fmt "\n", ##__VA_ARGS__);			\
	ks_reason(fmt, ##__VA_ARGS__);					\
	_exit(KSFT_SKIP);						\
} while (0)

/* Forks; in the child runs the body and exits 0, or its failure status. */
#define KS_CHILD(pid, ...) do {						\
	fflush(NULL);							\
	(pid) = fork();							\
	if ((pid) == 0) {						\
		__VA_ARGS__;						\
		_exit(ks_failed ? KSFT_FAIL : 0);			\
	}								\
	KS_ASSERT_GE(pid, 0);						\
} while (0)

/* Waits for @pid and wants wait status @want. */
#define KS_WAIT(pid, want) do {						\
	int ks_st = 0;							\
	KS_ASSERT_RET(waitpid(pid, &ks_st, 0), pid);			\
	KS_ASSERT_WSTATUS(ks_st, want);					\
} while (0)

/* Runs one case in its own process; returns KSFT_PASS, _FAIL or _SKIP. */
static inline int ks_run_case(const struct ks_case *c, char *reason, size_t len)
{
	int fds[2], status, n;
	pid_t pid;

	reason[0] = '\0';
	if (pipe2(fds, O_CLOEXEC)) {
		snprintf(reason, len, "pipe2: %s", strerror(errno));
		return KSFT_FAIL;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		snprintf(reason, len, "fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return KSFT_FAIL;
	}
	if (pid == 0) {
		close(fds[0]);
		ks_reason_fd = fds[1];
		setpgid(0, 0);
		alarm(KS_TIMEOUT);
		c->run();
		fflush(NULL);
		_exit(ks_failed ? KSFT_FAIL : KSFT_PASS);
	}
	close(fds[1]);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			snprintf(reason, len, "waitpid: %s", strerror(errno));
			close(fds[0]);
			return KSFT_FAIL;
		}
	}
	/* Whatever the case left behind in its process group goes too. */
	kill(-pid, SIGKILL);
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	/* The first reason, a line: a child of the case may add its own. */
	n = read(fds[0], reason, len - 1);
	reason[n > 0 ? n : 0] = '\0';
	reason[strcspn(reason, "\n")] = '\0';
	close(fds[0]);

	if (WIFEXITED(status) && WEXITSTATUS(status) == KSFT_PASS)
		return KSFT_PASS;
	if (WIFEXITED(status) && WEXITSTATUS(status) == KSFT_SKIP)
		return KSFT_SKIP;
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		snprintf(reason, len, "timeout after %d s", KS_TIMEOUT);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != KSFT_FAIL ||
		 !reason[0])
		ks_wstatus_str(status, reason, len);
	return KSFT_FAIL;
}

/* The program's argv[0], set by KS_MAIN: it may run itself as a helper. */
static const char *ks_argv0 = "";

/* Is case @name in $KSFT_CASES (a comma-separated list), or is it unset? */
static inline int ks_selected(const char *name)
{
	const char *only = getenv("KSFT_CASES");
	size_t len = strlen(name);
	const char *p;

	if (!only)
		return 1;
	for (p = only; (p = strstr(p, name)); p += len)
		if ((p == only || p[-1] == ',') && (!p[len] || p[len] == ','))
			return 1;
	return 0;
}

/* Runs the selected cases of @cases; returns the program's exit status. */
static inline int ks_main(const char *suite, const struct ks_case *cases,
			  int nr)
{
	int i, n = 0, total = 0, pass = 0, fail = 0, skip = 0;
	char reason[256];

	setvbuf(stdout, NULL, _IONBF, 0);
	for (i = 0; i < nr; i++)
		total += ks_selected(cases[i].name);
	/* The subtest is named as the runner ran it: threads-glibc, ... */
	if (strrchr(ks_argv0, '/'))
		suite = strrchr(ks_argv0, '/') + 1;
	else if (*ks_argv0)
		suite = ks_argv0;
	ks_print("KTAP version 1\n# Subtest: %s\n1..%d\n", suite, total);
	for (i = 0; i < nr; i++) {
		if (!ks_selected(cases[i].name))
			continue;
		n++;
		switch (ks_run_case(&cases[i], reason, sizeof(reason))) {
		case KSFT_PASS:
			pass++;
			ks_print("ok %d %s\n", n, cases[i].name);
			break;
		case KSFT_SKIP:
			skip++;
			ks_print("ok %d %s # SKIP %s\n", n, cases[i].name,
				 reason);
			break;
		default:
			fail++;
			ks_print("not ok %d %s # %s\n", n, cases[i].name,
				 reason);
			break;
		}
	}
	ks_print("# Totals: pass:%d fail:%d skip:%d total:%d\n", pass, fail,
		 skip, total);
	return fail ? KSFT_FAIL : KSFT_PASS;
}

/* Where the test programs live: $KSFT_DIR, or /selftests. */
static inline const char *ks_path(const char *name, char *buf, size_t len)
{
	const char *dir = getenv("KSFT_DIR");

	snprintf(buf, len, "%s/%s", dir ? dir : "/selftests", name);
	return buf;
}

/* This program's own path, to execve() it (as "prog helper-name ..."). */
static inline const char *ks_self(char *buf, size_t len)
{
	const char *slash = strrchr(ks_argv0, '/');

	return ks_path(slash ? slash + 1 : ks_argv0, buf, len);
}

/* Milliseconds of CLOCK_MONOTONIC since @start. */
static inline long ks_elapsed_ms(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - start->tv_sec) * 1000 +
	       (now.tv_nsec - start->tv_nsec) / 1000000;
}

/* Reads until EOF or @len bytes; returns the count, or -1. */
static inline ssize_t ks_read_all(int fd, void *buf, size_t len)
{
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = read(fd, (char *)buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		done += n;
	}
	return done;
}

/*
 * Runs @path with @argv and @envp (raw execve) and its stdout into @out
 * (NUL-terminated, at most @len - 1 bytes); returns the wait status, or
 * -errno: the child reports a failed execve() through the status 127 and
 * its errno on a second pipe.
 */
static inline int ks_run(const char *path, char *const argv[],
			 char *const envp[], char *out, size_t len)
{
	int fds[2], efds[2], status, err = 0;
	ssize_t n;
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) || pipe2(efds, O_CLOEXEC))
		return -errno;
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		syscall(SYS_execve, path, argv, envp);
		err = errno;
		if (write(efds[1], &err, sizeof(err)) < 0)
			_exit(126);
		_exit(127);
	}
	close(fds[1]);
	close(efds[1]);
	n = ks_read_all(fds[0], out, len - 1);
	out[n > 0 ? n : 0] = '\0';
	close(fds[0]);
	if (waitpid(pid, &status, 0) != pid)
		return -errno;
	if (read(efds[0], &err, sizeof(err)) != sizeof(err))
		err = 0;
	close(efds[0]);
	return err ? -err : status;
}

/*
 * Faults caught in the case's own process: KS_FAULTS(sig, si, stmt) runs
 * @stmt with a handler for @sig installed and gives the signal number
 * taken (0 when none was) and its siginfo in @si.
 */
static sigjmp_buf ks_fault_jmp;
static siginfo_t ks_fault_info;

static inline void ks_fault_handler(int sig, siginfo_t *si, void *uc)
{
	ks_fault_info = *si;
	siglongjmp(ks_fault_jmp, sig);
}

static inline void ks_fault_catch(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = ks_fault_handler;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	if (sigaction(sig, &sa, NULL))
		KS_FAIL_AT(1, "sigaction(%d): %s", sig, strerror(errno));
}

#define KS_FAULTS(taken, sig, si, stmt) do {				\
	ks_fault_catch(sig);						\
	memset(&ks_fault_info, 0, sizeof(ks_fault_info));		\
	(taken) = sigsetjmp(ks_fault_jmp, 1);				\
	if (!(taken)) {							\
		stmt;							\
	}								\
	signal(sig, SIG_DFL);						\
	(si) = ks_fault_info;						\
} while (0)

/* The main() of a test program; "prog --helper args" runs @helper. */
#define KS_MAIN_HELPER(suite, cases, helper)				\
static int (*ks_helper)(int, char **) = helper;				\
int main(int argc, char **argv)						\
{									\
	ks_argv0 = argv[0];						\
	if (argc > 1 && ks_helper)					\
		return ks_helper(argc, argv);				\
	return ks_main(suite, cases, sizeof(cases) / sizeof(cases[0]));\
}
#define KS_MAIN(suite, cases)	KS_MAIN_HELPER(suite, cases, NULL)

#endif /* KSELFTEST_H */
