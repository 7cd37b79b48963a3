// SPDX-License-Identifier: GPL-2.0
/*
 * Making tasks, as in Linux's kernel/fork.c: kernel_clone() and the
 * fork(2), vfork(2) and clone(2) calls on it, kernel_thread(), task
 * reference counts; and address-space lifetime: mm_alloc(), mmput() and
 * __mmdrop(), and the VMAs of user address spaces.
 *
 * A new task is a copy of the current one: its task_struct and the
 * architecture's registers (copy_thread()), and by the clone flags a
 * share of or a copy of each piece of state: address space (CLONE_VM),
 * open files (CLONE_FILES), root and cwd (CLONE_FS), signal handlers
 * (CLONE_SIGHAND) and the thread group (CLONE_THREAD).  It is hashed and
 * linked into its family under tasklist_lock, then queued to run.  The
 * mappings themselves are copied by dup_mmap() and torn down by
 * exit_mmap() (mm/mmap.c).
 */
#include <keel/bug.h>
#include <keel/completion.h>
#include <keel/cred.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/fs_struct.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/kernel_stat.h>
#include <keel/limits.h>
#include <keel/mm.h>
#include <keel/mmap_lock.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/timekeeping.h>
#include <keel/uaccess.h>
#include <keel/vmalloc.h>
#include <asm/fpu.h>
#include <asm/pgtable.h>
#include <uapi/linux/signal.h>

DEFINE_SPINLOCK(tasklist_lock);

static struct kmem_cache *task_struct_cachep;
static unsigned long total_forks;		/* [tasklist_lock] */

unsigned long nr_forks(void)
{
	return READ_ONCE(total_forks);
}

void fork_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct",
					       sizeof(struct task_struct), 64,
					       0, NULL);
	BUG_ON(!task_struct_cachep);
}

static void free_task(struct task_struct *p)
{
	fpu_forget(p);
	free_thread_stack(p->stack);
	kmem_cache_free(task_struct_cachep, p);
}

void __put_task_struct(struct task_struct *p)
{
	WARN_ON(!p->exit_state);
	put_cred(p->real_cred);
	put_cred(p->cred);
	put_signal_struct(p->signal);
	free_task(p);
}

static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *p = kmem_cache_alloc(task_struct_cachep,
						 GFP_KERNEL);

	if (!p)
		return NULL;
	*p = *orig;
	p->stack = alloc_thread_stack();
	if (!p->stack) {
		kmem_cache_free(task_struct_cachep, p);
		return NULL;
	}
	/* One reference for the task itself, one for its reaper. */
	atomic_set(&p->usage, 2);
	p->thread_flags = 0;
	return p;
}

static int copy_files(unsigned long clone_flags, struct task_struct *p)
{
	struct files_struct *files;

	if (clone_flags & CLONE_FILES) {
		p->files = get_files_struct(current->files);
		return 0;
	}
	files = dup_fd(current->files);
	if (IS_ERR(files))
		return PTR_ERR(files);
	p->files = files;
	return 0;
}

static int copy_fs(unsigned long clone_flags, struct task_struct *p)
{
	if (clone_flags & CLONE_FS) {
		p->fs = get_fs_struct(current->fs);
		return 0;
	}
	p->fs = copy_fs_struct(current->fs);
	return p->fs ? 0 : -ENOMEM;
}

/* A copy of the current address space for fork (Linux's dup_mm()). */
static struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	int err;

	if (!mm)
		return NULL;
	set_mm_exe_file(mm, oldmm->exe_file);
	err = dup_mmap(mm, oldmm);
	if (err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

static int copy_mm(unsigned long clone_flags, struct task_struct *p)
{
	struct mm_struct *oldmm = current->mm;

	p->mm = NULL;
	p->active_mm = NULL;
	if (!oldmm)
		return 0;		/* a kernel thread */
	if (clone_flags & CLONE_VM) {
		mmget(oldmm);
		p->mm = oldmm;
	} else {
		p->mm = dup_mm(oldmm);
		if (!p->mm)
			return -ENOMEM;
	}
	p->active_mm = p->mm;
	return 0;
}

/* Which combinations Linux refuses, with its errors. */
static int check_clone_flags(const struct kernel_clone_args *args)
{
	u64 flags = args->flags;

	if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	/* init has no parent to share: its children would be orphans. */
	if ((flags & CLONE_PARENT) && is_global_init(current))
		return -EINVAL;
	/* Namespaces and pidfds are not there: say so, not pretend. */
	if (flags & (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS |
		     CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID |
		     CLONE_NEWNET | CLONE_PIDFD))
		return -EINVAL;
	return 0;
}

/* Link @p into its family and make it findable; under tasklist_lock. */
static void link_task(struct task_struct *p, u64 clone_flags)
{
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD)) {
		p->real_parent = current->real_parent;
	} else {
		p->real_parent = current;
	}
	p->parent = p->real_parent;
	if (clone_flags & CLONE_THREAD) {
		p->group_leader = current->group_leader;
		p->tgid = current->tgid;
		list_add_tail(&p->thread_node, &p->signal->thread_head);
		p->signal->nr_threads++;
		atomic_inc(&p->signal->live);
		atomic_inc(&p->signal->sigcnt);
	} else {
		p->group_leader = p;
		p->tgid = p->pid;
		list_add_tail(&p->thread_node, &p->signal->thread_head);
		list_add_tail(&p->sibling, &p->real_parent->children);
		list_add_tail(&p->tasks, &init_task.tasks);
	}
	attach_pid(p);
	total_forks++;
}

static struct task_struct *copy_process(struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	unsigned long flags;
	int err;

	err = check_clone_flags(args);
	if (err)
		return ERR_PTR(err);
	p = dup_task_struct(current);
	if (!p)
		return ERR_PTR(-ENOMEM);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->thread_node);
	INIT_LIST_HEAD(&p->pid_chain);
	p->flags = (current->flags & PF_KTHREAD) | PF_FORKNOEXEC;
	if (args->fn)
		p->flags |= PF_KTHREAD;
	p->exit_state = 0;
	p->exit_code = 0;
	p->exit_signal = (clone_flags & CLONE_THREAD) ? -1 :
			 args->exit_signal;
	p->pdeath_signal = 0;
	p->vfork_done = NULL;
	p->utime = p->stime = 0;
	p->nvcsw = p->nivcsw = p->min_flt = p->maj_flt = 0;
	p->start_time = ktime_get_ns();
	p->set_child_tid = (clone_flags & CLONE_CHILD_SETTID) ?
			   args->child_tid : NULL;
	p->clear_child_tid = (clone_flags & CLONE_CHILD_CLEARTID) ?
			     args->child_tid : NULL;
	p->robust_list = NULL;
	p->wake_q.next = NULL;
	get_cred(p->real_cred);
	get_cred(p->cred);
	sched_fork(p);

	err = copy_files(clone_flags, p);
	if (err)
		goto bad_files;
	err = copy_fs(clone_flags, p);
	if (err)
		goto bad_fs;
	err = copy_sighand(clone_flags, p);
	if (err)
		goto bad_sighand;
	err = copy_signal(clone_flags, p);
	if (err)
		goto bad_signal;
	err = copy_mm(clone_flags, p);
	if (err)
		goto bad_mm;
	err = copy_thread(p, args);
	if (err)
		goto bad_thread;
	p->pid = alloc_pid();
	if (p->pid < 0) {
		err = p->pid;
		goto bad_thread;
	}
	if (args->name)
		set_task_comm(p, args->name);

	spin_lock_irqsave(&tasklist_lock, flags);
	link_task(p, clone_flags);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;

bad_thread:
	if (p->mm)
		mmput(p->mm);
bad_mm:
	put_signal_struct(p->signal);
bad_signal:
	exit_sighand(p);
bad_sighand:
	put_fs_struct(p->fs);
bad_fs:
	put_files_struct(p->files);
bad_files:
	put_cred(p->real_cred);
	put_cred(p->cred);
	free_task(p);
	return ERR_PTR(err);
}

/*
 * The parent of a vfork() sleeps until the child has exec'ed or exited
 * (mm_release() completes vfork_done), since they share the memory.
 */
static void wait_for_vfork_done(struct task_struct *child,
				struct completion *vfork)
{
	wait_for_completion(vfork);
	put_task_struct(child);
}

pid_t kernel_clone(struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct completion vfork;
	struct task_struct *p;
	pid_t nr;

	p = copy_process(args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	nr = task_pid_vnr(p);
	if (clone_flags & CLONE_PARENT_SETTID)
		put_user(nr, args->parent_tid);
	if (clone_flags & CLONE_VFORK) {
		p->vfork_done = &vfork;
		init_completion(&vfork);
		get_task_struct(p);
	}
	wake_up_new_task(p);
	if (clone_flags & CLONE_VFORK)
		wait_for_vfork_done(p, &vfork);
	return nr;
}

pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name,
		    unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags		= (flags | CLONE_VM) & ~CSIGNAL,
		.exit_signal	= flags & CSIGNAL,
		.fn		= fn,
		.fn_arg		= arg,
		.name		= name,
	};

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = {
		.flags		= CLONE_VFORK | CLONE_VM,
		.exit_signal	= SIGCHLD,
	};

	return kernel_clone(&args);
}

/* x86_64's argument order: flags, stack, parent_tid, child_tid, tls. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr,
		unsigned long, tls)
{
	struct kernel_clone_args args = {
		.flags		= clone_flags & ~CSIGNAL,
		.child_tid	= child_tidptr,
		.parent_tid	= parent_tidptr,
		.exit_signal	= clone_flags & CSIGNAL,
		.stack		= newsp,
		.tls		= tls,
	};

	if (args.exit_signal > _NSIG)
		return -EINVAL;
	return kernel_clone(&args);
}

/*
 * clone3()'s argument from user memory: a caller built against an
 * older struct passes less (the rest reads as zero), a newer one more,
 * which must then be zero (-E2BIG).
 */
static int copy_clone_args_from_user(struct clone_args *args,
				     const struct clone_args __user *uargs,
				     size_t usize)
{
	const u8 __user *tail = (const u8 __user *)uargs + sizeof(*args);
	size_t i;
	u8 c;

	if (usize > PAGE_SIZE)
		return -E2BIG;
	if (usize < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	memset(args, 0, sizeof(*args));
	for (i = sizeof(*args); i < usize; i++) {
		if (get_user(c, tail + i - sizeof(*args)))
			return -EFAULT;
		if (c)
			return -E2BIG;
	}
	if (copy_from_user(args, uargs, min(usize, sizeof(*args))))
		return -EFAULT;
	return 0;
}

/*
 * Linux's checks of clone3()'s arguments, all -EINVAL: unknown flags,
 * the exit signal as a flag, a stack without a size or the reverse.
 * set_tid (a PID of the caller's choice, for checkpoint/restore) and
 * CLONE_INTO_CGROUP need PID namespaces and cgroups, which Keel has not.
 */
static int clone3_args(const struct clone_args *args, size_t usize,
		       struct kernel_clone_args *kargs)
{
	u64 flags = args->flags;

	if (args->set_tid_size || args->set_tid)
		return -EINVAL;
	/* Signals are 1.._NSIG, and 0 for none. */
	if (args->exit_signal & ~(u64)CSIGNAL || args->exit_signal > _NSIG)
		return -EINVAL;
	if ((flags & CLONE_INTO_CGROUP) &&
	    (args->cgroup > INT_MAX || usize < CLONE_ARGS_SIZE_VER2))
		return -EINVAL;
	if (flags & ~(0xffffffffULL | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP))
		return -EINVAL;
	if (flags & (CLONE_DETACHED | (CSIGNAL & ~CLONE_NEWTIME)))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && (flags & CLONE_CLEAR_SIGHAND))
		return -EINVAL;
	if ((flags & (CLONE_THREAD | CLONE_PARENT)) && args->exit_signal)
		return -EINVAL;
	if (flags & (CLONE_INTO_CGROUP | CLONE_NEWTIME))
		return -EINVAL;
	if (!args->stack != !args->stack_size)
		return -EINVAL;
	if (args->stack && !access_ok((void __user *)(unsigned long)args->stack,
				      args->stack_size))
		return -EINVAL;

	*kargs = (struct kernel_clone_args) {
		.flags		= flags,
		.pidfd		= (int __user *)(unsigned long)args->pidfd,
		.child_tid	= (int __user *)(unsigned long)args->child_tid,
		.parent_tid	= (int __user *)(unsigned long)args->parent_tid,
		.exit_signal	= args->exit_signal,
		/* x86 stacks grow down: the child starts at the top. */
		.stack		= args->stack ? args->stack + args->stack_size : 0,
		.stack_size	= args->stack_size,
		.tls		= args->tls,
	};
	return 0;
}

SYSCALL_DEFINE2(clone3, struct clone_args __user *, uargs, size_t, size)
{
	struct kernel_clone_args kargs;
	struct clone_args args;
	int err;

	err = copy_clone_args_from_user(&args, uargs, size);
	if (!err)
		err = clone3_args(&args, size, &kargs);
	if (err)
		return err;
	return kernel_clone(&kargs);
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return task_pid_vnr(current);
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->mm_rb = (struct vma_tree)VMA_TREE_INIT;
	mmap_init_lock(mm);
	spin_lock_init(&mm->page_table_lock);
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	mm->mmap_base = MMAP_BASE;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	return mm;
}

void __mmdrop(struct mm_struct *mm)
{
	if (WARN_ON(mm == &init_mm))
		return;
	pgd_free(mm, mm->pgd);
	kfree(mm);
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma), GFP_KERNEL);

	if (vma)
		vma->vm_mm = mm;
	return vma;
}

void vm_area_free(struct vm_area_struct *vma)
{
	kfree(vma);
}

void mmput(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_users)) {
		exit_mmap(mm);
		set_mm_exe_file(mm, NULL);
		mmdrop(mm);
	}
}

void set_mm_exe_file(struct mm_struct *mm, struct file *file)
{
	struct file *old = mm->exe_file;

	mm->exe_file = file ? get_file(file) : NULL;
	if (old)
		fput(old);
}

void set_task_comm(struct task_struct *tsk, const char *from)
{
	strscpy(tsk->comm, from, sizeof(tsk->comm));
}
