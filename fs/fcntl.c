// SPDX-License-Identifier: GPL-2.0
/*
 * dup(), dup3() and fcntl()'s descriptor commands (F_DUPFD, F_GETFD,
 * F_SETFD, F_GETFL, F_SETFL), on the current fd table (fs/file.c).  Locks,
 * leases and signals-on-I/O are not here yet.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/pipe_fs_i.h>
#include <keel/syscalls.h>

/* The O_* flags F_SETFL may change; the rest stay as open() set them. */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK)

long ksys_dup(unsigned int fildes)
{
	struct file *file = fget_raw(fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = get_unused_fd_flags(0);
	if (fd < 0) {
		fput(file);
		return fd;
	}
	fd_install(fd, file);
	return fd;
}

/*
 * dup2(old, new) is dup3(old, new, 0) except that equal fds return new
 * (after checking old is open) instead of -EINVAL: the system-call layer
 * does that, as Linux's sys_dup2() does.
 */
long ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *file;
	int ret;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= files_limit())
		return -EBADF;
	file = fget_raw(oldfd);
	if (!file)
		return -EBADF;
	ret = replace_fd(newfd, file, flags);
	fput(file);
	return ret;
}

static long dupfd(struct file *file, unsigned long from, unsigned int flags)
{
	int fd;

	if (from >= files_limit())
		return -EINVAL;
	fd = alloc_fd_from(from, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

static long setfl(struct file *file, unsigned long arg)
{
	spin_lock(&file->f_lock);
	file->f_flags = (arg & SETFL_MASK) | (file->f_flags & ~SETFL_MASK);
	spin_unlock(&file->f_lock);
	return 0;
}

/* The commands an O_PATH file takes (Linux's check_fcntl_cmd()). */
static bool path_fcntl_cmd(unsigned int cmd)
{
	return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_GETFD ||
	       cmd == F_SETFD || cmd == F_GETFL;
}

long ksys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fget_raw(fd);
	long ret;

	if (!file)
		return -EBADF;
	if ((file->f_mode & FMODE_PATH) && !path_fcntl_cmd(cmd)) {
		fput(file);
		return -EBADF;
	}
	switch (cmd) {
	case F_DUPFD:
		ret = dupfd(file, arg, 0);
		break;
	case F_DUPFD_CLOEXEC:
		ret = dupfd(file, arg, O_CLOEXEC);
		break;
	case F_GETFD:
		ret = get_close_on_exec(fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		ret = 0;
		break;
	case F_GETFL:
		ret = file->f_flags;
		break;
	case F_SETFL:
		ret = setfl(file, arg);
		break;
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		ret = pipe_fcntl(file, cmd, arg);
		break;
	default:
		ret = -EINVAL;
		break;
	}
	fput(file);
	return ret;
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	return ksys_dup(fildes);
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	return ksys_dup3(oldfd, newfd, flags);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	struct file *file;

	if (oldfd != newfd)
		return ksys_dup3(oldfd, newfd, 0);
	file = fget_raw(oldfd);
	if (!file)
		return -EBADF;
	fput(file);
	return newfd;
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd,
		unsigned long, arg)
{
	return ksys_fcntl(fd, cmd, arg);
}
