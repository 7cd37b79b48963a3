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
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/stat.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <uapi/linux/time_types.h>
#include <uapi/linux/utime.h>

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

static long chmod_common(const struct path *path, umode_t mode)
{
	struct iattr attr = { .ia_valid = ATTR_MODE | ATTR_CTIME };
	struct inode *inode = d_inode(path->dentry);
	long err;

	err = mnt_want_write(path->mnt);
	if (err)
		return err;
	if (!is_owner_or_root(inode))
		return -EPERM;
	attr.ia_mode = (mode & S_IALLUGO) | (inode->i_mode & ~S_IALLUGO);
	attr.ia_ctime = current_time(inode);
	inode_lock(inode);
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

long ksys_fchmodat(int dfd, const char *filename, umode_t mode)
{
	struct path path;
	long err;

	err = path_at(dfd, filename, 0, &path);
	if (err)
		return err;
	err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

static long chown_common(const struct path *path, uid_t user, gid_t group)
{
	struct iattr attr = { .ia_valid = ATTR_CTIME };
	struct inode *inode = d_inode(path->dentry);
	long err;

	err = mnt_want_write(path->mnt);
	if (err)
		return err;
	/* Giving files away, or to another group, takes root here. */
	if (!capable_fowner() &&
	    ((user != (uid_t)-1 && user != inode->i_uid) ||
	     (group != (gid_t)-1 && group != inode->i_gid)))
		return -EPERM;
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
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

long ksys_fchownat(int dfd, const char *filename, uid_t user, gid_t group,
		   int flag)
{
	struct path path;
	long err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = path_at(dfd, filename, flag, &path);
	if (err)
		return err;
	err = chown_common(&path, user, group);
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

/*
 * utimensat()'s checks before the name is looked at, in Linux's order:
 * 1 when both times are UTIME_OMIT (nothing to do, success), -EINVAL for
 * a bad time or flag, 0 to go on.
 */
static int utimensat_check(const struct timespec64 *times, int flags)
{
	if (times && times[0].tv_nsec == UTIME_OMIT &&
	    times[1].tv_nsec == UTIME_OMIT)
		return 1;
	if (times && (!nsec_valid(times[0].tv_nsec) ||
		      !nsec_valid(times[1].tv_nsec)))
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	return 0;
}

static long utimes_path(const struct path *path,
			const struct timespec64 *times)
{
	long err = mnt_want_write(path->mnt);

	return err ? err : utimes_common(path, times);
}

long ksys_utimensat(int dfd, const char *filename,
		    const struct timespec64 times[2], int flags)
{
	struct file *file;
	struct path path;
	long err;

	err = utimensat_check(times, flags);
	if (err)
		return err < 0 ? err : 0;
	if (!filename) {
		/* futimens(fd): an O_PATH fd is -EBADF, as for fchmod(). */
		if (dfd == AT_FDCWD)
			return -EFAULT;
		if (flags)
			return -EINVAL;
		file = fget(dfd);
		if (!file)
			return -EBADF;
		err = utimes_path(&file->f_path, times);
		fput(file);
		return err;
	}
	err = path_at(dfd, filename, flags, &path);
	if (err)
		return err;
	err = utimes_path(&path, times);
	path_put(&path);
	return err;
}

/* The system calls: path names through getname(), times copied in. */
SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	struct filename *name;
	long err;

	if (length < 0)
		return -EINVAL;
	name = getname(path);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_truncate(name->name, length);
	putname(name);
	return err;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	return ksys_ftruncate(fd, length);
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename,
		umode_t, mode)
{
	struct filename *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_fchmodat(dfd, name->name, mode);
	putname(name);
	return err;
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return __do_sys_fchmodat(AT_FDCWD, filename, mode);
}

/* fchmod() and fchown() act on the file, whatever its fd's number. */
static long fd_setattr(unsigned int fd, umode_t mode, uid_t user,
		       gid_t group, bool chown)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	if (chown)
		err = chown_common(&file->f_path, user, group);
	else
		err = chmod_common(&file->f_path, mode);
	fput(file);
	return err;
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	return fd_setattr(fd, mode, 0, 0, false);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
	return fd_setattr(fd, 0, user, group, true);
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename,
		uid_t, user, gid_t, group, int, flag)
{
	struct filename *name;
	long err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	name = getname_uflags(filename, flag);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_fchownat(dfd, name->name, user, group, flag);
	putname(name);
	return err;
}

SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user,
		gid_t, group)
{
	return __do_sys_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user,
		gid_t, group)
{
	return __do_sys_fchownat(AT_FDCWD, filename, user, group,
				 AT_SYMLINK_NOFOLLOW);
}

/* The utime family's common end: Linux's do_utimes() on a user name. */
static long do_utimes(int dfd, const char __user *filename,
		      const struct timespec64 *times, int flags)
{
	struct filename *name;
	long err;

	/* With nothing to do, not even the name is looked at (Linux). */
	err = utimensat_check(times, flags);
	if (err)
		return err < 0 ? err : 0;
	if (!filename)
		return ksys_utimensat(dfd, NULL, times, flags);
	name = getname_uflags(filename, flags);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_utimensat(dfd, name->name, times, flags);
	putname(name);
	return err;
}

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	struct __kernel_timespec ut[2];
	struct timespec64 t[2];
	int i;

	if (!utimes)
		return do_utimes(dfd, filename, NULL, flags);
	if (copy_from_user(ut, utimes, sizeof(ut)))
		return -EFAULT;
	for (i = 0; i < 2; i++) {
		t[i].tv_sec = ut[i].tv_sec;
		t[i].tv_nsec = ut[i].tv_nsec;
	}
	return do_utimes(dfd, filename, t, flags);
}

/*
 * The older calls take microseconds, which must be below a second (so
 * UTIME_NOW and UTIME_OMIT cannot be said), or whole seconds (utime).
 */
SYSCALL_DEFINE3(futimesat, int, dfd, const char __user *, filename,
		struct __kernel_old_timeval __user *, utimes)
{
	struct __kernel_old_timeval tv[2];
	struct timespec64 t[2];
	int i;

	if (!utimes)
		return do_utimes(dfd, filename, NULL, 0);
	if (copy_from_user(tv, utimes, sizeof(tv)))
		return -EFAULT;
	for (i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return -EINVAL;
		t[i].tv_sec = tv[i].tv_sec;
		t[i].tv_nsec = tv[i].tv_usec * NSEC_PER_USEC;
	}
	return do_utimes(dfd, filename, t, 0);
}

SYSCALL_DEFINE2(utimes, const char __user *, filename,
		struct __kernel_old_timeval __user *, utimes)
{
	return __do_sys_futimesat(AT_FDCWD, filename, utimes);
}

SYSCALL_DEFINE2(utime, const char __user *, filename,
		struct utimbuf __user *, times)
{
	struct timespec64 t[2] = {};

	if (!times)
		return do_utimes(AT_FDCWD, filename, NULL, 0);
	if (get_user(t[0].tv_sec, &times->actime) ||
	    get_user(t[1].tv_sec, &times->modtime))
		return -EFAULT;
	return do_utimes(AT_FDCWD, filename, t, 0);
}
