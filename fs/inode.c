// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes: allocation with a per-super_block inode number, reference
 * counts, link counts, and eviction.  Keel keeps no cache of unused
 * inodes: the dentry that names an inode is its cache, so the last
 * iput() evicts the inode (its file system frees the data when the last
 * link is gone too) and frees it.
 *
 * Locks: inode->i_rwsem, the sleeping lock of a directory's names or a
 * file's data, is in fs/namei.c's order; sb->s_inode_list_lock (the super
 * block's inode list and inode numbers) nests inside nothing, and
 * inode->i_lock (i_nlink, i_size) inside everything else.
 */
#include <keel/bug.h>
#include <keel/cdev.h>
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/mm.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <keel/timekeeping.h>

#include "internal.h"

static struct kmem_cache *inode_cachep;

void inode_init(void)
{
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode),
					 0, 0, NULL);
	if (!inode_cachep)
		panic("VFS: cannot create the inode cache");
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;
	struct timespec64 now;

	if (sb->s_op->alloc_inode)
		inode = sb->s_op->alloc_inode(sb);
	else
		inode = kmem_cache_zalloc(inode_cachep, GFP_KERNEL);
	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_blkbits = PAGE_SHIFT;
	inode->i_nlink = 1;
	atomic_set(&inode->i_count, 1);
	spin_lock_init(&inode->i_lock);
	init_rwsem(&inode->i_rwsem);
	now = current_time(inode);
	inode->i_atime = inode->i_mtime = inode->i_ctime = now;

	spin_lock(&sb->s_inode_list_lock);
	inode->i_ino = ++sb->s_next_ino;
	list_add_tail(&inode->i_sb_list, &sb->s_inodes);
	spin_unlock(&sb->s_inode_list_lock);
	return inode;
}

void ihold(struct inode *inode)
{
	WARN_ON(atomic_inc_return(&inode->i_count) < 2);
}

static void evict(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	if (sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	spin_lock(&sb->s_inode_list_lock);
	list_del(&inode->i_sb_list);
	spin_unlock(&sb->s_inode_list_lock);
	if (sb->s_op->free_inode)
		sb->s_op->free_inode(inode);
	else
		kmem_cache_free(inode_cachep, inode);
}

void iput(struct inode *inode)
{
	if (inode && atomic_dec_and_test(&inode->i_count))
		evict(inode);
}

void inode_init_owner(struct inode *inode, const struct inode *dir,
		      umode_t mode)
{
	const struct cred *cred = current_cred();

	inode->i_uid = cred->fsuid;
	inode->i_gid = cred->fsgid;
	/* A set-group-ID directory hands its group (and the bit) down. */
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	}
	inode->i_mode = mode;
}

void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		inode->i_fop = &def_blk_fops;
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;
	} else if (!S_ISSOCK(mode)) {
		pr_debug("init_special_inode: bogus i_mode (%o) for inode %lu\n",
			 mode, inode->i_ino);
	}
}

void set_nlink(struct inode *inode, unsigned int nlink)
{
	spin_lock(&inode->i_lock);
	inode->i_nlink = nlink;
	spin_unlock(&inode->i_lock);
}

void inc_nlink(struct inode *inode)
{
	spin_lock(&inode->i_lock);
	inode->i_nlink++;
	spin_unlock(&inode->i_lock);
}

void drop_nlink(struct inode *inode)
{
	spin_lock(&inode->i_lock);
	WARN_ON(inode->i_nlink == 0);
	if (inode->i_nlink)
		inode->i_nlink--;
	spin_unlock(&inode->i_lock);
}

struct timespec64 current_time(struct inode *inode)
{
	struct timespec64 now = { .tv_sec = ktime_get_real_seconds() };

	return now;
}

/*
 * The attribute changes every in-memory file system makes the same way.
 * ATTR_SIZE is the caller's: the file's own setattr resizes its data and
 * then comes here for the rest.
 */
int simple_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);

	if (attr->ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (attr->ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (attr->ia_valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) |
				(attr->ia_mode & S_IALLUGO);
	if (attr->ia_valid & ATTR_SIZE) {
		spin_lock(&inode->i_lock);
		inode->i_size = attr->ia_size;
		spin_unlock(&inode->i_lock);
	}
	if (attr->ia_valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (attr->ia_valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (attr->ia_valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	return 0;
}
