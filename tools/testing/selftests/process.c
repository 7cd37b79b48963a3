// SPDX-License-Identifier: GPL-2.0
/*
 * Processes: fork, vfork, the wait family and its status encodings, exit
 * codes, getppid, orphans and zombies, execve of ELF programs and #!
 * scripts and its errors, close-on-exec, and what a new program finds on
 * its stack: argv, envp and the auxiliary vector; and what /proc says of
 * the process: stat's 52 fields, status, exe, cmdline, fd/ and loadavg.
 */
#include "kselftest.h"

#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

static void fork_returns_child_pid(void)
{
	int fds[2];
	pid_t pid, seen;

	KS_ASSERT_OK(pipe(fds));
	KS_CHILD(pid, {
		pid_t me = getpid();

		write(fds[1], &me, sizeof(me));
		_exit(3);
	});
	KS_ASSERT_GT(pid, 0);
	KS_ASSERT_NE(pid, getpid());
	KS_ASSERT_RET(read(fds[0], &seen, sizeof(seen)), sizeof(seen));
	KS_ASSERT_EQ(seen, pid);
	KS_WAIT(pid, KS_W_EXITED(3));
}

static void exit_status_keeps_low_8_bits(void)
{
	pid_t pid;

	KS_CHILD(pid, _exit(0x1ff));
	KS_WAIT(pid, KS_W_EXITED(0xff));
	KS_CHILD(pid, exit(256 + 42));
	KS_WAIT(pid, KS_W_EXITED(42));
	/* exit_group(2) from the raw syscall, as _exit() is. */
	KS_CHILD(pid, syscall(SYS_exit_group, 9));
	KS_WAIT(pid, KS_W_EXITED(9));
}

static void getppid_is_forking_parent(void)
{
	pid_t parent = getpid(), pid;

	KS_CHILD(pid, {
		if (getppid() != parent)
			_exit(1);
	});
	KS_WAIT(pid, KS_W_EXITED(0));
}

static void wait_without_children_is_echild(void)
{
	int st;
	siginfo_t si;

	KS_ASSERT_ERRNO(waitpid(-1, &st, 0), ECHILD);
	KS_ASSERT_ERRNO(waitpid(-1, &st, WNOHANG), ECHILD);
	/* Process 1 is nobody's child. */
	KS_ASSERT_ERRNO(waitpid(1, &st, 0), ECHILD);
	KS_ASSERT_ERRNO(waitid(P_ALL, 0, &si, WEXITED), ECHILD);
}

static void wait_bad_options_is_einval(void)
{
	siginfo_t si;
	int st;

	KS_ASSERT_ERRNO(waitpid(-1, &st, 0x40000000 >> 4), EINVAL);
	/* waitid() must be told which state changes to report. */
	KS_ASSERT_ERRNO(waitid(P_ALL, 0, &si, 0), EINVAL);
	KS_ASSERT_ERRNO(waitid(7, 0, &si, WEXITED), EINVAL);
}

static void wnohang_returns_0_while_running(void)
{
	int fds[2], st = -1;
	char c;
	pid_t pid;

	KS_ASSERT_OK(pipe(fds));
	KS_CHILD(pid, {
		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(4);
	});
	KS_ASSERT_RET(waitpid(pid, &st, WNOHANG), 0);
	KS_ASSERT_EQ(st, -1);
	close(fds[1]);
	KS_WAIT(pid, KS_W_EXITED(4));
}

static void wait4_reports_status_and_rusage(void)
{
	struct rusage ru;
	int st;
	pid_t pid;

	KS_CHILD(pid, {
		volatile unsigned long i;

		for (i = 0; i < 2000000; i++)
			;
		_exit(17);
	});
	memset(&ru, 0xff, sizeof(ru));
	KS_ASSERT_RET(wait4(pid, &st, 0, &ru), pid);
	KS_ASSERT_WSTATUS(st, KS_W_EXITED(17));
	KS_EXPECT_GE(ru.ru_utime.tv_sec, 0);
	KS_EXPECT_TRUE(ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000);
	KS_EXPECT_TRUE(ru.ru_stime.tv_usec >= 0 && ru.ru_stime.tv_usec < 1000000);
	KS_EXPECT_GT(ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec +
		     ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec, 0);
}

static void waitid_exited_siginfo(void)
{
	siginfo_t si;
	pid_t pid;

	KS_CHILD(pid, _exit(5));
	memset(&si, 0, sizeof(si));
	KS_ASSERT_RET(waitid(P_PID, pid, &si, WEXITED), 0);
	KS_EXPECT_EQ(si.si_signo, SIGCHLD);
	KS_EXPECT_EQ(si.si_code, CLD_EXITED);
	KS_EXPECT_EQ(si.si_pid, pid);
	KS_EXPECT_EQ(si.si_uid, getuid());
	KS_EXPECT_EQ(si.si_status, 5);
}

static void waitid_killed_siginfo(void)
{
	siginfo_t si;
	pid_t pid;

	KS_CHILD(pid, {
		kill(getpid(), SIGKILL);
		_exit(1);
	});
	KS_ASSERT_RET(waitid(P_PID, pid, &si, WEXITED), 0);
	KS_EXPECT_EQ(si.si_code, CLD_KILLED);
	KS_EXPECT_EQ(si.si_status, SIGKILL);
	KS_EXPECT_EQ(si.si_pid, pid);
}

static void waitid_wnowait_leaves_child_waitable(void)
{
	siginfo_t si;
	pid_t pid;

	KS_CHILD(pid, _exit(6));
	KS_ASSERT_RET(waitid(P_PID, pid, &si, WEXITED | WNOWAIT), 0);
	KS_EXPECT_EQ(si.si_status, 6);
	/* Still a zombie, so still there for kill(pid, 0). */
	KS_ASSERT_RET(kill(pid, 0), 0);
	KS_WAIT(pid, KS_W_EXITED(6));
	KS_ASSERT_ERRNO(kill(pid, 0), ESRCH);
	KS_ASSERT_ERRNO(waitpid(pid, NULL, 0), ECHILD);
}

static void zombie_shows_z_state(void)
{
	char path[64], buf[256], *p;
	siginfo_t si;
	int fd;
	ssize_t n;
	pid_t pid;

	KS_CHILD(pid, _exit(0));
	KS_ASSERT_RET(waitid(P_PID, pid, &si, WEXITED | WNOWAIT), 0);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		KS_WAIT(pid, KS_W_EXITED(0));
		KS_SKIP("no %s", path);
	}
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	KS_ASSERT_GT(n, 0);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	KS_ASSERT_TRUE(p && p[1] == ' ');
	KS_ASSERT_EQ(p[2], 'Z');
	KS_WAIT(pid, KS_W_EXITED(0));
	KS_ASSERT_ERRNO(open(path, O_RDONLY), ENOENT);
}

static void vfork_shares_memory_until_exit(void)
{
	static volatile int shared;
	int st;
	pid_t pid;

	shared = 1;
	pid = vfork();
	if (pid == 0) {
		shared = 2;
		_exit(8);
	}
	KS_ASSERT_GT(pid, 0);
	/* The parent ran on only after the child exited. */
	KS_ASSERT_EQ(shared, 2);
	KS_ASSERT_RET(waitpid(pid, &st, 0), pid);
	KS_ASSERT_WSTATUS(st, KS_W_EXITED(8));
}

/*
 * Forks a child that forks a grandchild and exits at once; returns the
 * grandchild's pid and, in @ppid, its parent after the child died.  The
 * grandchild exits @code.
 */
static pid_t make_orphan(int code, pid_t *ppid)
{
	int fds[2];
	pid_t pid, middle;

	KS_ASSERT_OK(pipe(fds));
	KS_CHILD(middle, {
		pid_t grandchild = fork();

		if (grandchild == 0) {
			pid_t parent = getppid();
			int i;

			for (i = 0; i < 5000 && getppid() == parent; i++)
				usleep(1000);
			parent = getppid();
			write(fds[1], &parent, sizeof(parent));
			_exit(code);
		}
		write(fds[1], &grandchild, sizeof(grandchild));
		_exit(0);
	});
	KS_ASSERT_RET(read(fds[0], &pid, sizeof(pid)), sizeof(pid));
	KS_WAIT(middle, KS_W_EXITED(0));
	KS_ASSERT_RET(read(fds[0], ppid, sizeof(*ppid)), sizeof(*ppid));
	KS_ASSERT_NE(*ppid, middle);
	close(fds[0]);
	close(fds[1]);
	return pid;
}

static void orphan_goes_to_init(void)
{
	pid_t ppid, pid = make_orphan(0, &ppid);

	/* As process 1 of its own machine, the runner is the reaper. */
	if (getenv("KSFT_INIT"))
		KS_ASSERT_EQ(ppid, 1);
	/* The orphan is not our child: it went past us. */
	KS_ASSERT_ERRNO(waitpid(pid, NULL, 0), ECHILD);
}

static void orphan_goes_to_subreaper(void)
{
	int on = -1, st;
	pid_t ppid, pid;

	KS_ASSERT_RET(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0);
	KS_ASSERT_RET(prctl(PR_GET_CHILD_SUBREAPER, &on, 0, 0, 0), 0);
	KS_ASSERT_EQ(on, 1);
	pid = make_orphan(21, &ppid);
	KS_ASSERT_EQ(ppid, getpid());
	KS_ASSERT_RET(waitpid(pid, &st, 0), pid);
	KS_ASSERT_WSTATUS(st, KS_W_EXITED(21));
}

/* Writes the argument and environment strings, each ending in '|'. */
static int helper_args(int argc, char **argv)
{
	extern char **environ;
	char **e;
	int i;

	for (i = 0; i < argc; i++)
		printf("%s|", argv[i]);
	printf("#");
	for (e = environ; *e; e++)
		printf("%s|", *e);
	return 0;
}

/* What AT_EXECFN, AT_RANDOM, AT_PAGESZ and the others say. */
static int helper_auxv(int argc, char **argv)
{
	const unsigned char *rnd = (const void *)getauxval(AT_RANDOM);
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	unsigned int sum = 0;
	int i;

	for (i = 0; rnd && i < 16; i++)
		sum |= rnd[i];
	printf("pagesz=%lu random=%d execfn=%s secure=%lu uid=%d euid=%d "
	       "gid=%d egid=%d phdr=%d entry=%d phent=%lu",
	       getauxval(AT_PAGESZ), rnd != NULL && sum != 0,
	       execfn ? execfn : "(null)", getauxval(AT_SECURE),
	       getauxval(AT_UID) == getuid(), getauxval(AT_EUID) == geteuid(),
	       getauxval(AT_GID) == getgid(), getauxval(AT_EGID) == getegid(),
	       getauxval(AT_PHDR) != 0, getauxval(AT_ENTRY) != 0,
	       getauxval(AT_PHENT));
	return 0;
}

/* Which of the descriptors named in argv are open. */
static int helper_fds(int argc, char **argv)
{
	int i;

	for (i = 2; i < argc; i++)
		printf("%s:%s ", argv[i],
		       fcntl(atoi(argv[i]), F_GETFD) < 0 ? "closed" : "open");
	printf("pid=%d", getpid());
	return 0;
}

static int helper(int argc, char **argv)
{
	if (!strcmp(argv[1], "true"))
		return 0;
	if (!strcmp(argv[1], "args"))
		return helper_args(argc, argv);
	if (!strcmp(argv[1], "auxv"))
		return helper_auxv(argc, argv);
	if (!strcmp(argv[1], "fds"))
		return helper_fds(argc, argv);
	return 2;
}

static void execve_passes_argv_and_envp(void)
{
	char self[256], out[512];
	char *argv[] = { "first", "args", "two words", "", NULL };
	char *envp[] = { "A=1", "EMPTY=", "B=x y", NULL };

	KS_ASSERT_WSTATUS(ks_run(ks_self(self, sizeof(self)), argv, envp, out,
				 sizeof(out)), 0);
	KS_ASSERT_STREQ(out, "first|args|two words||#A=1|EMPTY=|B=x y|");
}

static void execve_auxv(void)
{
	char self[256], out[512], want[512];
	char *argv[] = { "x", "auxv", NULL };
	char *envp[] = { NULL };

	ks_self(self, sizeof(self));
	KS_ASSERT_WSTATUS(ks_run(self, argv, envp, out, sizeof(out)), 0);
	snprintf(want, sizeof(want), "pagesz=4096 random=1 execfn=%s secure=0 "
		 "uid=1 euid=1 gid=1 egid=1 phdr=1 entry=1 phent=56", self);
	KS_ASSERT_STREQ(out, want);
}

static void cloexec_fds_close_across_exec(void)
{
	char self[256], out[256], a[16], b[16], c[16], want[128];
	char *argv[] = { "x", "fds", a, b, c, NULL };
	char *envp[] = { NULL };
	int p1[2], p2[2];

	KS_ASSERT_OK(pipe2(p1, O_CLOEXEC));
	KS_ASSERT_OK(pipe(p2));
	snprintf(a, sizeof(a), "%d", p1[0]);
	snprintf(b, sizeof(b), "%d", p2[0]);
	/* F_SETFD clears close-on-exec again on a dup of it. */
	KS_ASSERT_OK(fcntl(p1[1], F_SETFD, 0));
	snprintf(c, sizeof(c), "%d", p1[1]);
	KS_ASSERT_EQ(fcntl(p1[0], F_GETFD), FD_CLOEXEC);
	KS_ASSERT_WSTATUS(ks_run(ks_self(self, sizeof(self)), argv, envp, out,
				 sizeof(out)), 0);
	snprintf(want, sizeof(want), "%s:closed %s:open %s:open pid=", a, b, c);
	KS_ASSERT_EQ(strncmp(out, want, strlen(want)), 0);
}

static void execve_keeps_pid(void)
{
	char self[256], buf[256], *argv[] = { "x", "fds", NULL };
	char *envp[] = { NULL };
	int fds[2], st;
	ssize_t n;
	pid_t pid;

	ks_self(self, sizeof(self));
	KS_ASSERT_OK(pipe(fds));
	KS_CHILD(pid, {
		dup2(fds[1], 1);
		execve(self, argv, envp);
		_exit(127);
	});
	close(fds[1]);
	n = ks_read_all(fds[0], buf, sizeof(buf) - 1);
	KS_ASSERT_GT(n, 0);
	buf[n] = '\0';
	KS_ASSERT_RET(waitpid(pid, &st, 0), pid);
	KS_ASSERT_WSTATUS(st, 0);
	KS_ASSERT_EQ(atoi(buf + 4), pid);
}

static void execve_script_runs_interpreter(void)
{
	char path[256], out[256], want[300];
	char *argv[] = { "ignored", "arg1", NULL };
	char *envp[] = { "PATH=/bin", NULL };
	struct stat st;

	ks_path("fixtures/script.sh", path, sizeof(path));
	if (stat("/bin/sh", &st))
		KS_SKIP("no /bin/sh");
	/* The interpreter gets the script's path in place of argv[0]. */
	KS_ASSERT_WSTATUS(ks_run(path, argv, envp, out, sizeof(out)),
			  KS_W_EXITED(7));
	snprintf(want, sizeof(want), "script:%s:arg1:1\n", path);
	KS_ASSERT_STREQ(out, want);
}

static void execve_script_with_interpreter_argument(void)
{
	char path[256], out[256], want[300];
	char *argv[] = { "ignored", "a1", NULL };
	char *envp[] = { NULL };

	ks_path("fixtures/script-arg.sh", path, sizeof(path));
	/* argv becomes: /bin/sh, -e, the script's path, a1. */
	KS_ASSERT_WSTATUS(ks_run(path, argv, envp, out, sizeof(out)), 0);
	snprintf(want, sizeof(want), "arg:%s:a1:1\n", path);
	KS_ASSERT_STREQ(out, want);
}

static void execve_argument_too_long_is_e2big(void)
{
	const size_t max = 32 * 4096;	/* MAX_ARG_STRLEN, with the NUL */
	char self[256], out[16], *big = malloc(max + 1);
	char *argv[] = { "x", "true", big, NULL };
	char *envp[] = { big, NULL };

	KS_ASSERT_TRUE(big != NULL);
	ks_self(self, sizeof(self));
	memset(big, 'a', max);
	big[max] = '\0';
	KS_ASSERT_EQ(ks_run(self, argv, NULL, out, sizeof(out)), -E2BIG);
	argv[2] = "short";
	KS_ASSERT_EQ(ks_run(self, argv, envp, out, sizeof(out)), -E2BIG);
	/* One byte less fits. */
	big[max - 1] = '\0';
	argv[2] = big;
	KS_ASSERT_WSTATUS(ks_run(self, argv, envp, out, sizeof(out)), 0);
	free(big);
}

/* Writes @len bytes of @data to a new file @path with mode @mode. */
static void write_file(const char *path, const void *data, size_t len,
		       mode_t mode)
{
	int fd;

	unlink(path);
	KS_ASSERT_OK_VAL(fd, open(path, O_WRONLY | O_CREAT | O_EXCL, mode));
	KS_ASSERT_RET(write(fd, data, len), len);
	KS_ASSERT_OK(close(fd));
	KS_ASSERT_OK(chmod(path, mode));
}

static void execve_errors(void)
{
	static const char bad_elf[64] = "\177ELF\002\001\001\0garbage";
	static const char text[] = "just some text\n";
	static const char no_interp[] = "#!/no/such/interpreter\n";
	char path[256], out[16];
	char *argv[] = { "x", NULL }, *envp[] = { NULL };

	KS_ASSERT_EQ(ks_run("/no/such/file", argv, envp, out, sizeof(out)),
		     -ENOENT);
	KS_ASSERT_EQ(ks_run("/tmp", argv, envp, out, sizeof(out)), -EACCES);
	KS_ASSERT_EQ(ks_run(ks_path("fixtures/not-executable.sh", path,
				    sizeof(path)), argv, envp, out,
			    sizeof(out)), -EACCES);
	KS_ASSERT_EQ(ks_run(ks_path("fixtures/script.sh/x", path,
				    sizeof(path)), argv, envp, out,
			    sizeof(out)), -ENOTDIR);

	write_file("/tmp/bad-elf", bad_elf, sizeof(bad_elf), 0755);
	KS_ASSERT_EQ(ks_run("/tmp/bad-elf", argv, envp, out, sizeof(out)),
		     -ENOEXEC);
	write_file("/tmp/text", text, sizeof(text) - 1, 0755);
	KS_ASSERT_EQ(ks_run("/tmp/text", argv, envp, out, sizeof(out)),
		     -ENOEXEC);
	write_file("/tmp/no-interp", no_interp, sizeof(no_interp) - 1, 0755);
	KS_ASSERT_EQ(ks_run("/tmp/no-interp", argv, envp, out, sizeof(out)),
		     -ENOENT);
	write_file("/tmp/empty", "", 0, 0755);
	KS_ASSERT_EQ(ks_run("/tmp/empty", argv, envp, out, sizeof(out)),
		     -ENOEXEC);
	unlink("/tmp/bad-elf");
	unlink("/tmp/text");
	unlink("/tmp/no-interp");
	unlink("/tmp/empty");
}

static void execve_bad_pointers_efault(void)
{
	char self[256], *argv[] = { "x", (char *)8, NULL };
	char *envp[] = { NULL };

	ks_self(self, sizeof(self));
	KS_ASSERT_ERRNO(syscall(SYS_execve, (char *)8, argv, envp), EFAULT);
	KS_ASSERT_ERRNO(syscall(SYS_execve, self, (char **)8, envp), EFAULT);
	KS_ASSERT_ERRNO(syscall(SYS_execve, self, argv, envp), EFAULT);
}

/* The whole of a small /proc file, NUL-terminated: its length. */
static ssize_t read_proc(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, len = 0;

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	return n < 0 ? -1 : len;
}

/* The 52 fields of /proc/self/stat, as proc(5) lists them. */
static void proc_self_stat_fields(void)
{
	char buf[1024], *p, *field[60];
	int n = 2;

	KS_ASSERT_GT(read_proc("/proc/self/stat", buf, sizeof(buf)), 0);
	KS_ASSERT_EQ(strtol(buf, NULL, 10), getpid());
	p = strrchr(buf, ')');
	KS_ASSERT_TRUE(p && p[1] == ' ');
	for (p += 2; *p && *p != '\n'; n++) {
		if (n < 60)
			field[n + 1] = p;
		p += strcspn(p, " \n");
		if (*p == ' ')
			*p++ = '\0';
	}
	KS_ASSERT_EQ(*p, '\n');
	KS_ASSERT_EQ(n, 52);
	KS_EXPECT_EQ(field[3][0], 'R');
	KS_EXPECT_EQ(strtol(field[4], NULL, 10), getppid());
	KS_EXPECT_EQ(strtol(field[5], NULL, 10), getpgrp());
	KS_EXPECT_EQ(strtol(field[6], NULL, 10), getsid(0));
	KS_EXPECT_EQ(strtol(field[19], NULL, 10), getpriority(PRIO_PROCESS, 0));
	KS_EXPECT_EQ(strtol(field[20], NULL, 10), 1);	/* num_threads */
	KS_EXPECT_GT(strtoul(field[23], NULL, 10), 0);	/* vsize */
	KS_EXPECT_GT(strtoul(field[24], NULL, 10), 0);	/* rss */
	KS_EXPECT_EQ(strtol(field[38], NULL, 10), SIGCHLD);
}

/* status: the ids, one thread, the state and Linux's line formats. */
static void proc_self_status_ids(void)
{
	char buf[4096], want[128], comm[16] = "";

	KS_ASSERT_GT(read_proc("/proc/self/status", buf, sizeof(buf)), 0);
	KS_ASSERT_OK(prctl(PR_GET_NAME, comm));
	snprintf(want, sizeof(want), "Name:\t%s\n", comm);
	KS_EXPECT_EQ(strncmp(buf, want, strlen(want)), 0);
	KS_EXPECT_TRUE(strstr(buf, "\nState:\tR (running)\n") != NULL);
	snprintf(want, sizeof(want), "\nTgid:\t%d\nNgid:\t0\nPid:\t%d\n"
		 "PPid:\t%d\nTracerPid:\t0\n", getpid(), getpid(), getppid());
	KS_EXPECT_TRUE(strstr(buf, want) != NULL);
	snprintf(want, sizeof(want), "\nUid:\t%d\t%d\t%d\t%d\n", getuid(),
		 geteuid(), geteuid(), geteuid());
	KS_EXPECT_TRUE(strstr(buf, want) != NULL);
	KS_EXPECT_TRUE(strstr(buf, "\nThreads:\t1\n") != NULL);
	KS_EXPECT_TRUE(strstr(buf, "\nVmRSS:\t") != NULL);
	KS_EXPECT_TRUE(strstr(buf, " kB\nRssAnon:\t") != NULL);
	KS_EXPECT_TRUE(strstr(buf, "\nSigPnd:\t") != NULL);
	KS_EXPECT_EQ(strlen(strstr(buf, "\nSigPnd:\t")), 25 + strlen(
		     strstr(buf, "\nShdPnd:\t")));
	KS_EXPECT_TRUE(strstr(buf, "\nvoluntary_ctxt_switches:\t") != NULL);
}

/* exe is the program exec loaded; cmdline its argv, each NUL-ended. */
static void proc_self_exe_and_cmdline(void)
{
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	char buf[4096], link[256];
	struct stat exe, file;
	ssize_t n;

	KS_ASSERT_TRUE(execfn != NULL);
	n = readlink("/proc/self/exe", link, sizeof(link) - 1);
	KS_ASSERT_GT(n, 1);
	KS_EXPECT_EQ(link[0], '/');
	KS_ASSERT_OK(stat("/proc/self/exe", &exe));
	KS_ASSERT_OK(stat(execfn, &file));
	KS_EXPECT_EQ(exe.st_ino, file.st_ino);
	KS_EXPECT_EQ(exe.st_dev, file.st_dev);
	n = read_proc("/proc/self/cmdline", buf, sizeof(buf));
	KS_ASSERT_GT(n, 0);
	KS_EXPECT_EQ(buf[n - 1], '\0');
	KS_EXPECT_EQ(read_proc("/proc/self/statm", buf, sizeof(buf)) > 0, 1);
	KS_EXPECT_EQ(buf[strlen(buf) - 1], '\n');
}

/* fd/<n> of a pipe reads "pipe:[ino]"; /proc and task/ list us. */
static void proc_fd_pipe_and_listing(void)
{
	char path[64], link[64], want[64];
	struct stat st;
	int fds[2];
	ssize_t n;

	KS_ASSERT_OK(pipe(fds));
	KS_ASSERT_OK(fstat(fds[0], &st));
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fds[0]);
	n = readlink(path, link, sizeof(link) - 1);
	KS_ASSERT_GT(n, 0);
	link[n] = '\0';
	snprintf(want, sizeof(want), "pipe:[%lu]", (unsigned long)st.st_ino);
	KS_ASSERT_STREQ(link, want);
	close(fds[0]);
	close(fds[1]);
	KS_ASSERT_ERRNO(readlink(path, link, sizeof(link)), ENOENT);
	snprintf(path, sizeof(path), "/proc/%d/task/%d", getpid(), getpid());
	KS_ASSERT_OK(stat(path, &st));
	KS_EXPECT_TRUE(S_ISDIR(st.st_mode));
	KS_ASSERT_ERRNO(stat("/proc/0", &st), ENOENT);
}

/* loadavg: "a.aa b.bb c.cc running/total last_pid" with sane counts. */
static void proc_loadavg_counts(void)
{
	char buf[256];
	unsigned int running, total;
	int last;
	double a, b, c;

	KS_ASSERT_GT(read_proc("/proc/loadavg", buf, sizeof(buf)), 0);
	KS_ASSERT_EQ(sscanf(buf, "%lf %lf %lf %u/%u %d", &a, &b, &c,
			    &running, &total, &last), 6);
	KS_EXPECT_GE(running, 1);
	KS_EXPECT_GE(total, running);
	KS_EXPECT_GE(last, getpid());
	KS_ASSERT_GT(read_proc("/proc/stat", buf, sizeof(buf)), 0);
	KS_EXPECT_EQ(strncmp(buf, "cpu  ", 5), 0);
}

static const struct ks_case cases[] = {
	KS_CASE(fork_returns_child_pid),
	KS_CASE(exit_status_keeps_low_8_bits),
	KS_CASE(getppid_is_forking_parent),
	KS_CASE(wait_without_children_is_echild),
	KS_CASE(wait_bad_options_is_einval),
	KS_CASE(wnohang_returns_0_while_running),
	KS_CASE(wait4_reports_status_and_rusage),
	KS_CASE(waitid_exited_siginfo),
	KS_CASE(waitid_killed_siginfo),
	KS_CASE(waitid_wnowait_leaves_child_waitable),
	KS_CASE(zombie_shows_z_state),
	KS_CASE(vfork_shares_memory_until_exit),
	KS_CASE(orphan_goes_to_init),
	KS_CASE(orphan_goes_to_subreaper),
	KS_CASE(execve_passes_argv_and_envp),
	KS_CASE(execve_auxv),
	KS_CASE(cloexec_fds_close_across_exec),
	KS_CASE(execve_keeps_pid),
	KS_CASE(execve_script_runs_interpreter),
	KS_CASE(execve_script_with_interpreter_argument),
	KS_CASE(execve_argument_too_long_is_e2big),
	KS_CASE(execve_errors),
	KS_CASE(execve_bad_pointers_efault),
	KS_CASE(proc_self_stat_fields),
	KS_CASE(proc_self_status_ids),
	KS_CASE(proc_self_exe_and_cmdline),
	KS_CASE(proc_fd_pipe_and_listing),
	KS_CASE(proc_loadavg_counts),
};

KS_MAIN_HELPER("process", cases, helper)
