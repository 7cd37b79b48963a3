// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST stress suite for the VFS and ramfs: 10,000 files in one
 * directory listed with getdents64 in small chunks (every entry exactly
 * once, even while listed ones are removed), a tree 200 levels deep, and
 * a storm of renames.  After each, with the dentry cache shrunk, free
 * memory is back at its baseline.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/kstrtox.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/slab.h>
#include <keel/sprintf.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>

#include "vfs_test.h"

#define NR_FILES	10000
#define DEPTH		200

static int stress_init(struct ktest *t)
{
	return ksys_mkdirat(AT_FDCWD, "/st", 0755);
}

/* After a failed case too: what big_directory() may have left. */
static void stress_exit(struct ktest *t)
{
	char path[24];
	int i;

	for (i = 0; i < NR_FILES; i++) {
		snprintf(path, sizeof(path), "/st/big/f%05d", i);
		ksys_unlinkat(AT_FDCWD, path, 0);
	}
	ksys_unlinkat(AT_FDCWD, "/st/big", AT_REMOVEDIR);
	ksys_unlinkat(AT_FDCWD, "/st", AT_REMOVEDIR);
}

/* Lists /st/big in chunks of @bufsize, counting each fNNNNN in @seen. */
static void list_big(struct ktest *t, u8 *seen, unsigned int bufsize,
		     bool unlink_listed)
{
	char *buf = kmalloc(bufsize, GFP_KERNEL);
	unsigned int dots = 0;
	long fd, n;

	KTEST_ASSERT_NOT_NULL(t, buf);
	fd = ksys_openat(AT_FDCWD, "/st/big", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	while ((n = ktest_getdents64(fd, buf, bufsize)) > 0) {
		long off = 0;

		while (off < n) {
			struct linux_dirent64 *d = (void *)(buf + off);
			unsigned int i;
			char path[24];

			off += d->d_reclen;
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, "..")) {
				dots++;
				continue;
			}
			if (d->d_name[0] != 'f' ||
			    kstrtouint(d->d_name + 1, 10, &i) || i >= NR_FILES) {
				KTEST_EXPECT_STREQ(t, d->d_name, "fNNNNN");
				continue;
			}
			seen[i]++;
			if (unlink_listed) {
				snprintf(path, sizeof(path), "/st/big/%s",
					 d->d_name);
				KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, path,
								 0), 0);
			}
		}
	}
	KTEST_EXPECT_EQ(t, n, 0);
	KTEST_EXPECT_EQ(t, dots, 2);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	kfree(buf);
}

static void create_files(struct ktest *t, int from, int to)
{
	char path[24];
	int i;

	for (i = from; i < to; i++) {
		snprintf(path, sizeof(path), "/st/big/f%05d", i);
		KTEST_ASSERT_EQ(t, ksys_mknodat(AT_FDCWD, path, S_IFREG | 0644,
						0), 0);
	}
}

/*
 * Without slabs (CONFIG_SLAB=n) every dentry and inode is a page: the
 * first hundred files tell whether 10,000 fit in three quarters of memory.
 */
static bool create_big(struct ktest *t, unsigned long free_before)
{
	unsigned long used;

	KTEST_EXPECT_EQ(t, ksys_mkdirat(AT_FDCWD, "/st/big", 0755), 0);
	create_files(t, 0, 100);
	used = free_before - nr_free_pages();
	if (used * (NR_FILES / 100) > free_before / 4 * 3) {
		ktest_skip(t, "not enough memory for 10,000 files");
		return false;
	}
	create_files(t, 100, NR_FILES);
	return true;
}

static void big_directory(struct ktest *t)
{
	unsigned long before = vfs_test_free_pages();
	u8 *seen = kzalloc(NR_FILES, GFP_KERNEL);
	struct stat st;
	int i, missing = 0;

	KTEST_ASSERT_NOT_NULL(t, seen);
	if (!create_big(t, before)) {
		kfree(seen);
		return;
	}
	KTEST_ASSERT_EQ(t, vfs_test_lstat("/st/big/f09999", &st), 0);
	/* 72 bytes: two records a call at most. */
	list_big(t, seen, 72, false);
	for (i = 0; i < NR_FILES; i++)
		missing += seen[i] != 1;
	KTEST_EXPECT_EQ(t, missing, 0);
	/* Again, removing each entry as it is listed. */
	memset(seen, 0, NR_FILES);
	list_big(t, seen, 200, true);
	for (i = 0, missing = 0; i < NR_FILES; i++)
		missing += seen[i] != 1;
	KTEST_EXPECT_EQ(t, missing, 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/st/big", AT_REMOVEDIR), 0);
	kfree(seen);
	KTEST_EXPECT_EQ(t, vfs_test_free_pages(), before);
}

static void deep_tree(struct ktest *t)
{
	unsigned long before = vfs_test_free_pages();
	char *path = kmalloc(4 + 2 * DEPTH + 8, GFP_KERNEL);
	char cwd[8];
	struct stat st;
	size_t len;
	int i;

	KTEST_ASSERT_NOT_NULL(t, path);
	strscpy(path, "/st", 4);
	len = 3;
	for (i = 0; i < DEPTH; i++) {
		memcpy(path + len, "/d", 3);
		len += 2;
		KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, path, 0755), 0);
	}
	memcpy(path + len, "/f", 3);
	KTEST_EXPECT_EQ(t, vfs_test_touch(path), 0);
	KTEST_EXPECT_EQ(t, vfs_test_lstat(path, &st), 0);
	path[len] = '\0';
	KTEST_EXPECT_EQ(t, ksys_chdir(path), 0);
	KTEST_EXPECT_EQ(t, ksys_getcwd(cwd, sizeof(cwd)), -ERANGE);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "f", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_chdir("/"), 0);
	for (i = 0; i < DEPTH; i++) {
		KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, path, AT_REMOVEDIR),
				0);
		len -= 2;
		path[len] = '\0';
	}
	kfree(path);
	KTEST_EXPECT_EQ(t, vfs_test_free_pages(), before);
}

static void rename_storm(struct ktest *t)
{
	unsigned long before = vfs_test_free_pages();
	char from[24], to[24];
	struct stat st;
	int i, round;

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/st/a", 0755), 0);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/st/b", 0755), 0);
	for (i = 0; i < 100; i++) {
		snprintf(from, sizeof(from), "/st/a/%d", i);
		KTEST_ASSERT_EQ(t, vfs_test_touch(from), 0);
	}
	/* Round trips between the directories, with ever longer names. */
	for (round = 0; round < 20; round++) {
		for (i = 0; i < 100; i++) {
			snprintf(from, sizeof(from), "/st/%c/%d%.*s",
				 round & 1 ? 'b' : 'a', i, round, "xxxxxxxxxxxxxxxxxxxx");
			snprintf(to, sizeof(to), "/st/%c/%d%.*s",
				 round & 1 ? 'a' : 'b', i, round + 1,
				 "xxxxxxxxxxxxxxxxxxxx");
			KTEST_ASSERT_EQ(t, ksys_renameat2(AT_FDCWD, from,
							  AT_FDCWD, to, 0), 0);
		}
	}
	/* Then each replaces its neighbour: one file is left. */
	for (i = 1; i < 100; i++) {
		snprintf(from, sizeof(from), "/st/a/%d%.*s", i - 1, 20,
			 "xxxxxxxxxxxxxxxxxxxx");
		snprintf(to, sizeof(to), "/st/a/%d%.*s", i, 20,
			 "xxxxxxxxxxxxxxxxxxxx");
		KTEST_ASSERT_EQ(t, ksys_renameat2(AT_FDCWD, from, AT_FDCWD, to,
						  0), 0);
	}
	snprintf(to, sizeof(to), "/st/a/99%.*s", 20, "xxxxxxxxxxxxxxxxxxxx");
	KTEST_EXPECT_EQ(t, vfs_test_lstat(to, &st), 0);
	KTEST_EXPECT_EQ(t, st.st_nlink, 1);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, to, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/st/a", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/st/b", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, vfs_test_free_pages(), before);
}

static struct ktest_case stress_cases[] = {
	KTEST_CASE(big_directory),
	KTEST_CASE(deep_tree),
	KTEST_CASE(rename_storm),
	{}
};

static struct ktest_suite stress_suite = {
	.name = "vfs_stress",
	.init = stress_init,
	.exit = stress_exit,
	.cases = stress_cases,
};
ktest_register_suite(stress_suite);
