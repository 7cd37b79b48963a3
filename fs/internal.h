/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the VFS core's files (super, inode, dcache, namespace, namei,
 * libfs) share with each other and nobody else.
 */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <keel/fs.h>

/* fs/dcache.c */
void dcache_init(void);
/* A cursor for dcache_dir_iterate(): in @parent's d_subdirs, no name. */
struct dentry *d_alloc_cursor(struct dentry *parent);
/* Frees every unused dentry of @sb; the root and busy ones stay. */
void shrink_dcache_sb(struct super_block *sb);
/* Protects every dentry's d_parent and d_name (d_move(), d_path()). */
extern spinlock_t rename_lock;

/* fs/inode.c */
void inode_init(void);

/* fs/super.c */
struct super_block *alloc_super(struct file_system_type *type, int flags);
/* The last mount of @sb went: the type's kill_sb() frees it. */
void deactivate_super(struct super_block *sb);

/* fs/namespace.c */
/* mnt_flags, with Linux's values */
#define MNT_NOSUID	0x01
#define MNT_NODEV	0x02
#define MNT_NOEXEC	0x04
#define MNT_READONLY	0x40
/* Protects the mount tree (mnt_parent, mnt_mountpoint, the list). */
extern spinlock_t mount_lock;
/* A new, unattached mount of @type (ksys_mount(), the root). */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data);
/* What is mounted on @dentry in @mnt, with a reference, or NULL. */
struct vfsmount *lookup_mnt(struct vfsmount *mnt, struct dentry *dentry);
/* -EROFS if @mnt is read-only: the check before any change in it. */
int mnt_want_write(struct vfsmount *mnt);

/* fs/namei.c */
/*
 * The *at() calls' lookup: @filename from @dfd, following a final symlink
 * unless @flags has AT_SYMLINK_NOFOLLOW; with AT_EMPTY_PATH, "" is @dfd
 * itself (or the working directory for AT_FDCWD).
 */
int path_at(int dfd, const char *filename, int flags, struct path *path);

/* fs/ramfs/inode.c: registers ramfs, for the root mount. */
int init_ramfs_fs(void);

#endif /* _FS_INTERNAL_H */
