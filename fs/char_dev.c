// SPDX-License-Identifier: GPL-2.0
/*
 * Character device numbers and their operations (Linux's fs/char_dev.c):
 * the regions drivers reserve (listed in /proc/devices), the cdevs that
 * map numbers to file_operations, and def_chr_fops, which every character
 * special inode starts with and whose open() installs the driver's
 * operations.  Node creation in /dev is devfs's (cdev_device_add()).
 *
 * Lock: chrdevs_lock guards both lists; nothing is allocated, freed or
 * called back while it is held.
 */
#include <keel/cdev.h>
#include <keel/devfs.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/seq_file.h>
#include <keel/slab.h>
#include <keel/stat.h>

struct char_device_struct {
	unsigned int major;
	unsigned int baseminor;
	unsigned int minorct;
	const char *name;
	struct cdev *cdev;		/* register_chrdev()'s, else NULL */
	struct list_head list;		/* by major, then minor */
};

static DEFINE_SPINLOCK(chrdevs_lock);
static LIST_HEAD(chrdevs);		/* of char_device_struct */
static LIST_HEAD(cdev_map);		/* of cdev */

static bool ranges_overlap(unsigned int a, unsigned int na, unsigned int b,
			   unsigned int nb)
{
	return a < b + nb && b < a + na;
}

static bool major_in_use(unsigned int major)
{
	struct char_device_struct *cd;

	list_for_each_entry(cd, &chrdevs, list)
		if (cd->major == major)
			return true;
	return false;
}

static int find_dynamic_major(void)
{
	unsigned int major;

	for (major = 254; major >= CHRDEV_MAJOR_DYN_END; major--)
		if (!major_in_use(major))
			return major;
	return -EBUSY;
}

/* Insert @new in order; -EBUSY if its minors overlap a region's. */
static int insert_region(struct char_device_struct *new)
{
	struct char_device_struct *cd;
	struct list_head *pos = &chrdevs;

	list_for_each_entry(cd, &chrdevs, list) {
		if (cd->major == new->major &&
		    ranges_overlap(cd->baseminor, cd->minorct,
				   new->baseminor, new->minorct))
			return -EBUSY;
		if (cd->major < new->major ||
		    (cd->major == new->major && cd->baseminor < new->baseminor))
			pos = &cd->list;
	}
	list_add(&new->list, pos);
	return 0;
}

/*
 * Reserve @minorct minors of @major from @baseminor (@major 0: dynamic).
 * A region stays within one major.
 */
static struct char_device_struct *
__register_chrdev_region(unsigned int major, unsigned int baseminor,
			 unsigned int minorct, const char *name)
{
	struct char_device_struct *cd;
	int ret;

	if (major >= CHRDEV_MAJOR_MAX || !minorct || !name ||
	    baseminor > MINORMASK || minorct > MINORMASK + 1 - baseminor)
		return ERR_PTR(-EINVAL);
	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return ERR_PTR(-ENOMEM);
	cd->baseminor = baseminor;
	cd->minorct = minorct;
	cd->name = name;

	spin_lock(&chrdevs_lock);
	ret = major ? (int)major : find_dynamic_major();
	if (ret > 0) {
		cd->major = ret;
		ret = insert_region(cd);
	}
	spin_unlock(&chrdevs_lock);
	if (ret < 0) {
		kfree(cd);
		return ERR_PTR(ret);
	}
	return cd;
}

/* Unlink the region that starts at @major:@baseminor with @minorct minors. */
static struct char_device_struct *
__unregister_chrdev_region(unsigned int major, unsigned int baseminor,
			   unsigned int minorct)
{
	struct char_device_struct *cd, *found = NULL;

	spin_lock(&chrdevs_lock);
	list_for_each_entry(cd, &chrdevs, list) {
		if (cd->major == major && cd->baseminor == baseminor &&
		    cd->minorct == minorct) {
			list_del(&cd->list);
			found = cd;
			break;
		}
	}
	spin_unlock(&chrdevs_lock);
	return found;
}

int register_chrdev_region(dev_t from, unsigned int count, const char *name)
{
	struct char_device_struct *cd;

	if (!MAJOR(from))
		return -EINVAL;
	cd = __register_chrdev_region(MAJOR(from), MINOR(from), count, name);
	return IS_ERR(cd) ? PTR_ERR(cd) : 0;
}

int alloc_chrdev_region(dev_t *dev, unsigned int baseminor,
			unsigned int count, const char *name)
{
	struct char_device_struct *cd;

	cd = __register_chrdev_region(0, baseminor, count, name);
	if (IS_ERR(cd))
		return PTR_ERR(cd);
	*dev = MKDEV(cd->major, cd->baseminor);
	return 0;
}

void unregister_chrdev_region(dev_t from, unsigned int count)
{
	kfree(__unregister_chrdev_region(MAJOR(from), MINOR(from), count));
}

int register_chrdev(unsigned int major, const char *name,
		    const struct file_operations *fops)
{
	struct char_device_struct *cd;
	struct cdev *cdev;
	int ret;

	cdev = kzalloc(sizeof(*cdev), GFP_KERNEL);
	if (!cdev)
		return -ENOMEM;
	cd = __register_chrdev_region(major, 0, MINORS_PER_MAJOR, name);
	if (IS_ERR(cd)) {
		ret = PTR_ERR(cd);
		goto out_free_cdev;
	}
	cdev_init(cdev, fops);
	ret = cdev_add(cdev, MKDEV(cd->major, 0), MINORS_PER_MAJOR);
	if (ret)
		goto out_unregister;
	cd->cdev = cdev;
	return major ? 0 : (int)cd->major;

out_unregister:
	kfree(__unregister_chrdev_region(cd->major, 0, MINORS_PER_MAJOR));
out_free_cdev:
	kfree(cdev);
	return ret;
}

void unregister_chrdev(unsigned int major, const char *name)
{
	struct char_device_struct *cd;

	cd = __unregister_chrdev_region(major, 0, MINORS_PER_MAJOR);
	if (!cd)
		return;
	if (cd->cdev) {
		cdev_del(cd->cdev);
		kfree(cd->cdev);
	}
	kfree(cd);
}

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	cdev->ops = fops;
	cdev->dev = 0;
	cdev->count = 0;
	cdev->name = NULL;
	INIT_LIST_HEAD(&cdev->list);
}

int cdev_add(struct cdev *cdev, dev_t dev, unsigned int count)
{
	struct cdev *p;
	int ret = 0;

	if (!count || !cdev->ops || MINOR(dev) + (u64)count > MINORMASK + 1)
		return -EINVAL;
	cdev->dev = dev;
	cdev->count = count;
	spin_lock(&chrdevs_lock);
	list_for_each_entry(p, &cdev_map, list) {
		if (MAJOR(p->dev) == MAJOR(dev) &&
		    ranges_overlap(MINOR(p->dev), p->count, MINOR(dev), count)) {
			ret = -EBUSY;
			break;
		}
	}
	if (!ret)
		list_add_tail(&cdev->list, &cdev_map);
	spin_unlock(&chrdevs_lock);
	return ret;
}

void cdev_del(struct cdev *cdev)
{
	spin_lock(&chrdevs_lock);
	list_del_init(&cdev->list);
	spin_unlock(&chrdevs_lock);
}

int cdev_device_add(struct cdev *cdev, dev_t dev, const char *name,
		    umode_t mode)
{
	int ret;

	ret = cdev_add(cdev, dev, 1);
	if (ret)
		return ret;
	ret = devfs_create_node(name, S_IFCHR | (mode & 07777), dev);
	if (ret) {
		cdev_del(cdev);
		return ret;
	}
	cdev->name = name;
	return 0;
}

void cdev_device_del(struct cdev *cdev)
{
	if (cdev->name)
		devfs_remove_node(cdev->name);
	cdev->name = NULL;
	cdev_del(cdev);
}

static const struct file_operations *chrdev_lookup_ops(dev_t dev)
{
	const struct file_operations *ops = NULL;
	struct cdev *p;

	spin_lock(&chrdevs_lock);
	list_for_each_entry(p, &cdev_map, list) {
		if (MAJOR(p->dev) == MAJOR(dev) &&
		    ranges_overlap(MINOR(p->dev), p->count, MINOR(dev), 1)) {
			ops = p->ops;
			break;
		}
	}
	spin_unlock(&chrdevs_lock);
	return ops;
}

/*
 * Every character special file is opened through here: find the driver
 * by the inode's number and let its operations take over the file.
 * Drivers are never unloaded (their operations are static), so the
 * pointer stays good after the lock is dropped.
 */
static int chrdev_open(struct inode *inode, struct file *file)
{
	const struct file_operations *ops = chrdev_lookup_ops(inode->i_rdev);

	if (!ops)
		return -ENXIO;
	file->f_op = ops;
	return ops->open ? ops->open(inode, file) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
	.llseek = no_llseek,
};

void chrdev_show(struct seq_file *m)
{
	struct char_device_struct *cd;

	seq_puts(m, "Character devices:\n");
	spin_lock(&chrdevs_lock);
	list_for_each_entry(cd, &chrdevs, list)
		seq_printf(m, "%3u %s\n", cd->major, cd->name);
	spin_unlock(&chrdevs_lock);
}
