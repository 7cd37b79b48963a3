// SPDX-License-Identifier: GPL-2.0
/*
 * fs_struct (<keel/fs_struct.h>): a task's root, working directory and
 * umask.  Tasks that share one (CLONE_FS) count as users; fork without
 * CLONE_FS copies it.  Lock: fs->lock guards users, root and pwd, and
 * nests inside nothing: paths are got under it and put after it.  umask()
 * swaps the umask in one atomic exchange.
 */
#include <keel/fs.h>
#include <keel/fs_struct.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <keel/syscalls.h>

/* init_task's; never freed. */
struct fs_struct init_fs = {
	.users = 1,
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 0022,
};

void get_fs_root(struct fs_struct *fs, struct path *root)
{
	spin_lock(&fs->lock);
	*root = fs->root;
	path_get(root);
	spin_unlock(&fs->lock);
}

void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	spin_lock(&fs->lock);
	*pwd = fs->pwd;
	path_get(pwd);
	spin_unlock(&fs->lock);
}

/* The old path is put after the unlock: nothing freed under a lock. */
static void set_fs_path(struct fs_struct *fs, struct path *where,
			const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = *where;
	*where = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	set_fs_path(fs, &fs->root, path);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	set_fs_path(fs, &fs->pwd, path);
}

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	spin_lock_init(&fs->lock);
	spin_lock(&old->lock);
	fs->root = old->root;
	path_get(&fs->root);
	fs->pwd = old->pwd;
	path_get(&fs->pwd);
	fs->umask = old->umask;
	spin_unlock(&old->lock);
	return fs;
}

struct fs_struct *get_fs_struct(struct fs_struct *fs)
{
	spin_lock(&fs->lock);
	fs->users++;
	spin_unlock(&fs->lock);
	return fs;
}

void put_fs_struct(struct fs_struct *fs)
{
	bool last;

	spin_lock(&fs->lock);
	last = !--fs->users;
	spin_unlock(&fs->lock);
	if (!last)
		return;
	path_put(&fs->root);
	path_put(&fs->pwd);
	kfree(fs);
}

SYSCALL_DEFINE1(umask, int, mask)
{
	return __atomic_exchange_n(&current_fs()->umask,
				   mask & (S_IRWXU | S_IRWXG | S_IRWXO),
				   __ATOMIC_RELAXED);
}
