// SPDX-License-Identifier: GPL-2.0
/*
 * Bad pointers and lengths: each system call of a table gets, in the
 * argument that is a user pointer, an address it may not use (low and
 * unmapped, a kernel address, a non-canonical one, a PROT_NONE page, the
 * end of user space, and for buffers the kernel writes, a read-only page)
 * and must fail with EFAULT and nothing else.  Then lengths: zero, huge
 * and overflowing; buffers valid only in part; and which error comes
 * first when there are two.
 */
#include "kselftest.h"

#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/uio.h>

#define PAGE		4096UL
#define ARG_PTR		(-1L)	/* in a table row: the pointer under test */

struct call {
	const char *name;
	long nr;
	long args[6];
	int writes;		/* the kernel writes through the pointer */
};

static int file_fd, dir_fd, pipe_fds[2];
static char valid[256], self[256];
static struct timespec zero_ts;

static void setup(void)
{
	char path[64];

	ks_self(self, sizeof(self));
	snprintf(path, sizeof(path), "/tmp/badptr.%d", getpid());
	KS_ASSERT_OK_VAL(file_fd, open(path, O_RDWR | O_CREAT, 0600));
	KS_ASSERT_RET(write(file_fd, valid, sizeof(valid)), sizeof(valid));
	KS_ASSERT_OK_VAL(dir_fd, open("/", O_RDONLY | O_DIRECTORY));
	KS_ASSERT_RET(pipe(pipe_fds), 0);
	KS_ASSERT_RET(write(pipe_fds[1], "0123456789", 10), 10);
	unlink("/tmp/badptr-link");
	KS_ASSERT_RET(symlink("target", "/tmp/badptr-link"), 0);
}

/* The table: every call with one pointer argument marked ARG_PTR. */
static int make_table(struct call *t)
{
	static char *argv[] = { "x", NULL };
	int n = 0;

#define CALL(w, nr_, ...) \
	t[n++] = (struct call){ #nr_, nr_, { __VA_ARGS__ }, w }
	/* The kernel writes there. */
	CALL(1, SYS_pread64, file_fd, ARG_PTR, 16, 0);
	CALL(1, SYS_read, pipe_fds[0], ARG_PTR, 4);
	CALL(1, SYS_pipe2, ARG_PTR, 0);
	CALL(1, SYS_clock_gettime, CLOCK_MONOTONIC, ARG_PTR);
	CALL(1, SYS_clock_getres, CLOCK_MONOTONIC, ARG_PTR);
	CALL(1, SYS_gettimeofday, ARG_PTR, 0);
	CALL(1, SYS_uname, ARG_PTR);
	CALL(1, SYS_sysinfo, ARG_PTR);
	CALL(1, SYS_getcwd, ARG_PTR, 256);
	CALL(1, SYS_fstat, file_fd, ARG_PTR);
	CALL(1, SYS_newfstatat, AT_FDCWD, (long)"/", ARG_PTR, 0);
	CALL(1, SYS_getrlimit, RLIMIT_NOFILE, ARG_PTR);
	CALL(1, SYS_prlimit64, 0, RLIMIT_NOFILE, 0, ARG_PTR);
	CALL(1, SYS_getrusage, RUSAGE_SELF, ARG_PTR);
	CALL(1, SYS_times, ARG_PTR);
	CALL(1, SYS_getrandom, ARG_PTR, 16, 0);
	CALL(1, SYS_rt_sigprocmask, SIG_BLOCK, 0, ARG_PTR, 8);
	CALL(1, SYS_rt_sigaction, SIGUSR1, 0, ARG_PTR, 8);
	CALL(1, SYS_rt_sigpending, ARG_PTR, 8);
	CALL(1, SYS_sigaltstack, 0, ARG_PTR);
	CALL(1, SYS_getdents64, dir_fd, ARG_PTR, 4096);
	CALL(1, SYS_readlink, (long)"/tmp/badptr-link", ARG_PTR, 64);
	CALL(1, SYS_getresuid, ARG_PTR, (long)valid, (long)(valid + 8));
	CALL(1, SYS_arch_prctl, 0x1003, ARG_PTR);
	/* The kernel reads from there. */
	CALL(0, SYS_write, pipe_fds[1], ARG_PTR, 4);
	CALL(0, SYS_pwrite64, file_fd, ARG_PTR, 16, 0);
	CALL(0, SYS_writev, file_fd, ARG_PTR, 1);
	CALL(0, SYS_readv, file_fd, ARG_PTR, 1);
	CALL(0, SYS_open, ARG_PTR, O_RDONLY);
	CALL(0, SYS_openat, AT_FDCWD, ARG_PTR, O_RDONLY);
	CALL(0, SYS_newfstatat, AT_FDCWD, ARG_PTR, (long)valid, 0);
	CALL(0, SYS_mkdir, ARG_PTR, 0755);
	CALL(0, SYS_unlink, ARG_PTR);
	CALL(0, SYS_chdir, ARG_PTR);
	CALL(0, SYS_rename, ARG_PTR, (long)"/tmp/badptr-new");
	CALL(0, SYS_symlink, ARG_PTR, (long)"/tmp/badptr-new");
	CALL(0, SYS_access, ARG_PTR, F_OK);
	CALL(0, SYS_execve, ARG_PTR, (long)argv, (long)(argv + 1));
	CALL(0, SYS_execve, (long)self, ARG_PTR, (long)(argv + 1));
	CALL(0, SYS_nanosleep, ARG_PTR, 0);
	CALL(0, SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, ARG_PTR, 0);
	CALL(0, SYS_rt_sigaction, SIGUSR1, ARG_PTR, 0, 8);
	CALL(0, SYS_rt_sigprocmask, SIG_BLOCK, ARG_PTR, 0, 8);
	CALL(0, SYS_sigaltstack, ARG_PTR, 0);
	CALL(0, SYS_rt_sigqueueinfo, getpid(), SIGUSR1, ARG_PTR);
	CALL(0, SYS_poll, ARG_PTR, 1, 0);
	CALL(0, SYS_select, 1, ARG_PTR, 0, 0, (long)&zero_ts);
	CALL(0, SYS_setrlimit, RLIMIT_CORE, ARG_PTR);
	CALL(0, SYS_futex, ARG_PTR, 1, 1, 0, 0, 0);
	CALL(0, SYS_clock_settime, CLOCK_REALTIME, ARG_PTR);
#undef CALL
	return n;
}

/* Runs every row with @bad in place of ARG_PTR; counts the misses. */
static void run_table(const char *what, long bad, int writes_only)
{
	struct call t[64];
	int i, j, n, misses = 0;
	long args[6], ret;
	char b1[32];

	setup();
	n = make_table(t);
	for (i = 0; i < n; i++) {
		if (writes_only && !t[i].writes)
			continue;
		for (j = 0; j < 6; j++)
			args[j] = t[i].args[j] == ARG_PTR ? bad : t[i].args[j];
		errno = 0;
		ret = syscall(t[i].nr, args[0], args[1], args[2], args[3],
			      args[4], args[5]);
		if (ret == -1 && errno == EFAULT)
			continue;
		misses++;
		ks_print("# %s (%ld) with %s %#lx: got %ld, errno %s; want "
			 "-1, errno EFAULT\n", t[i].name, t[i].nr, what, bad,
			 ret, ks_errno_str(ret == -1 ? errno : 0, b1, 32));
	}
	KS_ASSERT_EQ(misses, 0);
}

static void low_unmapped_address(void)
{
	run_table("low address", 16, 0);
}

static void kernel_address(void)
{
	run_table("kernel address", (long)0xffffffff81000000UL, 0);
	run_table("kernel address", (long)0xffff888000000000UL, 0);
}

static void non_canonical_address(void)
{
	run_table("non-canonical address", (long)0x8000000000000000UL, 0);
	run_table("non-canonical address", (long)0x0000800000000000UL, 0);
}

static void prot_none_page(void)
{
	void *p = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		       0);

	KS_ASSERT_TRUE(p != MAP_FAILED);
	run_table("PROT_NONE page", (long)p, 0);
}

static void read_only_page_for_output(void)
{
	void *p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		       0);

	KS_ASSERT_TRUE(p != MAP_FAILED);
	run_table("read-only page", (long)p, 1);
}

static void lengths(void)
{
	char buf[16];
	struct iovec iov[2] = { { buf, 8 }, { buf, (size_t)-1 } };

	setup();
	KS_ASSERT_RET(syscall(SYS_read, file_fd, buf, 0), 0);
	KS_ASSERT_RET(syscall(SYS_read, file_fd, NULL, 0), 0);
	KS_ASSERT_RET(syscall(SYS_write, pipe_fds[1], NULL, 0), 0);
	KS_ASSERT_ERRNO(syscall(SYS_read, file_fd, buf, (size_t)-1), EFAULT);
	KS_ASSERT_ERRNO(syscall(SYS_write, file_fd, buf, (size_t)-1), EFAULT);
	/* Lengths summing past SSIZE_MAX are EINVAL. */
	KS_ASSERT_ERRNO(syscall(SYS_readv, file_fd, iov, 2), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_writev, file_fd, iov, 2), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_getcwd, buf, 0), ERANGE);
	KS_ASSERT_ERRNO(syscall(SYS_readlink, "/tmp/badptr-link", buf, -1),
			EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, buf, 16),
			EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_getrandom, buf, 16, -1), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_pread64, file_fd, buf, 16, -1L), EINVAL);
}

static void partly_valid_buffers(void)
{
	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *edge;

	KS_ASSERT_TRUE(p != MAP_FAILED);
	KS_ASSERT_RET(munmap(p + PAGE, PAGE), 0);
	edge = p + PAGE - 100;
	setup();
	/* A file read stops at the fault with what it copied ... */
	KS_ASSERT_RET(pread(file_fd, edge, 200, 0), 100);
	/* ... and a write does likewise from a buffer valid in part. */
	memset(edge, 'e', 100);
	KS_ASSERT_RET(pwrite(file_fd, edge, 200, 0), 100);
	/* A pipe read that faults on its first buffer is EFAULT, and
	 * leaves the bytes in the pipe. */
	KS_ASSERT_ERRNO(read(pipe_fds[0], p + PAGE - 4, 10), EFAULT);
	KS_ASSERT_RET(read(pipe_fds[0], p, 10), 10);
	KS_ASSERT_MEMEQ(p, "0123456789", 10);
}

static void first_error_wins(void)
{
	int st;
	pid_t pid;

	setup();
	/* The descriptor is checked before the buffer. */
	KS_ASSERT_ERRNO(syscall(SYS_read, 99, 16, 10), EBADF);
	KS_ASSERT_ERRNO(syscall(SYS_write, 99, 16, 10), EBADF);
	KS_ASSERT_ERRNO(syscall(SYS_fstat, 99, 16), EBADF);
	/* Flags before the path. */
	KS_ASSERT_ERRNO(syscall(SYS_open, 16, O_CREAT | O_DIRECTORY, 0), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_newfstatat, AT_FDCWD, 16, valid, 0x4),
			EINVAL);
	/* No child before the status pointer. */
	KS_ASSERT_ERRNO(syscall(SYS_wait4, -1, 16, 0, 0), ECHILD);
	/* A zombie child: reaped, then the status store faults. */
	KS_CHILD(pid, _exit(1));
	KS_ASSERT_ERRNO(syscall(SYS_wait4, pid, 16, 0, 0), EFAULT);
	KS_ASSERT_ERRNO(waitpid(pid, &st, 0), ECHILD);
	/* An unaligned futex is EINVAL, not EFAULT. */
	KS_ASSERT_ERRNO(syscall(SYS_futex, 17, 1, 1, 0, 0, 0), EINVAL);
}

static const struct ks_case cases[] = {
	KS_CASE(low_unmapped_address),
	KS_CASE(kernel_address),
	KS_CASE(non_canonical_address),
	KS_CASE(prot_none_page),
	KS_CASE(read_only_page_for_output),
	KS_CASE(lengths),
	KS_CASE(partly_valid_buffers),
	KS_CASE(first_error_wins),
};

KS_MAIN("badptr", cases)
