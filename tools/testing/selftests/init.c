// SPDX-License-Identifier: GPL-2.0
/*
 * The selftests' /init: runs each test program of the initramfs in order
 * (fork, execve, wait), prints their KTAP nested as subtests of one
 * top-level KTAP result, and as process 1 powers the machine off.
 *
 * /selftests/list names the programs in order; "selftests=process,files"
 * (an argument or the environment: the kernel hands an unknown name=value
 * parameter of its command line to init as an environment variable)
 * picks some of them; by default all run.
 * As process 1 it mounts proc on /proc and devtmpfs (or Keel's devfs) on
 * /dev when they are missing, and goes on without them if it cannot.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TEST_DIR	"/selftests"
/* Seconds one program may run before the runner kills it. */
#define PROGRAM_TIMEOUT	120

/* The programs, in the order to run them, one a line (the Makefile's). */
#define LIST		TEST_DIR "/list"
#define MAX_PROGRAMS	64

struct totals {
	int pass, fail, skip;
};

static void out(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	if (n > 0 && write(STDOUT_FILENO, buf, n) < 0)
		return;
}

static int is_selected(const char *list, const char *name)
{
	size_t len = strlen(name);
	const char *p;

	if (!list || !*list || !strcmp(list, "all"))
		return 1;
	for (p = list; (p = strstr(p, name)); p += len)
		if ((p == list || p[-1] == ',') && (!p[len] || p[len] == ','))
			return 1;
	return 0;
}

static void setup_pid1(void)
{
	struct stat st;
	int fd;

	/* Without /dev/console in the archive there is no stdout: try. */
	if (fcntl(STDOUT_FILENO, F_GETFD) < 0) {
		fd = open("/dev/console", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
			if (fd > 2)
				close(fd);
		}
	}
	if (stat("/proc/self", &st) && mount("proc", "/proc", "proc", 0, NULL))
		out("# init: cannot mount proc on /proc: %s\n", strerror(errno));
	if (access("/dev/null", R_OK | W_OK) &&
	    mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) &&
	    mount("devfs", "/dev", "devfs", 0, NULL))
		out("# init: cannot mount devtmpfs or devfs on /dev: %s\n",
		    strerror(errno));
}

/* Reads the program names of LIST into @names; returns their number. */
static int read_list(char names[][32])
{
	FILE *f = fopen(LIST, "r");
	int nr = 0;

	if (!f)
		return -errno;
	while (nr < MAX_PROGRAMS && fgets(names[nr], 32, f)) {
		names[nr][strcspn(names[nr], "\n")] = '\0';
		if (names[nr][0])
			nr++;
	}
	fclose(f);
	return nr;
}

static long now_sec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/* Adds a program's "# Totals:" line to @t. */
static void count_totals(const char *line, struct totals *t)
{
	int pass, fail, skip;

	if (sscanf(line, "# Totals: pass:%d fail:%d skip:%d", &pass, &fail,
		   &skip) == 3) {
		t->pass += pass;
		t->fail += fail;
		t->skip += skip;
	}
}

/*
 * Copies the program's output from @fd, each line indented four spaces,
 * until it closes its end or runs out of time; returns 0 or -ETIMEDOUT.
 */
static int relay_output(int fd, struct totals *t)
{
	long deadline = now_sec() + PROGRAM_TIMEOUT;
	char line[1024];
	size_t len = 0;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	for (;;) {
		char buf[512];
		ssize_t n, i;

		if (now_sec() > deadline)
			return -ETIMEDOUT;
		n = poll(&pfd, 1, 1000);
		if (n < 0 && errno != EINTR)
			return -errno;
		if (n <= 0)
			continue;
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (i = 0; i < n; i++) {
			if (len < sizeof(line) - 1)
				line[len++] = buf[i];
			if (buf[i] != '\n')
				continue;
			line[len] = '\0';
			out("    %s", line);
			count_totals(line, t);
			len = 0;
		}
	}
	if (len) {
		line[len] = '\0';
		out("    %s\n", line);
	}
	return 0;
}

/* Runs one program; returns its wait status, or -errno. */
static int run_program(const char *name, char **envp, struct totals *t)
{
	char path[128];
	char *argv[2];
	int fds[2], status, err;
	pid_t pid;

	snprintf(path, sizeof(path), TEST_DIR "/%s", name);
	if (access(path, X_OK))
		return -errno;
	if (pipe2(fds, O_CLOEXEC))
		return -errno;
	pid = fork();
	if (pid < 0) {
		err = -errno;
		close(fds[0]);
		close(fds[1]);
		return err;
	}
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		if (chdir("/tmp"))
			chdir("/");
		argv[0] = (char *)name;
		argv[1] = NULL;
		execve(path, argv, envp);
		out("# init: execve %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	err = relay_output(fds[0], t);
	close(fds[0]);
	if (err)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	/* Orphans of the program were given to us: reap them. */
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	return err ? err : status;
}

int main(int argc, char **argv)
{
	const char *selection = getenv("selftests");
	struct totals t = { 0 };
	struct utsname uts;
	char names[MAX_PROGRAMS][32];
	int i, n = 0, total = 0, failed = 0, nr;

	for (i = 1; i < argc; i++)
		if (!strncmp(argv[i], "selftests=", 10))
			selection = argv[i] + 10;
	setvbuf(stdout, NULL, _IONBF, 0);
	/* The process test checks orphans come to us: tell it we are init. */
	if (getpid() == 1) {
		setup_pid1();
		setenv("KSFT_INIT", "1", 1);
	}

	nr = read_list(names);
	for (i = 0; i < nr; i++)
		total += is_selected(selection, names[i]);
	out("KTAP version 1\n1..%d\n", total);
	if (!uname(&uts))
		out("# uname: %s %s %s %s\n", uts.sysname, uts.release,
		    uts.version, uts.machine);
	if (nr < 0)
		out("# init: cannot read " LIST ": %s\n", strerror(-nr));
	for (i = 0; i < nr; i++) {
		int status;

		if (!is_selected(selection, names[i]))
			continue;
		n++;
		status = run_program(names[i], environ, &t);
		if (status == 0) {
			out("ok %d %s\n", n, names[i]);
			continue;
		}
		failed++;
		if (status == -ETIMEDOUT)
			out("not ok %d %s # timeout after %d s\n", n,
			    names[i], PROGRAM_TIMEOUT);
		else if (status < 0)
			out("not ok %d %s # %s\n", n, names[i],
			    strerror(-status));
		else if (WIFEXITED(status))
			out("not ok %d %s # exit status %d\n", n, names[i],
			    WEXITSTATUS(status));
		else
			out("not ok %d %s # killed by signal %d\n", n,
			    names[i], WTERMSIG(status));
	}
	if (nr <= 0)
		failed++;
	out("# Totals: pass:%d fail:%d skip:%d total:%d\n", t.pass, t.fail,
	    t.skip, t.pass + t.fail + t.skip);
	out("# selftests: %d of %d programs passed\n", n - failed, n);

	if (getpid() != 1)
		return failed ? 1 : 0;
	sync();
	reboot(RB_POWER_OFF);
	out("# init: reboot(RB_POWER_OFF): %s\n", strerror(errno));
	for (;;)
		pause();
}
