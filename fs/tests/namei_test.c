// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for fs/namei.c and ramfs's namespace: every namespace
 * operation and its error codes, the path walk (".", "..", symlinks and
 * their limit of 40, trailing slashes, name length limits), open()'s
 * lookup flags, chdir/getcwd, and permission checks as a non-root user.
 * Each case works below /nt, which init creates and exit removes.
 */
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/fs_struct.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/namei.h>
#include <keel/sprintf.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>

#include "vfs_test.h"

static int namei_init(struct ktest *t)
{
	return ksys_mkdirat(AT_FDCWD, "/nt", 0755);
}

static void namei_exit(struct ktest *t)
{
	ksys_chdir("/");
	ksys_unlinkat(AT_FDCWD, "/nt", AT_REMOVEDIR);
}

static void mkdir_rmdir(struct ktest *t)
{
	struct stat st;

	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/d", 0777), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/d", &st), 0);
	/* The umask (0022) applies. */
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFDIR | 0755);
	KTEST_EXPECT_EQ(t, st.st_nlink, 2);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_nlink, 3);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/d", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/d/", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/.", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/..", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/x/y", 0755), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "", 0755), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/e/", 0755), 0);
	KTEST_EXPECT_EQ(t, vfs_test_touch("/nt/d/f"), 0);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/d/f/g", 0755), -ENOTDIR);

	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d", AT_REMOVEDIR),
			-ENOTEMPTY);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d/f", AT_REMOVEDIR),
			-ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d/.", AT_REMOVEDIR),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d/..", AT_REMOVEDIR),
			-ENOTEMPTY);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/", AT_REMOVEDIR), -EBUSY);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/nope", AT_REMOVEDIR),
			-ENOENT);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d/f", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d/", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/e", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/d", &st), -ENOENT);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_nlink, 2);
}

static void unlink_errors(struct ktest *t)
{
	KTEST_ASSERT_EQ(t, vfs_test_touch("/nt/f"), 0);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/d", 0755), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d", 0), -EISDIR);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d/", 0), -EISDIR);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/f/", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/none", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/.", 0), -EISDIR);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/f", 0x1), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/f/x", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/f", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/f", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d", AT_REMOVEDIR), 0);
}

static void mknod_types(struct ktest *t)
{
	struct stat st;

	KTEST_EXPECT_EQ(t, ksys_mknodat(AT_FDCWD, "/nt/fifo", S_IFIFO | 0600, 0),
			0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/fifo", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFIFO | 0600);
	KTEST_EXPECT_EQ(t, ksys_mknodat(AT_FDCWD, "/nt/chr", S_IFCHR | 0666,
					new_encode_dev(MKDEV(1, 3))), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/chr", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFCHR | 0644);
	KTEST_EXPECT_EQ(t, st.st_rdev, new_encode_dev(MKDEV(1, 3)));
	KTEST_EXPECT_EQ(t, ksys_mknodat(AT_FDCWD, "/nt/blk", S_IFBLK | 0600,
					new_encode_dev(MKDEV(8, 300))), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/blk", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_rdev, new_encode_dev(MKDEV(8, 300)));
	KTEST_EXPECT_EQ(t, ksys_mknodat(AT_FDCWD, "/nt/sock", S_IFSOCK | 0600,
					0), 0);
	KTEST_EXPECT_EQ(t, ksys_mknodat(AT_FDCWD, "/nt/reg", 0600, 0), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/reg", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFREG | 0600);
	KTEST_EXPECT_EQ(t, ksys_mknodat(AT_FDCWD, "/nt/dir", S_IFDIR | 0600, 0),
			-EPERM);
	KTEST_EXPECT_EQ(t, ksys_mknodat(AT_FDCWD, "/nt/bad", 0170000 | 0600, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ksys_mknodat(AT_FDCWD, "/nt/reg", S_IFIFO | 0600, 0),
			-EEXIST);
	KTEST_EXPECT_EQ(t, ksys_mknodat(AT_FDCWD, "/nt/new/", S_IFIFO | 0600, 0),
			-ENOENT);
	/* A socket cannot be opened. */
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/sock", O_RDONLY, 0),
			-ENXIO);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/fifo", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/chr", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/blk", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/sock", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/reg", 0), 0);
}

static void symlink_readlink(struct ktest *t)
{
	char buf[16];
	struct stat st;

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/d", 0755), 0);
	KTEST_ASSERT_EQ(t, vfs_test_touch("/nt/d/f"), 0);
	KTEST_EXPECT_EQ(t, ksys_symlinkat("d/f", AT_FDCWD, "/nt/rel"), 0);
	KTEST_EXPECT_EQ(t, ksys_symlinkat("/nt/d", AT_FDCWD, "/nt/abs"), 0);
	KTEST_EXPECT_EQ(t, ksys_symlinkat("nowhere", AT_FDCWD, "/nt/dangling"),
			0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/rel", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFLNK | 0777);
	KTEST_EXPECT_EQ(t, st.st_size, 3);

	memset(buf, 'x', sizeof(buf));
	KTEST_EXPECT_EQ(t, ksys_readlinkat(AT_FDCWD, "/nt/rel", buf, 16), 3);
	KTEST_EXPECT_MEMEQ(t, buf, "d/fx", 4);	/* no NUL added */
	KTEST_EXPECT_EQ(t, ksys_readlinkat(AT_FDCWD, "/nt/abs", buf, 3), 3);
	KTEST_EXPECT_MEMEQ(t, buf, "/nt", 3);
	KTEST_EXPECT_EQ(t, ksys_readlinkat(AT_FDCWD, "/nt/abs", buf, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ksys_readlinkat(AT_FDCWD, "/nt/d/f", buf, 16),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ksys_readlinkat(AT_FDCWD, "/nt/none", buf, 16),
			-ENOENT);

	/* Following: in the middle, at the end, relative and absolute. */
	KTEST_ASSERT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/rel", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_mode & S_IFMT, S_IFREG);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/abs/f", &st, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/abs/", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_mode & S_IFMT, S_IFDIR);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/dangling", &st, 0),
			-ENOENT);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/rel/", &st, 0),
			-ENOTDIR);

	KTEST_EXPECT_EQ(t, ksys_symlinkat("", AT_FDCWD, "/nt/empty"), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_symlinkat("x", AT_FDCWD, "/nt/rel"), -EEXIST);
	KTEST_EXPECT_EQ(t, ksys_symlinkat("x", AT_FDCWD, "/nt/d/f/x"),
			-ENOTDIR);
	/* unlink removes the link, not its target. */
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/abs", 0), 0);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/d", &st), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/rel", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/dangling", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d/f", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d", AT_REMOVEDIR), 0);
}

/* /nt/l1 -> /nt/l0 ... -> target: @n links to follow. */
static void make_chain(struct ktest *t, int n)
{
	char name[32], target[32];
	int i;

	for (i = 1; i <= n; i++) {
		snprintf(name, sizeof(name), "/nt/l%d", i);
		if (i == 1)
			snprintf(target, sizeof(target), "/nt/target");
		else
			snprintf(target, sizeof(target), "l%d", i - 1);
		KTEST_EXPECT_EQ(t, ksys_symlinkat(target, AT_FDCWD, name), 0);
	}
}

static void remove_chain(struct ktest *t, int n)
{
	char name[32];
	int i;

	for (i = 1; i <= n; i++) {
		snprintf(name, sizeof(name), "/nt/l%d", i);
		KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, name, 0), 0);
	}
}

static void symlink_limit(struct ktest *t)
{
	struct stat st;

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/target", 0755), 0);
	make_chain(t, MAXSYMLINKS + 1);
	/* 40 links are followed, the 41st is one too many. */
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/l40", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_mode & S_IFMT, S_IFDIR);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/l41", &st, 0),
			-ELOOP);
	/* The same in the middle of a path. */
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/l40/sub", 0755), 0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/l40/sub", &st, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/l41/sub", &st, 0),
			-ELOOP);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/target/sub",
					 AT_REMOVEDIR), 0);
	remove_chain(t, MAXSYMLINKS + 1);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/target", AT_REMOVEDIR),
			0);
}

static void symlink_loop(struct ktest *t)
{
	struct stat st;

	KTEST_ASSERT_EQ(t, ksys_symlinkat("b", AT_FDCWD, "/nt/a"), 0);
	KTEST_ASSERT_EQ(t, ksys_symlinkat("a", AT_FDCWD, "/nt/b"), 0);
	KTEST_ASSERT_EQ(t, ksys_symlinkat("self/x", AT_FDCWD, "/nt/self"), 0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/a", &st, 0), -ELOOP);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/a/x", &st, 0),
			-ELOOP);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/self", &st, 0),
			-ELOOP);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/a", &st), 0);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/a", O_RDONLY, 0), -ELOOP);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/a", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/b", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/self", 0), 0);
}

static void hard_links(struct ktest *t)
{
	struct stat a, b;

	KTEST_ASSERT_EQ(t, vfs_test_touch("/nt/f"), 0);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/d", 0755), 0);
	KTEST_EXPECT_EQ(t, ksys_linkat(AT_FDCWD, "/nt/f", AT_FDCWD, "/nt/d/g",
				       0), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/f", &a), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/d/g", &b), 0);
	KTEST_EXPECT_EQ(t, a.st_ino, b.st_ino);
	KTEST_EXPECT_EQ(t, a.st_nlink, 2);
	KTEST_EXPECT_EQ(t, ksys_linkat(AT_FDCWD, "/nt/d", AT_FDCWD, "/nt/dd",
				       0), -EPERM);
	KTEST_EXPECT_EQ(t, ksys_linkat(AT_FDCWD, "/nt/f", AT_FDCWD, "/nt/d/g",
				       0), -EEXIST);
	KTEST_EXPECT_EQ(t, ksys_linkat(AT_FDCWD, "/nt/none", AT_FDCWD,
				       "/nt/x", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_linkat(AT_FDCWD, "/nt/f", AT_FDCWD, "/nt/x",
				       0x8000), -EINVAL);
	/* A link to a symlink is to the symlink, unless told to follow. */
	KTEST_ASSERT_EQ(t, ksys_symlinkat("f", AT_FDCWD, "/nt/s"), 0);
	KTEST_EXPECT_EQ(t, ksys_linkat(AT_FDCWD, "/nt/s", AT_FDCWD, "/nt/s2",
				       0), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/s2", &b), 0);
	KTEST_EXPECT_EQ(t, b.st_mode & S_IFMT, S_IFLNK);
	KTEST_EXPECT_EQ(t, ksys_linkat(AT_FDCWD, "/nt/s", AT_FDCWD, "/nt/s3",
				       AT_SYMLINK_FOLLOW), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/s3", &b), 0);
	KTEST_EXPECT_EQ(t, b.st_ino, a.st_ino);
	KTEST_EXPECT_EQ(t, b.st_nlink, 3);

	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/f", 0), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/d/g", &b), 0);
	KTEST_EXPECT_EQ(t, b.st_nlink, 2);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d/g", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/s3", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/s2", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/s", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d", AT_REMOVEDIR), 0);
}

static void rename_files(struct ktest *t)
{
	struct stat a, b;

	KTEST_ASSERT_EQ(t, vfs_test_touch("/nt/a"), 0);
	KTEST_ASSERT_EQ(t, vfs_test_touch("/nt/b"), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/a", &a), 0);
	/* Replacing a file. */
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/a", AT_FDCWD, "/nt/b",
					  0), 0);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/a", &b), -ENOENT);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/b", &b), 0);
	KTEST_EXPECT_EQ(t, b.st_ino, a.st_ino);
	KTEST_EXPECT_EQ(t, b.st_nlink, 1);
	/* Onto itself, and through a hard link to itself: nothing. */
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/b", AT_FDCWD, "/nt/b",
					  0), 0);
	KTEST_ASSERT_EQ(t, ksys_linkat(AT_FDCWD, "/nt/b", AT_FDCWD, "/nt/hl",
				       0), 0);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/b", AT_FDCWD,
					  "/nt/hl", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/hl", AT_FDCWD,
					  "/nt/b", RENAME_EXCHANGE), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/b", &b), 0);
	KTEST_EXPECT_EQ(t, b.st_ino, a.st_ino);
	KTEST_EXPECT_EQ(t, b.st_nlink, 2);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/hl", &b), 0);
	KTEST_EXPECT_EQ(t, b.st_ino, a.st_ino);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/hl", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/none", AT_FDCWD,
					  "/nt/c", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/b", AT_FDCWD,
					  "/nt/none/c", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/b/", AT_FDCWD,
					  "/nt/c", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/b", AT_FDCWD,
					  "/nt/c/", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/.", AT_FDCWD,
					  "/nt/c", 0), -EBUSY);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/b", AT_FDCWD,
					  "/nt/..", 0), -EBUSY);
	/* Flags. */
	KTEST_ASSERT_EQ(t, vfs_test_touch("/nt/c"), 0);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/b", AT_FDCWD, "/nt/c",
					  RENAME_NOREPLACE), -EEXIST);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/b", AT_FDCWD, "/nt/c",
					  RENAME_NOREPLACE | RENAME_EXCHANGE),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/b", AT_FDCWD, "/nt/c",
					  1 << 2), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/b", AT_FDCWD, "/nt/x",
					  RENAME_EXCHANGE), -ENOENT);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/c", &b), 0);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/b", AT_FDCWD, "/nt/c",
					  RENAME_EXCHANGE), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/c", &a), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/b", &a), 0);
	KTEST_EXPECT_EQ(t, a.st_ino, b.st_ino);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/b", AT_FDCWD, "/nt/d",
					  RENAME_NOREPLACE), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/c", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d", 0), 0);
}

static void rename_dirs(struct ktest *t)
{
	struct stat st;

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/a", 0755), 0);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/a/sub", 0755), 0);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/empty", 0755), 0);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/full", 0755), 0);
	KTEST_ASSERT_EQ(t, vfs_test_touch("/nt/full/f"), 0);
	KTEST_ASSERT_EQ(t, vfs_test_touch("/nt/file"), 0);

	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/a", AT_FDCWD,
					  "/nt/a/sub/x", 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/a", AT_FDCWD,
					  "/nt/a/x", 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/a/sub", AT_FDCWD,
					  "/nt/a", 0), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/a", AT_FDCWD,
					  "/nt/full", 0), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/a", AT_FDCWD,
					  "/nt/file", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/file", AT_FDCWD,
					  "/nt/empty", 0), -EISDIR);
	/* Replacing an empty directory; link counts follow. */
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_nlink, 5);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/a", AT_FDCWD,
					  "/nt/empty", 0), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_nlink, 4);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/empty/sub", &st), 0);
	/* Moving a directory to another parent moves its "..". */
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/empty/sub", AT_FDCWD,
					  "/nt/full/sub", 0), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/empty", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_nlink, 2);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/full", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_nlink, 3);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/nt/full/sub/../f", &st,
					   0), 0);
	/* Exchanging a directory and a file. */
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/file", AT_FDCWD,
					  "/nt/full/sub", RENAME_EXCHANGE), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/file", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mode & S_IFMT, S_IFDIR);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_nlink, 5);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/full", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_nlink, 2);

	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/full/sub", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/full/f", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/full", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/file", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/empty", AT_REMOVEDIR),
			0);
}

static void dots_and_slashes(struct ktest *t)
{
	struct stat root, st;

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/d", 0755), 0);
	KTEST_ASSERT_EQ(t, vfs_test_touch("/nt/d/f"), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/", &root), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/..", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_ino, root.st_ino);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/../../nt/..", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_ino, root.st_ino);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("//nt//./d/../d///f", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mode & S_IFMT, S_IFREG);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/d/f/", &st), -ENOTDIR);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/d/f/.", &st), -ENOTDIR);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/d/f/..", &st), -ENOTDIR);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/d/", &st), 0);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/none/..", &st), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d/f", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d", AT_REMOVEDIR), 0);
}

static char long_path[PATH_MAX + 8];

static void name_too_long(struct ktest *t)
{
	struct stat st;
	size_t len;

	strscpy(long_path, "/nt/", sizeof(long_path));
	memset(long_path + 4, 'n', NAME_MAX);
	long_path[4 + NAME_MAX] = '\0';
	KTEST_EXPECT_EQ(t, vfs_test_touch(long_path), 0);
	KTEST_EXPECT_EQ(t, vfs_test_lstat(long_path, &st), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, long_path, 0), 0);
	strscpy(long_path + 4 + NAME_MAX, "n", 2);
	KTEST_EXPECT_EQ(t, vfs_test_touch(long_path), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, long_path, 0755),
			-ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, vfs_test_lstat(long_path, &st), -ENAMETOOLONG);

	/* 4095 bytes of "/./././..." name the root; 4096 are too many. */
	for (len = 0; len < PATH_MAX - 1; len += 2)
		memcpy(long_path + len, "/.", 2);
	long_path[PATH_MAX - 1] = '\0';
	KTEST_EXPECT_EQ(t, strlen(long_path), PATH_MAX - 1);
	KTEST_EXPECT_EQ(t, vfs_test_lstat(long_path, &st), 0);
	long_path[PATH_MAX - 1] = '/';
	long_path[PATH_MAX] = '\0';
	KTEST_EXPECT_EQ(t, vfs_test_lstat(long_path, &st), -ENAMETOOLONG);
}

static void cwd(struct ktest *t)
{
	char buf[64];

	KTEST_EXPECT_EQ(t, ksys_getcwd(buf, sizeof(buf)), 2);
	KTEST_EXPECT_STREQ(t, buf, "/");
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/d", 0755), 0);
	KTEST_ASSERT_EQ(t, vfs_test_touch("/nt/f"), 0);
	KTEST_EXPECT_EQ(t, ksys_chdir("/nt/d"), 0);
	KTEST_EXPECT_EQ(t, ksys_getcwd(buf, sizeof(buf)), 6);
	KTEST_EXPECT_STREQ(t, buf, "/nt/d");
	KTEST_EXPECT_EQ(t, ksys_getcwd(buf, 6), 6);
	KTEST_EXPECT_EQ(t, ksys_getcwd(buf, 5), -ERANGE);
	/* Relative names start here now. */
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "sub", 0755), 0);
	KTEST_EXPECT_EQ(t, ksys_chdir("sub/.."), 0);
	KTEST_EXPECT_EQ(t, ksys_chdir("../f"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_chdir("nope"), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_chdir("sub"), 0);
	KTEST_EXPECT_EQ(t, ksys_getcwd(buf, sizeof(buf)), 10);
	KTEST_EXPECT_STREQ(t, buf, "/nt/d/sub");
	/* A removed working directory has no name. */
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d/sub", AT_REMOVEDIR),
			0);
	KTEST_EXPECT_EQ(t, ksys_getcwd(buf, sizeof(buf)), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "x", 0755), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_chdir("/"), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/f", 0), 0);
}

static void dfd_relative(struct ktest *t)
{
	long dfd, ffd;
	struct stat st;

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/d", 0755), 0);
	dfd = ksys_openat(AT_FDCWD, "/nt/d", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(t, dfd, 0);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(dfd, "sub", 0755), 0);
	KTEST_EXPECT_EQ(t, ksys_symlinkat("sub", dfd, "link"), 0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(dfd, "link", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_mode & S_IFMT, S_IFDIR);
	KTEST_EXPECT_EQ(t, ksys_renameat2(dfd, "sub", AT_FDCWD, "/nt/moved",
					  0), 0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(dfd, "../moved", &st, 0), 0);
	/* An absolute name ignores the directory fd. */
	KTEST_EXPECT_EQ(t, ksys_newfstatat(dfd, "/nt/moved", &st, 0), 0);
	ffd = ksys_openat(dfd, "file", O_CREAT | O_RDWR, 0600);
	KTEST_ASSERT_GE(t, ffd, 0);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(ffd, "x", 0755), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_mkdirat(999, "x", 0755), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_close(ffd), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(dfd, "file", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(dfd, "link", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_close(dfd), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/moved", AT_REMOVEDIR),
			0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d", AT_REMOVEDIR), 0);
}

static void open_flags(struct ktest *t)
{
	struct stat st;
	long fd;

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/d", 0755), 0);
	fd = ksys_openat(AT_FDCWD, "/nt/f", O_CREAT | O_EXCL | O_WRONLY, 0640);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_write(fd, "hello", 5), 5);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFREG | 0640);
	KTEST_EXPECT_EQ(t, st.st_size, 5);

	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/f",
				       O_CREAT | O_EXCL | O_WRONLY, 0640),
			-EEXIST);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/f", O_DIRECTORY, 0),
			-ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/f/", O_RDONLY, 0),
			-ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/d", O_WRONLY, 0),
			-EISDIR);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/d", O_RDWR, 0), -EISDIR);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/d", O_CREAT | O_RDONLY,
				       0644), -EISDIR);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/new/", O_CREAT | O_RDWR,
				       0644), -EISDIR);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/none", O_RDONLY, 0),
			-ENOENT);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/f",
				       O_CREAT | O_DIRECTORY, 0644), -EINVAL);
	fd = ksys_openat(AT_FDCWD, "/nt/d/", O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);

	/* O_TRUNC empties an existing file. */
	fd = ksys_openat(AT_FDCWD, "/nt/f", O_WRONLY | O_TRUNC, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_size, 0);

	/* Symlinks: O_NOFOLLOW, O_EXCL, and creating through a dangling one. */
	KTEST_ASSERT_EQ(t, ksys_symlinkat("f", AT_FDCWD, "/nt/lf"), 0);
	KTEST_ASSERT_EQ(t, ksys_symlinkat("d/target", AT_FDCWD, "/nt/ldang"),
			0);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/lf", O_RDONLY | O_NOFOLLOW,
				       0), -ELOOP);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/lf",
				       O_CREAT | O_EXCL | O_RDWR, 0644),
			-EEXIST);
	fd = ksys_openat(AT_FDCWD, "/nt/lf", O_RDONLY, 0);
	KTEST_EXPECT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	fd = ksys_openat(AT_FDCWD, "/nt/ldang", O_CREAT | O_RDWR, 0600);
	KTEST_EXPECT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/d/target", &st), 0);

	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d/target", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/ldang", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/lf", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/f", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/d", AT_REMOVEDIR), 0);
}

static const struct cred user_cred = {
	.uid = 1000, .euid = 1000, .fsuid = 1000,
	.gid = 1000, .egid = 1000, .fsgid = 1000,
};

static const struct cred other_cred = {
	.uid = 1001, .euid = 1001, .fsuid = 1001,
	.gid = 1000, .egid = 1000, .fsgid = 1000,
};

static void permissions_user(struct ktest *t)
{
	const struct cred *old;
	struct stat st;
	long fd;

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/rootonly", 0700), 0);
	KTEST_ASSERT_EQ(t, vfs_test_touch("/nt/rootonly/f"), 0);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/pub", 0777), 0);
	KTEST_ASSERT_EQ(t, ksys_fchmodat(AT_FDCWD, "/nt/pub", 0777), 0);
	fd = ksys_openat(AT_FDCWD, "/nt/secret", O_CREAT | O_RDWR, 0600);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_ASSERT_EQ(t, ksys_close(fd), 0);

	old = override_creds(&user_cred);
	/* No search permission on a directory walked: -EACCES. */
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/rootonly/f", &st), -EACCES);
	KTEST_EXPECT_EQ(t, ksys_chdir("/nt/rootonly"), -EACCES);
	/* No write permission in the directory. */
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/mine", 0755), -EACCES);
	KTEST_EXPECT_EQ(t, vfs_test_touch("/nt/mine"), -EACCES);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/secret", 0), -EACCES);
	/* The file's own bits. */
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/secret", O_RDONLY, 0),
			-EACCES);
	/* In a world-writable directory the user creates and owns. */
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/nt/pub/mine", 0700), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/nt/pub/mine", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_uid, 1000);
	KTEST_EXPECT_EQ(t, st.st_gid, 1000);
	fd = ksys_openat(AT_FDCWD, "/nt/pub/g", O_CREAT | O_RDWR, 0640);
	KTEST_EXPECT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	/* A file created 0400 opens for writing in that same open only. */
	fd = ksys_openat(AT_FDCWD, "/nt/pub/ro", O_CREAT | O_RDWR, 0400);
	KTEST_EXPECT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/pub/ro", O_RDWR, 0),
			-EACCES);
	revert_creds(old);

	/* Group bits: 1001 shares group 1000; sticky /nt/pub. */
	KTEST_ASSERT_EQ(t, ksys_fchmodat(AT_FDCWD, "/nt/pub", 01777), 0);
	old = override_creds(&other_cred);
	fd = ksys_openat(AT_FDCWD, "/nt/pub/g", O_RDONLY, 0);
	KTEST_EXPECT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/nt/pub/g", O_WRONLY, 0),
			-EACCES);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/nt/pub/mine/x", &st), -EACCES);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/pub/g", 0), -EPERM);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/nt/pub/g", AT_FDCWD,
					  "/nt/pub/h", 0), -EPERM);
	KTEST_EXPECT_EQ(t, ksys_mknodat(AT_FDCWD, "/nt/pub/c", S_IFCHR | 0600,
					0), -EPERM);
	revert_creds(old);

	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/pub/g", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/pub/ro", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/pub/mine",
					 AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/pub", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/secret", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/rootonly/f", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/rootonly",
					 AT_REMOVEDIR), 0);
}

static void permissions_root(struct ktest *t)
{
	struct path path;

	KTEST_ASSERT_EQ(t, ksys_mknodat(AT_FDCWD, "/nt/f", S_IFREG | 0000, 0),
			0);
	KTEST_ASSERT_EQ(t, kern_path("/nt/f", 0, &path), 0);
	/* Root reads and writes anything, but executes only with an x bit. */
	KTEST_EXPECT_EQ(t, inode_permission(d_inode(path.dentry),
					    MAY_READ | MAY_WRITE), 0);
	KTEST_EXPECT_EQ(t, inode_permission(d_inode(path.dentry), MAY_EXEC),
			-EACCES);
	KTEST_ASSERT_EQ(t, ksys_fchmodat(AT_FDCWD, "/nt/f", 0001), 0);
	KTEST_EXPECT_EQ(t, inode_permission(d_inode(path.dentry), MAY_EXEC), 0);
	path_put(&path);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/nt/f", 0), 0);
}

static struct ktest_case namei_cases[] = {
	KTEST_CASE(mkdir_rmdir),
	KTEST_CASE(unlink_errors),
	KTEST_CASE(mknod_types),
	KTEST_CASE(symlink_readlink),
	KTEST_CASE(symlink_limit),
	KTEST_CASE(symlink_loop),
	KTEST_CASE(hard_links),
	KTEST_CASE(rename_files),
	KTEST_CASE(rename_dirs),
	KTEST_CASE(dots_and_slashes),
	KTEST_CASE(name_too_long),
	KTEST_CASE(cwd),
	KTEST_CASE(dfd_relative),
	KTEST_CASE(open_flags),
	KTEST_CASE(permissions_user),
	KTEST_CASE(permissions_root),
	{}
};

static struct ktest_suite namei_suite = {
	.name = "namei",
	.init = namei_init,
	.exit = namei_exit,
	.cases = namei_cases,
};
ktest_register_suite(namei_suite);
