// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for read, write, pread64, pwrite64, readv, writev and lseek
 * on ramfs files: exact bytes, positions and Linux's errno values.
 */
#include <keel/errno.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/uio.h>
#include <keel/string.h>
#include "file_test.h"

#define RW_FILE	"/rw_test_file"

static void read_write_basics(struct ktest *t)
{
	unsigned long before = ftest_baseline();
	char buf[16];
	long fd;

	fd = ksys_openat(AT_FDCWD, RW_FILE, O_RDWR | O_CREAT | O_TRUNC, 0644);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_write(fd, "hello, ", 7), 7);
	KTEST_EXPECT_EQ(t, ktest_write(fd, "world", 5), 5);
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, sizeof(buf)), 0);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, 5), 5);
	KTEST_EXPECT_MEMEQ(t, buf, "hello", 5);
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, sizeof(buf)), 7);
	KTEST_EXPECT_MEMEQ(t, buf, ", world", 7);
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_pread64(fd, buf, 3, 7), 3);
	KTEST_EXPECT_MEMEQ(t, buf, "wor", 3);
	KTEST_EXPECT_EQ(t, ktest_pread64(fd, buf, 3, 100), 0);
	KTEST_EXPECT_EQ(t, ktest_pread64(fd, buf, 3, -1), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_pwrite64(fd, "W", 1, 7), 1);
	/* pread/pwrite leave the position alone. */
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 12);
	KTEST_EXPECT_EQ(t, ktest_pread64(fd, buf, 12, 0), 12);
	KTEST_EXPECT_MEMEQ(t, buf, "hello, World", 12);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, RW_FILE, 0), 0);
	KTEST_EXPECT_EQ(t, ftest_free_pages(), before);
}

static void wrong_mode_and_fd(struct ktest *t)
{
	char buf[4];
	long ro, wo, dir;

	KTEST_ASSERT_EQ(t, ftest_put_file(RW_FILE, "abcd", 4), 0);
	ro = ksys_openat(AT_FDCWD, RW_FILE, O_RDONLY, 0);
	wo = ksys_openat(AT_FDCWD, RW_FILE, O_WRONLY, 0);
	dir = ksys_openat(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(t, ro, 0);
	KTEST_ASSERT_GE(t, wo, 0);
	KTEST_ASSERT_GE(t, dir, 0);
	KTEST_EXPECT_EQ(t, ktest_write(ro, "x", 1), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_pwrite64(ro, "x", 1, 0), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_read(wo, buf, 1), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_pread64(wo, buf, 1, 0), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_read(dir, buf, 1), -EISDIR);
	KTEST_EXPECT_EQ(t, ktest_read(999, buf, 1), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_write(999, buf, 1), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_lseek(999, 0, SEEK_SET), -EBADF);
	ksys_close(dir);
	ksys_close(wo);
	ksys_close(ro);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, RW_FILE, 0), 0);
}

static void append_mode(struct ktest *t)
{
	char buf[8];
	long fd;

	KTEST_ASSERT_EQ(t, ftest_put_file(RW_FILE, "abc", 3), 0);
	fd = ksys_openat(AT_FDCWD, RW_FILE, O_RDWR | O_APPEND, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, ktest_write(fd, "de", 2), 2);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 5);
	/* As Linux, even pwrite appends under O_APPEND. */
	KTEST_EXPECT_EQ(t, ktest_pwrite64(fd, "f", 1, 0), 1);
	KTEST_EXPECT_EQ(t, ktest_pread64(fd, buf, 8, 0), 6);
	KTEST_EXPECT_MEMEQ(t, buf, "abcdef", 6);
	ksys_close(fd);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, RW_FILE, 0), 0);
}

static void hole_reads_zeros(struct ktest *t)
{
	static char buf[3 * 4096];
	static const char zeros[8192];
	struct stat st;
	long fd;

	fd = ksys_openat(AT_FDCWD, RW_FILE, O_RDWR | O_CREAT | O_TRUNC, 0644);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_pwrite64(fd, "end", 3, 8192), 3);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(t, st.st_size, 8195);
	KTEST_EXPECT_EQ(t, st.st_blocks, 8);	/* one page of data */
	memset(buf, 0x5a, sizeof(buf));
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, sizeof(buf)), 8195);
	KTEST_EXPECT_MEMEQ(t, buf, zeros, 8192);
	KTEST_EXPECT_MEMEQ(t, buf + 8192, "end", 3);
	ksys_close(fd);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, RW_FILE, 0), 0);
}

static void vectors(struct ktest *t)
{
	char a[3], b[5], c[4];
	struct kvec wv[] = {
		{ "one", 3 }, { "", 0 }, { "two", 3 }, { "three", 5 },
	};
	struct kvec rv[] = { { a, 3 }, { b, 5 }, { c, 4 } };
	struct kvec bad[] = { { a, 1 }, { b, (size_t)-1 / 2 + 1 } };
	long fd;

	fd = ksys_openat(AT_FDCWD, RW_FILE, O_RDWR | O_CREAT | O_TRUNC, 0644);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_writev(fd, wv, 4), 11);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, ktest_readv(fd, rv, 3), 11);
	KTEST_EXPECT_MEMEQ(t, a, "one", 3);
	KTEST_EXPECT_MEMEQ(t, b, "twoth", 5);
	KTEST_EXPECT_MEMEQ(t, c, "ree", 3);
	KTEST_EXPECT_EQ(t, ktest_readv(fd, rv, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_readv(fd, rv, -1), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_readv(fd, rv, 1025), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_writev(fd, bad, 2), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_readv(999, rv, 1), -EBADF);
	ksys_close(fd);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, RW_FILE, 0), 0);
}

static void seeking(struct ktest *t)
{
	long fd;

	KTEST_ASSERT_EQ(t, ftest_put_file(RW_FILE, "0123456789", 10), 0);
	fd = ksys_openat(AT_FDCWD, RW_FILE, O_RDWR, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 4, SEEK_SET), 4);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 3, SEEK_CUR), 7);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, -2, SEEK_END), 8);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 100, SEEK_END), 110);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, -11, SEEK_END), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, -1, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, MAX_LFS_FILESIZE, SEEK_CUR),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, 5), -EINVAL);
	/* A failed seek leaves the position alone. */
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 110);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 3, SEEK_DATA), 3);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 3, SEEK_HOLE), 10);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 10, SEEK_DATA), -ENXIO);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 10, SEEK_HOLE), -ENXIO);
	ksys_close(fd);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, RW_FILE, 0), 0);
}

static struct ktest_case rw_cases[] = {
	KTEST_CASE(read_write_basics),
	KTEST_CASE(wrong_mode_and_fd),
	KTEST_CASE(append_mode),
	KTEST_CASE(hole_reads_zeros),
	KTEST_CASE(vectors),
	KTEST_CASE(seeking),
	{}
};

static struct ktest_suite rw_suite = {
	.name = "rw",
	.cases = rw_cases,
};
ktest_register_suite(rw_suite);
