// SPDX-License-Identifier: GPL-2.0
/*
 * open() and close() on the current fd table: reserve an fd, let the path
 * walk (do_filp_open() in fs/namei.c) find or create the file and build
 * its struct file, then install it.  The lookup, O_CREAT/O_EXCL/O_TRUNC
 * and permission checks are namei's; this file owns only the fd side.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/stat.h>
#include <keel/syscalls.h>

static long do_sys_open(int dfd, const char *filename, int flags,
			umode_t mode, unsigned int lookup_flags)
{
	struct file *file;
	int fd;

	/* 64-bit: every file is "large", and F_GETFL shows it as on Linux. */
	flags |= O_LARGEFILE;
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
	return do_sys_open(dfd, filename, flags, mode, 0);
}

/* openat2(): unknown bits in how are -EINVAL, as is a mode without O_CREAT. */
long ksys_openat2(int dfd, const char *filename, const struct open_how *how)
{
	if (how->flags >> 32 || how->resolve & ~(u64)RESOLVE_BENEATH ||
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
