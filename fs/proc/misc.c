// SPDX-License-Identifier: GPL-2.0
/*
 * The small /proc files, each in Linux's format: uptime, loadavg,
 * version (the boot banner's line), cmdline, filesystems and devices.
 * With no scheduler yet, the idle time in uptime is 0 and loadavg shows
 * one task (pid 1) that is always running.
 */
#include <keel/cdev.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/proc_fs.h>
#include <keel/seq_file.h>
#include <keel/timekeeping.h>


#include "internal.h"

static int uptime_proc_show(struct seq_file *m, void *v)
{
	uptime_format(m, ktime_get_ns(), 0);
	return 0;
}

static int loadavg_proc_show(struct seq_file *m, void *v)
{
	loadavg_format(m, 1, 1, 1);
	return 0;
}

static int version_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, keel_banner);
	return 0;
}

static int cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, boot_command_line);
	seq_putc(m, '\n');
	return 0;
}

static int filesystems_proc_show(struct seq_file *m, void *v)
{
	char *buf;
	size_t room = seq_get_buf(m, &buf);

	seq_commit(m, filesystems_show(buf, room));
	return 0;
}

static int devinfo_proc_show(struct seq_file *m, void *v)
{
	chrdev_show(m);
	seq_putc(m, '\n');
	blkdev_show(m);
	return 0;
}

static const struct {
	const char *name;
	proc_show_t show;
} misc_files[] = {
	{ "uptime", uptime_proc_show },
	{ "loadavg", loadavg_proc_show },
	{ "version", version_proc_show },
	{ "cmdline", cmdline_proc_show },
	{ "filesystems", filesystems_proc_show },
	{ "devices", devinfo_proc_show },
};

static int proc_misc_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(misc_files); i++)
		if (!proc_create_single(misc_files[i].name, 0, NULL,
					misc_files[i].show))
			return -ENOMEM;
	return 0;
}
fs_initcall(proc_misc_init);
