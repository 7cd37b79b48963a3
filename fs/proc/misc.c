// SPDX-License-Identifier: GPL-2.0
/*
 * The small /proc files, each in Linux's format: uptime, loadavg,
 * version (the boot banner's line), cmdline, filesystems and devices.
 * uptime's idle time is the idle task's share of the ticks; loadavg has
 * the runnable and existing threads and the last PID handed out, but
 * Keel keeps no load averages: those read 0.00.
 */
#include <keel/cdev.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/kernel_stat.h>
#include <keel/list.h>
#include <keel/proc_fs.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/seq_file.h>
#include <keel/timekeeping.h>

#include "internal.h"

static int uptime_proc_show(struct seq_file *m, void *v)
{
	struct kernel_cpustat kcs;

	kcpustat_cpu_fetch(&kcs, 0);
	uptime_format(m, ktime_get_ns(), kcs.cpustat[CPUTIME_IDLE]);
	return 0;
}

/* Every thread of every process, as Linux's nr_threads. */
static unsigned int nr_threads_now(void)
{
	struct task_struct *leader, *t;
	unsigned int n = 0;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(leader, &init_task.tasks, tasks)
		list_for_each_entry(t, &leader->signal->thread_head,
				    thread_node)
			n++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

static int loadavg_proc_show(struct seq_file *m, void *v)
{
	loadavg_format(m, nr_running(), nr_threads_now(),
		       last_allocated_pid());
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
