// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for init/initramfs.c: the tree usr/default_cpio_list created
 * at boot (skipped when GRUB loaded no archive or the kernel was built
 * with another CONFIG_INITRAMFS_SOURCE), and a crafted archive
 * unpacked into a scratch directory: every entry type with its mode,
 * owner, mtime, contents, link target and device number, a hard link
 * sharing its inode, and a bad entry that stops the unpacking at its
 * offset with the entries before it kept.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/initramfs.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/sprintf.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>

#define SCRATCH "/initramfs-test"
/* The list default_tree() checks; others build other trees. */
#define DEFAULT_INITRAMFS_SOURCE "usr/default_cpio_list"

static long lstat(const char *path, struct stat *st)
{
	return ksys_newfstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

/* Expects @path to hold exactly the @len bytes at @want. */
static void expect_contents(struct ktest *t, const char *path,
			    const char *want, size_t len)
{
	char buf[64];
	long fd = ksys_openat(AT_FDCWD, path, O_RDONLY, 0);
	ssize_t n;

	KTEST_ASSERT_GE(t, fd, 0);
	n = ktest_read(fd, buf, sizeof(buf));
	ksys_close(fd);
	KTEST_ASSERT_EQ(t, n, len);
	KTEST_EXPECT_MEMEQ(t, buf, want, len);
}

static void expect_link(struct ktest *t, const char *path, const char *want)
{
	char buf[64];
	long n = ksys_readlinkat(AT_FDCWD, path, buf, sizeof(buf));

	KTEST_ASSERT_EQ(t, n, strlen(want));
	KTEST_EXPECT_MEMEQ(t, buf, want, n);
}

struct want {
	const char *path;
	umode_t mode;
	uid_t uid;
	gid_t gid;
	long size;		/* -1: not checked */
};

static void expect_entries(struct ktest *t, const struct want *w, size_t n)
{
	struct stat st;
	size_t i;

	for (i = 0; i < n; i++, w++) {
		if (lstat(w->path, &st)) {
			ktest_fail_at(t, __FILE__, __LINE__, "%s is missing",
				      w->path);
			continue;
		}
		if (st.st_mode != w->mode || st.st_uid != w->uid ||
		    st.st_gid != w->gid ||
		    (w->size >= 0 && st.st_size != w->size))
			ktest_fail_at(t, __FILE__, __LINE__,
				      "%s: mode 0%o uid %u gid %u size %ld, "
				      "expected 0%o %u %u %ld", w->path,
				      st.st_mode, st.st_uid, st.st_gid,
				      st.st_size, w->mode, w->uid, w->gid,
				      w->size);
	}
}

static void default_tree(struct ktest *t)
{
	static const struct want tree[] = {
		{ "/dev", S_IFDIR | 0755, 0, 0, -1 },
		{ "/proc", S_IFDIR | 0555, 0, 0, -1 },
		{ "/sys", S_IFDIR | 0555, 0, 0, -1 },
		{ "/root", S_IFDIR | 0700, 0, 0, -1 },
		{ "/tmp", S_IFDIR | 01777, 0, 0, -1 },
		{ "/etc", S_IFDIR | 0755, 0, 0, -1 },
		{ "/etc/hostname", S_IFREG | 0644, 0, 0, 5 },
		{ "/etc/motd", S_IFREG | 0644, 0, 0, 17 },
		{ "/etc/issue", S_IFREG | 0644, 0, 0, 17 },
		{ "/etc/mtab", S_IFLNK | 0777, 0, 0, 19 },
		{ "/run", S_IFDIR | 0755, 0, 0, -1 },
		{ "/run/initctl", S_IFIFO | 0600, 0, 0, 0 },
		{ "/var", S_IFDIR | 0755, 0, 0, -1 },
		{ "/var/run", S_IFLNK | 0777, 0, 0, 6 },
		{ "/home", S_IFDIR | 0755, 0, 0, -1 },
		{ "/home/keel", S_IFDIR | 0750, 1000, 1000, -1 },
	};
	struct stat motd, issue, console;

	if (!initramfs_info.start) {
		ktest_skip(t, "no initramfs module was loaded");
		return;
	}
	if (strcmp(CONFIG_INITRAMFS_SOURCE, DEFAULT_INITRAMFS_SOURCE)) {
		ktest_skip(t, "built from another CONFIG_INITRAMFS_SOURCE");
		return;
	}
	KTEST_EXPECT_EQ(t, initramfs_info.error, 0);
	expect_entries(t, tree, ARRAY_SIZE(tree));
	expect_contents(t, "/etc/hostname", "keel\n", 5);
	expect_contents(t, "/etc/motd", "Welcome to Keel.\n", 17);
	expect_link(t, "/etc/mtab", "../proc/self/mounts");
	expect_link(t, "/var/run", "../run");

	/* One inode, two names: the archive's hard link. */
	KTEST_ASSERT_EQ(t, lstat("/etc/motd", &motd), 0);
	KTEST_ASSERT_EQ(t, lstat("/etc/issue", &issue), 0);
	KTEST_EXPECT_EQ(t, motd.st_ino, issue.st_ino);
	KTEST_EXPECT_EQ(t, motd.st_nlink, 2);

	/* devfs may be mounted over /dev: its console is 5:1 too. */
	KTEST_ASSERT_EQ(t, lstat("/dev/console", &console), 0);
	KTEST_EXPECT_TRUE(t, S_ISCHR(console.st_mode));
	KTEST_EXPECT_EQ(t, console.st_rdev, new_encode_dev(MKDEV(5, 1)));
}

/* A newc archive built in memory, entry by entry. */
static u8 archive[12288];
static size_t archive_len;

static void start_archive(void)
{
	memset(archive, 0, sizeof(archive));
	archive_len = 0;
}

static size_t add(const char *name, u32 ino, u32 mode, u32 nlink,
		  u32 mtime, const char *data, u32 rmajor, u32 rminor)
{
	size_t at = archive_len, namesize = strlen(name) + 1;
	u32 size = strlen(data);

	snprintf((char *)archive + at, 111,
		 "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 ino, mode, 5, 6, nlink, mtime, size, 0, 0, rmajor, rminor,
		 (u32)namesize, 0);
	memcpy(archive + at + CPIO_HEADER_SIZE, name, namesize);
	archive_len = ALIGN(at + CPIO_HEADER_SIZE + namesize, 4);
	memcpy(archive + archive_len, data, size);
	archive_len = ALIGN(archive_len + size, 4);
	return at;
}

static void build_archive(size_t *bad_at)
{
	start_archive();
	add("d", 1, S_IFDIR | 0750, 2, 1000, "", 0, 0);
	add("d/f", 2, S_IFREG | 0640, 1, 2000, "data\n", 0, 0);
	add("./d/h1", 3, S_IFREG | 0600, 2, 3000, "", 0, 0);
	add("d/h2", 3, S_IFREG | 0600, 2, 3000, "linked\n", 0, 0);
	add("d/s", 4, S_IFLNK | 0777, 1, 4000, "f", 0, 0);
	add("d/p", 5, S_IFIFO | 0620, 1, 5000, "", 0, 0);
	add("d/c", 6, S_IFCHR | 0660, 1, 6000, "", 1, 3);
	add("d/b", 7, S_IFBLK | 0660, 1, 7000, "", 8, 2);
	*bad_at = add("d/../escape", 8, S_IFREG | 0644, 1, 0, "x", 0, 0);
	add(CPIO_TRAILER, 0, 0, 1, 0, "", 0, 0);
}

/* Unlinks @dir/@files[0..n); returns how many were there. */
static size_t unlink_all(const char *dir, const char *const *files,
			 size_t n)
{
	char path[64];
	size_t i, found = 0;

	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		found += !ksys_unlinkat(AT_FDCWD, path, 0);
	}
	return found;
}

static void remove_scratch(void)
{
	static const char *const files[] = { "f", "h1", "h2", "s", "p", "c",
					     "b" };

	unlink_all(SCRATCH "/d", files, ARRAY_SIZE(files));
	ksys_unlinkat(AT_FDCWD, SCRATCH "/d", AT_REMOVEDIR);
	ksys_unlinkat(AT_FDCWD, SCRATCH, AT_REMOVEDIR);
}

static void crafted_archive(struct ktest *t)
{
	static const struct want tree[] = {
		{ SCRATCH "/d", S_IFDIR | 0750, 5, 6, -1 },
		{ SCRATCH "/d/f", S_IFREG | 0640, 5, 6, 5 },
		{ SCRATCH "/d/h1", S_IFREG | 0600, 5, 6, 7 },
		{ SCRATCH "/d/h2", S_IFREG | 0600, 5, 6, 7 },
		{ SCRATCH "/d/s", S_IFLNK | 0777, 5, 6, 1 },
		{ SCRATCH "/d/p", S_IFIFO | 0620, 5, 6, 0 },
		{ SCRATCH "/d/c", S_IFCHR | 0660, 5, 6, 0 },
		{ SCRATCH "/d/b", S_IFBLK | 0660, 5, 6, 0 },
	};
	struct cpio_error err = { NULL, 0, 0 };
	struct stat st, h1, h2;
	size_t bad_at;

	build_archive(&bad_at);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, SCRATCH, 0755), 0);
	KTEST_EXPECT_EQ(t, unpack_to_rootfs(archive, archive_len, SCRATCH,
					    &err), -EINVAL);
	KTEST_EXPECT_STREQ(t, err.why, "'..' in path");
	KTEST_EXPECT_EQ(t, err.offset, bad_at);

	expect_entries(t, tree, ARRAY_SIZE(tree));
	expect_contents(t, SCRATCH "/d/f", "data\n", 5);
	expect_contents(t, SCRATCH "/d/h1", "linked\n", 7);
	expect_link(t, SCRATCH "/d/s", "f");
	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/escape", &st), -ENOENT);
	KTEST_EXPECT_EQ(t, lstat("/escape", &st), -ENOENT);

	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/d/h1", &h1), 0);
	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/d/h2", &h2), 0);
	KTEST_EXPECT_EQ(t, h1.st_ino, h2.st_ino);
	KTEST_EXPECT_EQ(t, h1.st_nlink, 2);
	KTEST_EXPECT_EQ(t, h1.st_mtime, 3000);

	/* Directory mtimes are set last, after their entries. */
	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/d", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mtime, 1000);
	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/d/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mtime, 2000);
	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/d/s", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mtime, 4000);
	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/d/c", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_rdev, new_encode_dev(MKDEV(1, 3)));
	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/d/b", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_rdev, new_encode_dev(MKDEV(8, 2)));

	remove_scratch();
	KTEST_EXPECT_EQ(t, lstat(SCRATCH, &st), -ENOENT);
}

/* Junk where an archive should start: nothing is created. */
static void not_an_archive(struct ktest *t)
{
	static const char junk[] = "\0\0\0\0hello";
	static const u8 xz[] = { 0, 0, 0, 0, 0xfd, '7', 'z', 'X', 'Z', 0, 1 };
	struct cpio_error err = { NULL, 0, 0 };

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, SCRATCH, 0755), 0);
	KTEST_EXPECT_EQ(t, unpack_to_rootfs(junk, sizeof(junk) - 1, SCRATCH,
					    &err), -EINVAL);
	KTEST_EXPECT_STREQ(t, err.why, "no cpio magic");
	KTEST_EXPECT_EQ(t, err.offset, 4);
	/* A compression method that is not there is named. */
	KTEST_EXPECT_EQ(t, unpack_to_rootfs(xz, sizeof(xz), SCRATCH, &err),
			-EINVAL);
	KTEST_EXPECT_STREQ(t, err.why, "compression method xz not configured");
	KTEST_EXPECT_EQ(t, err.offset, 4);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, SCRATCH, AT_REMOVEDIR), 0);
}

static char long_target[CPIO_NAME_MAX + 1];

/*
 * Entries that fail alone: a symlink out of the root and what the archive
 * puts through it, a hard-link name that cannot be created (its data
 * comes with the next name), an overlong symlink target.  The rest is
 * unpacked.
 */
static void bad_entries(struct ktest *t)
{
	static const char *const files[] = {
		"esc", "up", "in", "inside", "h2", "h3", "last",
	};
	struct cpio_error err = { NULL, 0, 0 };
	struct stat st, h2, h3;

	start_archive();
	memset(long_target, 'a', CPIO_NAME_MAX);
	add("esc", 1, S_IFLNK | 0777, 1, 0, "/", 0, 0);
	add("esc/initramfs-escaped", 2, S_IFREG | 0644, 1, 0, "out\n", 0, 0);
	add("esc/initramfs-escaped-dir", 3, S_IFDIR | 0755, 1, 0, "", 0, 0);
	add("up", 4, S_IFLNK | 0777, 1, 0, "..", 0, 0);
	add("up/initramfs-escaped", 5, S_IFREG | 0644, 1, 0, "out\n", 0, 0);
	add("in", 6, S_IFLNK | 0777, 1, 0, ".", 0, 0);
	add("in/inside", 7, S_IFREG | 0644, 1, 0, "in\n", 0, 0);
	add("nodir/h1", 8, S_IFREG | 0600, 3, 0, "", 0, 0);
	add("h2", 8, S_IFREG | 0600, 3, 0, "linked\n", 0, 0);
	add("h3", 8, S_IFREG | 0600, 3, 0, "", 0, 0);
	add("long", 9, S_IFLNK | 0777, 1, 0, long_target, 0, 0);
	add("last", 10, S_IFREG | 0644, 1, 0, "last\n", 0, 0);
	add(CPIO_TRAILER, 0, 0, 1, 0, "", 0, 0);

	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, SCRATCH, 0755), 0);
	KTEST_EXPECT_EQ(t, unpack_to_rootfs(archive, archive_len, SCRATCH,
					    &err), 0);
	KTEST_EXPECT_EQ(t, lstat("/initramfs-escaped", &st), -ENOENT);
	KTEST_EXPECT_EQ(t, lstat("/initramfs-escaped-dir", &st), -ENOENT);
	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/esc", &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mode & S_IFMT, S_IFLNK);
	expect_contents(t, SCRATCH "/inside", "in\n", 3);
	expect_contents(t, SCRATCH "/h2", "linked\n", 7);
	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/h2", &h2), 0);
	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/h3", &h3), 0);
	KTEST_EXPECT_EQ(t, h2.st_ino, h3.st_ino);
	KTEST_EXPECT_EQ(t, h2.st_nlink, 2);
	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/long", &st), -ENOENT);
	expect_contents(t, SCRATCH "/last", "last\n", 5);

	ksys_unlinkat(AT_FDCWD, "/initramfs-escaped", 0);
	ksys_unlinkat(AT_FDCWD, "/initramfs-escaped-dir", AT_REMOVEDIR);
	KTEST_EXPECT_EQ(t, unlink_all(SCRATCH, files, ARRAY_SIZE(files)),
			ARRAY_SIZE(files));
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, SCRATCH, AT_REMOVEDIR), 0);
}

/* A file the archive ends inside is removed, not left truncated. */
static void truncated_file(struct ktest *t)
{
	struct cpio_error err = { NULL, 0, 0 };
	struct stat st;
	size_t at;

	start_archive();
	add("whole", 1, S_IFREG | 0644, 1, 0, "whole\n", 0, 0);
	at = add("cut", 2, S_IFREG | 0644, 1, 0, "0123456789abcdef", 0, 0);
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, SCRATCH, 0755), 0);
	KTEST_EXPECT_EQ(t, unpack_to_rootfs(archive, archive_len - 8, SCRATCH,
					    &err), -EINVAL);
	KTEST_EXPECT_STREQ(t, err.why, "file data beyond the end");
	KTEST_EXPECT_EQ(t, err.offset, at);
	expect_contents(t, SCRATCH "/whole", "whole\n", 6);
	KTEST_EXPECT_EQ(t, lstat(SCRATCH "/cut", &st), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, SCRATCH "/whole", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, SCRATCH, AT_REMOVEDIR), 0);
}

/*
 * The boots stage's large initramfs (scripts/check.py): one 60 MiB file,
 * gzip-compressed, in a 128 MiB guest.  Byte i of it is (i / 4096) * 7
 * mod 256.  Skipped when the archive has no /large.
 */
#define LARGE_SIZE	(60L << 20)

static void large_file(struct ktest *t)
{
	static const long at[] = { 0, 4095, 4096, 1L << 20, 33333333,
				   LARGE_SIZE - 4097, LARGE_SIZE - 1 };
	struct stat st;
	size_t i;
	long fd;

	if (lstat("/large", &st)) {
		ktest_skip(t, "the initramfs has no /large");
		return;
	}
	KTEST_EXPECT_EQ(t, initramfs_info.error, 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(t, st.st_size, LARGE_SIZE);
	KTEST_EXPECT_EQ(t, st.st_mtime, 1234);
	fd = ksys_openat(AT_FDCWD, "/large", O_RDONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	for (i = 0; i < ARRAY_SIZE(at); i++) {
		u8 c = 0;

		KTEST_EXPECT_EQ(t, ktest_pread64(fd, &c, 1, at[i]), 1);
		KTEST_EXPECT_EQ(t, c, (u8)(at[i] / 4096 * 7));
	}
	ksys_close(fd);
}

static struct ktest_case initramfs_cases[] = {
	KTEST_CASE(default_tree),
	KTEST_CASE(crafted_archive),
	KTEST_CASE(not_an_archive),
	KTEST_CASE(bad_entries),
	KTEST_CASE(truncated_file),
	KTEST_CASE(large_file),
	{}
};

static struct ktest_suite initramfs_suite = {
	.name = "initramfs",
	.cases = initramfs_cases,
};
ktest_register_suite(initramfs_suite);
