// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for what fork will copy or share of a task's file state:
 * dup_fd() copies the fd table (same files, one more reference each,
 * close-on-exec bits, grown tables) and the copy is independent of the
 * original; put_files_struct() gives every reference back; an fs_struct
 * copy holds its own references to root and pwd, and sharing counts users.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fs_struct.h>
#include <keel/ktest.h>
#include <keel/sched.h>
#include "file_test.h"

static long open_root(void)
{
	return ksys_openat(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY, 0);
}

static long file_refs(long fd)
{
	struct file *file = fget(fd);
	long refs;

	if (!file)
		return -1;
	refs = atomic_long_read(&file->f_count) - 1;
	fput(file);
	return refs;
}

static void dup_fd_copies_table(struct ktest *t)
{
	struct files_struct *old = current_files(), *new;
	long a = open_root(), b = ksys_dup3(a, a + 5, O_CLOEXEC);
	long refs = file_refs(a);

	KTEST_ASSERT_GE(t, a, 0);
	KTEST_ASSERT_EQ(t, b, a + 5);
	new = dup_fd(old);
	KTEST_ASSERT_FALSE(t, IS_ERR(new));
	KTEST_EXPECT_EQ(t, files_count_open(new), files_count_open(old));
	KTEST_EXPECT_PTR_EQ(t, new->fd[a], old->fd[a]);
	KTEST_EXPECT_PTR_EQ(t, new->fd[b], old->fd[b]);
	KTEST_EXPECT_EQ(t, file_refs(a), refs + 2);	/* new->fd[a], fd[b] */

	/* Closing in the copy leaves the original alone. */
	current->files = new;
	KTEST_EXPECT_TRUE(t, get_close_on_exec(b));
	KTEST_EXPECT_FALSE(t, get_close_on_exec(a));
	KTEST_EXPECT_EQ(t, ksys_close(a), 0);
	KTEST_EXPECT_EQ(t, ksys_close(a), -EBADF);
	current->files = old;
	KTEST_EXPECT_EQ(t, file_refs(a), refs + 1);
	KTEST_EXPECT_TRUE(t, get_close_on_exec(b));

	put_files_struct(new);
	KTEST_EXPECT_EQ(t, file_refs(a), refs);
	KTEST_EXPECT_EQ(t, ksys_close(b), 0);
	KTEST_EXPECT_EQ(t, ksys_close(a), 0);
}

/* A table grown past its embedded slots is copied at its full size. */
static void dup_fd_copies_grown_table(struct ktest *t)
{
	struct files_struct *old = current_files(), *new;
	long a = open_root(), high = ksys_dup3(a, 200, 0);

	KTEST_ASSERT_EQ(t, high, 200);
	KTEST_ASSERT_GE(t, old->max_fds, 256);
	new = dup_fd(old);
	KTEST_ASSERT_FALSE(t, IS_ERR(new));
	KTEST_EXPECT_EQ(t, new->max_fds, old->max_fds);
	KTEST_EXPECT_PTR_EQ(t, new->fd[200], old->fd[200]);
	KTEST_EXPECT_EQ(t, files_count_open(new), files_count_open(old));
	put_files_struct(new);
	KTEST_EXPECT_EQ(t, file_refs(a), 2);
	KTEST_EXPECT_EQ(t, ksys_close(high), 0);
	KTEST_EXPECT_EQ(t, ksys_close(a), 0);
}

static void shared_table_outlives_one_user(struct ktest *t)
{
	long a = open_root();
	struct files_struct *files;

	KTEST_ASSERT_GE(t, a, 0);
	files = dup_fd(current_files());
	KTEST_ASSERT_FALSE(t, IS_ERR(files));
	KTEST_EXPECT_PTR_EQ(t, get_files_struct(files), files);
	KTEST_EXPECT_EQ(t, atomic_read(&files->count), 2);
	put_files_struct(files);
	KTEST_EXPECT_EQ(t, atomic_read(&files->count), 1);
	KTEST_EXPECT_EQ(t, file_refs(a), 2);
	put_files_struct(files);
	KTEST_EXPECT_EQ(t, file_refs(a), 1);
	KTEST_EXPECT_EQ(t, ksys_close(a), 0);
}

static void fs_struct_copy_and_share(struct ktest *t)
{
	struct fs_struct *old = current_fs(), *fs;
	int root_refs = atomic_read(&old->root.dentry->d_count);

	fs = copy_fs_struct(old);
	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_EXPECT_PTR_EQ(t, fs->root.dentry, old->root.dentry);
	KTEST_EXPECT_PTR_EQ(t, fs->root.mnt, old->root.mnt);
	KTEST_EXPECT_PTR_EQ(t, fs->pwd.dentry, old->pwd.dentry);
	KTEST_EXPECT_EQ(t, fs->umask, old->umask);
	KTEST_EXPECT_EQ(t, fs->users, 1);
	/* root and pwd are the same dentry here: two more references. */
	KTEST_EXPECT_EQ(t, atomic_read(&old->root.dentry->d_count),
			root_refs + 2);
	KTEST_EXPECT_PTR_EQ(t, get_fs_struct(fs), fs);
	KTEST_EXPECT_EQ(t, fs->users, 2);
	put_fs_struct(fs);
	KTEST_EXPECT_EQ(t, atomic_read(&old->root.dentry->d_count),
			root_refs + 2);
	put_fs_struct(fs);
	KTEST_EXPECT_EQ(t, atomic_read(&old->root.dentry->d_count), root_refs);
}

static void nothing_leaks(struct ktest *t)
{
	unsigned long before = ftest_baseline();
	struct files_struct *files;
	struct fs_struct *fs;
	int i;

	for (i = 0; i < 50; i++) {
		files = dup_fd(current_files());
		KTEST_ASSERT_FALSE(t, IS_ERR(files));
		put_files_struct(files);
		fs = copy_fs_struct(current_fs());
		KTEST_ASSERT_NOT_NULL(t, fs);
		put_fs_struct(fs);
	}
	KTEST_EXPECT_EQ(t, ftest_free_pages(), before);
}

static struct ktest_case task_files_cases[] = {
	KTEST_CASE(dup_fd_copies_table),
	KTEST_CASE(dup_fd_copies_grown_table),
	KTEST_CASE(shared_table_outlives_one_user),
	KTEST_CASE(fs_struct_copy_and_share),
	KTEST_CASE(nothing_leaks),
	{}
};

static struct ktest_suite task_files_suite = {
	.name = "task_files",
	.cases = task_files_cases,
};
ktest_register_suite(task_files_suite);
