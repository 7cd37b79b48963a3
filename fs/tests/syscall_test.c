// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for the file system calls as user space makes them: each
 * goes through sys_call_table[] (ktest_syscall()) with its arguments in
 * a struct pt_regs, and every pointer is user memory in the KTEST window
 * or a bad one (0x10, a kernel address, the unmapped page after the
 * window).  Checks getname()'s errors, AT_EMPTY_PATH, results copied out
 * (stat, statx, statfs, readlink, getcwd, getdents64, pipe) and the
 * calls without a ksys_*() twin (ioctl, fsync, umask, access, dup2,
 * sendfile).
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/ktest.h>
#include <keel/namei.h>
#include <keel/poll.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <asm/unistd.h>
#include <uapi/asm-generic/ioctls.h>
#include <uapi/asm-generic/statfs.h>
#include <uapi/linux/magic.h>
#include <uapi/linux/time_types.h>
#include <uapi/linux/utime.h>
#include "file_test.h"

#define SC_DIR		"/sc"
#define BAD_LOW		((void __user *)0x10)
#define BAD_KERNEL	((void __user *)sc_kernel_string)
#define BAD_UNMAPPED	((void __user *)(KTEST_UBUF + KTEST_UBUF_SIZE))

static const char sc_kernel_string[] = SC_DIR;

/* A name in the suite's directory, in user memory. */
#define P(name)		ktest_ustr(SC_DIR "/" name)

static int sc_init(struct ktest *t)
{
	ktest_ureset();
	if (!ktest_ubuf())
		return -ENOMEM;
	return ksys_mkdirat(AT_FDCWD, SC_DIR, 0755);
}

static void sc_exit(struct ktest *t)
{
	static const char *const names[] = {
		SC_DIR "/f", SC_DIR "/g", SC_DIR "/l", SC_DIR "/h",
	};
	unsigned int i;

	ksys_chdir("/");
	ksys_umount(SC_DIR "/d", 0);
	for (i = 0; i < ARRAY_SIZE(names); i++)
		ksys_unlinkat(AT_FDCWD, names[i], 0);
	ksys_unlinkat(AT_FDCWD, SC_DIR "/d", AT_REMOVEDIR);
	ksys_unlinkat(AT_FDCWD, SC_DIR, AT_REMOVEDIR);
}

/* getname(): bad pointers, "", and the PATH_MAX boundary. */
static void path_names(struct ktest *t)
{
	struct stat __user *ust = ktest_ualloc(sizeof(*ust));
	char *k;
	char __user *u;

	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_open, BAD_LOW, O_RDONLY, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_open, BAD_KERNEL, O_RDONLY, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_open, BAD_UNMAPPED, O_RDONLY,
					  0), -EFAULT);
	/* A name that runs into the unmapped page before its NUL. */
	u = (char __user *)BAD_UNMAPPED - 2;
	memcpy(ktest_ubuf_kaddr() + KTEST_UBUF_SIZE - 2, "/x", 2);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_mkdir, u, 0755), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_open, ktest_ustr(""),
					  O_RDONLY, 0),
			-ENOENT);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_chdir, ktest_ustr("")), -ENOENT);

	/* PATH_MAX - 1 slashes and the NUL fit: that is "/". */
	u = ktest_ualloc(PATH_MAX);
	k = ktest_ukaddr(u);
	memset(k, '/', PATH_MAX - 1);
	k[PATH_MAX - 1] = '\0';
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_stat, u, ust), 0);
	/* One more byte and the NUL is past PATH_MAX. */
	u = ktest_ualloc(PATH_MAX + 1);
	k = ktest_ukaddr(u);
	memset(k, '/', PATH_MAX);
	k[PATH_MAX] = '\0';
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_stat, u, ust), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_rmdir, u), -ENAMETOOLONG);
}

/* open, write, lseek, read, stat through user memory; creat. */
static void open_rw_stat(struct ktest *t)
{
	struct stat __user *ust = ktest_ualloc(sizeof(*ust));
	struct stat *st = ktest_ukaddr(ust);
	char __user *data = ktest_uput("hello", 5);
	char __user *rbuf = ktest_ualloc(8);
	long fd;

	fd = ktest_syscall3(__NR_open, P("f"),
			    O_RDWR | O_CREAT | O_EXCL, 0640);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_write, fd, data, 5), 5);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_write, fd, BAD_LOW, 5),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_lseek, fd, 1, SEEK_SET), 1);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_read, fd, rbuf, 8), 4);
	KTEST_EXPECT_MEMEQ(t, ktest_ukaddr(rbuf), "ello", 4);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_pread64, fd, rbuf, 2, 3), 2);
	KTEST_EXPECT_MEMEQ(t, ktest_ukaddr(rbuf), "lo", 2);

	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_fstat, fd, ust), 0);
	KTEST_EXPECT_EQ(t, st->st_size, 5);
	KTEST_EXPECT_EQ(t, st->st_mode, S_IFREG | 0640);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_fstat, fd, BAD_KERNEL),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_fstat, 999, ust), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_stat, P("f"),
					  BAD_UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_newfstatat, AT_FDCWD,
					  ktest_ustr("scn"), ust, 0), -ENOENT);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_newfstatat, AT_FDCWD,
					  P("f"), ust, 0x8000),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_close, fd), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_close, fd), -EBADF);

	/* creat() truncates and opens for writing only. */
	fd = ktest_syscall2(__NR_creat, P("f"), 0600);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_fcntl, fd, F_GETFL, 0),
			O_WRONLY | O_LARGEFILE);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_read, fd, rbuf, 1), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_lstat, P("f"),
					  ust), 0);
	KTEST_EXPECT_EQ(t, st->st_size, 0);
	/* Locks are not there: -EINVAL, as for any unknown command. */
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_fcntl, fd, 5, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_close, fd), 0);
}

/* AT_EMPTY_PATH: "" names the dfd itself; without it "" is -ENOENT. */
static void empty_path(struct ktest *t)
{
	struct stat __user *ust = ktest_ualloc(sizeof(*ust));
	struct statx __user *usx = ktest_ualloc(sizeof(*usx));
	struct statx *sx = ktest_ukaddr(usx);
	char __user *empty = ktest_ustr("");
	long fd;
	u64 ino;

	KTEST_ASSERT_EQ(t, ftest_put_file(SC_DIR "/f", "abc", 3), 0);
	fd = ksys_openat(AT_FDCWD, SC_DIR "/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_newfstatat, fd, empty, ust, 0),
			-ENOENT);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_newfstatat, fd, empty, ust,
					  AT_EMPTY_PATH), 0);
	ino = ((struct stat *)ktest_ukaddr(ust))->st_ino;
	KTEST_EXPECT_EQ(t, ((struct stat *)ktest_ukaddr(ust))->st_size, 3);

	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_statx, fd, empty,
					  AT_EMPTY_PATH, STATX_BASIC_STATS,
					  usx), 0);
	KTEST_EXPECT_EQ(t, sx->stx_mask, STATX_BASIC_STATS);
	KTEST_EXPECT_EQ(t, sx->stx_ino, ino);
	KTEST_EXPECT_EQ(t, sx->stx_size, 3);
	KTEST_EXPECT_EQ(t, sx->stx_mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_statx, fd, empty,
					  AT_EMPTY_PATH, STATX__RESERVED,
					  usx), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_statx, fd, empty,
					  AT_EMPTY_PATH | AT_STATX_SYNC_TYPE,
					  0, usx), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_statx, fd, empty,
					  AT_EMPTY_PATH, 0, BAD_LOW), -EFAULT);
	KTEST_EXPECT_EQ(t, sx->stx_attributes, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_statx, AT_FDCWD,
					  ktest_ustr("/"), 0, 0, usx), 0);
	KTEST_EXPECT_EQ(t, sx->stx_attributes, STATX_ATTR_MOUNT_ROOT);
	KTEST_EXPECT_EQ(t, sx->stx_attributes_mask & STATX_ATTR_MOUNT_ROOT,
			STATX_ATTR_MOUNT_ROOT);
	/* A NULL name is "" with AT_EMPTY_PATH (Linux 6.11), else -EFAULT. */
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_newfstatat, fd, NULL, ust,
					  AT_EMPTY_PATH), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_newfstatat, fd, NULL, ust, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_statx, fd, NULL, AT_EMPTY_PATH,
					  STATX_BASIC_STATS, usx), 0);
	KTEST_EXPECT_EQ(t, sx->stx_ino, ino);
	/* The sync flags mean nothing in memory but are taken. */
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_newfstatat, fd, empty, ust,
					  AT_EMPTY_PATH | AT_STATX_DONT_SYNC),
			0);

	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_fchownat, fd, empty, -1, -1,
					  AT_EMPTY_PATH), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_fchownat, fd, empty, -1, -1,
					  0), -ENOENT);
	/* linkat(fd, "", ..., AT_EMPTY_PATH) links the open file. */
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_linkat, fd, empty, AT_FDCWD,
					  P("h"), 0), -ENOENT);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_linkat, fd, empty, AT_FDCWD,
					  P("h"), AT_EMPTY_PATH), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_stat, P("h"),
					  ust), 0);
	KTEST_EXPECT_EQ(t, ((struct stat *)ktest_ukaddr(ust))->st_ino, ino);
	KTEST_EXPECT_EQ(t, ((struct stat *)ktest_ukaddr(ust))->st_nlink, 2);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_linkat, fd, empty, AT_FDCWD,
					  P("g"), 0x8000), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

/* mkdir, rename, symlink, readlink, unlink, rmdir by user names. */
static void namespace_calls(struct ktest *t)
{
	char __user *buf = ktest_ualloc(16);
	char *k = ktest_ukaddr(buf);

	/* Arguments Linux refuses before it reads the name. */
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_mknod, BAD_LOW, S_IFDIR, 0),
			-EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_mknod, BAD_LOW, 0170000, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_renameat2, AT_FDCWD, BAD_LOW,
					  AT_FDCWD, BAD_LOW, 3), -EINVAL);

	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_mkdir, P("d"), 0700),
			0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_mkdir, P("d"), 0700),
			-EEXIST);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_mknod, P("f"),
					  S_IFREG | 0600, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_rename, P("f"),
					  P("g")), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_rename, P("f"),
					  BAD_LOW), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_renameat2, AT_FDCWD,
					  P("g"), AT_FDCWD,
					  P("d"), RENAME_NOREPLACE),
			-EEXIST);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_symlink, ktest_ustr("g"),
					  P("l")), 0);
	/* readlink: no NUL, truncated to bufsiz, -EINVAL for bufsiz <= 0. */
	memset(k, '#', 16);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_readlink, P("l"),
					  buf, 16), 1);
	KTEST_EXPECT_MEMEQ(t, k, "g#", 2);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_readlink, P("l"),
					  buf, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_readlink, P("l"),
					  buf, -1), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_readlink, P("g"),
					  buf, 16), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_readlink, P("l"),
					  BAD_KERNEL, 16), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_readlinkat, AT_FDCWD,
					  ktest_ustr(""), buf, 16), -ENOENT);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_unlink, P("d")),
			-EISDIR);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_rmdir, P("g")),
			-ENOTDIR);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_unlinkat, AT_FDCWD,
					  P("d"), AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_unlinkat, AT_FDCWD,
					  BAD_LOW, 0x1), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_unlink, P("l")), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_unlink, P("g")), 0);
}

/* chdir, fchdir, getcwd into user memory: -ERANGE, -EFAULT. */
static void cwd_calls(struct ktest *t)
{
	char __user *buf = ktest_ualloc(16);
	long fd;

	fd = ksys_openat(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_chdir, ktest_ustr(SC_DIR)), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getcwd, buf, 16), 4);
	KTEST_EXPECT_MEMEQ(t, ktest_ukaddr(buf), SC_DIR, 4);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getcwd, buf, 3), -ERANGE);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getcwd, BAD_LOW, 16), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_fchdir, fd), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getcwd, buf, 16), 2);
	KTEST_EXPECT_MEMEQ(t, ktest_ukaddr(buf), "/", 2);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_fchdir, 999), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_ASSERT_EQ(t, ftest_put_file(SC_DIR "/f", "", 0), 0);
	fd = ksys_openat(AT_FDCWD, SC_DIR "/f", O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_fchdir, fd), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

/* getdents64 into user memory: a too-small buffer, a bad one. */
static void getdents(struct ktest *t)
{
	char __user *buf = ktest_ualloc(256);
	struct linux_dirent64 *d = ktest_ukaddr(buf);
	long fd;

	fd = ksys_openat(AT_FDCWD, SC_DIR, O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getdents64, fd, buf, 1),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getdents64, fd, BAD_LOW, 256),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getdents64, fd, buf, 24), 24);
	KTEST_EXPECT_STREQ(t, d->d_name, ".");
	KTEST_EXPECT_EQ(t, d->d_reclen, 24);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getdents64, fd, buf, 256), 24);
	KTEST_EXPECT_STREQ(t, d->d_name, "..");
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getdents64, fd, buf, 256), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

/* pipe/pipe2 write the fds to user memory, or leave none open. */
static void pipes_dup_fcntl(struct ktest *t)
{
	int __user *ufds = ktest_ualloc(2 * sizeof(int));
	int *fds = ktest_ukaddr(ufds);
	unsigned int open = files_count_open(current_files());

	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_pipe, BAD_LOW), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_pipe2, BAD_UNMAPPED, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(t, files_count_open(current_files()), open);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_pipe2, ufds, O_APPEND), -EINVAL);
	KTEST_ASSERT_EQ(t, ktest_syscall2(__NR_pipe2, ufds, O_CLOEXEC), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_fcntl, fds[0], F_GETFD, 0),
			FD_CLOEXEC);
	/* dup2(fd, fd) is fd if open; dup3(fd, fd) is -EINVAL. */
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_dup2, fds[0], fds[0]), fds[0]);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_dup3, fds[0], fds[0], 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_dup2, 999, 999), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_dup2, fds[0], 900), 900);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_fcntl, 900, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_close, 900), 0);
	/* close_range() marks or closes every open fd in the range. */
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_close_range, 5, 4, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_close_range, fds[0], fds[0],
					  0x1), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_fcntl, fds[1], F_SETFD, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_close_range, fds[1], fds[1],
					  CLOSE_RANGE_CLOEXEC), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_fcntl, fds[1], F_GETFD, 0),
			FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_close_range, fds[0], fds[1], 0),
			0);
	KTEST_EXPECT_EQ(t, files_count_open(current_files()), open);
}

/* ioctl: the FIO* commands, FIONREAD of a pipe, -ENOTTY otherwise. */
static void ioctls(struct ktest *t)
{
	int __user *arg = ktest_ualloc(sizeof(long long));
	int *karg = ktest_ukaddr(arg);
	int fds[2];
	long fd;

	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_ioctl, fds[0], FIOCLEX, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fds[0], F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_ioctl, fds[0], FIONCLEX, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fds[0], F_GETFD, 0), 0);
	*karg = 1;
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_ioctl, fds[0], FIONBIO, arg), 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fds[0], F_GETFL, 0),
			O_RDONLY | O_NONBLOCK);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_ioctl, fds[0], FIONBIO,
					  BAD_LOW), -EFAULT);
	/* No file can signal I/O: O_ASYNC on is -ENOTTY, off is fine. */
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_ioctl, fds[0], FIOASYNC, arg),
			-ENOTTY);
	*karg = 0;
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_ioctl, fds[0], FIOASYNC, arg),
			0);
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], "abcdefg", 7), 7);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_ioctl, fds[0], FIONREAD, arg),
			0);
	KTEST_EXPECT_EQ(t, *karg, 7);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_ioctl, fds[0], 0x5401, arg),
			-ENOTTY);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_ioctl, 999, FIOCLEX, 0), -EBADF);
	/* fsync: a pipe has nothing to sync to (-EINVAL); ramfs says 0. */
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_fsync, fds[0]), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_fsync, 999), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_syncfs, fds[0]), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);

	KTEST_ASSERT_EQ(t, ftest_put_file(SC_DIR "/f", "0123456789", 10), 0);
	fd = ksys_openat(AT_FDCWD, SC_DIR "/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 4, SEEK_SET), 4);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_ioctl, fd, FIONREAD, arg), 0);
	KTEST_EXPECT_EQ(t, *karg, 6);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_ioctl, fd, 0x5401, arg),
			-ENOTTY);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_fsync, fd), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_fdatasync, fd), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_sync), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

/* statfs and fstatfs: the file system's magic number, ST_VALID. */
static void statfs_calls(struct ktest *t)
{
	struct statfs __user *ubuf = ktest_ualloc(sizeof(struct statfs));
	struct statfs *buf = ktest_ukaddr(ubuf);
	int fds[2];

	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_statfs, ktest_ustr(SC_DIR),
					  ubuf), 0);
	KTEST_EXPECT_EQ(t, buf->f_type, RAMFS_MAGIC);
	KTEST_EXPECT_EQ(t, buf->f_bsize, 4096);
	KTEST_EXPECT_EQ(t, buf->f_frsize, 4096);
	KTEST_EXPECT_EQ(t, buf->f_namelen, NAME_MAX);
	KTEST_EXPECT_EQ(t, buf->f_flags, ST_VALID);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_statfs, ktest_ustr(SC_DIR),
					  BAD_KERNEL), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_statfs, ktest_ustr("/none"),
					  ubuf), -ENOENT);
	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_fstatfs, fds[0], ubuf), 0);
	KTEST_EXPECT_EQ(t, buf->f_type, PIPEFS_MAGIC);
	KTEST_EXPECT_EQ(t, buf->f_flags, ST_VALID);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_fstatfs, 999, ubuf), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);
}

/* umask, access and attribute changes by user name. */
static void attrs_access_umask(struct ktest *t)
{
	struct __kernel_timespec __user *uts = ktest_ualloc(2 * sizeof(*uts));
	struct __kernel_timespec *ts = ktest_ukaddr(uts);
	struct __kernel_old_timeval __user *utv = ktest_ualloc(2 * sizeof(*utv));
	struct __kernel_old_timeval *tv = ktest_ukaddr(utv);
	struct stat st;
	long old, fd;
	int fds[2];

	old = ktest_syscall1(__NR_umask, 077);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_umask, old), 077);
	KTEST_ASSERT_EQ(t, ftest_put_file(SC_DIR "/f", "x", 1), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_access, P("f"),
					  MAY_READ | MAY_WRITE), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_access, P("f"), 8),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_access, BAD_LOW, 8), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_access, P("none"),
					  0), -ENOENT);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_faccessat2, AT_FDCWD,
					  P("f"), 0, 0x8000),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_chmod, P("f"), 0751),
			0);
	fd = ksys_openat(AT_FDCWD, SC_DIR "/f", O_RDWR, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_fchmod, fd, 0604), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_fchown, fd, 7, 8), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_ftruncate, fd, 9), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_truncate, P("f"), -1),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_truncate, P("f"), 3),
			0);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFREG | 0604);
	KTEST_EXPECT_EQ(t, st.st_uid, 7);
	KTEST_EXPECT_EQ(t, st.st_gid, 8);
	KTEST_EXPECT_EQ(t, st.st_size, 3);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_lchown, P("f"), 0,
					  0), 0);

	/* utimensat: both UTIME_OMIT is done before the name is read. */
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_nsec = UTIME_OMIT;
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_utimensat, AT_FDCWD, BAD_LOW,
					  uts, 0), 0);
	ts[1].tv_sec = 1000;
	ts[1].tv_nsec = 5;
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_utimensat, AT_FDCWD,
					  P("f"), uts, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mtime, 1000);
	KTEST_EXPECT_EQ(t, st.st_mtime_nsec, 5);
	/* futimens(fd): a NULL name is the fd; for AT_FDCWD it is -EFAULT. */
	ts[1].tv_sec = 2000;
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_utimensat, fd, NULL, uts, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mtime, 2000);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_utimensat, AT_FDCWD, NULL, uts,
					  0), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_utimensat, fd, NULL, BAD_LOW,
					  0), -EFAULT);
	ts[1].tv_nsec = 1000000000;
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_utimensat, fd, NULL, uts, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_utimensat, AT_FDCWD, BAD_LOW,
					  NULL, 0x8000), -EINVAL);

	/* utimes() in microseconds, below a second; utime() in seconds. */
	tv[0] = (struct __kernel_old_timeval){ 5, 7 };
	tv[1] = (struct __kernel_old_timeval){ 6, 1000000 };
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_utimes, P("f"), utv), -EINVAL);
	tv[1].tv_usec = 8;
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_utimes, P("f"), utv), 0);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(t, st.st_atime, 5);
	KTEST_EXPECT_EQ(t, st.st_mtime, 6);
	KTEST_EXPECT_EQ(t, st.st_mtime_nsec, 8000);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_futimesat, fd, NULL, BAD_LOW),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_utime, P("f"),
					  ktest_uput(&(struct utimbuf){ 9, 10 },
						     sizeof(struct utimbuf))),
			0);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mtime, 10);
	KTEST_EXPECT_EQ(t, st.st_mtime_nsec, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_utime, P("f"), NULL), 0);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &st), 0);
	KTEST_EXPECT_GT(t, st.st_mtime, 10);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);

	/* A pipe's inode takes attribute changes too (it is on pipefs). */
	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_fchmod, fds[0], 0640), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_fchown, fds[1], 1, 1), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_utimensat, fds[0], NULL, NULL,
					  0), 0);
	KTEST_EXPECT_EQ(t, ksys_fstat(fds[1], &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFIFO | 0640);
	KTEST_EXPECT_EQ(t, st.st_uid, 1);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);
}

/* mount and umount2 with user strings. */
static void mount_calls(struct ktest *t)
{
	char __user *dir = P("d");
	struct statfs __user *ubuf = ktest_ualloc(sizeof(struct statfs));

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, SC_DIR "/d", 0755), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_mount, ktest_ustr("none"), dir,
					  BAD_LOW, 0, NULL), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_mount, ktest_ustr("none"), dir,
					  ktest_ustr("nofs"), 0, NULL),
			-ENODEV);
	KTEST_ASSERT_EQ(t, ktest_syscall5(__NR_mount, ktest_ustr("none"), dir,
					  ktest_ustr("ramfs"), MS_RDONLY, NULL),
			0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_statfs, dir, ubuf), 0);
	KTEST_EXPECT_EQ(t, ((struct statfs *)ktest_ukaddr(ubuf))->f_flags,
			ST_VALID | ST_RDONLY);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_umount2, dir, 0x100), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_umount2, BAD_LOW, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_umount2, dir, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_umount2, dir, 0), -EINVAL);
}

/* sendfile: from a file at an offset or its position, into a pipe. */
static void sendfile_calls(struct ktest *t)
{
	loff_t __user *uoff = ktest_ualloc(sizeof(loff_t));
	loff_t *off = ktest_ukaddr(uoff);
	char buf[16];
	int fds[2];
	long fd, app;

	KTEST_ASSERT_EQ(t, ftest_put_file(SC_DIR "/f", "0123456789", 10), 0);
	fd = ksys_openat(AT_FDCWD, SC_DIR "/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, O_NONBLOCK), 0);
	*off = 2;
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_sendfile, fds[1], fd, uoff, 5),
			5);
	KTEST_EXPECT_EQ(t, *off, 7);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 0);
	KTEST_EXPECT_EQ(t, ktest_read(fds[0], buf, sizeof(buf)), 5);
	KTEST_EXPECT_MEMEQ(t, buf, "23456", 5);
	/* No offset: the file's own position, which advances. */
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_sendfile, fds[1], fd, NULL,
					  100), 10);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 10);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_sendfile, fds[1], fd, NULL, 1),
			0);
	KTEST_EXPECT_EQ(t, ktest_read(fds[0], buf, sizeof(buf)), 10);
	KTEST_EXPECT_MEMEQ(t, buf, "0123456789", 10);

	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_sendfile, fds[1], fds[0], uoff,
					  1), -ESPIPE);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_sendfile, fd, fd, NULL, 1),
			-EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_sendfile, fds[1], fd, BAD_LOW,
					  1), -EFAULT);
	app = ksys_openat(AT_FDCWD, SC_DIR "/g", O_WRONLY | O_CREAT | O_APPEND,
			  0600);
	KTEST_ASSERT_GE(t, app, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_sendfile, app, fd, uoff, 1),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ksys_close(app), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

/* open's flags: unknown ones dropped, openat2 refuses them; O_TMPFILE. */
static void open_flags(struct ktest *t)
{
	struct open_how __user *uhow = ktest_ualloc(2 * sizeof(*uhow));
	struct open_how *how = ktest_ukaddr(uhow);
	long fd;

	fd = ktest_syscall3(__NR_open, ktest_ustr(SC_DIR),
			    O_RDONLY | 0x80000000, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_GETFL, 0), O_RDONLY | O_LARGEFILE);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_open, ktest_ustr(SC_DIR),
					  O_TMPFILE | O_RDWR, 0600),
			-EOPNOTSUPP);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_open, ktest_ustr(SC_DIR),
					  O_TMPFILE, 0600), -EINVAL);

	how->flags = O_RDONLY;
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_openat2, AT_FDCWD,
					  ktest_ustr(SC_DIR), uhow, 16),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_openat2, AT_FDCWD,
					  ktest_ustr(SC_DIR), uhow, 4097),
			-E2BIG);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_openat2, AT_FDCWD,
					  ktest_ustr(SC_DIR), BAD_LOW, 24),
			-EFAULT);
	/* A larger struct is fine while what the kernel does not know is 0. */
	fd = ktest_syscall4(__NR_openat2, AT_FDCWD, ktest_ustr(SC_DIR), uhow,
			    32);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	((char *)how)[30] = 1;
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_openat2, AT_FDCWD,
					  ktest_ustr(SC_DIR), uhow, 32),
			-E2BIG);
	((char *)how)[30] = 0;
	how->flags = O_RDONLY | 0x80000000;
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_openat2, AT_FDCWD,
					  ktest_ustr(SC_DIR), uhow, 24),
			-EINVAL);
}

/* The structures the calls write, as x86_64 Linux lays them out. */
static void abi_layouts(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, sizeof(struct stat), 144);
	KTEST_EXPECT_EQ(t, offsetof(struct stat, st_mode), 24);
	KTEST_EXPECT_EQ(t, offsetof(struct stat, st_rdev), 40);
	KTEST_EXPECT_EQ(t, offsetof(struct stat, st_size), 48);
	KTEST_EXPECT_EQ(t, offsetof(struct stat, st_mtime), 88);
	KTEST_EXPECT_EQ(t, offsetof(struct stat, st_ctime_nsec), 112);
	KTEST_EXPECT_EQ(t, sizeof(struct statx), 256);
	KTEST_EXPECT_EQ(t, offsetof(struct statx, stx_mode), 28);
	KTEST_EXPECT_EQ(t, offsetof(struct statx, stx_ino), 32);
	KTEST_EXPECT_EQ(t, offsetof(struct statx, stx_atime), 64);
	KTEST_EXPECT_EQ(t, offsetof(struct statx, stx_mtime), 112);
	KTEST_EXPECT_EQ(t, offsetof(struct statx, stx_rdev_major), 128);
	KTEST_EXPECT_EQ(t, offsetof(struct statx, stx_mnt_id), 144);
	KTEST_EXPECT_EQ(t, sizeof(struct statfs), 120);
	KTEST_EXPECT_EQ(t, offsetof(struct statfs, f_fsid), 56);
	KTEST_EXPECT_EQ(t, offsetof(struct statfs, f_flags), 80);
	KTEST_EXPECT_EQ(t, sizeof(struct open_how), 24);
	KTEST_EXPECT_EQ(t, sizeof(struct __kernel_timespec), 16);
	KTEST_EXPECT_EQ(t, sizeof(struct __kernel_old_timeval), 16);
}

/*
 * O_PATH: a descriptor that names a place.  It serves as a dfd, for
 * fstat, fstatfs, fchdir, dup and some fcntl commands; I/O and the rest
 * are -EBADF.  No ->open runs (a FIFO does not wait for a writer) and
 * O_NOFOLLOW opens a symlink itself.
 */
static void o_path(struct ktest *t)
{
	struct stat __user *ust = ktest_ualloc(sizeof(*ust));
	struct pollfd __user *upfd = ktest_ualloc(sizeof(struct pollfd));
	struct pollfd *pfd = ktest_ukaddr(upfd);
	char __user *buf = ktest_ualloc(64);
	long dir, fd, dup;

	KTEST_ASSERT_EQ(t, ftest_put_file(SC_DIR "/f", "abc", 3), 0);
	dir = ktest_syscall3(__NR_open, ktest_ustr(SC_DIR),
			     O_PATH | O_RDWR | O_TRUNC, 0);
	KTEST_ASSERT_GE(t, dir, 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(dir, F_GETFL, 0), O_PATH);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getdents64, dir, buf, 64),
			-EBADF);
	fd = ktest_syscall4(__NR_openat, dir, ktest_ustr("f"), O_RDONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_fchdir, dir), 0);
	KTEST_EXPECT_EQ(t, ksys_chdir("/"), 0);
	KTEST_EXPECT_EQ(t, ksys_close(dir), 0);

	fd = ktest_syscall3(__NR_open, P("f"), O_PATH, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_read, fd, buf, 3), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_write, fd, buf, 3), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_lseek, fd, 0, SEEK_SET),
			-EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_ioctl, fd, FIOCLEX, 0), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_fchmod, fd, 0600), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_utimensat, fd, NULL, NULL, 0),
			-EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_utimensat, fd, ktest_ustr(""),
					  NULL, AT_EMPTY_PATH), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_fsync, fd), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_SETFL, O_NONBLOCK), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_fstat, fd, ust), 0);
	KTEST_EXPECT_EQ(t, ((struct stat *)ktest_ukaddr(ust))->st_size, 3);
	*pfd = (struct pollfd){ .fd = fd, .events = POLLIN };
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_poll, upfd, 1, 0), 1);
	KTEST_EXPECT_EQ(t, pfd->revents, POLLNVAL);
	dup = ktest_syscall1(__NR_dup, fd);
	KTEST_ASSERT_GE(t, dup, 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(dup, F_GETFL, 0), O_PATH);
	KTEST_EXPECT_EQ(t, ksys_close(dup), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);

	/* A symlink itself, a FIFO without waiting for its other end. */
	KTEST_ASSERT_EQ(t, ksys_symlinkat("f", AT_FDCWD, SC_DIR "/l"), 0);
	fd = ktest_syscall3(__NR_open, P("l"), O_PATH | O_NOFOLLOW, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_fstat, fd, ust), 0);
	KTEST_EXPECT_EQ(t, ((struct stat *)ktest_ukaddr(ust))->st_mode &
			S_IFMT, S_IFLNK);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_ASSERT_EQ(t, ksys_mknodat(AT_FDCWD, SC_DIR "/g", S_IFIFO | 0600,
					0), 0);
	fd = ktest_syscall3(__NR_open, P("g"), O_PATH | O_WRONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	/* openat2 refuses O_PATH with flags it would not keep. */
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_openat2, AT_FDCWD, P("f"),
					  ktest_uput(&(struct open_how){
						.flags = O_PATH | O_RDWR },
						sizeof(struct open_how)),
					  sizeof(struct open_how)), -EINVAL);
}

static struct ktest_case syscall_cases[] = {
	KTEST_CASE(abi_layouts),
	KTEST_CASE(path_names),
	KTEST_CASE(open_rw_stat),
	KTEST_CASE(open_flags),
	KTEST_CASE(o_path),
	KTEST_CASE(empty_path),
	KTEST_CASE(namespace_calls),
	KTEST_CASE(cwd_calls),
	KTEST_CASE(getdents),
	KTEST_CASE(pipes_dup_fcntl),
	KTEST_CASE(ioctls),
	KTEST_CASE(statfs_calls),
	KTEST_CASE(attrs_access_umask),
	KTEST_CASE(mount_calls),
	KTEST_CASE(sendfile_calls),
	{}
};

static struct ktest_suite syscall_suite = {
	.name = "fs_syscall",
	.init = sc_init,
	.exit = sc_exit,
	.cases = syscall_cases,
};
ktest_register_suite(syscall_suite);
