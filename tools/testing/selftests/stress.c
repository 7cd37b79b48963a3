// SPDX-License-Identifier: GPL-2.0
/*
 * Stress: many short processes and deep process trees.  The sizes come
 * from the environment (the kernel passes unknown name=value command-line
 * parameters to init, and the runner passes them on):
 *
 *	KSFT_STRESS_CYCLES	fork/execve/exit cycles (default 1000)
 *	KSFT_STRESS_DEPTH	depth of the process chain (default 50)
 *	KSFT_STRESS_WIDTH	children alive at once (default 64)
 */
#include "kselftest.h"

#include <pthread.h>
#include <sys/sysinfo.h>

static int param(const char *name, int def)
{
	const char *v = getenv(name);

	return v && atoi(v) > 0 ? atoi(v) : def;
}

/* "stress exit N": exits N at once. */
static int helper(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "exit"))
		return atoi(argv[2]);
	return 255;
}

/* @cycles fork/execve/exit cycles, each child's exit code checked. */
static void run_cycles(const char *self, int cycles)
{
	char code[8];
	char *argv[] = { "stress", "exit", code, NULL }, *envp[] = { NULL };
	int i, st;
	pid_t pid;

	for (i = 0; i < cycles; i++) {
		snprintf(code, sizeof(code), "%d", i & 0xff);
		pid = fork();
		if (pid == 0) {
			execve(self, argv, envp);
			_exit(254);
		}
		KS_ASSERT_GT(pid, 0);
		KS_ASSERT_RET(waitpid(pid, &st, 0), pid);
		KS_ASSERT_WSTATUS(st, KS_W_EXITED(i & 0xff));
	}
}

static unsigned long free_kib(void)
{
	struct sysinfo si;

	KS_ASSERT_RET(sysinfo(&si), 0);
	return (unsigned long)(si.freeram * si.mem_unit / 1024);
}

/*
 * The cycles, and free memory back to its level after a warm-up: a
 * process that leaked one page would lose 4000 KiB over 1000 cycles;
 * caches may keep a little, so 1024 KiB is allowed.
 */
static void fork_exec_exit_cycles(void)
{
	int cycles = param("KSFT_STRESS_CYCLES", 1000);
	unsigned long before, after;
	struct timespec start;
	char self[256];

	ks_self(self, sizeof(self));
	run_cycles(self, cycles / 10);
	before = free_kib();
	clock_gettime(CLOCK_MONOTONIC, &start);
	run_cycles(self, cycles);
	ks_print("# %d cycles in %ld ms\n", cycles, ks_elapsed_ms(&start));
	after = free_kib();
	ks_print("# free memory: %lu KiB before, %lu KiB after\n", before,
		 after);
	KS_ASSERT_LE(before, after + 1024);
}

/* Forks a chain @left deep; each process exits with its child's code + 1. */
static int chain(int left)
{
	int st;
	pid_t pid;

	if (!left)
		return 0;
	pid = fork();
	if (pid < 0)
		return 255;
	if (pid == 0)
		_exit(chain(left - 1));
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return 255;
	return WEXITSTATUS(st) + 1;
}

static void process_chain_depth(void)
{
	int depth = param("KSFT_STRESS_DEPTH", 50);
	pid_t pid;

	if (depth > 250)
		depth = 250;
	KS_CHILD(pid, _exit(chain(depth - 1) + 1));
	KS_WAIT(pid, KS_W_EXITED(depth));
}

static void many_children_at_once(void)
{
	int width = param("KSFT_STRESS_WIDTH", 64), fds[2], i, st, n;
	pid_t *pids = calloc(width, sizeof(*pids)), pid;
	char c;

	KS_ASSERT_TRUE(pids != NULL);
	KS_ASSERT_OK(pipe(fds));
	for (i = 0; i < width; i++) {
		KS_CHILD(pids[i], {
			close(fds[1]);
			read(fds[0], &c, 1);
			_exit(i & 0xff);
		});
	}
	/* All of them are alive until the pipe closes. */
	for (i = 0; i < width; i++)
		KS_ASSERT_RET(waitpid(pids[i], &st, WNOHANG), 0);
	close(fds[1]);
	for (n = 0; n < width; n++) {
		KS_ASSERT_OK_VAL(pid, waitpid(-1, &st, 0));
		for (i = 0; i < width && pids[i] != pid; i++)
			;
		KS_ASSERT_LT(i, width);
		KS_ASSERT_WSTATUS(st, KS_W_EXITED(i & 0xff));
		pids[i] = 0;
	}
	KS_ASSERT_ERRNO(waitpid(-1, &st, 0), ECHILD);
	free(pids);
}

static void *nothing(void *arg)
{
	return arg;
}

static void thread_create_join_cycles(void)
{
	int cycles = param("KSFT_STRESS_CYCLES", 1000) / 4, i;
	pthread_t t;
	void *ret;

	for (i = 0; i < cycles; i++) {
		KS_ASSERT_EQ(pthread_create(&t, NULL, nothing, (void *)(long)i),
			     0);
		KS_ASSERT_EQ(pthread_join(t, &ret), 0);
		KS_ASSERT_EQ((long)ret, i);
	}
}

static const struct ks_case cases[] = {
	KS_CASE(fork_exec_exit_cycles),
	KS_CASE(process_chain_depth),
	KS_CASE(many_children_at_once),
	KS_CASE(thread_create_join_cycles),
};

KS_MAIN_HELPER("stress", cases, helper)
