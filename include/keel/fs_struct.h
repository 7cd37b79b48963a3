/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A task's place in the file tree: its root (where "/" and ".." stop) and
 * its working directory (where relative paths start).  The boot task's is
 * init_fs, which vfs_caches_init() points at the root file system.
 */
#ifndef _KEEL_FS_STRUCT_H
#define _KEEL_FS_STRUCT_H

#include <keel/fs.h>
#include <keel/sched.h>
#include <keel/spinlock.h>

struct fs_struct {
	int users;		/* tasks sharing it [lock] */
	spinlock_t lock;
	struct path root;	/* [lock] */
	struct path pwd;	/* [lock] */
	umode_t umask;		/* taken from a new file's mode (0022) */
};

extern struct fs_struct init_fs;

static inline struct fs_struct *current_fs(void)
{
	return current->fs;
}

static inline umode_t current_umask(void)
{
	return current_fs()->umask;
}

/* Copies out the root or working directory with a reference (path_put). */
void get_fs_root(struct fs_struct *fs, struct path *root);
void get_fs_pwd(struct fs_struct *fs, struct path *pwd);
/* Replace them; the fs_struct takes its own reference to @path. */
void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);

/* A new fs_struct with @old's root, pwd and umask (fork); NULL: no memory. */
struct fs_struct *copy_fs_struct(struct fs_struct *old);
/* One more task shares @fs (CLONE_FS). */
struct fs_struct *get_fs_struct(struct fs_struct *fs);
/* A task stops using @fs; the last one frees it and puts its paths. */
void put_fs_struct(struct fs_struct *fs);

#endif /* _KEEL_FS_STRUCT_H */
