// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for fs/namespace.c and fs/filesystems.c: mounting ramfs on
 * a directory and unmounting it (busy, not a mount point), ".." across
 * mount points, -EXDEV and -EBUSY for operations that would cross or
 * remove a mount, and the /proc/mounts and /proc/filesystems text.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/ktest.h>
#include <keel/namei.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>

#include "vfs_test.h"

static int mount_init(struct ktest *t)
{
	return ksys_mkdirat(AT_FDCWD, "/mt", 0755);
}

static void mount_exit(struct ktest *t)
{
	ksys_chdir("/");
	ksys_unlinkat(AT_FDCWD, "/mt", AT_REMOVEDIR);
}

static void mount_umount(struct ktest *t)
{
	struct stat root, mnt, st;

	KTEST_ASSERT_EQ(t, vfs_test_lstat("/mt", &root), 0);
	KTEST_ASSERT_EQ(t, ksys_mount("none", "/mt", "ramfs", 0, NULL), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/mt", &mnt), 0);
	/* A new super block: its own anonymous device and root inode. */
	KTEST_EXPECT_NE(t, mnt.st_dev, root.st_dev);
	KTEST_EXPECT_EQ(t, MAJOR(new_decode_dev(mnt.st_dev)), 0);
	KTEST_EXPECT_EQ(t, mnt.st_ino, 1);
	KTEST_EXPECT_EQ(t, mnt.st_mode, S_IFDIR | 0755);
	KTEST_EXPECT_EQ(t, vfs_test_touch("/mt/inside"), 0);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/mt/inside", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_dev, mnt.st_dev);

	KTEST_EXPECT_EQ(t, ksys_umount("/mt", 0), 0);
	/* The mount's files went with it; the directory is back. */
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/mt/inside", &st), -ENOENT);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/mt", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_dev, root.st_dev);
	KTEST_EXPECT_EQ(t, st.st_ino, root.st_ino);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt", 0), -EINVAL);
}

static void mount_errors(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, ksys_mount("none", "/mt", "nosuchfs", 0, NULL),
			-ENODEV);
	KTEST_EXPECT_EQ(t, ksys_mount("none", "/mt", NULL, 0, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_mount("none", "/mt/none", "ramfs", 0, NULL),
			-ENOENT);
	KTEST_ASSERT_EQ(t, vfs_test_touch("/mt/f"), 0);
	KTEST_EXPECT_EQ(t, ksys_mount("none", "/mt/f", "ramfs", 0, NULL),
			-ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_mount("none", "/mt", "ramfs", 1UL << 30, NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt/f", 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt/none", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_umount("/", 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt", 0x100), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/mt/f", 0), 0);
	/* The boot's mounts do not follow a symlink planted where they go. */
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/mt/real", 0755), 0);
	KTEST_ASSERT_EQ(t, ksys_symlinkat("real", AT_FDCWD, "/mt/sym"), 0);
	KTEST_EXPECT_EQ(t, init_mount_at("ramfs", "/mt/sym", 0755), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt/real", 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/mt/sym", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/mt/real", AT_REMOVEDIR),
			0);
}

static void umount_busy(struct ktest *t)
{
	long fd;

	KTEST_ASSERT_EQ(t, ksys_mount("none", "/mt", "ramfs", 0, NULL), 0);
	/* An open file keeps it busy. */
	fd = ksys_openat(AT_FDCWD, "/mt/f", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt", 0), -EBUSY);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	/* So does a working directory inside. */
	KTEST_EXPECT_EQ(t, ksys_chdir("/mt"), 0);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt", 0), -EBUSY);
	KTEST_EXPECT_EQ(t, ksys_chdir("/"), 0);
	/* And a mount below it. */
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/mt/sub", 0755), 0);
	KTEST_ASSERT_EQ(t, ksys_mount("none", "/mt/sub", "ramfs", 0, NULL), 0);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt", 0), -EBUSY);
	/* A mount point cannot be removed or renamed. */
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/mt/sub", AT_REMOVEDIR),
			-EBUSY);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/mt/sub", AT_FDCWD,
					  "/mt/other", 0), -EBUSY);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt/sub", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/mt/sub", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt", 0), 0);
}

static void cross_mount(struct ktest *t)
{
	struct stat st, mt;
	char buf[32];

	KTEST_ASSERT_EQ(t, vfs_test_touch("/mt/outside"), 0);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/mt/m", 0755), 0);
	KTEST_ASSERT_EQ(t, ksys_mount("none", "/mt/m", "ramfs", 0, NULL), 0);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/mt/m/d", 0755), 0);
	KTEST_ASSERT_EQ(t, vfs_test_touch("/mt/m/d/f"), 0);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/mt", &mt), 0);

	/* ".." from the mount's root is the mount point's parent. */
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/mt/m/..", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_ino, mt.st_ino);
	KTEST_EXPECT_EQ(t, st.st_dev, mt.st_dev);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/mt/m/d/../../outside", &st), 0);
	KTEST_EXPECT_EQ(t, ksys_chdir("/mt/m/d"), 0);
	KTEST_EXPECT_EQ(t, ksys_getcwd(buf, sizeof(buf)), 8);
	KTEST_EXPECT_STREQ(t, buf, "/mt/m/d");
	KTEST_EXPECT_EQ(t, ksys_chdir("../.."), 0);
	KTEST_EXPECT_EQ(t, ksys_getcwd(buf, sizeof(buf)), 4);
	KTEST_EXPECT_STREQ(t, buf, "/mt");
	KTEST_EXPECT_EQ(t, ksys_chdir("/"), 0);

	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/mt/outside", AT_FDCWD,
					  "/mt/m/in", 0), -EXDEV);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/mt/m/d/f", AT_FDCWD,
					  "/mt/f", 0), -EXDEV);
	KTEST_EXPECT_EQ(t, ksys_linkat(AT_FDCWD, "/mt/outside", AT_FDCWD,
				       "/mt/m/in", 0), -EXDEV);
	/* Symlinks may point anywhere. */
	KTEST_EXPECT_EQ(t, ksys_symlinkat("/mt/outside", AT_FDCWD, "/mt/m/l"),
			0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/mt/m/l", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_dev, mt.st_dev);

	KTEST_EXPECT_EQ(t, ksys_umount("/mt/m", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/mt/m", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/mt/outside", 0), 0);
}

static void stacked_mounts(struct ktest *t)
{
	struct stat st;

	KTEST_ASSERT_EQ(t, ksys_mount("none", "/mt", "ramfs", 0, NULL), 0);
	KTEST_ASSERT_EQ(t, vfs_test_touch("/mt/lower"), 0);
	KTEST_ASSERT_EQ(t, ksys_mount("none", "/mt", "ramfs", 0, NULL), 0);
	/* The top one hides the one below; unmounting uncovers it. */
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/mt/lower", &st), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt", 0), 0);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/mt/lower", &st), 0);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt", 0), 0);
}

static char text[1024];

static void proc_text(struct ktest *t)
{
	struct stat st;
	int len;

	len = filesystems_show(text, sizeof(text));
	KTEST_EXPECT_EQ(t, len, strlen(text));
	KTEST_EXPECT_NOT_NULL(t, strstr(text, "nodev\tramfs\n"));
	KTEST_EXPECT_EQ(t, filesystems_show(NULL, 0), len);

	len = mounts_show(text, sizeof(text));
	KTEST_EXPECT_EQ(t, len, strlen(text));
	KTEST_EXPECT_EQ(t, strncmp(text, "none / ramfs rw 0 0\n", 20), 0);
	KTEST_EXPECT_NULL(t, strstr(text, " /mt "));
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/mt/a b", 0755), 0);
	KTEST_ASSERT_EQ(t, ksys_mount("my dev", "/mt/a b", "ramfs", MS_RDONLY,
				      NULL), 0);
	len = mounts_show(text, sizeof(text));
	KTEST_EXPECT_NOT_NULL(t, strstr(text,
		"my\\040dev /mt/a\\040b ramfs ro 0 0\n"));
	/* Too small a buffer: the length it would need, as snprintf. */
	KTEST_EXPECT_EQ(t, mounts_show(text, 8), len);
	KTEST_EXPECT_EQ(t, strlen(text), 7);
	/* Read-only: no changes inside. */
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/mt/a b/x", 0755), -EROFS);
	KTEST_EXPECT_EQ(t, vfs_test_touch("/mt/a b/x"), -EROFS);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt/a b", 0), 0);

	/* A file made writable, then the mount made read-only under it. */
	KTEST_ASSERT_EQ(t, ksys_mount("none", "/mt/a b", "ramfs", 0, NULL), 0);
	KTEST_ASSERT_EQ(t, vfs_test_touch("/mt/a b/x"), 0);
	KTEST_EXPECT_EQ(t, ksys_mount(NULL, "/mt/a b/x", NULL,
				      MS_REMOUNT | MS_BIND | MS_RDONLY, NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ksys_mount(NULL, "/mt/a b", NULL,
				      MS_REMOUNT | MS_RDONLY, NULL), -EINVAL);
	KTEST_ASSERT_EQ(t, ksys_mount(NULL, "/mt/a b", NULL,
				      MS_REMOUNT | MS_BIND | MS_RDONLY, NULL),
			0);
	KTEST_EXPECT_EQ(t, ksys_fchmodat(AT_FDCWD, "/mt/a b/x", 0600), -EROFS);
	KTEST_EXPECT_EQ(t, ksys_fchownat(AT_FDCWD, "/mt/a b/x", 1, 1, 0),
			-EROFS);
	KTEST_EXPECT_EQ(t, ksys_utimensat(AT_FDCWD, "/mt/a b/x", NULL, 0),
			-EROFS);
	KTEST_EXPECT_EQ(t, ksys_truncate("/mt/a b/x", 0), -EROFS);
	KTEST_EXPECT_EQ(t, ksys_fchmodat(AT_FDCWD, "/mt/a b", 0700), -EROFS);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/mt/a b/x", 0), -EROFS);
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/mt/a b/x", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(t, st.st_uid, 0);
	/* And writable again. */
	KTEST_ASSERT_EQ(t, ksys_mount(NULL, "/mt/a b", NULL,
				      MS_REMOUNT | MS_BIND, NULL), 0);
	KTEST_EXPECT_EQ(t, ksys_fchmodat(AT_FDCWD, "/mt/a b/x", 0600), 0);
	KTEST_EXPECT_EQ(t, ksys_truncate("/mt/a b/x", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/mt/a b/x", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_umount("/mt/a b", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/mt/a b", AT_REMOVEDIR), 0);
}

static void mount_frees_memory(struct ktest *t)
{
	unsigned long before = 0;
	int i;

	/* Once to warm the caches, then the count must come back. */
	for (i = 0; i < 2; i++) {
		if (i)
			before = vfs_test_free_pages();
		KTEST_ASSERT_EQ(t, ksys_mount("none", "/mt", "ramfs", 0, NULL),
				0);
		KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/mt/d", 0755), 0);
		KTEST_ASSERT_EQ(t, vfs_test_touch("/mt/d/f"), 0);
		KTEST_ASSERT_EQ(t, ksys_symlinkat("d/f", AT_FDCWD, "/mt/l"), 0);
		KTEST_ASSERT_EQ(t, ksys_umount("/mt", 0), 0);
	}
	KTEST_EXPECT_EQ(t, vfs_test_free_pages(), before);
}

static struct ktest_case mount_cases[] = {
	KTEST_CASE(mount_umount),
	KTEST_CASE(mount_errors),
	KTEST_CASE(umount_busy),
	KTEST_CASE(cross_mount),
	KTEST_CASE(stacked_mounts),
	KTEST_CASE(proc_text),
	KTEST_CASE(mount_frees_memory),
	{}
};

static struct ktest_suite mount_suite = {
	.name = "mount",
	.init = mount_init,
	.exit = mount_exit,
	.cases = mount_cases,
};
ktest_register_suite(mount_suite);
