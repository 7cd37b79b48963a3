// SPDX-License-Identifier: GPL-2.0
/*
 * open() and close() on the current fd table: reserve an fd, let the path
 * walk (do_filp_open() in fs/namei.c) find or create the file and build
 * its struct file, then install it.  The lookup, O_CREAT/O_EXCL/O_TRUNC
 * and permission checks are namei's; this file owns only the fd side.
 * Also the calls that, as in Linux, live beside open: access(), chdir()
 * by descriptor and chroot().
 */
#include <keel/cred.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/fs_struct.h>
#include <keel/kernel.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <asm/page.h>

#include "internal.h"

/* The open flags Linux knows; open() drops others, openat2() refuses them. */
#define VALID_OPEN_FLAGS						\
	(O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND |	\
	 O_NONBLOCK | O_SYNC | FASYNC | O_DIRECT | O_LARGEFILE |		\
	 O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | O_PATH |	\
	 __O_TMPFILE)

/* What O_PATH keeps; openat2() refuses O_PATH with any other. */
#define O_PATH_FLAGS	(O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC)

/*
 * O_TMPFILE is checked as Linux checks it, then refused: no file system
 * here can make an unnamed file (Linux's ->tmpfile).
 */
static int check_tmpfile(int flags)
{
	if ((flags & (O_TMPFILE | O_CREAT)) != O_TMPFILE)
		return -EINVAL;
	if ((flags & O_ACCMODE) == O_RDONLY)
		return -EINVAL;
	return -EOPNOTSUPP;
}

static long do_sys_open(int dfd, const char *filename, int flags,
			umode_t mode, unsigned int lookup_flags)
{
	struct file *file;
	int fd;

	/*
	 * 64-bit: every file is "large", and F_GETFL shows it as on Linux;
	 * but an O_PATH open keeps only the flags that mean something to it.
	 */
	if (flags & O_PATH)
		flags &= O_PATH_FLAGS;
	else
		flags |= O_LARGEFILE;
	if (flags & __O_TMPFILE)
		return check_tmpfile(flags);
	mode = flags & O_CREAT ? mode & S_IALLUGO : 0;
	fd = get_unused_fd_flags(flags);
	if (fd < 0)
		return fd;
	file = do_filp_open(dfd, filename, flags, mode, lookup_flags);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	return fd;
}

long ksys_openat(int dfd, const char *filename, int flags, umode_t mode)
{
	return do_sys_open(dfd, filename, flags & VALID_OPEN_FLAGS, mode, 0);
}

/* openat2(): unknown bits in how are -EINVAL, as is a mode without O_CREAT. */
long ksys_openat2(int dfd, const char *filename, const struct open_how *how)
{
	if (how->flags & ~(u64)VALID_OPEN_FLAGS ||
	    ((how->flags & O_PATH) && (how->flags & ~(u64)O_PATH_FLAGS)) ||
	    how->resolve & ~(u64)RESOLVE_BENEATH ||
	    how->mode & ~(u64)S_IALLUGO ||
	    (how->mode && !(how->flags & O_CREAT)))
		return -EINVAL;
	return do_sys_open(dfd, filename, how->flags, how->mode,
			   how->resolve & RESOLVE_BENEATH ? LOOKUP_BENEATH : 0);
}

long ksys_close(unsigned int fd)
{
	return close_fd(fd);
}

struct file *filp_open(const char *name, int flags, umode_t mode)
{
	return do_filp_open(AT_FDCWD, name, flags | O_LARGEFILE, mode, 0);
}

int filp_close(struct file *file)
{
	fput(file);
	return 0;
}

/*
 * The system calls.  open() and openat() ignore flags they do not know,
 * as Linux does; openat2() refuses them.
 */
static long do_sys_openat(int dfd, const char __user *filename, int flags,
			  umode_t mode)
{
	struct filename *name;
	long fd;

	/* Flags that cannot go together fail before the name is read. */
	if ((flags & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
		return -EINVAL;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = ksys_openat(dfd, name->name, flags, mode);
	putname(name);
	return fd;
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags,
		umode_t, mode)
{
	return do_sys_openat(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags,
		umode_t, mode)
{
	return do_sys_openat(dfd, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_openat(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC,
			     mode);
}

/* The first version of struct open_how; later ones only grow it. */
#define OPEN_HOW_SIZE_VER0	24

/*
 * Linux's copy_struct_from_user(): a shorter @usize leaves the rest of
 * @dst zero, a longer one must be zero past what the kernel knows
 * (-E2BIG otherwise).
 */
static int copy_struct_from_user(void *dst, size_t ksize,
				 const void __user *src, size_t usize)
{
	size_t i;
	u8 c;

	memset(dst, 0, ksize);
	for (i = ksize; i < usize; i++) {
		if (get_user(c, (const u8 __user *)src + i))
			return -EFAULT;
		if (c)
			return -E2BIG;
	}
	if (copy_from_user(dst, src, min(ksize, usize)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE4(openat2, int, dfd, const char __user *, filename,
		struct open_how __user *, how, size_t, usize)
{
	struct filename *name;
	struct open_how khow;
	long err;

	if (usize < OPEN_HOW_SIZE_VER0)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	err = copy_struct_from_user(&khow, sizeof(khow), how, usize);
	if (err)
		return err;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_openat2(dfd, name->name, &khow);
	putname(name);
	return err;
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return ksys_close(fd);
}

SYSCALL_DEFINE3(close_range, unsigned int, fd, unsigned int, max_fd,
		unsigned int, flags)
{
	return close_range(fd, max_fd, flags);
}

/* -EINVAL for a mode beyond R_OK | W_OK | X_OK or an unknown flag. */
static int check_faccessat_args(int mode, int flags)
{
	if (mode & ~S_IRWXO)
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	return 0;
}

/*
 * access() checks with the real user and group ids, not the effective
 * ones, unless AT_EACCESS says otherwise: it acts with a copy of the
 * credentials whose fs ids are the real ones (Linux's
 * access_override_creds()).
 */
long ksys_faccessat(int dfd, const char *filename, int mode, int flags)
{
	const struct cred *old = NULL;
	struct cred *new = NULL;
	struct inode *inode;
	struct path path;
	long err;

	err = check_faccessat_args(mode, flags);
	if (err)
		return err;
	if (!(flags & AT_EACCESS)) {
		new = prepare_creds();
		if (!new)
			return -ENOMEM;
		new->fsuid = new->uid;
		new->fsgid = new->gid;
		old = override_creds(new);
	}
	err = path_at(dfd, filename, flags, &path);
	if (err)
		goto revert;
	inode = d_inode(path.dentry);
	err = inode_permission(inode, mode);
	/* Writing to a file on a read-only mount fails, to a device not. */
	if (!err && (mode & MAY_WRITE) &&
	    (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode) ||
	     S_ISLNK(inode->i_mode)))
		err = mnt_want_write(path.mnt);
	path_put(&path);
revert:
	if (new) {
		revert_creds(old);
		put_cred(new);
	}
	return err;
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename,
		int, mode, int, flags)
{
	struct filename *name;
	long err;

	err = check_faccessat_args(mode, flags);
	if (err)
		return err;
	name = getname_uflags(filename, flags);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_faccessat(dfd, name->name, mode, flags);
	putname(name);
	return err;
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename,
		int, mode)
{
	return __do_sys_faccessat2(dfd, filename, mode, 0);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return __do_sys_faccessat2(AT_FDCWD, filename, mode, 0);
}

/* The directory @path names becomes the working directory, or the root. */
static long set_fs_dir(const struct path *path, bool root)
{
	long err;

	if (!S_ISDIR(d_inode(path->dentry)->i_mode))
		return -ENOTDIR;
	err = inode_permission(d_inode(path->dentry), MAY_EXEC);
	if (err)
		return err;
	if (!root)
		set_fs_pwd(current_fs(), path);
	else if (capable_fowner())
		set_fs_root(current_fs(), path);
	else
		err = -EPERM;
	return err;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *file = fget_raw(fd);
	long err;

	if (!file)
		return -EBADF;
	err = set_fs_dir(&file->f_path, false);
	fput(file);
	return err;
}

SYSCALL_DEFINE1(chroot, const char __user *, filename)
{
	struct filename *name = getname(filename);
	struct path path;
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = kern_path(name->name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	putname(name);
	if (err)
		return err;
	err = set_fs_dir(&path, true);
	path_put(&path);
	return err;
}
