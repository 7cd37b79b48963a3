// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs: a file system that is nothing but the dentry and inode caches.
 * This file is its namespace side (the super block, directories,
 * symlinks whose target lives in the inode, hard links, device nodes,
 * FIFOs and sockets); regular-file data is fs/ramfs/file.c.  It is the
 * root file system ("/") and can be mounted anywhere else as well.  Its
 * directory operations run with the parent's i_rwsem held by fs/namei.c's
 * vfs_*() layer (a victim's too), so they take no lock of their own but
 * libfs's i_lock around d_subdirs.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <uapi/linux/magic.h>

#include "../internal.h"

#define RAMFS_DEFAULT_MODE	0755

static const struct inode_operations ramfs_dir_inode_operations;

static const struct inode_operations ramfs_special_inode_operations = {
	.setattr = simple_setattr,
};

static struct inode *ramfs_get_inode(struct super_block *sb,
				     const struct inode *dir, umode_t mode,
				     dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode_init_owner(inode, dir, mode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode);	/* "." */
		break;
	case S_IFLNK:
		inode->i_op = &simple_symlink_inode_operations;
		break;
	default:
		inode->i_op = &ramfs_special_inode_operations;
		init_special_inode(inode, inode->i_mode, dev);
		break;
	}
	return inode;
}

/* The new inode's dentry is pinned (an extra reference) until unlink. */
static void ramfs_instantiate(struct inode *dir, struct dentry *dentry,
			      struct inode *inode)
{
	d_instantiate(dentry, inode);
	dget(dentry);
	dir->i_mtime = dir->i_ctime = current_time(dir);
}

static int ramfs_mknod(struct inode *dir, struct dentry *dentry,
		       umode_t mode, dev_t dev)
{
	struct inode *inode;

	inode_assert_locked_write(dir);
	inode = ramfs_get_inode(dir->i_sb, dir, mode, dev);
	if (!inode)
		return -ENOSPC;
	ramfs_instantiate(dir, dentry, inode);
	return 0;
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir);		/* the new directory's ".." */
	return err;
}

static int ramfs_create(struct inode *dir, struct dentry *dentry,
			umode_t mode)
{
	return ramfs_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry,
			 const char *target)
{
	size_t len = strlen(target);
	struct inode *inode;
	char *body;

	body = kmalloc(len + 1, GFP_KERNEL);
	if (!body)
		return -ENOMEM;
	memcpy(body, target, len + 1);
	inode = ramfs_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	if (!inode) {
		kfree(body);
		return -ENOSPC;
	}
	inode->i_private = body;
	inode->i_size = len;
	ramfs_instantiate(dir, dentry, inode);
	return 0;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.lookup = simple_lookup,
	.link = simple_link,
	.unlink = simple_unlink,
	.symlink = ramfs_symlink,
	.mkdir = ramfs_mkdir,
	.rmdir = simple_rmdir,
	.mknod = ramfs_mknod,
	.rename = simple_rename,
	.setattr = simple_setattr,
};

static void ramfs_evict_inode(struct inode *inode)
{
	if (S_ISREG(inode->i_mode))
		ramfs_evict_data(inode);
	else if (S_ISLNK(inode->i_mode))
		kfree(inode->i_private);
}

static const struct super_operations ramfs_ops = {
	.evict_inode = ramfs_evict_inode,
	.statfs = simple_statfs,
};

static int ramfs_fill_super(struct super_block *sb, void *data)
{
	struct inode *root;

	sb->s_magic = RAMFS_MAGIC;
	sb->s_op = &ramfs_ops;
	root = ramfs_get_inode(sb, NULL, S_IFDIR | RAMFS_DEFAULT_MODE, 0);
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *ramfs_mount(struct file_system_type *fs_type,
				  int flags, const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, ramfs_fill_super);
}

static struct file_system_type ramfs_fs_type = {
	.name = "ramfs",
	.mount = ramfs_mount,
	.kill_sb = kill_litter_super,
};

int init_ramfs_fs(void)
{
	return register_filesystem(&ramfs_fs_type);
}
