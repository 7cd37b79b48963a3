// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for ramfs file data: a 20 MiB file written and read back
 * through its checksum, a 1 GiB sparse file holding two pages, SEEK_DATA
 * and SEEK_HOLE across holes, truncation growing with a hole and shrinking
 * with pages freed, and free memory back to its baseline after unlink.
 */
#include <keel/errno.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/stat.h>
#include <keel/string.h>
#include "file_test.h"

#define BIG_FILE	"/ramfs_big"
#define MiB		(1024UL * 1024)

static char block[65536];

static u32 checksum(u32 sum, const char *p, size_t n)
{
	while (n--)
		sum = (sum << 5) + sum + (unsigned char)*p++;
	return sum;
}

static void fill_block(unsigned int seed)
{
	unsigned int i;

	for (i = 0; i < sizeof(block); i++)
		block[i] = (seed * 131 + i * 7) >> 3;
}

/* Write 20 MiB, check its size and blocks, read it back by checksum. */
static void twenty_mib_once(struct ktest *t)
{
	unsigned long n = 20 * MiB / sizeof(block);
	u32 wsum = 5381, rsum = 5381;
	struct stat st;
	unsigned long i;
	long fd, ret;

	fd = ksys_openat(AT_FDCWD, BIG_FILE, O_RDWR | O_CREAT | O_TRUNC, 0600);
	KTEST_ASSERT_GE(t, fd, 0);
	for (i = 0; i < n; i++) {
		fill_block(i);
		wsum = checksum(wsum, block, sizeof(block));
		ret = ktest_write(fd, block, sizeof(block));
		if (ret != sizeof(block))
			break;
	}
	KTEST_EXPECT_EQ(t, i, n);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(t, st.st_size, 20 * MiB);
	KTEST_EXPECT_EQ(t, st.st_blocks, 20 * MiB / 512);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_SET), 0);
	while ((ret = ktest_read(fd, block, sizeof(block))) > 0)
		rsum = checksum(rsum, block, ret);
	KTEST_EXPECT_EQ(t, ret, 0);
	KTEST_EXPECT_EQ(t, rsum, wsum);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, BIG_FILE, 0), 0);
}

static void twenty_mib(struct ktest *t)
{
	unsigned long before;

	/* The 16 MiB boot has no room for it. */
	if (ftest_free_pages() < 2 * (20 * MiB / 4096)) {
		ktest_skip(t, "needs 40 MiB free");
		return;
	}
	/*
	 * The first round also grows what the kernel keeps once grown (a
	 * cached slab, direct-map page tables); the second must give back
	 * every page it took.
	 */
	twenty_mib_once(t);
	before = ftest_free_pages();
	twenty_mib_once(t);
	KTEST_EXPECT_EQ(t, ftest_free_pages(), before);
}

static void sparse_gib(struct ktest *t)
{
	unsigned long before = ftest_baseline(), used;
	loff_t last = (1L << 30) - 4096;
	struct stat st;
	char buf[8];
	long fd;

	fd = ksys_openat(AT_FDCWD, BIG_FILE, O_RDWR | O_CREAT | O_TRUNC, 0600);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_pwrite64(fd, "first", 5, 0), 5);
	KTEST_EXPECT_EQ(t, ktest_pwrite64(fd, "last", 4, last), 4);
	KTEST_EXPECT_EQ(t, ksys_ftruncate(fd, 1L << 30), 0);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(t, st.st_size, 1L << 30);
	KTEST_EXPECT_EQ(t, st.st_blocks, 16);	/* two pages */
	/*
	 * Two data pages plus index nodes and the file's structures (a page
	 * each without CONFIG_SLAB), not the 262144 pages of a dense file.
	 */
	used = before - nr_free_pages();
	KTEST_EXPECT_GE(t, used, 2);
	KTEST_EXPECT_LT(t, used, 16);
	KTEST_EXPECT_EQ(t, ktest_pread64(fd, buf, 4, last), 4);
	KTEST_EXPECT_MEMEQ(t, buf, "last", 4);
	KTEST_EXPECT_EQ(t, ktest_pread64(fd, buf, 8, 512 * MiB), 8);
	KTEST_EXPECT_MEMEQ(t, buf, "\0\0\0\0\0\0\0\0", 8);

	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_DATA), 0);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_HOLE), 4096);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 4096, SEEK_DATA), last);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, last + 10, SEEK_DATA), last + 10);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, last, SEEK_HOLE), 1L << 30);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 1L << 30, SEEK_DATA), -ENXIO);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 1L << 30, SEEK_HOLE), -ENXIO);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, -1, SEEK_DATA), -ENXIO);

	/* Shrinking frees the last page; growing again reads zeros. */
	KTEST_EXPECT_EQ(t, ksys_ftruncate(fd, 3), 0);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(t, st.st_blocks, 8);
	KTEST_EXPECT_EQ(t, ksys_ftruncate(fd, 8), 0);
	KTEST_EXPECT_EQ(t, ktest_pread64(fd, buf, 8, 0), 8);
	KTEST_EXPECT_MEMEQ(t, buf, "fir\0\0\0\0\0", 8);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, BIG_FILE, 0), 0);
	KTEST_EXPECT_EQ(t, ftest_free_pages(), before);
}

static void truncate_errors(struct ktest *t)
{
	long ro, dir;

	KTEST_ASSERT_EQ(t, ftest_put_file(BIG_FILE, "abc", 3), 0);
	ro = ksys_openat(AT_FDCWD, BIG_FILE, O_RDONLY, 0);
	dir = ksys_openat(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(t, ro, 0);
	KTEST_ASSERT_GE(t, dir, 0);
	KTEST_EXPECT_EQ(t, ksys_ftruncate(ro, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_ftruncate(dir, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_ftruncate(999, 0), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_ftruncate(ro, -1), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_truncate(BIG_FILE, -1), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_truncate("/", 0), -EISDIR);
	KTEST_EXPECT_EQ(t, ksys_truncate("/ramfs_none", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_truncate(BIG_FILE, 10000), 0);
	ksys_close(ro);
	ksys_close(dir);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, BIG_FILE, 0), 0);
}

static struct ktest_case ramfs_file_cases[] = {
	KTEST_CASE(twenty_mib),
	KTEST_CASE(sparse_gib),
	KTEST_CASE(truncate_errors),
	{}
};

static struct ktest_suite ramfs_file_suite = {
	.name = "ramfs_file",
	.cases = ramfs_file_cases,
};
ktest_register_suite(ramfs_file_suite);
