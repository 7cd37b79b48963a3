// SPDX-License-Identifier: GPL-2.0
/*
 * The per-process part of /proc (Linux's fs/proc/base.c and self.c):
 * /proc/<pid> directories, each with the files of pid_entries[], and
 * /proc/self, a symlink to the current task's directory.  The process
 * code registers a pid when the task is made and unregisters it when it
 * is reaped; until processes exist the only task is the boot thread,
 * pid 1, registered here at boot, and it is always the current one.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/namei.h>
#include <keel/proc_fs.h>
#include <keel/seq_file.h>
#include <keel/slab.h>
#include <keel/sprintf.h>
#include <keel/stat.h>

#include "internal.h"

#define PROC_NUMBUF	13	/* "-2147483648" and its NUL */
#define BOOT_PID	1

/* /proc/<pid>/mounts: one mount namespace, the same for every task. */
static int proc_pid_mounts_show(struct seq_file *m, void *v)
{
	char *buf;
	size_t room = seq_get_buf(m, &buf);
	int len;

	len = mounts_show(buf, room);
	if (len < 0)
		return len;
	seq_commit(m, len);
	return 0;
}

static const struct pid_entry {
	const char *name;
	umode_t mode;
	proc_show_t show;
} pid_entries[] = {
	{ "mounts", 0444, proc_pid_mounts_show },
};

static struct dentry *proc_pid_lookup_dir(int pid)
{
	char name[PROC_NUMBUF];
	struct qstr q;
	struct dentry *root = proc_get_root();

	if (IS_ERR(root))
		return NULL;
	q.len = snprintf(name, sizeof(name), "%d", pid);
	q.name = name;
	q.hash = full_name_hash(name, q.len);
	return d_lookup(root, &q);
}

int proc_pid_register(int pid)
{
	struct proc_dir_entry *dir;
	struct dentry *old;
	char name[PROC_NUMBUF];
	unsigned int i;

	if (pid < 1)
		return -EINVAL;
	old = proc_pid_lookup_dir(pid);
	if (old) {
		bool busy = d_inode(old);

		dput(old);
		if (busy)
			return -EEXIST;
	}
	snprintf(name, sizeof(name), "%d", pid);
	dir = proc_mkdir(name, NULL);
	if (!dir)
		return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(pid_entries); i++) {
		if (!proc_create_single_data(pid_entries[i].name,
					     pid_entries[i].mode, dir,
					     pid_entries[i].show,
					     (void *)(long)pid)) {
			proc_remove(dir);
			return -ENOMEM;
		}
	}
	return 0;
}

void proc_pid_unregister(int pid)
{
	struct dentry *dentry = proc_pid_lookup_dir(pid);

	if (!dentry)
		return;
	if (d_inode(dentry))
		proc_remove(d_inode(dentry)->i_private);
	dput(dentry);
}

/* The running task's pid: the boot thread's until processes exist. */
static int current_pid(void)
{
	return BOOT_PID;
}

static void kfree_link(void *body)
{
	kfree(body);
}

/*
 * The target depends on who asks, so each walk gets its own copy, freed
 * when the walk is done with it: two readers never share a buffer.
 */
static const char *proc_self_get_link(struct dentry *dentry,
				      struct inode *inode,
				      struct delayed_call *done)
{
	char *body = kmalloc(PROC_NUMBUF, GFP_KERNEL);

	if (!body)
		return ERR_PTR(-ENOMEM);
	snprintf(body, PROC_NUMBUF, "%d", current_pid());
	set_delayed_call(done, kfree_link, body);
	return body;
}

static const struct inode_operations proc_self_inode_operations = {
	.get_link = proc_self_get_link,
};

static int proc_base_init(void)
{
	int err;

	if (!proc_new_entry("self", S_IFLNK | 0777, NULL, 0,
			    &proc_self_inode_operations, NULL))
		return -ENOMEM;
	err = proc_pid_register(BOOT_PID);
	if (err)
		return err;
	/* As in Linux, /proc/mounts is the current task's. */
	return proc_symlink("mounts", NULL, "self/mounts") ? 0 : -ENOMEM;
}
fs_initcall(proc_base_init);
