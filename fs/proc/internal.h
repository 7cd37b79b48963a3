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
struct dir_context;
struct file;
struct iov_iter;
struct kiocb;
struct mm_struct;

/*
 * An entry of /proc: its dentry (pinned while the entry exists) and, for
 * a file, the show function and its data.  The inode's i_private points
 * here and the entry is freed with the inode.
 */
struct proc_dir_entry {
	struct dentry *dentry;
	int (*show)(struct seq_file *m, void *v);
	void *data;
	/*
	 * An entry of /proc/<pid>/ (base.c), made at lookup: the task by
	 * its PID and start time (so a reused PID is not taken for it),
	 * the entry of base.c's tables and, below fd/, the descriptor.
	 */
	pid_t pid;
	u64 start_time;
	const struct pid_entry *pe;
	unsigned int fd;
	char link[];		/* a symlink's NUL-terminated target */
};

struct pid_entry;
struct task_struct;

/*
 * The task of a /proc/<pid> inode with a reference (put_task_struct()),
 * or NULL once it has been reaped.
 */
struct task_struct *get_proc_task(const struct inode *inode);

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
/* The seq_file file operations of every /proc file, for a variant. */
int proc_single_open(struct inode *inode, struct file *file);
ssize_t proc_single_read_iter(struct kiocb *iocb, struct iov_iter *to);
loff_t proc_single_lseek(struct file *file, loff_t offset, int whence);
int proc_single_release(struct inode *inode, struct file *file);
extern const struct file_operations proc_single_file_operations;
extern const struct inode_operations proc_file_inode_operations;

/* root.c: /proc's own lookup and listing wrap these (base.c). */
struct dentry *proc_pid_lookup(struct dentry *dentry);
int proc_pid_readdir(struct file *file, struct dir_context *ctx);
/*
 * The static entries of the root directory (root.c's readdir): 0 when
 * all are listed, 1 when the reader's buffer filled first.
 */
int proc_root_readdir(struct file *file, struct dir_context *ctx);

/* array.c: the text of /proc/<pid>/stat, status and statm. */
int proc_tid_stat(struct seq_file *m, struct task_struct *task);
int proc_tgid_stat(struct seq_file *m, struct task_struct *task);
int proc_pid_status(struct seq_file *m, struct task_struct *task);
int proc_pid_statm(struct seq_file *m, struct task_struct *task);
/* The letter and name of @task's state: "S (sleeping)". */
const char *get_task_state(const struct task_struct *task);

/*
 * task_mmu.c: /proc/<pid>/maps, and the resident pages of @mm by kind,
 * counted in its page tables (Keel keeps no RSS counters).
 */
int proc_pid_maps(struct seq_file *m, struct task_struct *task);
struct mm_rss {
	unsigned long anon, file, shmem;
};
void mm_rss_count(struct mm_struct *mm, struct mm_rss *rss);
/* The task's address space with mm_users held (mmput()), or NULL. */
struct mm_struct *get_task_mm(struct task_struct *task);
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
