/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small helpers the VFS KTEST suites share: make a file, stat without
 * following, and free memory after the dentry cache gave back what it
 * could.  Each suite works in its own directory under "/".
 */
#ifndef _FS_TESTS_VFS_TEST_H
#define _FS_TESTS_VFS_TEST_H

#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/mm.h>
#include <keel/slab.h>
#include <keel/syscalls.h>

static inline long vfs_test_touch(const char *path)
{
	long fd = ksys_openat(AT_FDCWD, path, O_CREAT | O_WRONLY, 0644);

	if (fd < 0)
		return fd;
	return ksys_close(fd);
}

static inline long vfs_test_lstat(const char *path, struct stat *st)
{
	return ksys_newfstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

static inline unsigned long vfs_test_free_pages(void)
{
	shrink_dcache(~0UL);
	return nr_free_pages_shrunk();
}

#endif /* _FS_TESTS_VFS_TEST_H */
