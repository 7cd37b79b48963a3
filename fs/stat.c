// SPDX-License-Identifier: GPL-2.0
/*
 * stat(): an inode's attributes as struct kstat (->getattr, or straight
 * from the inode), then in the x86_64 struct stat layout exactly as Linux
 * fills it (devices through new_encode_dev, sizes in 512-byte blocks).
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <asm/page.h>

#define AT_NO_AUTOMOUNT		0x800

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
	struct file *file = fget(fd);
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

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	if (!filename[0] && (flags & AT_EMPTY_PATH) && dfd != AT_FDCWD)
		return ksys_fstat(dfd, st);
	if (!filename[0] && (flags & AT_EMPTY_PATH))
		filename = ".";
	err = vfs_path_lookup(dfd, filename,
			      flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW,
			      &path);
	if (err)
		return err;
	err = stat_path(&path, st);
	path_put(&path);
	return err;
}
