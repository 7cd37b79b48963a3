// SPDX-License-Identifier: GPL-2.0
/*
 * Block device numbers (the registration half of Linux's block/genhd.c)
 * and def_blk_fops.  There is no block layer yet: a driver can reserve a
 * major, which /proc/devices lists, but opening a block special file
 * fails -ENXIO, as Linux does when no disk is behind the number.
 *
 * Lock: blkdevs_lock guards major_names[].
 */
#include <keel/cdev.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/seq_file.h>
#include <keel/spinlock.h>
#include <keel/string.h>

static DEFINE_SPINLOCK(blkdevs_lock);
static const char *major_names[BLKDEV_MAJOR_MAX];	/* [blkdevs_lock] */

int register_blkdev(unsigned int major, const char *name)
{
	int ret = -EBUSY;

	if (major >= BLKDEV_MAJOR_MAX || !name)
		return -EINVAL;
	spin_lock(&blkdevs_lock);
	if (!major) {
		/* Dynamic majors come from 254 down, as in Linux. */
		for (major = 254; major > 0; major--)
			if (!major_names[major])
				break;
		if (major) {
			major_names[major] = name;
			ret = major;
		}
	} else if (!major_names[major]) {
		major_names[major] = name;
		ret = 0;
	}
	spin_unlock(&blkdevs_lock);
	return ret;
}

void unregister_blkdev(unsigned int major, const char *name)
{
	if (major >= BLKDEV_MAJOR_MAX)
		return;
	spin_lock(&blkdevs_lock);
	if (major_names[major] && !strcmp(major_names[major], name))
		major_names[major] = NULL;
	spin_unlock(&blkdevs_lock);
}

static int blkdev_open(struct inode *inode, struct file *file)
{
	return -ENXIO;
}

const struct file_operations def_blk_fops = {
	.open = blkdev_open,
	.llseek = no_llseek,
};

void blkdev_show(struct seq_file *m)
{
	unsigned int major;

	seq_puts(m, "Block devices:\n");
	spin_lock(&blkdevs_lock);
	for (major = 1; major < BLKDEV_MAJOR_MAX; major++)
		if (major_names[major])
			seq_printf(m, "%3u %s\n", major, major_names[major]);
	spin_unlock(&blkdevs_lock);
}
