// SPDX-License-Identifier: GPL-2.0
/*
 * Changing attributes: truncate/ftruncate, fchmodat, fchownat and
 * utimensat check who may change what (Linux's rules: the owner or root,
 * chown for root only; nothing on a read-only mount: -EROFS) and pass a
 * struct iattr to notify_change(), which hands it to the file system's
 * ->setattr (or simple_setattr), with the inode's i_rwsem held exclusive
 * by the caller, as in Linux.
 */
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/stat.h>
#include <keel/syscalls.h>

#include "internal.h"

static bool is_owner_or_root(const struct inode *inode)
{
	return current_cred()->fsuid == inode->i_uid || capable_fowner();
}

int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);

	inode_assert_locked_write(inode);
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return simple_setattr(dentry, attr);
}

int do_truncate(struct dentry *dentry, loff_t length)
{
	struct inode *inode = d_inode(dentry);
	struct iattr attr = {
		.ia_valid = ATTR_SIZE | ATTR_MTIME | ATTR_CTIME,
		.ia_size = length,
	};
	int err;

	if (length < 0)
		return -EINVAL;
	attr.ia_mtime = attr.ia_ctime = current_time(inode);
	inode_lock(inode);
	err = notify_change(dentry, &attr);
	inode_unlock(inode);
	return err;
}

long ksys_truncate(const char *pathname, loff_t length)
{
	struct inode *inode;
	struct path path;
	long err;

	if (length < 0)
		return -EINVAL;
	err = kern_path(pathname, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	inode = d_inode(path.dentry);
	if (S_ISDIR(inode->i_mode))
		err = -EISDIR;
	else if (!S_ISREG(inode->i_mode))
		err = -EINVAL;
	else
		err = mnt_want_write(path.mnt);
	if (!err)
		err = inode_permission(inode, MAY_WRITE);
	if (!err)
		err = do_truncate(path.dentry, length);
	path_put(&path);
	return err;
}

long ksys_ftruncate(unsigned int fd, loff_t length)
{
	struct file *file;
	long err;

	if (length < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	/* Linux: -EINVAL, not -EBADF, for a file not open for writing. */
	if (!S_ISREG(file_inode(file)->i_mode) ||
	    !(file->f_mode & FMODE_WRITE))
		err = -EINVAL;
	else
		err = do_truncate(file->f_path.dentry, length);
	fput(file);
	return err;
}

/* Look @filename up from @dfd, or take @dfd itself for AT_EMPTY_PATH "". */
static long at_path(int dfd, const char *filename, int flags,
		    struct path *path)
{
	struct file *file;

	if (!filename[0] && (flags & AT_EMPTY_PATH) && dfd != AT_FDCWD) {
		file = fget(dfd);
		if (!file)
			return -EBADF;
		*path = file->f_path;
		path_get(path);
		fput(file);
		return 0;
	}
	if (!filename[0] && (flags & AT_EMPTY_PATH))
		filename = ".";
	return vfs_path_lookup(dfd, filename,
			       flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW,
			       path);
}

long ksys_fchmodat(int dfd, const char *filename, umode_t mode)
{
	struct iattr attr = { .ia_valid = ATTR_MODE | ATTR_CTIME };
	struct inode *inode;
	struct path path;
	long err;

	err = at_path(dfd, filename, 0, &path);
	if (err)
		return err;
	err = mnt_want_write(path.mnt);
	if (err)
		goto out_put;
	inode = d_inode(path.dentry);
	if (!is_owner_or_root(inode)) {
		err = -EPERM;
		goto out_put;
	}
	attr.ia_mode = (mode & S_IALLUGO) | (inode->i_mode & ~S_IALLUGO);
	attr.ia_ctime = current_time(inode);
	inode_lock(inode);
	err = notify_change(path.dentry, &attr);
	inode_unlock(inode);
out_put:
	path_put(&path);
	return err;
}

long ksys_fchownat(int dfd, const char *filename, uid_t user, gid_t group,
		   int flag)
{
	struct iattr attr = { .ia_valid = ATTR_CTIME };
	struct inode *inode;
	struct path path;
	long err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = at_path(dfd, filename, flag, &path);
	if (err)
		return err;
	err = mnt_want_write(path.mnt);
	if (err)
		goto out_put;
	inode = d_inode(path.dentry);
	/* Giving files away, or to another group, takes root here. */
	if (!capable_fowner() &&
	    ((user != (uid_t)-1 && user != inode->i_uid) ||
	     (group != (gid_t)-1 && group != inode->i_gid))) {
		err = -EPERM;
		goto out_put;
	}
	if (user != (uid_t)-1) {
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = user;
	}
	if (group != (gid_t)-1) {
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = group;
	}
	/* As Linux, a chown strips set-user-ID and set-group-ID (if the
	 * group may execute) from everything but directories. */
	if ((attr.ia_valid & (ATTR_UID | ATTR_GID)) &&
	    !S_ISDIR(inode->i_mode) &&
	    (inode->i_mode & (S_ISUID | S_ISGID))) {
		attr.ia_valid |= ATTR_MODE;
		attr.ia_mode = inode->i_mode & ~S_ISUID;
		if (inode->i_mode & S_IXGRP)
			attr.ia_mode &= ~S_ISGID;
	}
	attr.ia_ctime = current_time(inode);
	inode_lock(inode);
	err = notify_change(path.dentry, &attr);
	inode_unlock(inode);
out_put:
	path_put(&path);
	return err;
}

static bool nsec_valid(long nsec)
{
	return nsec == UTIME_OMIT || nsec == UTIME_NOW ||
	       (nsec >= 0 && nsec < (long)NSEC_PER_SEC);
}

/*
 * Setting explicit times takes ownership (or root); setting both to "now"
 * also works with write permission, as Linux.
 */
static long utimes_common(const struct path *path,
			  const struct timespec64 *times)
{
	struct inode *inode = d_inode(path->dentry);
	struct iattr attr = { .ia_valid = ATTR_CTIME };
	struct timespec64 now = current_time(inode);
	int err;
	bool explicit = false;
	int i;

	for (i = 0; i < 2; i++) {
		struct timespec64 t = times ? times[i] :
			(struct timespec64){ .tv_nsec = UTIME_NOW };

		if (t.tv_nsec == UTIME_OMIT)
			continue;
		if (t.tv_nsec == UTIME_NOW)
			t = now;
		else
			explicit = true;
		attr.ia_valid |= i ? ATTR_MTIME : ATTR_ATIME;
		if (i)
			attr.ia_mtime = t;
		else
			attr.ia_atime = t;
	}
	if (!is_owner_or_root(inode)) {
		if (explicit)
			return -EPERM;
		if (inode_permission(inode, MAY_WRITE))
			return -EACCES;
	}
	attr.ia_ctime = now;
	inode_lock(inode);
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

long ksys_utimensat(int dfd, const char *filename,
		    const struct timespec64 times[2], int flags)
{
	struct path path;
	long err;

	if (times && times[0].tv_nsec == UTIME_OMIT &&
	    times[1].tv_nsec == UTIME_OMIT)
		return 0;
	if (times && (!nsec_valid(times[0].tv_nsec) ||
		      !nsec_valid(times[1].tv_nsec)))
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!filename) {
		/* utimensat(fd, NULL, ...) is futimens(fd). */
		if (flags)
			return -EINVAL;
		if (dfd == AT_FDCWD)
			return -EFAULT;
		err = at_path(dfd, "", AT_EMPTY_PATH, &path);
	} else {
		err = at_path(dfd, filename, flags, &path);
	}
	if (err)
		return err;
	err = mnt_want_write(path.mnt);
	if (!err)
		err = utimes_common(&path, times);
	path_put(&path);
	return err;
}
