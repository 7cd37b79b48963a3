// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/console (5,1): what is written goes to every enabled console as
 * it is (printk's console drivers, no log level or prefix).  Reading
 * fails -EIO: consoles are output-only until a tty layer gives the
 * console an input side (Linux redirects /dev/console to the console's
 * tty for that).
 */
#include <keel/cdev.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/kmsg.h>
#include <keel/uio.h>

static ssize_t console_read(struct kiocb *iocb, struct iov_iter *to)
{
	return -EIO;
}

/* A fault ends it with what was written (-EFAULT if nothing). */
static ssize_t console_write(struct kiocb *iocb, struct iov_iter *from)
{
	return iov_iter_drain(from, console_write_raw);
}

static const struct file_operations console_fops = {
	.read_iter = console_read,
	.write_iter = console_write,
	.llseek = no_llseek,
};

static struct cdev console_cdev;

static int tty_console_init(void)
{
	dev_t dev = MKDEV(TTYAUX_MAJOR, 1);
	int err;

	err = register_chrdev_region(dev, 1, "/dev/console");
	if (err)
		return err;
	cdev_init(&console_cdev, &console_fops);
	err = cdev_device_add(&console_cdev, dev, "console", 0600);
	if (err)
		unregister_chrdev_region(dev, 1);
	return err;
}
device_initcall(tty_console_init);
