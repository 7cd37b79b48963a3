/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What fs/proc's files share: the entries and the super block (generic.c,
 * root.c), and the pure formatters of fs/proc/format.c (host-tested),
 * which the /proc files print with.
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <keel/seq_file.h>
#include <keel/types.h>

struct dentry;
struct inode;
struct file_operations;
struct inode_operations;

/*
 * An entry of /proc: its dentry (pinned while the entry exists) and, for
 * a file, the show function and its data.  The inode's i_private points
 * here and the entry is freed with the inode.
 */
struct proc_dir_entry {
	struct dentry *dentry;
	int (*show)(struct seq_file *m, void *v);
	void *data;
	char link[];		/* a symlink's NUL-terminated target */
};

/* fs/proc/root.c: the one proc super block's root, made on first use. */
struct dentry *proc_get_root(void);

/* fs/proc/generic.c */
/*
 * A new entry @name in @parent (NULL: the root) whose inode has @mode and
 * the given operations, with @link_size bytes for link[]; NULL on error.
 */
struct proc_dir_entry *proc_new_entry(const char *name, umode_t mode,
				      struct proc_dir_entry *parent,
				      size_t link_size,
				      const struct inode_operations *iops,
				      const struct file_operations *fops);
struct delayed_call;

const char *proc_get_link(struct dentry *dentry, struct inode *inode,
			  struct delayed_call *done);

/* fs/proc/format.c: Linux's formats, from values */
struct meminfo {
	unsigned long total, free, available, buffers, cached, slab;
	unsigned long vmalloc_total, vmalloc_used;	/* kB, all of them */
};
void meminfo_format(struct seq_file *m, const struct meminfo *mi);
/* "12.34 5.67\n": seconds to hundredths. */
void uptime_format(struct seq_file *m, u64 uptime_ns, u64 idle_ns);
void loadavg_format(struct seq_file *m, unsigned int running,
		    unsigned int total, int last_pid);

#endif /* _FS_PROC_INTERNAL_H */
