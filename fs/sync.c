// SPDX-License-Identifier: GPL-2.0
/*
 * sync(2), syncfs(2), fsync(2) and fdatasync(2).  Every file system Keel
 * has keeps its data in memory only, so there is nothing to write back:
 * sync() and syncfs() have no work beyond their checks, and fsync() asks
 * the file's ->fsync (ramfs: noop_fsync) and is -EINVAL for a file that
 * has none (a pipe, a device), as in Linux.
 */
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/syscalls.h>

SYSCALL_DEFINE0(sync)
{
	return 0;
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

static long do_fsync(unsigned int fd)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = file->f_op->fsync ? file->f_op->fsync(file) : -EINVAL;
	fput(file);
	return err;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd);
}
