// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices of major 1 with Linux's minors and semantics:
 * null (3) reads end of file and swallows writes, zero (5) reads zeros
 * and swallows writes, full (7) reads zeros and refuses writes with
 * -ENOSPC.  This file reserves the "mem" major; random.c (8, 9) and
 * kmsg.c (11) add their own minors to it.  /dev/mem and /dev/port are
 * left out on purpose: nothing needs raw physical memory from user space.
 */
#include <keel/cdev.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/string.h>
#include <keel/uio.h>

static ssize_t read_iter_null(struct kiocb *iocb, struct iov_iter *to)
{
	return 0;
}

/* The data is never looked at, so a bad buffer is not noticed (Linux). */
static ssize_t write_iter_null(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);

	iov_iter_advance(from, count);
	return count;
}

/* Zeros up to the first fault: a short count, or -EFAULT for none. */
static ssize_t read_iter_zero(struct kiocb *iocb, struct iov_iter *to)
{
	size_t count = iov_iter_count(to);
	size_t done = iov_iter_zero(count, to);

	if (done < count && !done)
		return -EFAULT;
	return done;
}

static ssize_t write_iter_full(struct kiocb *iocb, struct iov_iter *from)
{
	return -ENOSPC;
}

/* Linux's null_lseek and full_lseek: every seek lands at 0. */
static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	file->f_pos = 0;
	return 0;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read_iter = read_iter_null,
	.write_iter = write_iter_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read_iter = read_iter_zero,
	.write_iter = write_iter_null,
};

static const struct file_operations full_fops = {
	.llseek = null_lseek,
	.read_iter = read_iter_zero,
	.write_iter = write_iter_full,
};

static const struct memdev {
	const char *name;
	unsigned int minor;
	const struct file_operations *fops;
} devlist[] = {
	{ "null", 3, &null_fops },
	{ "zero", 5, &zero_fops },
	{ "full", 7, &full_fops },
};

static struct cdev mem_cdevs[ARRAY_SIZE(devlist)];

static int chr_dev_init(void)
{
	unsigned int i;
	int ret;

	ret = register_chrdev_region(MKDEV(MEM_MAJOR, 0), MINORS_PER_MAJOR,
				     "mem");
	if (ret)
		return ret;
	for (i = 0; i < ARRAY_SIZE(devlist); i++) {
		cdev_init(&mem_cdevs[i], devlist[i].fops);
		ret = cdev_device_add(&mem_cdevs[i],
				      MKDEV(MEM_MAJOR, devlist[i].minor),
				      devlist[i].name, 0666);
		if (ret)
			goto out_del;
	}
	return 0;

out_del:
	while (i--)
		cdev_device_del(&mem_cdevs[i]);
	unregister_chrdev_region(MKDEV(MEM_MAJOR, 0), MINORS_PER_MAJOR);
	return ret;
}
device_initcall(chr_dev_init);
