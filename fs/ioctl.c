// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl(2): the commands every file answers (the FIO* group: close-on-exec,
 * O_NONBLOCK, O_ASYNC, bytes to read and the size of a regular file),
 * then the file's ->unlocked_ioctl; -ENOTTY for anything neither knows,
 * as in Linux.  A driver's ->unlocked_ioctl returns -ENOIOCTLCMD for a
 * command it does not know.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/stat.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <uapi/asm-generic/ioctls.h>

static long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	long err;

	if (!file->f_op->unlocked_ioctl)
		return -ENOTTY;
	err = file->f_op->unlocked_ioctl(file, cmd, arg);
	return err == -ENOIOCTLCMD ? -ENOTTY : err;
}

static int ioctl_fionbio(struct file *file, int __user *argp)
{
	int on;

	if (get_user(on, argp))
		return -EFAULT;
	spin_lock(&file->f_lock);
	if (on)
		file->f_flags |= O_NONBLOCK;
	else
		file->f_flags &= ~O_NONBLOCK;
	spin_unlock(&file->f_lock);
	return 0;
}

/*
 * O_ASYNC takes a file that can signal I/O (Linux's ->fasync); none can
 * yet, so turning it on is -ENOTTY and leaving it off succeeds.
 */
static int ioctl_fioasync(struct file *file, int __user *argp)
{
	int on;

	if (get_user(on, argp))
		return -EFAULT;
	if ((on ? FASYNC : 0) != (READ_ONCE(file->f_flags) & FASYNC))
		return -ENOTTY;
	return 0;
}

/* The FIO* commands; -ENOIOCTLCMD passes the rest to the file. */
static long do_vfs_ioctl(struct file *file, unsigned int fd,
			 unsigned int cmd, unsigned long arg)
{
	struct inode *inode = file_inode(file);
	void __user *argp = (void __user *)arg;
	loff_t bytes;

	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, true);
		return 0;
	case FIONCLEX:
		set_close_on_exec(fd, false);
		return 0;
	case FIONBIO:
		return ioctl_fionbio(file, argp);
	case FIOASYNC:
		return ioctl_fioasync(file, argp);
	case FIOQSIZE:
		if (!S_ISDIR(inode->i_mode) && !S_ISREG(inode->i_mode) &&
		    !S_ISLNK(inode->i_mode))
			return -ENOTTY;
		bytes = READ_ONCE(inode->i_blocks) * 512;
		return copy_to_user(argp, &bytes, sizeof(bytes)) ? -EFAULT : 0;
	case FIGETBSZ:
		return put_user((int)inode->i_sb->s_blocksize,
				(int __user *)argp);
	case FIONREAD:
		/* A regular file's bytes after the position; others say. */
		if (!S_ISREG(inode->i_mode))
			break;
		spin_lock(&file->f_lock);
		bytes = READ_ONCE(inode->i_size) - file->f_pos;
		spin_unlock(&file->f_lock);
		return put_user((int)bytes, (int __user *)argp);
	}
	return -ENOIOCTLCMD;
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd,
		unsigned long, arg)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = do_vfs_ioctl(file, fd, cmd, arg);
	if (err == -ENOIOCTLCMD)
		err = vfs_ioctl(file, cmd, arg);
	fput(file);
	return err;
}
