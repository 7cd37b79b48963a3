// SPDX-License-Identifier: GPL-2.0
/*
 * The proc file system type: one super block, made when the first entry
 * is registered (or at fs_initcall), shared by every mount of "proc",
 * and mounted at /proc at device_initcall.  Its root inode is made here;
 * the entries are generic.c's.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <uapi/linux/magic.h>

#include "internal.h"


static struct dentry *proc_root;	/* the instance's root, pinned */

/* Every inode but the root's carries its entry, freed with it. */
static void proc_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
}

static const struct super_operations proc_sops = {
	.evict_inode = proc_evict_inode,
	.statfs = simple_statfs,
};

/*
 * A number is a process (base.c), looked up afresh each time; any other
 * name is a registered entry, all of which are in the dcache.
 */
static struct dentry *proc_root_lookup(struct inode *dir,
				       struct dentry *dentry)
{
	struct dentry *found = proc_pid_lookup(dentry);

	if (found != ERR_PTR(-EINVAL))
		return found;
	return simple_lookup(dir, dentry);
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

/* The registered entries first, then a directory per process. */
static int proc_root_iterate(struct file *file, struct dir_context *ctx)
{
	/* 1: the reader's buffer is full. */
	if (proc_root_readdir(file, ctx))
		return 0;
	return proc_pid_readdir(file, ctx);
}

static loff_t proc_root_lseek(struct file *file, loff_t offset, int whence)
{
	return proc_single_lseek(file, offset, whence);
}

static const struct file_operations proc_root_operations = {
	.llseek = proc_root_lseek,
	.iterate_shared = proc_root_iterate,
};

static int proc_fill_super(struct super_block *sb, void *data)
{
	int err = simple_fill_root(sb, PROC_SUPER_MAGIC, &proc_sops, 0555,
				   &proc_root_inode_operations);

	if (!err)
		d_inode(sb->s_root)->i_fop = &proc_root_operations;
	return err;
}

static struct file_system_type proc_fs_type;

struct dentry *proc_get_root(void)
{
	return single_instance_root(&proc_fs_type, &proc_root, proc_fill_super);
}

static struct dentry *proc_mount(struct file_system_type *fs_type, int flags,
				 const char *dev_name, void *data)
{
	return mount_single_instance(fs_type, &proc_root, proc_fill_super);
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
	.kill_sb = kill_anon_super,
};

static int proc_root_init(void)
{
	return register_single_instance(&proc_fs_type, &proc_root,
					proc_fill_super);
}
fs_initcall(proc_root_init);

static int proc_mount_init(void)
{
	return init_mount_at("proc", "/proc", 0555);
}
device_initcall(proc_mount_init);
