// SPDX-License-Identifier: GPL-2.0
/*
 * ubench: user-space microbenchmarks of the system-call interface, run as
 * /init of ubench.cpio on Keel and on Linux alike (see
 * Documentation/dev-tools/benchmarks.rst).
 *
 * Each benchmark is calibrated until one round takes about ubench_ms
 * milliseconds, then runs ubench_rounds rounds of that many operations;
 * the median round gives the figure:
 *
 *	ubench: getpid: 812 ns/op (500000 iterations)
 *	# ubench: getpid: rounds 806 812 815 811 840
 *	# ubench: getpid: 1705 tsc/op
 *
 * "iterations" counts the operations of one round (pages for the per-page
 * benchmarks).  The time is CLOCK_MONOTONIC's; the median of the time
 * stamp counter's ticks per operation follows, and the TSC's value at the
 * start and at the end ("# ubench: start: tsc <N>", "# ubench: done: ...,
 * tsc <N>"): a host that sees these lines come can time the guest's TSC
 * and turn ticks into nanoseconds with no trust in the guest's clock.
 * A benchmark that fails prints the system call and its errno:
 *
 *	ubench: fork_exec_wait: error: execve: No such file or directory (errno 2)
 *
 * Parameters (as arguments, or as the environment: the kernel hands
 * unknown name=value parameters of its command line to init):
 * ubench=<name>,<name> picks benchmarks, ubench_rounds=<n> and
 * ubench_ms=<n> set the rounds and the target time of one round.
 * As process 1 it powers the machine off when done.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define EXEC_HELPER	"/bench/nop"
#define TMP_FILE	"/tmp/ubench.file"
#define PAGE_SIZE	4096
#define PAGES_PER_OP	64
#define IO_SIZE		4096
#define MAX_ROUNDS	31

/* The futex(2) ABI (musl has no <linux/futex.h>). */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_PRIVATE_FLAG	128

/*
 * A failed system call inside a benchmark: which one and its errno; the
 * run functions return -1 after setting it.
 */
static const char *fail_call;
static int fail_errno;

static int fail(const char *call, int err)
{
	fail_call = call;
	fail_errno = err;
	return -1;
}

struct bench {
	const char *name;
	/* Per-benchmark state made outside the timed loop; 0 or -1. */
	int (*setup)(void);
	/* Runs @n operations; 0 or -1. */
	int (*run)(long n);
	void (*teardown)(void);
	/* Units (pages) per operation: figures are per unit. */
	int units;
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static long sys_futex(int *uaddr, int op, int val)
{
	return syscall(SYS_futex, uaddr, op | FUTEX_PRIVATE_FLAG, val, NULL,
		       NULL, 0);
}

/* Reaps @pid; 0 when it exited with status 0, else -1 with the reason. */
static int reap(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return fail("waitpid", errno);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return fail(WIFEXITED(status) ? "child exit status" :
			    "child killed by a signal", WIFEXITED(status) ?
			    WEXITSTATUS(status) : WTERMSIG(status));
	return 0;
}

/* ---------------------------------------------------------- getpid */

static int run_getpid(long n)
{
	while (n--)
		syscall(SYS_getpid);
	return 0;
}

/* ----------------------------------------------------- fork, exec */

static int run_fork(long n)
{
	while (n--) {
		pid_t pid = fork();

		if (pid < 0)
			return fail("fork", errno);
		if (pid == 0)
			_exit(0);
		if (reap(pid))
			return -1;
	}
	return 0;
}

static int run_fork_exec(long n)
{
	char *argv[] = { (char *)"nop", NULL };
	char *envp[] = { NULL };

	while (n--) {
		pid_t pid = fork();

		if (pid < 0)
			return fail("fork", errno);
		if (pid == 0) {
			execve(EXEC_HELPER, argv, envp);
			_exit(100 + errno);
		}
		if (reap(pid)) {
			if (!strcmp(fail_call, "child exit status") &&
			    fail_errno >= 100)
				fail("execve", fail_errno - 100);
			return -1;
		}
	}
	return 0;
}

/* ------------------------------------------ partner process: pipes */

static pid_t partner;
static int to_partner[2] = { -1, -1 }, from_partner[2] = { -1, -1 };

static void close_pair(int fds[2])
{
	if (fds[0] >= 0)
		close(fds[0]);
	if (fds[1] >= 0)
		close(fds[1]);
	fds[0] = fds[1] = -1;
}

/* The partner echoes each byte until its input closes. */
static int setup_pipe(void)
{
	char c;

	if (pipe(to_partner) || pipe(from_partner)) {
		fail("pipe", errno);
		close_pair(to_partner);
		return -1;
	}
	partner = fork();
	if (partner < 0) {
		fail("fork", errno);
		close_pair(to_partner);
		close_pair(from_partner);
		return -1;
	}
	if (partner == 0) {
		close(to_partner[1]);
		close(from_partner[0]);
		while (read(to_partner[0], &c, 1) == 1)
			if (write(from_partner[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	close(to_partner[0]);
	close(from_partner[1]);
	to_partner[0] = from_partner[1] = -1;
	return 0;
}

static int run_pipe(long n)
{
	char c = 'x';

	while (n--) {
		ssize_t r = write(to_partner[1], &c, 1);

		if (r != 1)
			return fail("write", r < 0 ? errno : EIO);
		r = read(from_partner[0], &c, 1);
		if (r != 1)
			return fail("read", r < 0 ? errno : EIO);
	}
	return 0;
}

static void teardown_pipe(void)
{
	close_pair(to_partner);
	close_pair(from_partner);
	if (partner > 0)
		waitpid(partner, NULL, 0);
	partner = 0;
}

/* ------------------------------------- partner process: sched_yield */

/*
 * A shared word says whose turn it is (0: ours, 1: the partner's, 2:
 * stop); each side yields until its turn comes, so on one CPU each round
 * trip is two sched_yield() switches.
 */
static volatile int *turn;

static int setup_yield(void)
{
	turn = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (turn == MAP_FAILED)
		return fail("mmap", errno);
	*turn = 0;
	partner = fork();
	if (partner < 0) {
		fail("fork", errno);
		munmap((void *)turn, PAGE_SIZE);
		return -1;
	}
	if (partner == 0) {
		for (;;) {
			int t = __atomic_load_n(turn, __ATOMIC_ACQUIRE);

			if (t == 2)
				_exit(0);
			if (t == 1)
				__atomic_store_n(turn, 0, __ATOMIC_RELEASE);
			else
				sched_yield();
		}
	}
	return 0;
}

static int run_yield(long n)
{
	while (n--) {
		__atomic_store_n(turn, 1, __ATOMIC_RELEASE);
		while (__atomic_load_n(turn, __ATOMIC_ACQUIRE) != 0)
			if (sched_yield())
				return fail("sched_yield", errno);
	}
	return 0;
}

static void teardown_yield(void)
{
	__atomic_store_n(turn, 2, __ATOMIC_RELEASE);
	if (partner > 0)
		waitpid(partner, NULL, 0);
	partner = 0;
	munmap((void *)turn, PAGE_SIZE);
}

/* ----------------------------------------------------------- files */

static int file_fd = -1;

static int setup_file(void)
{
	static char buf[IO_SIZE];

	file_fd = open(TMP_FILE, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (file_fd < 0)
		return fail("open " TMP_FILE, errno);
	memset(buf, 'u', sizeof(buf));
	if (pwrite(file_fd, buf, sizeof(buf), 0) != sizeof(buf)) {
		fail("pwrite", errno);
		close(file_fd);
		return -1;
	}
	return 0;
}

static void teardown_file(void)
{
	close(file_fd);
	file_fd = -1;
	unlink(TMP_FILE);
}

static int run_open_close(long n)
{
	while (n--) {
		int fd = open(TMP_FILE, O_RDWR);

		if (fd < 0)
			return fail("open", errno);
		if (close(fd))
			return fail("close", errno);
	}
	return 0;
}

static int run_pwrite_pread(long n)
{
	static char buf[IO_SIZE];
	ssize_t r;

	while (n--) {
		r = pwrite(file_fd, buf, sizeof(buf), 0);
		if (r != sizeof(buf))
			return fail("pwrite", r < 0 ? errno : EIO);
		r = pread(file_fd, buf, sizeof(buf), 0);
		if (r != sizeof(buf))
			return fail("pread", r < 0 ? errno : EIO);
	}
	return 0;
}

/* ---------------------------------------------------- memory: pages */

static int run_mmap(long n)
{
	size_t len = PAGES_PER_OP * PAGE_SIZE;

	while (n--) {
		char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		size_t off;

		if (p == MAP_FAILED)
			return fail("mmap", errno);
		for (off = 0; off < len; off += PAGE_SIZE)
			p[off] = 1;
		if (munmap(p, len))
			return fail("munmap", errno);
	}
	return 0;
}

/* Raw brk: musl's sbrk() refuses to move the break. */
static int run_brk(long n)
{
	size_t len = PAGES_PER_OP * PAGE_SIZE;
	char *base = (char *)syscall(SYS_brk, 0);

	while (n--) {
		size_t off;

		if ((char *)syscall(SYS_brk, base + len) != base + len)
			return fail("brk (grow)", ENOMEM);
		for (off = 0; off < len; off += PAGE_SIZE)
			base[off] = 1;
		if ((char *)syscall(SYS_brk, base) != base)
			return fail("brk (shrink)", ENOMEM);
	}
	return 0;
}

/* --------------------------------------------- futex: two threads */

/*
 * Ping-pong on one word: 0 is the main thread's turn, 1 the partner's,
 * 2 tells the partner to return.  Each side sleeps in FUTEX_WAIT until the
 * other stores its turn and wakes it.
 */
static int futex_word;
static pthread_t futex_thread;
static int futex_thread_err;

static void *futex_partner(void *arg)
{
	for (;;) {
		int v = __atomic_load_n(&futex_word, __ATOMIC_ACQUIRE);

		if (v == 2)
			return NULL;
		if (v == 0) {
			if (sys_futex(&futex_word, FUTEX_WAIT, 0) &&
			    errno != EAGAIN && errno != EINTR) {
				futex_thread_err = errno;
				return NULL;
			}
			continue;
		}
		__atomic_store_n(&futex_word, 0, __ATOMIC_RELEASE);
		if (sys_futex(&futex_word, FUTEX_WAKE, 1) < 0) {
			futex_thread_err = errno;
			return NULL;
		}
	}
}

static int setup_futex(void)
{
	int err;

	futex_word = 0;
	futex_thread_err = 0;
	err = pthread_create(&futex_thread, NULL, futex_partner, NULL);
	return err ? fail("pthread_create", err) : 0;
}

static int run_futex(long n)
{
	while (n--) {
		__atomic_store_n(&futex_word, 1, __ATOMIC_RELEASE);
		if (sys_futex(&futex_word, FUTEX_WAKE, 1) < 0)
			return fail("futex(FUTEX_WAKE)", errno);
		while (__atomic_load_n(&futex_word, __ATOMIC_ACQUIRE) == 1) {
			if (futex_thread_err)
				return fail("futex (partner thread)",
					    futex_thread_err);
			if (sys_futex(&futex_word, FUTEX_WAIT, 1) &&
			    errno != EAGAIN && errno != EINTR)
				return fail("futex(FUTEX_WAIT)", errno);
		}
	}
	return 0;
}

static void teardown_futex(void)
{
	__atomic_store_n(&futex_word, 2, __ATOMIC_RELEASE);
	sys_futex(&futex_word, FUTEX_WAKE, 1);
	pthread_join(futex_thread, NULL);
}

static const struct bench benches[] = {
	{ "getpid", NULL, run_getpid, NULL, 1 },
	{ "fork_exit_wait", NULL, run_fork, NULL, 1 },
	{ "fork_exec_wait", NULL, run_fork_exec, NULL, 1 },
	{ "pipe_roundtrip", setup_pipe, run_pipe, teardown_pipe, 1 },
	{ "sched_yield_pingpong", setup_yield, run_yield, teardown_yield, 1 },
	{ "open_close", setup_file, run_open_close, teardown_file, 1 },
	{ "pwrite_pread_4k", setup_file, run_pwrite_pread, teardown_file, 1 },
	{ "mmap_touch_munmap_page", NULL, run_mmap, NULL, PAGES_PER_OP },
	{ "brk_grow_touch_page", NULL, run_brk, NULL, PAGES_PER_OP },
	{ "futex_wake_roundtrip", setup_futex, run_futex, teardown_futex, 1 },
};

/* ------------------------------------------------------------ driver */

/* Whether @name is one of the comma-separated @list (all when empty). */
static int is_selected(const char *list, const char *name)
{
	char copy[256], *tok, *save;

	if (!list || !*list || !strcmp(list, "all"))
		return 1;
	snprintf(copy, sizeof(copy), "%s", list);
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save))
		if (!strcmp(tok, name))
			return 1;
	return 0;
}

/*
 * Times @n operations; the nanoseconds, or -1 on failure.  @tsc, when
 * not NULL, gets the time stamp counter's ticks over the same run.
 */
static int64_t time_run(const struct bench *b, long n, uint64_t *tsc)
{
	uint64_t start = now_ns(), tsc_start = __builtin_ia32_rdtsc();

	if (b->run(n))
		return -1;
	if (tsc)
		*tsc = __builtin_ia32_rdtsc() - tsc_start;
	return now_ns() - start;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void report_failure(const struct bench *b)
{
	printf("ubench: %s: error: %s: %s (errno %d)\n", b->name, fail_call,
	       strerror(fail_errno), fail_errno);
}

/* The operations that take about @target ns, if @n took @t ns. */
static long scale(long n, int64_t t, uint64_t target)
{
	double scaled = (double)n * target / (t > 0 ? t : 1);

	return scaled < 1 ? 1 : scaled > 1e12 ? (long)1e12 : (long)scaled;
}

/*
 * Finds the operations for one round of about @ms milliseconds, runs
 * @rounds rounds and prints the median; 0 or -1.
 */
static int measure(const struct bench *b, int rounds, long ms)
{
	uint64_t target = (uint64_t)ms * 1000000, per_unit[MAX_ROUNDS];
	uint64_t tsc = 0, tsc_per_unit[MAX_ROUNDS];
	int64_t t;
	long n = 1;
	char line[256];
	int i, len, rescaled = 0;

	fail_call = "?";
	fail_errno = 0;
	if (b->setup && b->setup())
		goto failed;
	/* A first operation warms up (a partner that has not run yet). */
	if (time_run(b, 1, NULL) < 0)
		goto failed_teardown;
	/* Grow until a run takes a tenth of the target, then scale. */
	for (;;) {
		t = time_run(b, n, NULL);
		if (t < 0)
			goto failed_teardown;
		if ((uint64_t)t >= target / 10 || n >= (1L << 40))
			break;
		n *= (uint64_t)t < target / 100 ? 8 : 2;
	}
	n = scale(n, t, target);
	/*
	 * The first round checks the scale: one far off the target (the
	 * guess came from a short run) is scaled again and run anew.
	 */
	for (i = 0; i < rounds; i++) {
		t = time_run(b, n, &tsc);
		if (t < 0)
			goto failed_teardown;
		if (!rescaled && ((uint64_t)t < target / 2 ||
				  (uint64_t)t > target * 2)) {
			rescaled = 1;
			n = scale(n, t, target);
			i--;
			continue;
		}
		per_unit[i] = (uint64_t)t / ((uint64_t)n * b->units);
		tsc_per_unit[i] = tsc / ((uint64_t)n * b->units);
	}
	if (b->teardown)
		b->teardown();
	len = snprintf(line, sizeof(line), "# ubench: %s: rounds", b->name);
	for (i = 0; i < rounds && len < (int)sizeof(line) - 24; i++)
		len += snprintf(line + len, sizeof(line) - len, " %llu",
				(unsigned long long)per_unit[i]);
	qsort(per_unit, rounds, sizeof(per_unit[0]), cmp_u64);
	printf("ubench: %s: %llu ns/op (%ld iterations)\n", b->name,
	       (unsigned long long)per_unit[rounds / 2], n * b->units);
	printf("%s\n", line);
	qsort(tsc_per_unit, rounds, sizeof(tsc_per_unit[0]), cmp_u64);
	printf("# ubench: %s: %llu tsc/op\n", b->name,
	       (unsigned long long)tsc_per_unit[rounds / 2]);
	return 0;

failed_teardown:
	if (b->teardown)
		b->teardown();
failed:
	report_failure(b);
	return -1;
}

static long param(int argc, char **argv, const char *name, long def,
		  long min, long max)
{
	size_t len = strlen(name);
	const char *val = getenv(name);
	long v;
	int i;

	for (i = 1; i < argc; i++)
		if (!strncmp(argv[i], name, len) && argv[i][len] == '=')
			val = argv[i] + len + 1;
	if (!val || !*val)
		return def;
	v = strtol(val, NULL, 10);
	return v < min ? min : v > max ? max : v;
}

int main(int argc, char **argv)
{
	const char *selection = getenv("ubench");
	long rounds = param(argc, argv, "ubench_rounds", 5, 1, MAX_ROUNDS);
	long ms = param(argc, argv, "ubench_ms", 400, 1, 60000);
	struct utsname uts;
	uint64_t start = now_ns();
	unsigned int i, failed = 0, ran = 0;

	/* Without /dev/console in the archive there is no stdout: try. */
	if (fcntl(STDOUT_FILENO, F_GETFD) < 0) {
		int fd = open("/dev/console", O_RDWR);

		if (fd >= 0) {
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
			if (fd > STDERR_FILENO)
				close(fd);
		}
	}
	/* Unbuffered: each line reaches the console before what follows. */
	setvbuf(stdout, NULL, _IONBF, 0);
	for (i = 1; i < (unsigned int)argc; i++)
		if (!strncmp(argv[i], "ubench=", 7))
			selection = argv[i] + 7;
	if (!uname(&uts))
		printf("# ubench: %s %s %s\n", uts.sysname, uts.release,
		       uts.machine);
	printf("# ubench: %ld rounds of about %ld ms each, the median\n",
	       rounds, ms);
	printf("# ubench: start: tsc %llu\n",
	       (unsigned long long)__builtin_ia32_rdtsc());
	for (i = 0; i < sizeof(benches) / sizeof(benches[0]); i++) {
		if (!is_selected(selection, benches[i].name))
			continue;
		ran++;
		if (measure(&benches[i], rounds, ms))
			failed++;
	}
	printf("# ubench: done: %u benchmarks, %u failed, %llu ms, tsc %llu\n",
	       ran, failed, (unsigned long long)((now_ns() - start) / 1000000),
	       (unsigned long long)__builtin_ia32_rdtsc());
	if (getpid() != 1)
		return failed ? 1 : 0;
	reboot(RB_POWER_OFF);
	printf("# ubench: reboot(RB_POWER_OFF): %s\n", strerror(errno));
	for (;;)
		pause();
}
