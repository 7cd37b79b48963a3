/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the open-file KTEST suites (open, rw, fdtable, pipe,
 * ramfs_file): each suite works in its own directory under "/" and checks
 * that free pages return to where they were once everything is closed.
 */
#ifndef _FS_TESTS_FILE_TEST_H
#define _FS_TESTS_FILE_TEST_H

#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/ktest_user.h>
#include <keel/mm.h>
#include <keel/slab.h>
#include <keel/syscalls.h>

/* Free pages once cached dentries and inodes are gone. */
static inline unsigned long ftest_free_pages(void)
{
	shrink_dcache(~0UL);
	return nr_free_pages_shrunk();
}

/*
 * Free pages with the caches a file's life uses (struct file, inode,
 * dentry, index node) warmed up: each slab cache keeps one empty slab, so
 * the first file ever made would otherwise look like a leak.
 */
static inline unsigned long ftest_baseline(void)
{
	long fd = ksys_openat(AT_FDCWD, "/ftest_warm", O_RDWR | O_CREAT, 0600);

	if (fd >= 0) {
		ktest_write(fd, "w", 1);
		ksys_close(fd);
		ksys_unlinkat(AT_FDCWD, "/ftest_warm", 0);
	}
	return ftest_free_pages();
}

/* Create (or truncate) @path holding @len bytes of @data: 0 or -errno. */
static inline long ftest_put_file(const char *path, const void *data,
				  size_t len)
{
	long fd = ksys_openat(AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC,
			      0644);
	long ret;

	if (fd < 0)
		return fd;
	ret = ktest_write(fd, data, len);
	ksys_close(fd);
	return ret < 0 ? ret : (ret == (long)len ? 0 : -EIO);
}

#endif /* _FS_TESTS_FILE_TEST_H */
