// SPDX-License-Identifier: GPL-2.0
/*
 * Super blocks: one per mounted instance of a file system.  Keel has only
 * file systems without a backing device, so every super block gets an
 * anonymous device number (major 0, as Linux's get_anon_bdev()) and is
 * made by mount_nodev(); the last unmount calls the type's kill_sb().
 *
 * Lock: sb_lock protects super_blocks and the anonymous minor bitmap; it
 * nests inside nothing.
 */
#include <keel/errno.h>
#include <keel/err.h>
#include <keel/fs.h>
#include <keel/mm.h>
#include <keel/printk.h>
#include <keel/slab.h>

#include "internal.h"

static LIST_HEAD(super_blocks);		/* [sb_lock] */
static DEFINE_SPINLOCK(sb_lock);

/* Minor 0 is never handed out, as in Linux. */
#define ANON_MINORS	4096
#define WORD_BITS	(8 * sizeof(unsigned long))
static unsigned long anon_minors[ANON_MINORS / WORD_BITS]; /* [sb_lock] */

static int get_anon_dev(dev_t *dev)
{
	unsigned int minor;

	spin_lock(&sb_lock);
	for (minor = 1; minor < ANON_MINORS; minor++) {
		unsigned long bit = 1UL << (minor % WORD_BITS);

		if (!(anon_minors[minor / WORD_BITS] & bit)) {
			anon_minors[minor / WORD_BITS] |= bit;
			spin_unlock(&sb_lock);
			*dev = MKDEV(0, minor);
			return 0;
		}
	}
	spin_unlock(&sb_lock);
	return -EMFILE;
}

static void free_anon_dev(dev_t dev)
{
	unsigned int minor = MINOR(dev);

	spin_lock(&sb_lock);
	anon_minors[minor / WORD_BITS] &= ~(1UL << (minor % WORD_BITS));
	spin_unlock(&sb_lock);
}

/* Until fill_super() sets its own, as Linux's default_op. */
static const struct super_operations default_op;

struct super_block *alloc_super(struct file_system_type *type, int flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	sb->s_type = type;
	sb->s_op = &default_op;
	sb->s_flags = flags;
	sb->s_blocksize = PAGE_SIZE;
	atomic_set(&sb->s_active, 1);
	spin_lock_init(&sb->s_inode_list_lock);
	mutex_init(&sb->s_vfs_rename_mutex);
	INIT_LIST_HEAD(&sb->s_inodes);
	INIT_LIST_HEAD(&sb->s_list);
	return sb;
}

struct dentry *mount_nodev(struct file_system_type *fs_type, int flags,
			   void *data,
			   int (*fill_super)(struct super_block *, void *))
{
	struct super_block *sb;
	int err;

	sb = alloc_super(fs_type, flags);
	if (!sb)
		return ERR_PTR(-ENOMEM);
	err = get_anon_dev(&sb->s_dev);
	if (err)
		goto free_sb;
	err = fill_super(sb, data);
	if (err)
		goto kill_sb;
	spin_lock(&sb_lock);
	list_add_tail(&sb->s_list, &super_blocks);
	spin_unlock(&sb_lock);
	return dget(sb->s_root);

kill_sb:
	/* The half-filled super block goes the normal way: kill_anon_super. */
	kill_anon_super(sb);
	return ERR_PTR(err);
free_sb:
	kfree(sb);
	return ERR_PTR(err);
}

/* Frees the dentry tree, the inodes and the super block itself. */
void kill_anon_super(struct super_block *sb)
{
	dev_t dev = sb->s_dev;

	spin_lock(&sb_lock);
	list_del_init(&sb->s_list);
	spin_unlock(&sb_lock);

	shrink_dcache_sb(sb);
	dput(sb->s_root);
	sb->s_root = NULL;
	if (!list_empty(&sb->s_inodes))
		pr_err("VFS: Busy inodes after unmount of %s. Self-destruct in 5 seconds.  Have a nice day...\n",
		       sb->s_type->name);
	if (sb->s_op->put_super)
		sb->s_op->put_super(sb);
	free_anon_dev(dev);
	/* Busy inodes still point here: leak the super block, not crash. */
	if (list_empty(&sb->s_inodes))
		kfree(sb);
}

void deactivate_super(struct super_block *sb)
{
	if (atomic_dec_and_test(&sb->s_active))
		sb->s_type->kill_sb(sb);
}
