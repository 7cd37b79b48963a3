// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for open, stat and attribute changes, and getdents64: flags
 * kept in f_flags, struct stat filled as Linux fills it, chmod/chown/
 * utimensat rules, truncate, and linux_dirent64 records byte for byte.
 */
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/stat.h>
#include <keel/string.h>
#include "file_test.h"

#define OPEN_DIR	"/open_test"

static void open_flags(struct ktest *t)
{
	long fd;

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, OPEN_DIR, 0755), 0);
	fd = ksys_openat(AT_FDCWD, OPEN_DIR "/f",
			 O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_NONBLOCK |
			 O_CLOEXEC, 0640);
	KTEST_ASSERT_GE(t, fd, 0);
	/* The creation flags are spent; O_CLOEXEC shows, as on Linux. */
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_GETFL, 0),
			O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_LARGEFILE);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, OPEN_DIR "/f",
				       O_CREAT | O_EXCL, 0600), -EEXIST);
}

static void stat_fields(struct ktest *t)
{
	struct stat st, lst;
	struct file *file;
	long fd;

	KTEST_ASSERT_EQ(t, ftest_put_file(OPEN_DIR "/f", "12345", 5), 0);
	KTEST_ASSERT_EQ(t, ksys_newfstatat(AT_FDCWD, OPEN_DIR "/f", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFREG | 0640);
	KTEST_EXPECT_EQ(t, st.st_nlink, 1);
	KTEST_EXPECT_EQ(t, st.st_uid, 0);
	KTEST_EXPECT_EQ(t, st.st_gid, 0);
	KTEST_EXPECT_EQ(t, st.st_size, 5);
	KTEST_EXPECT_EQ(t, st.st_blksize, 4096);
	KTEST_EXPECT_EQ(t, st.st_blocks, 8);
	KTEST_EXPECT_EQ(t, st.st_rdev, 0);
	KTEST_EXPECT_EQ(t, st.__pad0, 0);

	fd = ksys_openat(AT_FDCWD, OPEN_DIR "/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	file = fget(fd);
	KTEST_ASSERT_NOT_NULL(t, file);
	KTEST_EXPECT_EQ(t, st.st_ino, file_inode(file)->i_ino);
	KTEST_EXPECT_EQ(t, st.st_dev,
			new_encode_dev(file_inode(file)->i_sb->s_dev));
	fput(file);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &lst), 0);
	KTEST_EXPECT_MEMEQ(t, &lst, &st, sizeof(st));
	KTEST_EXPECT_EQ(t, ksys_newfstatat(fd, "", &lst, AT_EMPTY_PATH), 0);
	KTEST_EXPECT_EQ(t, lst.st_ino, st.st_ino);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(fd, "", &lst, 0), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, OPEN_DIR "/f", &lst,
					   0x4), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &lst), -EBADF);

	/* A symlink is itself only with AT_SYMLINK_NOFOLLOW. */
	KTEST_ASSERT_EQ(t, ksys_symlinkat("f", AT_FDCWD, OPEN_DIR "/l"), 0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, OPEN_DIR "/l", &lst,
					   AT_SYMLINK_NOFOLLOW), 0);
	KTEST_EXPECT_EQ(t, lst.st_mode, S_IFLNK | 0777);
	KTEST_EXPECT_EQ(t, lst.st_size, 1);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, OPEN_DIR "/l", &lst, 0),
			0);
	KTEST_EXPECT_EQ(t, lst.st_ino, st.st_ino);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, OPEN_DIR "/l", 0), 0);

	/* Devices: st_rdev in Linux's new_encode_dev() form. */
	KTEST_ASSERT_EQ(t, ksys_mknodat(AT_FDCWD, OPEN_DIR "/c",
					S_IFCHR | 0600,
					new_encode_dev(MKDEV(259, 300))), 0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, OPEN_DIR "/c", &lst, 0),
			0);
	KTEST_EXPECT_EQ(t, lst.st_mode, S_IFCHR | 0600);
	KTEST_EXPECT_EQ(t, lst.st_rdev, 0x11032c);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, OPEN_DIR "/c", 0), 0);
}

static void attributes(struct ktest *t)
{
	struct cred user = { .uid = 1000, .euid = 1000, .fsuid = 1000,
			     .gid = 1000, .egid = 1000, .fsgid = 1000 };
	struct timespec64 times[2] = {
		{ .tv_sec = 1000, .tv_nsec = 5 },
		{ .tv_sec = 2000, .tv_nsec = 6 },
	};
	const struct cred *old;
	struct stat st;

	KTEST_EXPECT_EQ(t, ksys_fchmodat(AT_FDCWD, OPEN_DIR "/f", 04755), 0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, OPEN_DIR "/f", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFREG | 04755);
	/* chown drops set-user-ID. */
	KTEST_EXPECT_EQ(t, ksys_fchownat(AT_FDCWD, OPEN_DIR "/f", 1000, -1, 0),
			0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, OPEN_DIR "/f", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_uid, 1000);
	KTEST_EXPECT_EQ(t, st.st_gid, 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFREG | 0755);
	KTEST_EXPECT_EQ(t, ksys_fchownat(AT_FDCWD, OPEN_DIR "/f", 0, 0, 0x4),
			-EINVAL);

	KTEST_EXPECT_EQ(t, ksys_utimensat(AT_FDCWD, OPEN_DIR "/f", times, 0),
			0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, OPEN_DIR "/f", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_atime, 1000);
	KTEST_EXPECT_EQ(t, st.st_atime_nsec, 5);
	KTEST_EXPECT_EQ(t, st.st_mtime, 2000);
	KTEST_EXPECT_EQ(t, st.st_mtime_nsec, 6);
	times[0].tv_nsec = UTIME_OMIT;
	times[1].tv_nsec = UTIME_NOW;
	KTEST_EXPECT_EQ(t, ksys_utimensat(AT_FDCWD, OPEN_DIR "/f", times, 0),
			0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, OPEN_DIR "/f", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_atime, 1000);
	KTEST_EXPECT_GT(t, st.st_mtime, 2000);
	times[0].tv_nsec = 1000000000;
	KTEST_EXPECT_EQ(t, ksys_utimensat(AT_FDCWD, OPEN_DIR "/f", times, 0),
			-EINVAL);
	times[0].tv_nsec = -1;
	KTEST_EXPECT_EQ(t, ksys_utimensat(AT_FDCWD, OPEN_DIR "/f", times, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ksys_utimensat(AT_FDCWD, OPEN_DIR "/f", NULL, 0),
			0);

	/* As the owner (1000) but not root. */
	old = override_creds(&user);
	KTEST_EXPECT_EQ(t, ksys_fchmodat(AT_FDCWD, OPEN_DIR "/f", 0600), 0);
	KTEST_EXPECT_EQ(t, ksys_fchownat(AT_FDCWD, OPEN_DIR "/f", 0, -1, 0),
			-EPERM);
	KTEST_EXPECT_EQ(t, ksys_fchownat(AT_FDCWD, OPEN_DIR "/f", 1000, -1, 0),
			0);
	KTEST_EXPECT_EQ(t, ksys_fchmodat(AT_FDCWD, OPEN_DIR, 0700), -EPERM);
	times[0].tv_nsec = 0;
	KTEST_EXPECT_EQ(t, ksys_utimensat(AT_FDCWD, OPEN_DIR, times, 0),
			-EPERM);
	revert_creds(old);
}

/* Everything a record holds, at Linux's offsets. */
static void dirent_layout(struct ktest *t)
{
	static char buf[512];
	struct linux_dirent64 *d;
	long fd, n, off;
	int seen = 0;

	KTEST_EXPECT_EQ(t, offsetof(struct linux_dirent64, d_off), 8);
	KTEST_EXPECT_EQ(t, offsetof(struct linux_dirent64, d_reclen), 16);
	KTEST_EXPECT_EQ(t, offsetof(struct linux_dirent64, d_type), 18);
	KTEST_EXPECT_EQ(t, offsetof(struct linux_dirent64, d_name), 19);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, OPEN_DIR "/sub", 0755), 0);
	KTEST_ASSERT_EQ(t, ftest_put_file(OPEN_DIR "/sub/abcde", "", 0), 0);

	fd = ksys_openat(AT_FDCWD, OPEN_DIR "/f", O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, ktest_getdents64(fd, buf, sizeof(buf)), -ENOTDIR);
	ksys_close(fd);
	fd = ksys_openat(AT_FDCWD, OPEN_DIR "/sub", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_getdents64(fd, buf, 20), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_getdents64(999, buf, sizeof(buf)), -EBADF);

	/* A buffer for exactly one 24-byte record: ".", alone. */
	memset(buf, 0xee, sizeof(buf));
	KTEST_EXPECT_EQ(t, ktest_getdents64(fd, buf, 24), 24);
	d = (struct linux_dirent64 *)buf;
	KTEST_EXPECT_EQ(t, d->d_reclen, 24);
	KTEST_EXPECT_EQ(t, d->d_type, DT_DIR);
	KTEST_EXPECT_MEMEQ(t, d->d_name, ".", 2);
	/* Linux leaves the padding as it was. */
	KTEST_EXPECT_EQ(t, (unsigned char)buf[21], 0xee);
	off = d->d_off;

	n = ktest_getdents64(fd, buf, sizeof(buf));
	/* ".." (24 bytes) and "abcde" (19 + 6 = 25, aligned to 32). */
	KTEST_EXPECT_EQ(t, n, 56);
	for (d = (void *)buf; (char *)d < buf + n;
	     d = (void *)d + d->d_reclen) {
		KTEST_EXPECT_EQ(t, d->d_reclen,
				ALIGN(19 + strlen(d->d_name) + 1, 8));
		KTEST_EXPECT_GT(t, d->d_off, off);
		off = d->d_off;
		if (!strcmp(d->d_name, "..")) {
			KTEST_EXPECT_EQ(t, d->d_type, DT_DIR);
			seen |= 1;
		} else if (!strcmp(d->d_name, "abcde")) {
			KTEST_EXPECT_EQ(t, d->d_type, DT_REG);
			KTEST_EXPECT_EQ(t, d->d_reclen, 32);
			seen |= 2;
		}
	}
	KTEST_EXPECT_EQ(t, seen, 3);
	KTEST_EXPECT_EQ(t, ktest_getdents64(fd, buf, sizeof(buf)), 0);
	ksys_close(fd);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, OPEN_DIR "/sub/abcde", 0),
			0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, OPEN_DIR "/sub",
					 AT_REMOVEDIR), 0);
}

static void cleanup(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, OPEN_DIR "/f", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, OPEN_DIR, AT_REMOVEDIR), 0);
}

static struct ktest_case open_cases[] = {
	KTEST_CASE(open_flags),
	KTEST_CASE(stat_fields),
	KTEST_CASE(attributes),
	KTEST_CASE(dirent_layout),
	KTEST_CASE(cleanup),
	{}
};

static struct ktest_suite open_suite = {
	.name = "open",
	.cases = open_cases,
};
ktest_register_suite(open_suite);
