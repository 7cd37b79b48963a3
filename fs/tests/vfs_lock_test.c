// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for the VFS's sleeping locks (fs/namei.c's lock order):
 * every namespace syscall leaves each i_rwsem it took released, on
 * success and on error; the vfs_*() layer runs with the parent held by
 * its caller and releases the victim's own lock; lock_rename() takes one
 * lock for one directory and otherwise both plus s_vfs_rename_mutex,
 * returning the ancestor's child as Linux does; and ramfs's read, write,
 * seek and truncate leave the inode unlocked, as do proc's and devfs's
 * own entries (made under the parent's i_rwsem); a readdir actor runs
 * under the directory's shared i_rwsem and may sleep.  Works below /vl.
 */
#include <keel/devfs.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/namei.h>
#include <keel/proc_fs.h>
#include <keel/sched.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>

#include "vfs_test.h"

static int vfs_lock_init(struct ktest *t)
{
	return ksys_mkdirat(AT_FDCWD, "/vl", 0755);
}

static void vfs_lock_exit(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl", AT_REMOVEDIR), 0);
}

/* The dentry at @name, held, or NULL. */
static struct dentry *lookup(const char *name)
{
	struct path path;

	if (kern_path(name, 0, &path))
		return NULL;
	dget(path.dentry);
	path_put(&path);
	return path.dentry;
}

/* Is the inode at @name unlocked (and there)? */
static bool unlocked(const char *name)
{
	struct dentry *dentry = lookup(name);
	bool ret;

	if (!dentry)
		return false;
	ret = !inode_is_locked(d_inode(dentry));
	dput(dentry);
	return ret;
}

static void syscalls_release_locks(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/vl/d", 0755), 0);
	KTEST_EXPECT_TRUE(t, unlocked("/vl"));
	KTEST_EXPECT_TRUE(t, unlocked("/vl/d"));
	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/vl/d", 0755), -EEXIST);
	KTEST_EXPECT_TRUE(t, unlocked("/vl"));
	KTEST_EXPECT_EQ(t, vfs_test_touch("/vl/d/f"), 0);
	KTEST_EXPECT_TRUE(t, unlocked("/vl/d"));
	KTEST_EXPECT_TRUE(t, unlocked("/vl/d/f"));
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/vl/d/f",
				       O_CREAT | O_EXCL | O_WRONLY, 0644), -EEXIST);
	KTEST_EXPECT_TRUE(t, unlocked("/vl/d"));
	KTEST_EXPECT_EQ(t, ksys_truncate("/vl/d/f", 10), 0);
	KTEST_EXPECT_TRUE(t, unlocked("/vl/d/f"));
	KTEST_EXPECT_EQ(t, ksys_fchmodat(AT_FDCWD, "/vl/d/f", 0600), 0);
	KTEST_EXPECT_TRUE(t, unlocked("/vl/d/f"));
	KTEST_EXPECT_EQ(t, ksys_mknodat(AT_FDCWD, "/vl/d/p", S_IFIFO | 0644, 0),
			0);
	KTEST_EXPECT_EQ(t, ksys_symlinkat("f", AT_FDCWD, "/vl/d/s"), 0);
	KTEST_EXPECT_EQ(t, ksys_linkat(AT_FDCWD, "/vl/d/f", AT_FDCWD,
				       "/vl/d/g", 0), 0);
	KTEST_EXPECT_TRUE(t, unlocked("/vl/d"));
	KTEST_EXPECT_TRUE(t, unlocked("/vl/d/f"));
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/vl/d/g", AT_FDCWD,
					  "/vl/g", 0), 0);
	KTEST_EXPECT_TRUE(t, unlocked("/vl/g"));
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/g", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_renameat2(AT_FDCWD, "/vl/d", AT_FDCWD,
					  "/vl/d/x", 0), -EINVAL);
	KTEST_EXPECT_TRUE(t, unlocked("/vl"));
	KTEST_EXPECT_TRUE(t, unlocked("/vl/d"));
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/d", AT_REMOVEDIR),
			-ENOTEMPTY);
	KTEST_EXPECT_TRUE(t, unlocked("/vl"));
	KTEST_EXPECT_TRUE(t, unlocked("/vl/d"));
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/d/p", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/d/s", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/d/f", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/d/nope", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/d", AT_REMOVEDIR), 0);
	KTEST_EXPECT_TRUE(t, unlocked("/vl"));
}

/* vfs_*() with the parent held by the caller, as Linux's callers do. */
static void vfs_ops_under_parent_lock(struct ktest *t)
{
	struct dentry *parent = lookup("/vl");
	struct inode *dir;
	struct dentry *d;

	KTEST_ASSERT_NOT_NULL(t, parent);
	dir = d_inode(parent);
	inode_lock_nested(dir, I_MUTEX_PARENT);
	d = lookup_one_len("m", parent, 1);
	KTEST_ASSERT_FALSE(t, IS_ERR(d));
	KTEST_EXPECT_NULL(t, d_inode(d));
	KTEST_EXPECT_EQ(t, vfs_mkdir(dir, d, 0755), 0);
	KTEST_EXPECT_TRUE(t, inode_is_locked(dir));
	KTEST_ASSERT_NOT_NULL(t, d_inode(d));
	KTEST_EXPECT_FALSE(t, inode_is_locked(d_inode(d)));
	KTEST_EXPECT_EQ(t, vfs_mkdir(dir, d, 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, vfs_unlink(dir, d), -EISDIR);
	KTEST_EXPECT_FALSE(t, inode_is_locked(d_inode(d)));
	KTEST_EXPECT_EQ(t, vfs_rmdir(dir, d), 0);
	KTEST_EXPECT_NULL(t, d_inode(d));
	KTEST_EXPECT_TRUE(t, inode_is_locked(dir));
	dput(d);
	KTEST_EXPECT_EQ(t, PTR_ERR(lookup_one_len("..", parent, 2)), -EACCES);
	KTEST_EXPECT_EQ(t, PTR_ERR(lookup_one_len("a/b", parent, 3)), -EACCES);
	inode_unlock(dir);
	KTEST_EXPECT_FALSE(t, inode_is_locked(dir));
	dput(parent);
}

static void lock_rename_order(struct ktest *t)
{
	struct dentry *vl, *a, *b, *c;
	struct mutex *rename_mutex;

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/vl/a", 0755), 0);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/vl/a/b", 0755), 0);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/vl/c", 0755), 0);
	vl = lookup("/vl");
	a = lookup("/vl/a");
	b = lookup("/vl/a/b");
	c = lookup("/vl/c");
	KTEST_ASSERT_TRUE(t, vl && a && b && c);
	rename_mutex = &vl->d_sb->s_vfs_rename_mutex;

	/* One directory: its lock only. */
	KTEST_EXPECT_NULL(t, lock_rename(a, a));
	KTEST_EXPECT_TRUE(t, inode_is_locked(d_inode(a)));
	KTEST_EXPECT_FALSE(t, mutex_is_locked(rename_mutex));
	unlock_rename(a, a);
	KTEST_EXPECT_FALSE(t, inode_is_locked(d_inode(a)));

	/* Related: the trap is the ancestor's child toward the other. */
	KTEST_EXPECT_PTR_EQ(t, lock_rename(a, b), b);
	KTEST_EXPECT_TRUE(t, inode_is_locked(d_inode(a)));
	KTEST_EXPECT_TRUE(t, inode_is_locked(d_inode(b)));
	KTEST_EXPECT_TRUE(t, mutex_is_locked(rename_mutex));
	unlock_rename(a, b);
	KTEST_EXPECT_PTR_EQ(t, lock_rename(b, vl), a);
	unlock_rename(b, vl);
	KTEST_EXPECT_PTR_EQ(t, lock_rename(vl, b), a);
	unlock_rename(vl, b);

	/* Unrelated: both, no trap. */
	KTEST_EXPECT_NULL(t, lock_rename(b, c));
	KTEST_EXPECT_TRUE(t, inode_is_locked(d_inode(b)));
	KTEST_EXPECT_TRUE(t, inode_is_locked(d_inode(c)));
	unlock_rename(b, c);
	KTEST_EXPECT_FALSE(t, inode_is_locked(d_inode(b)));
	KTEST_EXPECT_FALSE(t, inode_is_locked(d_inode(c)));
	KTEST_EXPECT_FALSE(t, inode_is_locked(d_inode(vl)));
	KTEST_EXPECT_FALSE(t, mutex_is_locked(rename_mutex));

	dput(c);
	dput(b);
	dput(a);
	dput(vl);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/c", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/a/b", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/a", AT_REMOVEDIR), 0);
}

/* A vfs_*() call without the parent's lock is reported. */
static void vfs_op_without_lock_reported(struct ktest *t)
{
#ifdef CONFIG_DEBUG_RWSEMS
	struct dentry *parent = lookup("/vl");
	struct inode *dir;
	struct dentry *d;

	KTEST_ASSERT_NOT_NULL(t, parent);
	dir = d_inode(parent);
	inode_lock(dir);
	d = lookup_one_len("n", parent, 1);
	inode_unlock(dir);
	KTEST_ASSERT_FALSE(t, IS_ERR(d));
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_WARN,
			    KTEST_EXPECT_EQ(t, vfs_mkdir(dir, d, 0755), 0));
	inode_lock(dir);
	KTEST_EXPECT_EQ(t, vfs_rmdir(dir, d), 0);
	inode_unlock(dir);
	dput(d);
	dput(parent);
#else
	ktest_skip(t, "CONFIG_DEBUG_RWSEMS is off");
#endif
}

/* ramfs file data is under i_rwsem: every call leaves it released. */
static void ramfs_data_releases_lock(struct ktest *t)
{
	char buf[8];
	long fd;

	fd = ksys_openat(AT_FDCWD, "/vl/data", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT_TRUE(t, fd >= 0);
	KTEST_EXPECT_EQ(t, ktest_pwrite64(fd, "abc", 3, 8192), 3);
	KTEST_EXPECT_TRUE(t, unlocked("/vl/data"));
	KTEST_EXPECT_EQ(t, ktest_pread64(fd, buf, 8, 8190), 5);
	KTEST_EXPECT_MEMEQ(t, buf, "\0\0abc", 5);
	KTEST_EXPECT_TRUE(t, unlocked("/vl/data"));
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_DATA), 8192);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 9000, SEEK_DATA), -ENXIO);
	KTEST_EXPECT_TRUE(t, unlocked("/vl/data"));
	KTEST_EXPECT_EQ(t, ksys_ftruncate(fd, 1), 0);
	KTEST_EXPECT_TRUE(t, unlocked("/vl/data"));
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/data", 0), 0);
}

/* Entries proc and devfs make themselves release the parent's lock. */
static void proc_devfs_entries_release_lock(struct ktest *t)
{
	bool tested = false;

#ifdef CONFIG_PROC_FS
	struct proc_dir_entry *dir, *file;

	if (unlocked("/proc")) {
		dir = proc_mkdir("vl_dir", NULL);
		KTEST_ASSERT_NOT_NULL(t, dir);
		KTEST_EXPECT_NULL(t, proc_mkdir("vl_dir", NULL));
		file = proc_symlink("vl_link", dir, "x");
		KTEST_EXPECT_NOT_NULL(t, file);
		KTEST_EXPECT_TRUE(t, unlocked("/proc"));
		KTEST_EXPECT_TRUE(t, unlocked("/proc/vl_dir"));
		proc_remove(dir);
		KTEST_EXPECT_TRUE(t, unlocked("/proc"));
		KTEST_EXPECT_FALSE(t, unlocked("/proc/vl_dir"));
		tested = true;
	}
#endif
#ifdef CONFIG_DEVFS
	if (unlocked("/dev")) {
		KTEST_EXPECT_EQ(t, devfs_create_node("vl_node", S_IFCHR | 0600,
						     MKDEV(1, 3)), 0);
		KTEST_EXPECT_EQ(t, devfs_create_node("vl_node", S_IFCHR | 0600,
						     MKDEV(1, 3)), -EEXIST);
		KTEST_EXPECT_EQ(t, devfs_create_node("a/b", S_IFCHR | 0600,
						     MKDEV(1, 3)), -EINVAL);
		KTEST_EXPECT_TRUE(t, unlocked("/dev"));
		KTEST_EXPECT_TRUE(t, unlocked("/dev/vl_node"));
		KTEST_EXPECT_EQ(t, devfs_remove_node("vl_node"), 0);
		KTEST_EXPECT_EQ(t, devfs_remove_node("vl_node"), -ENOENT);
		KTEST_EXPECT_TRUE(t, unlocked("/dev"));
		tested = true;
	}
#endif
	if (!tested)
		ktest_skip(t, "neither /proc nor /dev is mounted");
}

struct sleepy_ctx {
	struct dir_context ctx;
	struct inode *dir;
	int entries;
	int dir_held;
};

/* An actor that may sleep, as one copying to user memory does. */
static bool sleepy_actor(struct dir_context *ctx, const char *name,
			 int namelen, loff_t offset, u64 ino, unsigned int d_type)
{
	struct sleepy_ctx *c = container_of(ctx, struct sleepy_ctx, ctx);

	might_sleep();
	c->entries++;
	c->dir_held += inode_is_locked(c->dir);
	return true;
}

static void readdir_actor_may_sleep(struct ktest *t)
{
	unsigned long before = debug_reports(DEBUG_REPORT_SLEEP);
	struct sleepy_ctx c = { .ctx.actor = sleepy_actor };
	struct file *file;
	long fd;

	KTEST_ASSERT_EQ(t, vfs_test_touch("/vl/e1"), 0);
	KTEST_ASSERT_EQ(t, vfs_test_touch("/vl/e2"), 0);
	fd = ksys_openat(AT_FDCWD, "/vl", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_TRUE(t, fd >= 0);
	file = fget(fd);
	KTEST_ASSERT_NOT_NULL(t, file);
	c.dir = file_inode(file);
	KTEST_EXPECT_EQ(t, iterate_dir(file, &c.ctx), 0);
	KTEST_EXPECT_EQ(t, c.entries, 4);	/* ".", "..", e1, e2 */
	KTEST_EXPECT_EQ(t, c.dir_held, 4);
	KTEST_EXPECT_FALSE(t, inode_is_locked(c.dir));
	KTEST_EXPECT_EQ(t, debug_reports(DEBUG_REPORT_SLEEP), before);
	fput(file);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/e1", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/vl/e2", 0), 0);
}

static struct ktest_case vfs_lock_cases[] = {
	KTEST_CASE(syscalls_release_locks),
	KTEST_CASE(vfs_ops_under_parent_lock),
	KTEST_CASE(lock_rename_order),
	KTEST_CASE(vfs_op_without_lock_reported),
	KTEST_CASE(ramfs_data_releases_lock),
	KTEST_CASE(proc_devfs_entries_release_lock),
	KTEST_CASE(readdir_actor_may_sleep),
	{}
};

static struct ktest_suite vfs_lock_suite = {
	.name = "vfs_locks",
	.init = vfs_lock_init,
	.exit = vfs_lock_exit,
	.cases = vfs_lock_cases,
};
ktest_register_suite(vfs_lock_suite);
