/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Character and block device numbers, as in Linux.
 *
 * A driver first reserves numbers: register_chrdev_region() (a range it
 * names, shown in /proc/devices) or register_chrdev() (a whole major with
 * one set of operations; major 0 picks a free one, from 254 down to
 * CHRDEV_MAJOR_DYN_END).  It then attaches operations to minors with a
 * struct cdev: cdev_add() maps dev_t -> file_operations, which
 * def_chr_fops->open() looks up by the inode's i_rdev and installs in the
 * file.  cdev_device_add() does the same and also creates /dev/<name> in
 * devfs (hot-plug); cdev_device_del() removes both.
 *
 * Block devices have numbers only (register_blkdev()) until a block layer
 * exists; def_blk_fops->open() then fails -ENXIO, as Linux does for a
 * block device with no disk behind it.
 */
#ifndef _KEEL_CDEV_H
#define _KEEL_CDEV_H

#include <keel/fs_types.h>
#include <keel/list.h>
#include <keel/types.h>

struct file_operations;
struct seq_file;

#define CHRDEV_MAJOR_MAX	512
#define CHRDEV_MAJOR_DYN_END	234	/* dynamic majors: 254 down to this */
#define BLKDEV_MAJOR_MAX	512
#define MINORS_PER_MAJOR	256	/* what register_chrdev() reserves */

/* Linux's numbers for the devices Keel has. */
#define MEM_MAJOR		1
#define TTY_MAJOR		4
#define TTYAUX_MAJOR		5

struct cdev {
	const struct file_operations *ops;	/* [I] once added */
	dev_t dev;				/* first number [I] */
	unsigned int count;			/* numbers from dev [I] */
	const char *name;			/* devfs node, if any [I] */
	struct list_head list;			/* [chrdevs_lock] */
};

int register_chrdev_region(dev_t from, unsigned int count, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor,
			unsigned int count, const char *name);
void unregister_chrdev_region(dev_t from, unsigned int count);

/*
 * Reserve minors 0-255 of @major (0: a dynamic one) and attach @fops.
 * Returns 0, or the major allocated when @major is 0; -EBUSY when taken
 * (or no dynamic major is left), -EINVAL when @major is out of range.
 */
int register_chrdev(unsigned int major, const char *name,
		    const struct file_operations *fops);
void unregister_chrdev(unsigned int major, const char *name);

void cdev_init(struct cdev *cdev, const struct file_operations *fops);
int cdev_add(struct cdev *cdev, dev_t dev, unsigned int count);
void cdev_del(struct cdev *cdev);
/* cdev_add() for one number, plus the node /dev/@name with @mode's bits. */
int cdev_device_add(struct cdev *cdev, dev_t dev, const char *name,
		    umode_t mode);
void cdev_device_del(struct cdev *cdev);

/* Block device numbers (fs/block_dev.c); same conventions as chrdev. */
int register_blkdev(unsigned int major, const char *name);
void unregister_blkdev(unsigned int major, const char *name);

extern const struct file_operations def_chr_fops;
extern const struct file_operations def_blk_fops;

/* The "Character devices:" and "Block devices:" halves of /proc/devices. */
void chrdev_show(struct seq_file *m);
void blkdev_show(struct seq_file *m);

#endif /* _KEEL_CDEV_H */
