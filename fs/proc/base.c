// SPDX-License-Identifier: GPL-2.0
/*
 * The per-process part of /proc (Linux's fs/proc/base.c, self.c and
 * thread_self.c): /proc/<pid> for every process, /proc/<pid>/task/<tid>
 * for each of its threads, /proc/self and /proc/thread-self.
 *
 * Nothing here is registered when a task is made: the directories and
 * their files are built when a name is looked up, from the task found by
 * its PID, and listed from the live task list.  An inode keeps the PID
 * and the task's start time, never a pointer: every use finds the task
 * again (get_proc_task()), and a task that was reaped, or a PID reused
 * by another task, reads as gone (-ESRCH).  The dentries are never left
 * in the cache once unused (d_delete), and one still held by somebody
 * (a working directory in /proc/<pid>) fails d_revalidate once its task
 * is gone, so the next lookup builds it afresh.
 */
#include <keel/cred.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/fs_struct.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/mmap_lock.h>
#include <keel/namei.h>
#include <keel/proc_fs.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/seq_file.h>
#include <keel/slab.h>
#include <keel/sprintf.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/uio.h>
#include <uapi/linux/magic.h>

#include "internal.h"

#define PROC_NUMBUF	13	/* "-2147483648" and its NUL */
/* readdir positions of /proc: the registered entries, then the PIDs. */
#define PROC_PID_POS	0x10000
#define PID_MAX_NR	0x3fffffff
/*
 * What readdir reports as the inode number of an entry built only at
 * lookup (Linux's too is made up): not 0, which some readers skip.
 */
#define PROC_FAKE_INO	1

/* What a /proc/<pid> entry is: a file's show, a link's target or a dir. */
struct pid_entry {
	const char *name;
	umode_t mode;
	const struct inode_operations *iop;
	const struct file_operations *fop;
	int (*show)(struct seq_file *m, struct task_struct *task);
	int (*get_path)(struct task_struct *task,
			const struct proc_dir_entry *de, struct path *path);
	bool tgid_only;		/* not in task/<tid>/ */
};

static const struct dentry_operations pid_dentry_operations;

/* --- finding the task again --- */

static struct proc_dir_entry *PDE(const struct inode *inode)
{
	return inode->i_private;
}

static struct task_struct *get_de_task(const struct proc_dir_entry *de)
{
	struct task_struct *task = find_get_task_by_vpid(de->pid);

	if (task && task->start_time != de->start_time) {
		put_task_struct(task);
		task = NULL;
	}
	return task;
}

struct task_struct *get_proc_task(const struct inode *inode)
{
	return get_de_task(PDE(inode));
}

struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct mm_struct *mm;
	unsigned long flags;

	/*
	 * task->mm is cleared by its owner at exit and exec without a lock
	 * of ours; on the one CPU of a kernel that is not preemptible,
	 * nothing runs between the load and mmget_not_zero() here.
	 */
	spin_lock_irqsave(&tasklist_lock, flags);
	mm = READ_ONCE(task->mm);
	if (mm && ((task->flags & PF_KTHREAD) || !mmget_not_zero(mm)))
		mm = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return mm;
}

/* Is the caller allowed to see @task's memory (environ): its owner or root. */
static bool may_read_mm(struct task_struct *task)
{
	const struct cred *me = current_cred(), *cred = task->real_cred;

	return me->fsuid == 0 ||
	       (me->fsuid == cred->uid && me->fsuid == cred->euid &&
		me->fsuid == cred->suid && !task->undumpable);
}

/* --- inodes and dentries --- */

static struct inode *proc_pid_make_inode(struct super_block *sb,
					 struct task_struct *task,
					 umode_t mode)
{
	struct inode *inode = new_inode(sb);
	struct proc_dir_entry *de;

	if (!inode)
		return NULL;
	de = kzalloc(sizeof(*de), GFP_KERNEL);
	if (!de) {
		iput(inode);
		return NULL;
	}
	de->pid = task->pid;
	de->start_time = task->start_time;
	inode->i_private = de;
	inode->i_mode = mode;
	/* Linux's task_dump_owner(): the effective ids. */
	inode->i_uid = task->real_cred->euid;
	inode->i_gid = task->real_cred->egid;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	if (S_ISDIR(mode))
		set_nlink(inode, 2);
	return inode;
}

static int pid_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task;

	if (!inode)
		return 0;
	task = get_proc_task(inode);
	if (!task)
		return 0;
	put_task_struct(task);
	return 1;
}

/* Built at every lookup: nothing is kept once unused. */
static int pid_delete_dentry(const struct dentry *dentry)
{
	return 1;
}

static const struct dentry_operations pid_dentry_operations = {
	.d_revalidate = pid_revalidate,
	.d_delete = pid_delete_dentry,
};

static void proc_pid_d_add(struct dentry *dentry, struct inode *inode)
{
	dentry->d_op = &pid_dentry_operations;
	d_add(dentry, inode);
}

/* Linux's name_to_int(): a decimal without a leading zero, or -1. */
static int name_to_int(const struct qstr *q)
{
	unsigned int i, n = 0;

	if (!q->len || q->len > 10 || (q->len > 1 && q->name[0] == '0'))
		return -1;
	for (i = 0; i < q->len; i++) {
		unsigned int c = q->name[i] - '0';

		if (c > 9 || n > (PID_MAX_NR - c) / 10)
			return -1;
		n = n * 10 + c;
	}
	return n;
}

static ssize_t proc_dir_read(struct kiocb *iocb, struct iov_iter *to)
{
	return -EISDIR;
}

/* Emit "." and ".." of @file's directory; false if the caller stops. */
static bool proc_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 0, d_inode(dentry)->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 1,
				d_inode(dentry->d_parent)->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/* --- files --- */

/* The show function of every /proc/<pid> file: finds the task first. */
static int proc_pid_show(struct seq_file *m, void *v)
{
	struct proc_dir_entry *de = m->private;
	struct task_struct *task;
	int ret;

	task = get_de_task(de);
	if (!task)
		return -ESRCH;
	ret = de->pe->show(m, task);
	put_task_struct(task);
	return ret;
}

/* /proc/<pid>/mounts: one mount namespace, the same for every task. */
static int proc_pid_mounts(struct seq_file *m, struct task_struct *task)
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

/*
 * The bytes [@start, @end) of @task's memory, as they are now: argv for
 * cmdline, the environment for environ.  Kernel threads have none.
 */
static int proc_show_mm_range(struct seq_file *m, struct task_struct *task,
			      bool env)
{
	struct mm_struct *mm = get_task_mm(task);
	unsigned long start, end;
	char *buf;
	int ret = 0;

	if (!mm)
		return 0;
	mmap_read_lock(mm);
	start = env ? mm->env_start : mm->arg_start;
	end = env ? mm->env_end : mm->arg_end;
	mmap_read_unlock(mm);
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf) {
		ret = -ENOMEM;
		goto out;
	}
	while (start < end) {
		int want = min(end - start, PAGE_SIZE);
		int got = access_remote_vm(mm, start, buf, want, 0);

		if (got <= 0)
			break;
		seq_write(m, buf, got);
		start += got;
	}
	kfree(buf);
out:
	mmput(mm);
	return ret;
}

static int proc_pid_cmdline(struct seq_file *m, struct task_struct *task)
{
	return proc_show_mm_range(m, task, false);
}

static int proc_pid_environ(struct seq_file *m, struct task_struct *task)
{
	if (!may_read_mm(task))
		return -EACCES;
	return proc_show_mm_range(m, task, true);
}

static int proc_pid_comm(struct seq_file *m, struct task_struct *task)
{
	char comm[TASK_COMM_LEN];

	memcpy(comm, task->comm, sizeof(comm));
	comm[TASK_COMM_LEN - 1] = '\0';
	seq_printf(m, "%s\n", comm);
	return 0;
}

/* Writing comm renames a thread of the caller's own process. */
static ssize_t comm_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	char buf[TASK_COMM_LEN];
	size_t len = min(iov_iter_count(from), sizeof(buf) - 1);
	size_t count = iov_iter_count(from);
	struct task_struct *task;

	memset(buf, 0, sizeof(buf));
	if (copy_from_iter(buf, len, from) != len)
		return -EFAULT;
	task = get_proc_task(inode);
	if (!task)
		return -ESRCH;
	if (task->tgid == current->tgid)
		set_task_comm(task, buf);
	else
		count = -EINVAL;
	put_task_struct(task);
	return count;
}

static const struct file_operations proc_comm_operations = {
	.open = proc_single_open,
	.read_iter = proc_single_read_iter,
	.write_iter = comm_write,
	.llseek = proc_single_lseek,
	.release = proc_single_release,
};

/* --- symlinks: cwd, root, exe and fd/<n> --- */

static void kfree_link(void *body)
{
	kfree(body);
}

/*
 * A pipe is "pipe:[ino]", as Linux's pipefs names it, and any other file
 * no path reaches "anon_inode:[ino]"; the rest have their path.
 */
static char *file_name(const struct path *path, char *buf, int buflen)
{
	struct inode *inode = d_inode(path->dentry);

	if (inode->i_sb->s_magic == PIPEFS_MAGIC || !path->mnt) {
		snprintf(buf, buflen, "%s:[%lu]",
			 inode->i_sb->s_magic == PIPEFS_MAGIC ? "pipe" :
								"anon_inode",
			 inode->i_ino);
		return buf;
	}
	return d_path(path, buf, buflen);
}

static const char *proc_pid_get_link(struct dentry *dentry,
				     struct inode *inode,
				     struct delayed_call *done)
{
	struct task_struct *task = get_proc_task(inode);
	struct path path;
	char *buf, *name;
	int err;

	if (!task)
		return ERR_PTR(-ENOENT);
	err = PDE(inode)->pe->get_path(task, PDE(inode), &path);
	put_task_struct(task);
	if (err)
		return ERR_PTR(err);
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf) {
		path_put(&path);
		return ERR_PTR(-ENOMEM);
	}
	name = file_name(&path, buf, PATH_MAX);
	path_put(&path);
	if (IS_ERR(name)) {
		kfree(buf);
		return ERR_PTR(PTR_ERR(name));
	}
	memmove(buf, name, strlen(name) + 1);
	set_delayed_call(done, kfree_link, buf);
	return buf;
}

static const struct inode_operations proc_pid_link_inode_operations = {
	.get_link = proc_pid_get_link,
};

static int proc_fs_path(struct task_struct *task, struct path *path,
			bool root)
{
	struct fs_struct *fs;
	unsigned long flags;
	int err = -ENOENT;

	/* As get_task_mm(): fs is only cleared by its own task. */
	spin_lock_irqsave(&tasklist_lock, flags);
	fs = READ_ONCE(task->fs);
	if (fs) {
		spin_lock(&fs->lock);
		*path = root ? fs->root : fs->pwd;
		path_get(path);
		spin_unlock(&fs->lock);
		err = 0;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

static int proc_cwd_link(struct task_struct *task,
			 const struct proc_dir_entry *de, struct path *path)
{
	return proc_fs_path(task, path, false);
}

static int proc_root_link(struct task_struct *task,
			  const struct proc_dir_entry *de, struct path *path)
{
	return proc_fs_path(task, path, true);
}

static int proc_exe_link(struct task_struct *task,
			 const struct proc_dir_entry *de, struct path *path)
{
	struct mm_struct *mm = get_task_mm(task);
	int err = -ENOENT;

	if (!mm)
		return err;
	if (mm->exe_file) {
		*path = mm->exe_file->f_path;
		path_get(path);
		err = 0;
	}
	mmput(mm);
	return err;
}

/* --- fd/ --- */

/* The file at @fd in @task's table with a reference, or NULL. */
static struct file *task_fget(struct task_struct *task, unsigned int fd)
{
	struct files_struct *files;
	struct file *file = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	files = READ_ONCE(task->files);
	if (files) {
		spin_lock(&files->file_lock);
		if (fd < files->max_fds && files->fd[fd])
			file = get_file(files->fd[fd]);
		spin_unlock(&files->file_lock);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return file;
}

/* The lowest open fd at or above @fd in @task's table, or -1. */
static int task_next_fd(struct task_struct *task, int fd)
{
	struct files_struct *files;
	unsigned long flags;
	int found = -1;

	spin_lock_irqsave(&tasklist_lock, flags);
	files = READ_ONCE(task->files);
	if (files) {
		spin_lock(&files->file_lock);
		for (; fd < (int)files->max_fds; fd++) {
			if (files->fd[fd]) {
				found = fd;
				break;
			}
		}
		spin_unlock(&files->file_lock);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

static int proc_fd_link(struct task_struct *task,
			const struct proc_dir_entry *de, struct path *path)
{
	struct file *file = task_fget(task, de->fd);

	if (!file)
		return -ENOENT;
	*path = file->f_path;
	path_get(path);
	fput(file);
	return 0;
}

static const struct pid_entry fd_link_entry = {
	.name = "",
	.mode = S_IFLNK,
	.get_path = proc_fd_link,
};

static struct dentry *proc_fd_lookup(struct inode *dir, struct dentry *dentry)
{
	struct task_struct *task = get_proc_task(dir);
	struct dentry *ret = ERR_PTR(-ENOENT);
	struct inode *inode;
	struct file *file;
	int fd = name_to_int(&dentry->d_name);

	if (!task)
		return ret;
	if (fd < 0)
		goto out;
	file = task_fget(task, fd);
	if (!file)
		goto out;
	inode = proc_pid_make_inode(dir->i_sb, task, S_IFLNK |
				    ((file->f_mode & FMODE_READ) ? 0500 : 0) |
				    ((file->f_mode & FMODE_WRITE) ? 0200 : 0));
	fput(file);
	if (!inode) {
		ret = ERR_PTR(-ENOMEM);
		goto out;
	}
	PDE(inode)->fd = fd;
	PDE(inode)->pe = &fd_link_entry;
	inode->i_op = &proc_pid_link_inode_operations;
	inode->i_size = 64;
	proc_pid_d_add(dentry, inode);
	ret = NULL;
out:
	put_task_struct(task);
	return ret;
}

/*
 * Lists the numbered entries of a directory, in ascending order at
 * positions @base + n: what @next (of @task) gives from ctx->pos on.
 */
static void proc_emit_numbers(struct dir_context *ctx,
			      struct task_struct *task,
			      int (*next)(struct task_struct *task, int from),
			      loff_t base, unsigned int type)
{
	char name[PROC_NUMBUF];
	int nr;

	if (ctx->pos < base)
		ctx->pos = base;
	while ((nr = next(task, ctx->pos - base)) >= 0) {
		int len = snprintf(name, sizeof(name), "%d", nr);

		ctx->pos = base + nr;
		if (!ctx->actor(ctx, name, len, ctx->pos, PROC_FAKE_INO, type))
			return;
		ctx->pos++;
	}
}

/* ".", "..", then the task's numbered entries (fd/ or task/) at 2 + n. */
static int proc_numbers_iterate(struct file *file, struct dir_context *ctx,
				int (*next)(struct task_struct *task,
					    int from),
				unsigned int type)
{
	struct task_struct *task = get_proc_task(file_inode(file));

	if (!task)
		return -ENOENT;
	if (proc_emit_dots(file, ctx))
		proc_emit_numbers(ctx, task, next, 2, type);
	put_task_struct(task);
	return 0;
}

static int proc_fd_iterate(struct file *file, struct dir_context *ctx)
{
	return proc_numbers_iterate(file, ctx, task_next_fd, DT_LNK);
}

static const struct inode_operations proc_fd_inode_operations = {
	.lookup = proc_fd_lookup,
};

static const struct file_operations proc_fd_operations = {
	.read_iter = proc_dir_read,
	.llseek = proc_single_lseek,
	.iterate_shared = proc_fd_iterate,
};

/* --- /proc/<pid>/ and task/<tid>/ --- */

static const struct inode_operations proc_task_inode_operations;
static const struct file_operations proc_task_operations;

#define DIR(n, m, i, f)	{ .name = n, .mode = S_IFDIR | (m), .iop = i, .fop = f }
#define REG(n, m, s)	{ .name = n, .mode = S_IFREG | (m), .show = s }
#define LNK(n, g)	{ .name = n, .mode = S_IFLNK | 0777, .get_path = g }

/* Linux's tgid_base_stuff, the part Keel has, in its order. */
static const struct pid_entry pid_entries[] = {
	{ .name = "task", .mode = S_IFDIR | 0555,
	  .iop = &proc_task_inode_operations, .fop = &proc_task_operations,
	  .tgid_only = true },
	DIR("fd", 0500, &proc_fd_inode_operations, &proc_fd_operations),
	REG("environ", 0400, proc_pid_environ),
	REG("status", 0444, proc_pid_status),
	{ .name = "comm", .mode = S_IFREG | 0644,
	  .fop = &proc_comm_operations, .show = proc_pid_comm },
	REG("cmdline", 0444, proc_pid_cmdline),
	REG("stat", 0444, proc_tgid_stat),
	REG("statm", 0444, proc_pid_statm),
	REG("maps", 0444, proc_pid_maps),
	REG("mounts", 0444, proc_pid_mounts),
	LNK("cwd", proc_cwd_link),
	LNK("root", proc_root_link),
	LNK("exe", proc_exe_link),
};

/* task/<tid>/stat is the thread's own, not its process's. */
static const struct pid_entry tid_stat_entry = REG("stat", 0444,
						   proc_tid_stat);

/* The entry task/<tid> directories carry, which tells them apart. */
static const struct pid_entry tid_dir_entry = {
	.name = "",
};

static bool in_tid_dir(const struct inode *dir)
{
	return PDE(dir)->pe == &tid_dir_entry;
}

static const struct pid_entry *pid_entry_for(const struct inode *dir,
					     unsigned int i)
{
	const struct pid_entry *pe = &pid_entries[i];

	if (in_tid_dir(dir)) {
		if (pe->tgid_only)
			return NULL;
		if (pe->show == proc_tgid_stat)
			return &tid_stat_entry;
	}
	return pe;
}

static struct dentry *proc_pident_lookup(struct inode *dir,
					 struct dentry *dentry)
{
	struct task_struct *task = get_proc_task(dir);
	const struct pid_entry *pe = NULL;
	struct dentry *ret = ERR_PTR(-ENOENT);
	struct inode *inode;
	unsigned int i;

	if (!task)
		return ret;
	for (i = 0; i < ARRAY_SIZE(pid_entries); i++) {
		pe = pid_entry_for(dir, i);
		if (pe && strlen(pe->name) == dentry->d_name.len &&
		    !memcmp(pe->name, dentry->d_name.name, dentry->d_name.len))
			break;
		pe = NULL;
	}
	if (!pe)
		goto out;
	inode = proc_pid_make_inode(dir->i_sb, task, pe->mode);
	if (!inode) {
		ret = ERR_PTR(-ENOMEM);
		goto out;
	}
	PDE(inode)->pe = pe;
	if (S_ISDIR(pe->mode)) {
		inode->i_op = pe->iop;
		inode->i_fop = pe->fop;
	} else if (S_ISLNK(pe->mode)) {
		inode->i_op = &proc_pid_link_inode_operations;
	} else {
		inode->i_op = &proc_file_inode_operations;
		inode->i_fop = pe->fop ? pe->fop : &proc_single_file_operations;
		PDE(inode)->show = proc_pid_show;
		PDE(inode)->data = PDE(inode);
	}
	proc_pid_d_add(dentry, inode);
	ret = NULL;
out:
	put_task_struct(task);
	return ret;
}

static int proc_pident_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file_inode(file);
	struct task_struct *task = get_proc_task(dir);
	unsigned int i;

	if (!task)
		return -ENOENT;
	put_task_struct(task);
	if (!proc_emit_dots(file, ctx))
		return 0;
	for (i = ctx->pos - 2; i < ARRAY_SIZE(pid_entries); i++) {
		const struct pid_entry *pe = pid_entry_for(dir, i);

		ctx->pos = 2 + i;
		if (pe && !ctx->actor(ctx, pe->name, strlen(pe->name),
				      ctx->pos, PROC_FAKE_INO,
				      mode_to_dtype(pe->mode)))
			return 0;
	}
	ctx->pos = 2 + i;
	return 0;
}

static const struct inode_operations proc_pid_inode_operations = {
	.lookup = proc_pident_lookup,
};

static const struct file_operations proc_pid_operations = {
	.read_iter = proc_dir_read,
	.llseek = proc_single_lseek,
	.iterate_shared = proc_pident_iterate,
};

/* The directory for @task, /proc/<pid> or task/<tid> (@pe: its entry). */
static struct dentry *proc_pid_instantiate(struct dentry *dentry,
					   struct task_struct *task,
					   const struct pid_entry *pe)
{
	struct inode *inode;

	inode = proc_pid_make_inode(dentry->d_parent->d_sb, task,
				    S_IFDIR | 0555);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	PDE(inode)->pe = pe;
	inode->i_op = &proc_pid_inode_operations;
	inode->i_fop = &proc_pid_operations;
	proc_pid_d_add(dentry, inode);
	return NULL;
}

/* task/<tid>: a thread of the directory's process. */
static struct dentry *proc_task_lookup(struct inode *dir,
				       struct dentry *dentry)
{
	struct task_struct *leader = get_proc_task(dir), *task;
	struct dentry *ret = ERR_PTR(-ENOENT);
	int tid = name_to_int(&dentry->d_name);

	if (!leader)
		return ret;
	task = tid > 0 ? find_get_task_by_vpid(tid) : NULL;
	if (task) {
		if (task->tgid == leader->tgid)
			ret = proc_pid_instantiate(dentry, task,
						   &tid_dir_entry);
		put_task_struct(task);
	}
	put_task_struct(leader);
	return ret;
}

/*
 * The lowest ID at or above @from of the threads of @leader's group
 * (@leader non-NULL) or of the processes, or -1.  Linear in the number
 * of tasks, so a listing is quadratic: fine for the tasks Keel runs.
 */
static int next_tid(struct task_struct *leader, int from)
{
	struct task_struct *p;
	unsigned long flags;
	pid_t best = -1;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (leader) {
		if (leader->signal)
			list_for_each_entry(p, &leader->signal->thread_head,
					    thread_node)
				if (p->pid >= from &&
				    (best < 0 || p->pid < best))
					best = p->pid;
	} else {
		list_for_each_entry(p, &init_task.tasks, tasks)
			if (p->tgid >= from && (best < 0 || p->tgid < best))
				best = p->tgid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

static int proc_task_iterate(struct file *file, struct dir_context *ctx)
{
	return proc_numbers_iterate(file, ctx, next_tid, DT_DIR);
}

static const struct inode_operations proc_task_inode_operations = {
	.lookup = proc_task_lookup,
};

static const struct file_operations proc_task_operations = {
	.read_iter = proc_dir_read,
	.llseek = proc_single_lseek,
	.iterate_shared = proc_task_iterate,
};

/*
 * /proc/<pid>: -EINVAL for a name that is not a number (root.c then
 * looks among the registered entries), -ENOENT for no such task.  As in
 * Linux, a thread's ID finds it too, though only processes are listed.
 */
struct dentry *proc_pid_lookup(struct dentry *dentry)
{
	struct task_struct *task;
	struct dentry *ret;
	int pid = name_to_int(&dentry->d_name);

	if (pid < 0)
		return ERR_PTR(-EINVAL);
	task = pid ? find_get_task_by_vpid(pid) : NULL;
	if (!task)
		return ERR_PTR(-ENOENT);
	ret = proc_pid_instantiate(dentry, task, NULL);
	put_task_struct(task);
	return ret;
}

/* The processes, after the registered entries: position PROC_PID_POS + pid. */
int proc_pid_readdir(struct file *file, struct dir_context *ctx)
{
	proc_emit_numbers(ctx, NULL, next_tid, PROC_PID_POS, DT_DIR);
	return 0;
}

/* A registered entry of the root (no d_op: not a process's). */
static bool proc_root_listed(const struct dentry *d)
{
	return !(d->d_flags & DCACHE_CURSOR) && d_inode(d) &&
	       !d_unhashed(d) && !d->d_op;
}

/* ".", "..", then the registered entries at 2 + n, in creation order. */
int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *root = file->f_path.dentry;
	struct inode *dir = d_inode(root);

	if (!proc_emit_dots(file, ctx))
		return 1;
	while (ctx->pos < PROC_PID_POS) {
		struct dentry *child, *found = NULL;
		loff_t n = ctx->pos - 2;
		bool emitted;

		spin_lock(&dir->i_lock);
		list_for_each_entry(child, &root->d_subdirs, d_child) {
			if (proc_root_listed(child) && !n--) {
				found = dget(child);
				break;
			}
		}
		spin_unlock(&dir->i_lock);
		if (!found)
			return 0;
		emitted = ctx->actor(ctx, found->d_name.name,
				     found->d_name.len, ctx->pos,
				     d_inode(found)->i_ino,
				     mode_to_dtype(d_inode(found)->i_mode));
		dput(found);
		if (!emitted)
			return 1;
		ctx->pos++;
	}
	return 0;
}

/* --- /proc/self and /proc/thread-self --- */

/*
 * The target depends on who asks, so each walk gets its own copy, freed
 * when the walk is done with it: two readers never share a buffer.
 */
static const char *proc_self_get_link(struct dentry *dentry,
				      struct inode *inode,
				      struct delayed_call *done)
{
	bool thread = PDE(inode)->data != NULL;
	char *body = kmalloc(2 * PROC_NUMBUF + 8, GFP_KERNEL);

	if (!body)
		return ERR_PTR(-ENOMEM);
	if (!current->tgid) {		/* the idle task is in no process */
		kfree(body);
		return ERR_PTR(-ENOENT);
	}
	if (thread)
		snprintf(body, 2 * PROC_NUMBUF + 8, "%d/task/%d",
			 task_tgid_vnr(current), task_pid_vnr(current));
	else
		snprintf(body, PROC_NUMBUF, "%d", task_tgid_vnr(current));
	set_delayed_call(done, kfree_link, body);
	return body;
}

static const struct inode_operations proc_self_inode_operations = {
	.get_link = proc_self_get_link,
};

static int proc_base_init(void)
{
	struct proc_dir_entry *de;

	if (!proc_new_entry("self", S_IFLNK | 0777, NULL, 0,
			    &proc_self_inode_operations, NULL))
		return -ENOMEM;
	de = proc_new_entry("thread-self", S_IFLNK | 0777, NULL, 0,
			    &proc_self_inode_operations, NULL);
	if (!de)
		return -ENOMEM;
	de->data = de;		/* tells the two apart */
	/* As in Linux, /proc/mounts is the current task's. */
	return proc_symlink("mounts", NULL, "self/mounts") ? 0 : -ENOMEM;
}
fs_initcall(proc_base_init);
