// SPDX-License-Identifier: GPL-2.0
/*
 * Files: open and openat flags, stat, lseek, pread/pwrite, readv/writev,
 * getdents64, the directory operations (mkdir, rmdir, unlink, rename,
 * link, symlink, readlink) and their *at forms and flags, dup/dup2/dup3,
 * fcntl, the working directory, umask, and the errno of each misuse.
 * Each case works in a fresh directory of its own under /tmp.
 */
#include "kselftest.h"

#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>

/* Makes and enters /tmp/files.<pid>; returns nothing, fails the case. */
static void enter_scratch(void)
{
	char dir[64];

	snprintf(dir, sizeof(dir), "/tmp/files.%d", getpid());
	KS_ASSERT_RET(mkdir(dir, 0755), 0);
	KS_ASSERT_RET(chdir(dir), 0);
	umask(022);
}

/* Creates @path holding @text; returns nothing. */
static void put(const char *path, const char *text)
{
	int fd;

	KS_ASSERT_OK_VAL(fd, open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644));
	KS_ASSERT_RET(write(fd, text, strlen(text)), strlen(text));
	KS_ASSERT_RET(close(fd), 0);
}

static off_t size_of(const char *path)
{
	struct stat st;

	KS_ASSERT_RET(stat(path, &st), 0);
	return st.st_size;
}

static void open_creat_excl(void)
{
	int fd, fd2;

	enter_scratch();
	KS_ASSERT_OK_VAL(fd, open("f", O_RDWR | O_CREAT | O_EXCL, 0600));
	KS_ASSERT_ERRNO(open("f", O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
	/* Without O_EXCL an existing file is just opened. */
	KS_ASSERT_OK_VAL(fd2, open("f", O_RDWR | O_CREAT, 0600));
	KS_ASSERT_NE(fd2, fd);
	/* The lowest free descriptor is taken. */
	KS_ASSERT_RET(close(fd), 0);
	KS_ASSERT_RET(open("f", O_RDONLY), fd);
	KS_ASSERT_EQ(fcntl(fd, F_GETFD), 0);
	KS_ASSERT_OK_VAL(fd2, open("f", O_RDONLY | O_CLOEXEC));
	KS_ASSERT_EQ(fcntl(fd2, F_GETFD), FD_CLOEXEC);
	/* O_EXCL does not follow a symbolic link, even a dangling one. */
	KS_ASSERT_RET(symlink("nowhere", "dangling"), 0);
	KS_ASSERT_ERRNO(open("dangling", O_WRONLY | O_CREAT | O_EXCL, 0600),
			EEXIST);
	KS_ASSERT_ERRNO(open("missing", O_RDONLY), ENOENT);
	KS_ASSERT_ERRNO(open("f", O_RDONLY | O_DIRECTORY), ENOTDIR);
}

static void open_trunc_and_append(void)
{
	char buf[32];
	int fd;

	enter_scratch();
	put("f", "0123456789");
	KS_ASSERT_OK_VAL(fd, open("f", O_WRONLY | O_APPEND));
	KS_ASSERT_RET(lseek(fd, 0, SEEK_SET), 0);
	KS_ASSERT_RET(write(fd, "ab", 2), 2);
	/* The write went to the end, and the offset with it. */
	KS_ASSERT_RET(lseek(fd, 0, SEEK_CUR), 12);
	KS_ASSERT_RET(pread(open("f", O_RDONLY), buf, sizeof(buf), 0), 12);
	KS_ASSERT_MEMEQ(buf, "0123456789ab", 12);
	KS_ASSERT_OK_VAL(fd, open("f", O_WRONLY | O_TRUNC));
	KS_ASSERT_EQ(size_of("f"), 0);
	/* O_TRUNC with O_RDONLY truncates as well on Linux. */
	put("g", "xyz");
	KS_ASSERT_OK(open("g", O_RDONLY | O_TRUNC));
	KS_ASSERT_EQ(size_of("g"), 0);
}

static void stat_fields(void)
{
	struct stat st, fst, lst;
	int fd;

	enter_scratch();
	umask(027);
	KS_ASSERT_OK_VAL(fd, open("f", O_RDWR | O_CREAT, 0777));
	KS_ASSERT_RET(write(fd, "hello", 5), 5);
	KS_ASSERT_RET(stat("f", &st), 0);
	KS_ASSERT_EQ(st.st_mode, S_IFREG | 0750);
	KS_ASSERT_EQ(st.st_size, 5);
	KS_ASSERT_EQ(st.st_nlink, 1);
	KS_ASSERT_EQ(st.st_uid, geteuid());
	KS_ASSERT_EQ(st.st_gid, getegid());
	KS_ASSERT_GT(st.st_blksize, 0);
	KS_ASSERT_GT(st.st_ino, 0);
	KS_ASSERT_RET(fstat(fd, &fst), 0);
	KS_ASSERT_EQ(fst.st_ino, st.st_ino);
	KS_ASSERT_EQ(fst.st_dev, st.st_dev);
	KS_ASSERT_EQ(fst.st_size, 5);
	KS_ASSERT_RET(symlink("f", "l"), 0);
	KS_ASSERT_RET(lstat("l", &lst), 0);
	KS_ASSERT_EQ(lst.st_mode & S_IFMT, S_IFLNK);
	KS_ASSERT_EQ(lst.st_size, 1);
	KS_ASSERT_NE(lst.st_ino, st.st_ino);
	KS_ASSERT_RET(stat("l", &lst), 0);
	KS_ASSERT_EQ(lst.st_ino, st.st_ino);
	KS_ASSERT_RET(mkdir("d", 0755), 0);
	KS_ASSERT_RET(stat("d", &st), 0);
	KS_ASSERT_EQ(st.st_mode, S_IFDIR | 0750);
	KS_ASSERT_EQ(st.st_nlink, 2);
	KS_ASSERT_RET(mkdir("d/sub", 0755), 0);
	KS_ASSERT_RET(stat("d", &st), 0);
	KS_ASSERT_EQ(st.st_nlink, 3);
	KS_ASSERT_ERRNO(stat("", &st), ENOENT);
	KS_ASSERT_ERRNO(stat("f/x", &st), ENOTDIR);
}

static void lseek_whence_and_holes(void)
{
	char buf[8];
	int fd, fds[2];

	enter_scratch();
	KS_ASSERT_OK_VAL(fd, open("f", O_RDWR | O_CREAT, 0600));
	KS_ASSERT_RET(write(fd, "abcdef", 6), 6);
	KS_ASSERT_RET(lseek(fd, 2, SEEK_SET), 2);
	KS_ASSERT_RET(lseek(fd, 1, SEEK_CUR), 3);
	KS_ASSERT_RET(lseek(fd, -1, SEEK_END), 5);
	KS_ASSERT_RET(read(fd, buf, 8), 1);
	KS_ASSERT_EQ(buf[0], 'f');
	KS_ASSERT_RET(read(fd, buf, 8), 0);
	/* Past the end: a hole that reads as zeros. */
	KS_ASSERT_RET(lseek(fd, 10, SEEK_SET), 10);
	KS_ASSERT_RET(write(fd, "Z", 1), 1);
	KS_ASSERT_EQ(size_of("f"), 11);
	KS_ASSERT_RET(pread(fd, buf, 5, 6), 5);
	KS_ASSERT_MEMEQ(buf, "\0\0\0\0Z", 5);
	KS_ASSERT_ERRNO(lseek(fd, -1, SEEK_SET), EINVAL);
	KS_ASSERT_ERRNO(lseek(fd, -100, SEEK_END), EINVAL);
	KS_ASSERT_ERRNO(lseek(fd, 0, 99), EINVAL);
	KS_ASSERT_RET(lseek(fd, 0, SEEK_CUR), 11);
	KS_ASSERT_OK(pipe(fds));
	KS_ASSERT_ERRNO(lseek(fds[0], 0, SEEK_CUR), ESPIPE);
	KS_ASSERT_ERRNO(lseek(99, 0, SEEK_CUR), EBADF);
}

static void pread_pwrite_keep_offset(void)
{
	char buf[8];
	int fd, fds[2];

	enter_scratch();
	KS_ASSERT_OK_VAL(fd, open("f", O_RDWR | O_CREAT, 0600));
	KS_ASSERT_RET(write(fd, "0123456789", 10), 10);
	KS_ASSERT_RET(lseek(fd, 3, SEEK_SET), 3);
	KS_ASSERT_RET(pwrite(fd, "xy", 2, 7), 2);
	KS_ASSERT_RET(pread(fd, buf, 4, 6), 4);
	KS_ASSERT_MEMEQ(buf, "6xy9", 4);
	KS_ASSERT_RET(pread(fd, buf, 4, 100), 0);
	KS_ASSERT_RET(lseek(fd, 0, SEEK_CUR), 3);
	KS_ASSERT_ERRNO(pread(fd, buf, 4, -1), EINVAL);
	KS_ASSERT_ERRNO(pwrite(fd, buf, 4, -1), EINVAL);
	KS_ASSERT_OK(pipe(fds));
	KS_ASSERT_ERRNO(pread(fds[0], buf, 1, 0), ESPIPE);
	KS_ASSERT_ERRNO(pwrite(fds[1], buf, 1, 0), ESPIPE);
}

static void readv_writev_gather_and_scatter(void)
{
	char a[3], b[5], c[2];
	struct iovec out[3] = {
		{ "abc", 3 }, { NULL, 0 }, { "defgh", 5 },
	};
	struct iovec in[3] = { { a, 3 }, { b, 5 }, { c, 2 } };
	struct iovec many[IOV_MAX + 1];
	int fd, i;

	enter_scratch();
	KS_ASSERT_OK_VAL(fd, open("f", O_RDWR | O_CREAT, 0600));
	KS_ASSERT_RET(writev(fd, out, 3), 8);
	KS_ASSERT_RET(lseek(fd, 0, SEEK_SET), 0);
	KS_ASSERT_RET(readv(fd, in, 3), 8);
	KS_ASSERT_MEMEQ(a, "abc", 3);
	KS_ASSERT_MEMEQ(b, "defgh", 5);
	for (i = 0; i <= IOV_MAX; i++)
		many[i] = (struct iovec){ a, 1 };
	KS_ASSERT_ERRNO(writev(fd, many, IOV_MAX + 1), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_writev, fd, many, -1), EINVAL);
	KS_ASSERT_RET(writev(fd, many, 0), 0);
	KS_ASSERT_RET(pwritev(fd, out, 1, 1), 3);
	KS_ASSERT_RET(preadv(fd, in, 1, 0), 3);
	KS_ASSERT_MEMEQ(a, "aab", 3);
	/* A bad buffer pointer in the vector is EFAULT. */
	in[0].iov_base = (void *)8;
	KS_ASSERT_ERRNO(preadv(fd, in, 1, 0), EFAULT);
}

struct linux_dirent64_hdr {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static void getdents64_lists_each_entry_once(void)
{
	char buf[4096], *names = "";
	int fd, seen[5] = { 0 }, i;
	long n, off;
	static const char *const want[] = { ".", "..", "a", "b", "sub" };
	static const unsigned char type[] = { DT_DIR, DT_DIR, DT_REG, DT_REG,
					       DT_DIR };

	enter_scratch();
	KS_ASSERT_RET(mkdir("d", 0755), 0);
	put("d/a", "");
	put("d/b", "");
	KS_ASSERT_RET(mkdir("d/sub", 0755), 0);
	KS_ASSERT_OK_VAL(fd, open("d", O_RDONLY | O_DIRECTORY));
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		for (off = 0; off < n;) {
			struct linux_dirent64_hdr *d = (void *)(buf + off);

			KS_ASSERT_EQ(d->d_reclen % 8, 0);
			for (i = 0; i < 5; i++)
				if (!strcmp(d->d_name, want[i]))
					break;
			if (i == 5) {
				names = d->d_name;
				KS_ASSERT_STREQ(names, "(one of . .. a b sub)");
			}
			seen[i]++;
			KS_ASSERT_EQ(d->d_type, type[i]);
			KS_ASSERT_NE(d->d_ino, 0);
			off += d->d_reclen;
		}
	}
	KS_ASSERT_EQ(n, 0);
	for (i = 0; i < 5; i++)
		KS_ASSERT_EQ(seen[i], 1);
	/* At the end it stays at the end; rewinding lists again. */
	KS_ASSERT_RET(syscall(SYS_getdents64, fd, buf, sizeof(buf)), 0);
	KS_ASSERT_RET(lseek(fd, 0, SEEK_SET), 0);
	KS_ASSERT_GT(syscall(SYS_getdents64, fd, buf, sizeof(buf)), 0);
	/* A buffer too small for one entry is EINVAL. */
	KS_ASSERT_RET(lseek(fd, 0, SEEK_SET), 0);
	KS_ASSERT_ERRNO(syscall(SYS_getdents64, fd, buf, 8), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_getdents64, fd, (void *)8, 4096), EFAULT);
	KS_ASSERT_ERRNO(syscall(SYS_getdents64, open("d/a", O_RDONLY), buf,
				sizeof(buf)), ENOTDIR);
	KS_ASSERT_ERRNO(syscall(SYS_getdents64, 99, buf, sizeof(buf)), EBADF);
}

static void mkdir_rmdir_unlink_errors(void)
{
	enter_scratch();
	KS_ASSERT_RET(mkdir("d", 0755), 0);
	KS_ASSERT_ERRNO(mkdir("d", 0755), EEXIST);
	KS_ASSERT_ERRNO(mkdir("no/d", 0755), ENOENT);
	put("d/f", "x");
	KS_ASSERT_ERRNO(mkdir("d/f/g", 0755), ENOTDIR);
	KS_ASSERT_ERRNO(rmdir("d"), ENOTEMPTY);
	KS_ASSERT_ERRNO(rmdir("d/f"), ENOTDIR);
	KS_ASSERT_ERRNO(rmdir("d/."), EINVAL);
	KS_ASSERT_ERRNO(rmdir("missing"), ENOENT);
	KS_ASSERT_ERRNO(unlink("d"), EISDIR);
	KS_ASSERT_ERRNO(unlink("missing"), ENOENT);
	KS_ASSERT_RET(unlink("d/f"), 0);
	KS_ASSERT_RET(rmdir("d"), 0);
	KS_ASSERT_ERRNO(rmdir("d"), ENOENT);
	/* An open file outlives its name. */
	put("g", "kept");
	{
		char buf[8];
		int fd;

		KS_ASSERT_OK_VAL(fd, open("g", O_RDONLY));
		KS_ASSERT_RET(unlink("g"), 0);
		KS_ASSERT_ERRNO(access("g", F_OK), ENOENT);
		KS_ASSERT_RET(read(fd, buf, sizeof(buf)), 4);
		KS_ASSERT_MEMEQ(buf, "kept", 4);
	}
}

static void rename_rules(void)
{
	char buf[8];
	struct stat st;
	ino_t ino;

	enter_scratch();
	put("a", "A");
	put("b", "B");
	KS_ASSERT_RET(stat("a", &st), 0);
	ino = st.st_ino;
	KS_ASSERT_RET(rename("a", "b"), 0);
	KS_ASSERT_ERRNO(access("a", F_OK), ENOENT);
	KS_ASSERT_RET(stat("b", &st), 0);
	KS_ASSERT_EQ(st.st_ino, ino);
	KS_ASSERT_RET(read(open("b", O_RDONLY), buf, 8), 1);
	KS_ASSERT_EQ(buf[0], 'A');
	KS_ASSERT_RET(mkdir("d", 0755), 0);
	KS_ASSERT_RET(mkdir("e", 0755), 0);
	put("e/x", "");
	KS_ASSERT_ERRNO(rename("d", "e"), ENOTEMPTY);
	KS_ASSERT_ERRNO(rename("b", "d"), EISDIR);
	KS_ASSERT_ERRNO(rename("d", "b"), ENOTDIR);
	KS_ASSERT_ERRNO(rename("d", "d/inside"), EINVAL);
	KS_ASSERT_ERRNO(rename("missing", "z"), ENOENT);
	/* A directory over an empty one replaces it. */
	KS_ASSERT_RET(rename("e", "d"), 0);
	KS_ASSERT_RET(access("d/x", F_OK), 0);
	/* Renaming a name to itself is no change. */
	KS_ASSERT_RET(rename("b", "b"), 0);
	KS_ASSERT_RET(access("b", F_OK), 0);
}

static void link_counts_names(void)
{
	struct stat a, b;

	enter_scratch();
	put("f", "x");
	KS_ASSERT_RET(link("f", "g"), 0);
	KS_ASSERT_RET(stat("f", &a), 0);
	KS_ASSERT_RET(stat("g", &b), 0);
	KS_ASSERT_EQ(a.st_ino, b.st_ino);
	KS_ASSERT_EQ(a.st_nlink, 2);
	KS_ASSERT_ERRNO(link("f", "g"), EEXIST);
	KS_ASSERT_ERRNO(link("missing", "h"), ENOENT);
	KS_ASSERT_RET(mkdir("d", 0755), 0);
	KS_ASSERT_ERRNO(link("d", "d2"), EPERM);
	KS_ASSERT_RET(unlink("f"), 0);
	KS_ASSERT_RET(stat("g", &b), 0);
	KS_ASSERT_EQ(b.st_nlink, 1);
}

static void symlink_and_readlink(void)
{
	char buf[64];
	int i;

	enter_scratch();
	put("target", "T");
	KS_ASSERT_RET(symlink("target", "l"), 0);
	KS_ASSERT_ERRNO(symlink("x", "l"), EEXIST);
	memset(buf, '#', sizeof(buf));
	/* No NUL is stored; the length is returned. */
	KS_ASSERT_RET(readlink("l", buf, sizeof(buf)), 6);
	KS_ASSERT_MEMEQ(buf, "target#", 7);
	KS_ASSERT_RET(readlink("l", buf, 3), 3);
	KS_ASSERT_MEMEQ(buf, "tar", 3);
	KS_ASSERT_ERRNO(readlink("target", buf, sizeof(buf)), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_readlink, "l", buf, 0), EINVAL);
	KS_ASSERT_ERRNO(readlink("missing", buf, sizeof(buf)), ENOENT);
	KS_ASSERT_RET(read(open("l", O_RDONLY), buf, 8), 1);
	KS_ASSERT_ERRNO(open("l", O_RDONLY | O_NOFOLLOW), ELOOP);
	KS_ASSERT_RET(symlink("loop2", "loop1"), 0);
	KS_ASSERT_RET(symlink("loop1", "loop2"), 0);
	KS_ASSERT_ERRNO(open("loop1", O_RDONLY), ELOOP);
	KS_ASSERT_RET(symlink("nowhere", "dangling"), 0);
	KS_ASSERT_ERRNO(open("dangling", O_RDONLY), ENOENT);
	/* O_CREAT through a dangling link creates its target. */
	KS_ASSERT_OK(open("dangling", O_WRONLY | O_CREAT, 0600));
	KS_ASSERT_RET(access("nowhere", F_OK), 0);
	KS_ASSERT_ERRNO(symlink("", "empty"), ENOENT);
	/* A chain of 40 links resolves; the 41st is ELOOP. */
	for (i = 1; i <= 41; i++) {
		char from[16], to[16];

		snprintf(from, sizeof(from), "c%d", i);
		snprintf(to, sizeof(to), i == 1 ? "target" : "c%d", i - 1);
		KS_ASSERT_RET(symlink(to, from), 0);
	}
	KS_ASSERT_OK(open("c40", O_RDONLY));
	KS_ASSERT_ERRNO(open("c41", O_RDONLY), ELOOP);
}

static void at_flags(void)
{
	struct stat st, fst;
	int dir, fd;

	enter_scratch();
	KS_ASSERT_RET(mkdir("d", 0755), 0);
	KS_ASSERT_OK_VAL(dir, open("d", O_RDONLY | O_DIRECTORY));
	KS_ASSERT_OK_VAL(fd, openat(dir, "f", O_RDWR | O_CREAT, 0600));
	KS_ASSERT_RET(access("d/f", F_OK), 0);
	KS_ASSERT_RET(symlinkat("f", dir, "l"), 0);
	KS_ASSERT_RET(fstatat(dir, "l", &st, AT_SYMLINK_NOFOLLOW), 0);
	KS_ASSERT_EQ(st.st_mode & S_IFMT, S_IFLNK);
	KS_ASSERT_RET(fstatat(dir, "l", &st, 0), 0);
	KS_ASSERT_EQ(st.st_mode & S_IFMT, S_IFREG);
	KS_ASSERT_ERRNO(fstatat(dir, "l", &st, 0x4), EINVAL);
	/* AT_EMPTY_PATH: the descriptor itself. */
	KS_ASSERT_RET(fstatat(fd, "", &st, AT_EMPTY_PATH), 0);
	KS_ASSERT_RET(fstat(fd, &fst), 0);
	KS_ASSERT_EQ(st.st_ino, fst.st_ino);
	KS_ASSERT_ERRNO(fstatat(fd, "", &st, 0), ENOENT);
	KS_ASSERT_RET(linkat(fd, "", dir, "hard", AT_EMPTY_PATH), 0);
	KS_ASSERT_RET(fstatat(dir, "hard", &st, 0), 0);
	KS_ASSERT_EQ(st.st_ino, fst.st_ino);
	/* AT_REMOVEDIR: unlinkat() as rmdir(). */
	KS_ASSERT_RET(mkdirat(dir, "sub", 0755), 0);
	KS_ASSERT_ERRNO(unlinkat(dir, "sub", 0), EISDIR);
	KS_ASSERT_ERRNO(unlinkat(dir, "f", AT_REMOVEDIR), ENOTDIR);
	KS_ASSERT_ERRNO(unlinkat(dir, "f", 0x1), EINVAL);
	KS_ASSERT_RET(unlinkat(dir, "sub", AT_REMOVEDIR), 0);
	KS_ASSERT_ERRNO(fstatat(dir, "sub", &st, 0), ENOENT);
	/* A relative path needs a directory; an absolute one ignores it. */
	KS_ASSERT_ERRNO(openat(fd, "x", O_RDONLY), ENOTDIR);
	KS_ASSERT_ERRNO(openat(999, "x", O_RDONLY), EBADF);
	KS_ASSERT_OK(openat(999, "/tmp", O_RDONLY));
	KS_ASSERT_OK(openat(AT_FDCWD, "d/f", O_RDONLY));
	KS_ASSERT_RET(renameat(dir, "f", AT_FDCWD, "moved"), 0);
	KS_ASSERT_RET(access("moved", F_OK), 0);
	KS_ASSERT_RET(readlinkat(dir, "l", (char[8]){ 0 }, 8), 1);
}

static void dup_family(void)
{
	int fd, d, maxfd;
	struct rlimit rl;

	enter_scratch();
	put("f", "abcdef");
	KS_ASSERT_OK_VAL(fd, open("f", O_RDONLY));
	KS_ASSERT_OK_VAL(d, dup(fd));
	KS_ASSERT_NE(d, fd);
	/* The lowest free descriptor again. */
	KS_ASSERT_RET(close(d), 0);
	KS_ASSERT_RET(dup(fd), d);
	/* Duplicates share the offset. */
	KS_ASSERT_RET(lseek(fd, 4, SEEK_SET), 4);
	KS_ASSERT_RET(lseek(d, 0, SEEK_CUR), 4);
	KS_ASSERT_RET(dup2(fd, 20), 20);
	KS_ASSERT_RET(dup2(fd, fd), fd);
	KS_ASSERT_ERRNO(syscall(SYS_dup3, fd, fd, 0), EINVAL);
	KS_ASSERT_RET(dup3(fd, 21, O_CLOEXEC), 21);
	KS_ASSERT_EQ(fcntl(21, F_GETFD), FD_CLOEXEC);
	KS_ASSERT_EQ(fcntl(20, F_GETFD), 0);
	KS_ASSERT_ERRNO(syscall(SYS_dup3, fd, 22, O_NONBLOCK), EINVAL);
	KS_ASSERT_ERRNO(dup(99), EBADF);
	KS_ASSERT_ERRNO(dup2(99, 23), EBADF);
	KS_ASSERT_ERRNO(dup2(99, 99), EBADF);
	KS_ASSERT_RET(getrlimit(RLIMIT_NOFILE, &rl), 0);
	maxfd = rl.rlim_cur;
	KS_ASSERT_ERRNO(dup2(fd, maxfd), EBADF);
	KS_ASSERT_RET(dup2(fd, maxfd - 1), maxfd - 1);
	/* dup2 onto an open descriptor closes it first. */
	KS_ASSERT_RET(dup2(d, 20), 20);
	KS_ASSERT_RET(close(20), 0);
	KS_ASSERT_ERRNO(close(20), EBADF);
}

static void fcntl_commands(void)
{
	int fd, d;

	enter_scratch();
	KS_ASSERT_OK_VAL(fd, open("f", O_RDWR | O_CREAT | O_APPEND, 0600));
	KS_ASSERT_OK_VAL(d, fcntl(fd, F_DUPFD_CLOEXEC, 30));
	KS_ASSERT_EQ(d, 30);
	KS_ASSERT_EQ(fcntl(d, F_GETFD), FD_CLOEXEC);
	KS_ASSERT_RET(fcntl(fd, F_DUPFD, 30), 31);
	KS_ASSERT_EQ(fcntl(31, F_GETFD), 0);
	KS_ASSERT_EQ(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK),
		     O_RDWR | O_APPEND);
	/* F_SETFL changes O_APPEND and O_NONBLOCK, never the access mode. */
	KS_ASSERT_RET(fcntl(fd, F_SETFL, O_RDONLY | O_NONBLOCK), 0);
	KS_ASSERT_EQ(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK),
		     O_RDWR | O_NONBLOCK);
	/* The flags belong to the open file: the dup sees them. */
	KS_ASSERT_EQ(fcntl(d, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	KS_ASSERT_RET(fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
	KS_ASSERT_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	KS_ASSERT_EQ(fcntl(31, F_GETFD), 0);
	KS_ASSERT_ERRNO(fcntl(fd, 9999), EINVAL);
	KS_ASSERT_ERRNO(fcntl(99, F_GETFD), EBADF);
	KS_ASSERT_ERRNO(fcntl(fd, F_DUPFD, -1), EINVAL);
}

static void cwd_follows_chdir(void)
{
	char buf[PATH_MAX], want[64];
	int fd;

	enter_scratch();
	snprintf(want, sizeof(want), "/tmp/files.%d", getpid());
	KS_ASSERT_TRUE(getcwd(buf, sizeof(buf)) != NULL);
	KS_ASSERT_STREQ(buf, want);
	KS_ASSERT_RET(mkdir("d", 0755), 0);
	KS_ASSERT_RET(chdir("d"), 0);
	strcat(want, "/d");
	KS_ASSERT_RET(syscall(SYS_getcwd, buf, sizeof(buf)), strlen(want) + 1);
	KS_ASSERT_STREQ(buf, want);
	KS_ASSERT_RET(chdir(".."), 0);
	KS_ASSERT_OK_VAL(fd, open("d", O_RDONLY | O_DIRECTORY));
	KS_ASSERT_RET(chdir("/"), 0);
	KS_ASSERT_RET(fchdir(fd), 0);
	KS_ASSERT_STREQ(getcwd(buf, sizeof(buf)), want);
	KS_ASSERT_ERRNO(syscall(SYS_getcwd, buf, 4), ERANGE);
	KS_ASSERT_ERRNO(syscall(SYS_getcwd, (void *)8, sizeof(buf)), EFAULT);
	put("f", "");
	KS_ASSERT_ERRNO(chdir("f"), ENOTDIR);
	KS_ASSERT_ERRNO(fchdir(open("f", O_RDONLY)), ENOTDIR);
	KS_ASSERT_ERRNO(chdir("missing"), ENOENT);
	KS_ASSERT_ERRNO(fchdir(99), EBADF);
	/* A removed working directory: getcwd says ENOENT. */
	KS_ASSERT_RET(mkdir("gone", 0755), 0);
	KS_ASSERT_RET(chdir("gone"), 0);
	KS_ASSERT_RET(rmdir("../gone"), 0);
	KS_ASSERT_ERRNO(syscall(SYS_getcwd, buf, sizeof(buf)), ENOENT);
}

static void umask_masks_modes(void)
{
	struct stat st;

	enter_scratch();
	KS_ASSERT_EQ(umask(077), 022);
	KS_ASSERT_EQ(umask(0777 | 070000), 077);
	/* Only the permission bits are kept. */
	KS_ASSERT_EQ(umask(027), 0777);
	KS_ASSERT_OK(open("f", O_WRONLY | O_CREAT, 0666));
	KS_ASSERT_RET(stat("f", &st), 0);
	KS_ASSERT_EQ(st.st_mode & 07777, 0640);
	KS_ASSERT_RET(mkdir("d", 0777), 0);
	KS_ASSERT_RET(stat("d", &st), 0);
	KS_ASSERT_EQ(st.st_mode & 07777, 0750);
	/* chmod ignores the umask. */
	KS_ASSERT_RET(chmod("f", 0777), 0);
	KS_ASSERT_RET(stat("f", &st), 0);
	KS_ASSERT_EQ(st.st_mode & 07777, 0777);
}

static void truncate_sizes(void)
{
	char buf[8];
	int fd;

	enter_scratch();
	put("f", "abcdef");
	KS_ASSERT_RET(truncate("f", 3), 0);
	KS_ASSERT_EQ(size_of("f"), 3);
	KS_ASSERT_OK_VAL(fd, open("f", O_RDWR));
	KS_ASSERT_RET(ftruncate(fd, 6), 0);
	KS_ASSERT_RET(pread(fd, buf, 8, 0), 6);
	KS_ASSERT_MEMEQ(buf, "abc\0\0\0", 6);
	KS_ASSERT_ERRNO(ftruncate(fd, -1), EINVAL);
	KS_ASSERT_ERRNO(ftruncate(open("f", O_RDONLY), 0), EINVAL);
	KS_ASSERT_ERRNO(truncate("missing", 0), ENOENT);
	KS_ASSERT_RET(mkdir("d", 0755), 0);
	KS_ASSERT_ERRNO(truncate("d", 0), EISDIR);
}

static void misuse_errnos(void)
{
	char buf[8], name[300];
	int fd, dir;

	enter_scratch();
	put("f", "x");
	KS_ASSERT_RET(mkdir("d", 0755), 0);
	KS_ASSERT_OK_VAL(fd, open("f", O_RDONLY));
	KS_ASSERT_ERRNO(write(fd, "y", 1), EBADF);
	KS_ASSERT_OK_VAL(dir, open("d", O_RDONLY));
	KS_ASSERT_ERRNO(read(dir, buf, 1), EISDIR);
	KS_ASSERT_ERRNO(open("d", O_WRONLY), EISDIR);
	KS_ASSERT_ERRNO(open("d", O_RDWR), EISDIR);
	KS_ASSERT_ERRNO(open("f/x", O_RDONLY), ENOTDIR);
	KS_ASSERT_ERRNO(read(99, buf, 1), EBADF);
	KS_ASSERT_ERRNO(close(99), EBADF);
	KS_ASSERT_ERRNO(close(-1), EBADF);
	memset(name, 'n', sizeof(name));
	name[sizeof(name) - 1] = '\0';
	KS_ASSERT_ERRNO(open(name, O_RDONLY), ENAMETOOLONG);
	KS_ASSERT_ERRNO(open(name, O_RDONLY | O_CREAT, 0600), ENAMETOOLONG);
	KS_ASSERT_ERRNO(syscall(SYS_open, (char *)8, O_RDONLY), EFAULT);
	KS_ASSERT_ERRNO(syscall(SYS_read, fd, (void *)8, 1), EFAULT);
	KS_ASSERT_ERRNO(syscall(SYS_stat, "f", (void *)8), EFAULT);
	KS_ASSERT_ERRNO(syscall(SYS_open, "f", O_RDONLY | O_CREAT | O_DIRECTORY,
				0600), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_mkdir, (char *)8, 0755), EFAULT);
	KS_ASSERT_ERRNO(open("", O_RDONLY), ENOENT);
}

static void offset_shared_across_fork(void)
{
	int fd;
	pid_t pid;

	enter_scratch();
	KS_ASSERT_OK_VAL(fd, open("f", O_RDWR | O_CREAT, 0600));
	KS_CHILD(pid, write(fd, "child", 5));
	KS_WAIT(pid, 0);
	KS_ASSERT_RET(lseek(fd, 0, SEEK_CUR), 5);
	KS_ASSERT_RET(write(fd, "+", 1), 1);
	KS_ASSERT_EQ(size_of("f"), 6);
}

static const struct ks_case cases[] = {
	KS_CASE(open_creat_excl),
	KS_CASE(open_trunc_and_append),
	KS_CASE(stat_fields),
	KS_CASE(lseek_whence_and_holes),
	KS_CASE(pread_pwrite_keep_offset),
	KS_CASE(readv_writev_gather_and_scatter),
	KS_CASE(getdents64_lists_each_entry_once),
	KS_CASE(mkdir_rmdir_unlink_errors),
	KS_CASE(rename_rules),
	KS_CASE(link_counts_names),
	KS_CASE(symlink_and_readlink),
	KS_CASE(at_flags),
	KS_CASE(dup_family),
	KS_CASE(fcntl_commands),
	KS_CASE(cwd_follows_chdir),
	KS_CASE(umask_masks_modes),
	KS_CASE(truncate_sizes),
	KS_CASE(misuse_errnos),
	KS_CASE(offset_shared_across_fork),
};

KS_MAIN("files", cases)
