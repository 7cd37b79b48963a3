// SPDX-License-Identifier: GPL-2.0
/*
 * stat(): an inode's attributes as struct kstat (->getattr, or straight
 * from the inode), then in the x86_64 struct stat layout exactly as Linux
 * fills it (devices through new_encode_dev, sizes in 512-byte blocks),
 * or as struct statx.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <asm/page.h>

#include "internal.h"

/*
 * The *at() flags newfstatat() and statx() take (Linux's vfs_statx()): the
 * sync bits mean nothing for file systems in memory, but are accepted.
 */
#define STAT_AT_FLAGS	(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | \
			 AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE)

static void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	spin_lock(&inode->i_lock);
	stat->ino = inode->i_ino;
	stat->dev = inode->i_sb->s_dev;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = inode->i_size;
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = inode->i_blkbits ? 1U << inode->i_blkbits : PAGE_SIZE;
	stat->blocks = inode->i_blocks;
	spin_unlock(&inode->i_lock);
}

int vfs_getattr(const struct path *path, struct kstat *stat)
{
	struct inode *inode = d_inode(path->dentry);

	memset(stat, 0, sizeof(*stat));
	if (inode->i_op && inode->i_op->getattr)
		return inode->i_op->getattr(path, stat);
	generic_fillattr(inode, stat);
	return 0;
}

static void cp_new_stat(const struct kstat *stat, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = new_encode_dev(stat->dev);
	st->st_ino = stat->ino;
	st->st_nlink = stat->nlink;
	st->st_mode = stat->mode;
	st->st_uid = stat->uid;
	st->st_gid = stat->gid;
	st->st_rdev = new_encode_dev(stat->rdev);
	st->st_size = stat->size;
	st->st_blksize = stat->blksize;
	st->st_blocks = stat->blocks;
	st->st_atime = stat->atime.tv_sec;
	st->st_atime_nsec = stat->atime.tv_nsec;
	st->st_mtime = stat->mtime.tv_sec;
	st->st_mtime_nsec = stat->mtime.tv_nsec;
	st->st_ctime = stat->ctime.tv_sec;
	st->st_ctime_nsec = stat->ctime.tv_nsec;
}

static long stat_path(const struct path *path, struct stat *st)
{
	struct kstat stat;
	int err;

	err = vfs_getattr(path, &stat);
	if (!err)
		cp_new_stat(&stat, st);
	return err;
}

long ksys_fstat(unsigned int fd, struct stat *st)
{
	struct file *file = fget_raw(fd);
	long err;

	if (!file)
		return -EBADF;
	err = stat_path(&file->f_path, st);
	fput(file);
	return err;
}

long ksys_newfstatat(int dfd, const char *filename, struct stat *st,
		     int flags)
{
	struct path path;
	long err;

	if (flags & ~STAT_AT_FLAGS)
		return -EINVAL;
	err = path_at(dfd, filename, flags, &path);
	if (err)
		return err;
	err = stat_path(&path, st);
	path_put(&path);
	return err;
}

/*
 * The system calls: the kernel's struct stat or statx filled as above,
 * then copied out (-EFAULT if the buffer is not writable user memory).
 */
static long stat_to_user(long err, const struct stat *st,
			 struct stat __user *statbuf)
{
	if (!err && copy_to_user(statbuf, st, sizeof(*st)))
		err = -EFAULT;
	return err;
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	struct filename *name;
	struct stat st;
	long err;

	/* Unknown flags fail before the name is read, as in Linux. */
	if (flag & ~STAT_AT_FLAGS)
		return -EINVAL;
	name = getname_maybe_null(filename, flag);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_newfstatat(dfd, name->name, &st, flag);
	putname(name);
	return stat_to_user(err, &st, statbuf);
}

SYSCALL_DEFINE2(newstat, const char __user *, filename,
		struct stat __user *, statbuf)
{
	return __do_sys_newfstatat(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(newlstat, const char __user *, filename,
		struct stat __user *, statbuf)
{
	return __do_sys_newfstatat(AT_FDCWD, filename, statbuf,
				   AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE2(newfstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct stat st;

	return stat_to_user(ksys_fstat(fd, &st), &st, statbuf);
}

static void cp_statx(const struct kstat *stat, struct statx *tmp)
{
	const struct timespec64 *times[] = {
		&stat->atime, &stat->ctime, &stat->mtime,
	};
	struct statx_timestamp *out[] = {
		&tmp->stx_atime, &tmp->stx_ctime, &tmp->stx_mtime,
	};
	unsigned int i;

	memset(tmp, 0, sizeof(*tmp));
	/* Everything but the birth time is known, whatever was asked. */
	tmp->stx_mask = STATX_BASIC_STATS;
	tmp->stx_blksize = stat->blksize;
	tmp->stx_nlink = stat->nlink;
	tmp->stx_uid = stat->uid;
	tmp->stx_gid = stat->gid;
	tmp->stx_mode = stat->mode;
	tmp->stx_ino = stat->ino;
	tmp->stx_size = stat->size;
	tmp->stx_blocks = stat->blocks;
	for (i = 0; i < ARRAY_SIZE(times); i++) {
		out[i]->tv_sec = times[i]->tv_sec;
		out[i]->tv_nsec = times[i]->tv_nsec;
	}
	tmp->stx_rdev_major = MAJOR(stat->rdev);
	tmp->stx_rdev_minor = MINOR(stat->rdev);
	tmp->stx_dev_major = MAJOR(stat->dev);
	tmp->stx_dev_minor = MINOR(stat->dev);
}

long ksys_statx(int dfd, const char *filename, int flags, unsigned int mask,
		struct statx *buf)
{
	struct kstat stat;
	struct path path;
	long err;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	if (flags & ~STAT_AT_FLAGS)
		return -EINVAL;
	err = path_at(dfd, filename, flags, &path);
	if (err)
		return err;
	err = vfs_getattr(&path, &stat);
	if (!err) {
		cp_statx(&stat, buf);
		/* What Linux's VFS says of every file: is it a mount's root? */
		buf->stx_attributes_mask = STATX_ATTR_AUTOMOUNT |
					   STATX_ATTR_MOUNT_ROOT |
					   STATX_ATTR_DAX;
		if (path.dentry == path.mnt->mnt_root)
			buf->stx_attributes |= STATX_ATTR_MOUNT_ROOT;
	}
	path_put(&path);
	return err;
}

SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	struct filename *name = getname_maybe_null(filename, flags);
	struct statx tmp;
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_statx(dfd, name->name, flags, mask, &tmp);
	putname(name);
	if (!err && copy_to_user(buffer, &tmp, sizeof(tmp)))
		err = -EFAULT;
	return err;
}
