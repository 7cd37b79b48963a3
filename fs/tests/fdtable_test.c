// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for the fd table and the calls on it: lowest-free-fd
 * allocation, growth past NR_OPEN_DEFAULT up to -EMFILE at RLIMIT_NOFILE,
 * close, dup, dup3 and fcntl, with exact errno values.
 */
#include <keel/errno.h>
#include <keel/ktest.h>
#include <keel/stat.h>
#include "file_test.h"

static long open_root(void)
{
	return ksys_openat(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY, 0);
}

static void lowest_free_fd(struct ktest *t)
{
	long a = open_root(), b = ksys_dup(a), c = ksys_dup(a);

	KTEST_ASSERT_GE(t, a, 0);
	KTEST_EXPECT_EQ(t, b, a + 1);
	KTEST_EXPECT_EQ(t, c, a + 2);
	KTEST_EXPECT_EQ(t, ksys_close(b), 0);
	KTEST_EXPECT_EQ(t, ksys_close(b), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_dup(a), b);
	KTEST_EXPECT_EQ(t, ksys_close(b), 0);
	KTEST_EXPECT_EQ(t, ksys_close(c), 0);
	KTEST_EXPECT_EQ(t, ksys_close(a), 0);
	KTEST_EXPECT_NULL(t, fget(a));
	KTEST_EXPECT_NULL(t, fget(~0U));
	KTEST_EXPECT_EQ(t, ksys_close(100000), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_dup(100000), -EBADF);
}

/* Dup @fd until the table is full; returns how many were made. */
static long fill_table(long fd, long *err)
{
	long n = 0, ret;

	while ((ret = ksys_dup(fd)) >= 0)
		n++;
	*err = ret;
	return n;
}

static void empty_table(long fd)
{
	unsigned int i;

	for (i = fd + 1; i < files_limit(); i++)
		ksys_close(i);
}

static void grow_to_emfile(struct ktest *t)
{
	struct files_struct *files = current_files();
	unsigned int open_before = files_count_open(files);
	unsigned long before;
	long fd = open_root(), n, err;

	KTEST_ASSERT_GE(t, fd, 0);
	/* The first round grows the arrays, which then stay (as Linux). */
	fill_table(fd, &err);
	empty_table(fd);
	ksys_close(fd);
	KTEST_EXPECT_EQ(t, files->max_fds, files_limit());
	before = ftest_free_pages();

	fd = open_root();
	KTEST_ASSERT_GE(t, fd, 0);

	n = fill_table(fd, &err);
	KTEST_EXPECT_EQ(t, err, -EMFILE);
	KTEST_EXPECT_EQ(t, n + open_before + 1, files_limit());
	KTEST_EXPECT_EQ(t, files_count_open(files), files_limit());
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/", O_RDONLY, 0), -EMFILE);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_DUPFD, 0), -EMFILE);
	/* Closing one makes exactly that fd the next. */
	KTEST_EXPECT_EQ(t, ksys_close(700), 0);
	KTEST_EXPECT_EQ(t, ksys_dup(fd), 700);
	empty_table(fd);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, files_count_open(files), open_before);
	KTEST_EXPECT_EQ(t, ftest_free_pages(), before);
}

static void dup3_rules(struct ktest *t)
{
	long a = open_root(), b = open_root();
	struct stat sa, sb;

	KTEST_ASSERT_GE(t, a, 0);
	KTEST_ASSERT_GE(t, b, 0);
	KTEST_EXPECT_EQ(t, ksys_dup3(a, a, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_dup3(a, b, O_NONBLOCK), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_dup3(a, files_limit(), 0), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_dup3(900, b, 0), -EBADF);
	/* Onto an open fd: it is closed first and takes the flag. */
	KTEST_EXPECT_EQ(t, ksys_dup3(a, b, O_CLOEXEC), b);
	KTEST_EXPECT_EQ(t, ksys_fcntl(b, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, ksys_fcntl(a, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_fstat(a, &sa), 0);
	KTEST_EXPECT_EQ(t, ksys_fstat(b, &sb), 0);
	KTEST_EXPECT_EQ(t, sa.st_ino, sb.st_ino);
	/* Onto a free fd far above the others. */
	KTEST_EXPECT_EQ(t, ksys_dup3(a, 500, 0), 500);
	KTEST_EXPECT_EQ(t, ksys_close(500), 0);
	KTEST_EXPECT_EQ(t, ksys_close(b), 0);
	KTEST_EXPECT_EQ(t, ksys_close(a), 0);
}

static void fcntl_cmds(struct ktest *t)
{
	long fd, d;

	KTEST_ASSERT_EQ(t, ftest_put_file("/fdtable_f", "x", 1), 0);
	fd = ksys_openat(AT_FDCWD, "/fdtable_f", O_RDWR | O_APPEND, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_GETFL, 0),
			O_RDWR | O_APPEND | O_LARGEFILE);
	/* Only O_APPEND and O_NONBLOCK change. */
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_SETFL,
				      O_NONBLOCK | O_WRONLY | O_SYNC), 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_GETFL, 0),
			O_RDWR | O_NONBLOCK | O_LARGEFILE);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_SETFD, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_GETFD, 0), 0);

	d = ksys_fcntl(fd, F_DUPFD, 100);
	KTEST_EXPECT_EQ(t, d, 100);
	KTEST_EXPECT_EQ(t, ksys_fcntl(d, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_DUPFD_CLOEXEC, 100), 101);
	KTEST_EXPECT_EQ(t, ksys_fcntl(101, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_DUPFD, files_limit()), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, 9999, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_fcntl(900, F_GETFD, 0), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_close(101), 0);
	KTEST_EXPECT_EQ(t, ksys_close(100), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);

	fd = ksys_openat(AT_FDCWD, "/fdtable_f", O_RDONLY | O_CLOEXEC, 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fd, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/fdtable_f", 0), 0);
}

static struct ktest_case fdtable_cases[] = {
	KTEST_CASE(lowest_free_fd),
	KTEST_CASE(grow_to_emfile),
	KTEST_CASE(dup3_rules),
	KTEST_CASE(fcntl_cmds),
	{}
};

static struct ktest_suite fdtable_suite = {
	.name = "fdtable",
	.cases = fdtable_cases,
};
ktest_register_suite(fdtable_suite);
