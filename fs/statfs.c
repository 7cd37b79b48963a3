// SPDX-License-Identifier: GPL-2.0
/*
 * statfs(2) and fstatfs(2): the super block's ->statfs fills struct
 * kstatfs (-ENOSYS for a file system without one, as Linux), the mount
 * adds its flags, and the result goes out as x86_64's struct statfs.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <uapi/asm-generic/statfs.h>

#include "internal.h"

static long mnt_st_flags(int mnt_flags)
{
	long flags = ST_VALID;

	if (mnt_flags & MNT_READONLY)
		flags |= ST_RDONLY;
	if (mnt_flags & MNT_NOSUID)
		flags |= ST_NOSUID;
	if (mnt_flags & MNT_NODEV)
		flags |= ST_NODEV;
	if (mnt_flags & MNT_NOEXEC)
		flags |= ST_NOEXEC;
	return flags;
}

static int vfs_statfs(const struct path *path, struct statfs *st)
{
	struct super_block *sb = path->dentry->d_sb;
	struct kstatfs buf = {};
	int err;

	if (!sb->s_op || !sb->s_op->statfs)
		return -ENOSYS;
	err = sb->s_op->statfs(path->dentry, &buf);
	if (err)
		return err;
	memset(st, 0, sizeof(*st));
	st->f_type = buf.f_type;
	st->f_bsize = buf.f_bsize;
	st->f_blocks = buf.f_blocks;
	st->f_bfree = buf.f_bfree;
	st->f_bavail = buf.f_bavail;
	st->f_files = buf.f_files;
	st->f_ffree = buf.f_ffree;
	st->f_namelen = buf.f_namelen;
	st->f_frsize = buf.f_bsize;
	st->f_flags = mnt_st_flags(READ_ONCE(path->mnt->mnt_flags));
	return 0;
}

static long statfs_to_user(int err, const struct statfs *st,
			   struct statfs __user *buf)
{
	if (!err && copy_to_user(buf, st, sizeof(*st)))
		err = -EFAULT;
	return err;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname,
		struct statfs __user *, buf)
{
	struct filename *name = getname(pathname);
	struct statfs st;
	struct path path;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = kern_path(name->name, LOOKUP_FOLLOW, &path);
	putname(name);
	if (err)
		return err;
	err = vfs_statfs(&path, &st);
	path_put(&path);
	return statfs_to_user(err, &st, buf);
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct file *file = fget_raw(fd);
	struct statfs st;
	int err;

	if (!file)
		return -EBADF;
	err = vfs_statfs(&file->f_path, &st);
	fput(file);
	return statfs_to_user(err, &st, buf);
}
