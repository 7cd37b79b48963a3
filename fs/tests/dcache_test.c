// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for fs/dcache.c: negative dentries (made by a failed
 * lookup, filled by a create, left by an unlink), reference counts and
 * the LRU of unused dentries, shrink_dcache() freeing them, an open file
 * that outlives its name, and the page allocator calling the shrinker
 * when memory runs out.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/mm.h>
#include <keel/namei.h>
#include <keel/sprintf.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>

#include "vfs_test.h"

static int dcache_init_case(struct ktest *t)
{
	return ksys_mkdirat(AT_FDCWD, "/dc", 0755);
}

static void dcache_exit_case(struct ktest *t)
{
	ksys_unlinkat(AT_FDCWD, "/dc", AT_REMOVEDIR);
}

static struct dentry *lookup_in(struct dentry *dir, const char *name)
{
	struct qstr q = { .name = name, .len = strlen(name) };

	q.hash = full_name_hash(q.name, q.len);
	return d_lookup(dir, &q);
}

static void negative_dentries(struct ktest *t)
{
	struct path dir;
	struct dentry *d;
	struct stat st;

	KTEST_ASSERT_EQ(t, kern_path("/dc", 0, &dir), 0);
	KTEST_EXPECT_NULL(t, lookup_in(dir.dentry, "x"));
	/* A failed lookup leaves a negative dentry behind. */
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/dc/x", &st), -ENOENT);
	d = lookup_in(dir.dentry, "x");
	KTEST_ASSERT_NOT_NULL(t, d);
	KTEST_EXPECT_NULL(t, d_inode(d));
	dput(d);
	/* A create fills that same dentry. */
	KTEST_ASSERT_EQ(t, vfs_test_touch("/dc/x"), 0);
	KTEST_EXPECT_PTR_EQ(t, lookup_in(dir.dentry, "x"), d);
	KTEST_EXPECT_NOT_NULL(t, d_inode(d));
	KTEST_EXPECT_EQ(t, atomic_read(&d->d_count), 2);	/* pin + ours */
	dput(d);
	/* Unlink turns it negative again. */
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/dc/x", 0), 0);
	KTEST_EXPECT_PTR_EQ(t, lookup_in(dir.dentry, "x"), d);
	KTEST_EXPECT_NULL(t, d_inode(d));
	dput(d);
	/* shrink_dcache() frees it. */
	shrink_dcache(~0UL);
	KTEST_EXPECT_NULL(t, lookup_in(dir.dentry, "x"));
	path_put(&dir);
}

static void lru_counts(struct ktest *t)
{
	unsigned long nr, unused, nr2, unused2;
	char name[16];
	struct stat st;
	int i;

	shrink_dcache(~0UL);
	dcache_counts(&nr, &unused);
	KTEST_EXPECT_EQ(t, unused, 0);
	for (i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "/dc/n%d", i);
		KTEST_EXPECT_EQ(t, vfs_test_lstat(name, &st), -ENOENT);
	}
	dcache_counts(&nr2, &unused2);
	KTEST_EXPECT_EQ(t, nr2, nr + 100);
	KTEST_EXPECT_EQ(t, unused2, 100);
	KTEST_EXPECT_EQ(t, shrink_dcache(40), 40);
	dcache_counts(&nr2, &unused2);
	KTEST_EXPECT_EQ(t, nr2, nr + 60);
	KTEST_EXPECT_EQ(t, unused2, 60);
	KTEST_EXPECT_EQ(t, shrink_dcache(~0UL), 60);
	dcache_counts(&nr2, &unused2);
	KTEST_EXPECT_EQ(t, nr2, nr);
	KTEST_EXPECT_EQ(t, unused2, 0);
}

static void open_unlinked(struct ktest *t)
{
	unsigned long before;
	struct stat st;
	char buf[8];
	long fd;

	before = vfs_test_free_pages();
	fd = ksys_openat(AT_FDCWD, "/dc/f", O_CREAT | O_RDWR, 0600);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_write(fd, "data", 4), 4);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/dc/f", 0), 0);
	KTEST_EXPECT_EQ(t, vfs_test_lstat("/dc/f", &st), -ENOENT);
	/* The name is gone, the file is not. */
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(t, st.st_nlink, 0);
	KTEST_EXPECT_EQ(t, ktest_pread64(fd, buf, sizeof(buf), 0), 4);
	KTEST_EXPECT_MEMEQ(t, buf, "data", 4);
	/* A new file may take the name meanwhile. */
	KTEST_EXPECT_EQ(t, vfs_test_touch("/dc/f"), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/dc/f", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, vfs_test_free_pages(), before);
}

struct taken_block {
	struct page *next;
	int order;
};

/*
 * Fill memory with unused dentries, then take every free page: an
 * allocation that may reclaim still succeeds, because the page allocator
 * shrinks the dentry cache.
 */
static void shrinker_hook(struct ktest *t)
{
	unsigned long unused_before, nr, unused, taken = 0, n, i;
	struct page *page, *list = NULL;
	char name[24];
	struct stat st;
	int order;

	/* Poisoning every page of a big machine takes most of a boot. */
	if (nr_free_pages() > (512UL << 20) >> PAGE_SHIFT) {
		ktest_skip(t, "more than 512 MiB to exhaust");
		return;
	}
	/* Without slabs a dentry is a page: stay well within memory. */
	shrink_dcache(~0UL);
	n = min(4000UL, nr_free_pages() / 4);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "/dc/neg%lu", i);
		vfs_test_lstat(name, &st);
	}
	dcache_counts(&nr, &unused_before);
	KTEST_ASSERT_EQ(t, unused_before, n);
	/*
	 * Take every free page, biggest blocks first (far fewer calls on a
	 * large machine); each block's first page links the list.
	 */
	for (order = MAX_ORDER; order >= 0; order--) {
		while ((page = alloc_pages(GFP_ATOMIC | __GFP_NOWARN, order))) {
			struct taken_block *b = page_address(page);

			b->next = list;
			b->order = order;
			list = page;
			taken += 1UL << order;
		}
	}
	page = alloc_page(GFP_KERNEL | __GFP_NOWARN);
	KTEST_EXPECT_NOT_NULL(t, page);
	if (page)
		__free_pages(page, 0);
	dcache_counts(&nr, &unused);
	KTEST_EXPECT_LT(t, unused, unused_before);
	while (list) {
		struct taken_block *b = page_address(list);

		page = list;
		list = b->next;
		__free_pages(page, b->order);
	}
	KTEST_EXPECT_GT(t, taken, 0);
	shrink_dcache(~0UL);
}

static struct ktest_case dcache_cases[] = {
	KTEST_CASE(negative_dentries),
	KTEST_CASE(lru_counts),
	KTEST_CASE(open_unlinked),
	KTEST_CASE(shrinker_hook),
	{}
};

static struct ktest_suite dcache_suite = {
	.name = "dcache",
	.init = dcache_init_case,
	.exit = dcache_exit_case,
	.cases = dcache_cases,
};
ktest_register_suite(dcache_suite);
