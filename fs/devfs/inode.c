// SPDX-License-Identifier: GPL-2.0
/*
 * devfs, Linux's devtmpfs: one super block, created when the first node
 * is (or at fs_initcall), whose root directory holds a device node for
 * every device a driver registers with cdev_device_add().  Every mount of
 * "devfs" shares that super block, so nodes made before /dev is mounted
 * are there once it is, and nodes come and go with their drivers
 * (hot-plug).  The root also takes mknod() and unlink() from user space;
 * it has no subdirectories, symlinks or regular files yet.
 *
 * Drivers' nodes are made and removed with the root's i_rwsem held
 * exclusive, as the VFS's own mknod() and unlink() hold it.
 */
#include <keel/devfs.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/namei.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <uapi/linux/magic.h>


static struct dentry *devfs_root;	/* the instance's root, pinned */

static const struct inode_operations devfs_node_inode_operations = {
	.setattr = simple_setattr,
};

/* A device node (S_IFCHR/S_IFBLK), FIFO or socket for @dentry in @dir. */
static int devfs_mknod(struct inode *dir, struct dentry *dentry,
		       umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode(dir->i_sb);

	if (!inode)
		return -ENOMEM;
	inode_init_owner(inode, dir, mode);
	inode->i_op = &devfs_node_inode_operations;
	init_special_inode(inode, mode, dev);
	d_instantiate(dentry, inode);
	dget(dentry);		/* the pin, until unlink */
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

static const struct inode_operations devfs_dir_inode_operations = {
	.lookup = simple_lookup,
	.mknod = devfs_mknod,
	.unlink = simple_unlink,
	.setattr = simple_setattr,
};

static const struct super_operations devfs_ops = {
	.statfs = simple_statfs,
};

static int devfs_fill_super(struct super_block *sb, void *data)
{
	return simple_fill_root(sb, DEVFS_SUPER_MAGIC, &devfs_ops, 0755,
				&devfs_dir_inode_operations);
}

static struct file_system_type devfs_fs_type;

static struct dentry *devfs_mount(struct file_system_type *fs_type,
				  int flags, const char *dev_name, void *data)
{
	/* One instance: unmounting /dev keeps the nodes. */
	return mount_single_instance(fs_type, &devfs_root, devfs_fill_super);
}

static struct file_system_type devfs_fs_type = {
	.name = "devfs",
	.mount = devfs_mount,
	.kill_sb = kill_litter_super,
};

int devfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	struct dentry *root, *dentry;
	struct inode *dir;
	int err;

	if (!S_ISCHR(mode) && !S_ISBLK(mode))
		return -EINVAL;
	root = single_instance_root(&devfs_fs_type, &devfs_root,
				    devfs_fill_super);
	if (IS_ERR(root))
		return PTR_ERR(root);
	dir = d_inode(root);
	inode_lock(dir);
	dentry = simple_new_dentry(root, name, DEVFS_NAME_MAX);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto unlock;
	}
	/* Drivers' modes are exact: no umask, owned by root. */
	err = devfs_mknod(dir, dentry, mode & (S_IFMT | 07777), dev);
	dput(dentry);
unlock:
	inode_unlock(dir);
	return err;
}

int devfs_remove_node(const char *name)
{
	struct dentry *root = devfs_root, *dentry;
	struct inode *dir;
	struct qstr q;
	int err = -ENOENT;

	if (!root || !simple_name_ok(name, DEVFS_NAME_MAX, &q))
		return -ENOENT;
	dir = d_inode(root);
	inode_lock(dir);
	dentry = d_lookup(root, &q);
	if (!dentry)
		goto unlock;
	if (d_inode(dentry)) {
		simple_unlink(dir, dentry);
		d_delete(dentry);
		err = 0;
	}
	dput(dentry);
unlock:
	inode_unlock(dir);
	return err;
}

static int init_devfs_fs(void)
{
	return register_single_instance(&devfs_fs_type, &devfs_root,
					devfs_fill_super);
}
fs_initcall(init_devfs_fs);

/* Linux's devtmpfs_mount(). */
static int devfs_mount_dev(void)
{
	return init_mount_at("devfs", "/dev", 0755);
}
device_initcall(devfs_mount_dev);
