// SPDX-License-Identifier: GPL-2.0
/*
 * execve(2) and execveat(2) (<keel/binfmts.h>), as in Linux's fs/exec.c:
 * copy the arguments in, find a loader for the file, and let it replace
 * the program; the loader calls begin_new_exec() once it has checked
 * everything it can, and create_elf_tables() to build the new stack.
 */
#include <keel/binfmts.h>
#include <keel/cred.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/kernel.h>
#include <keel/limits.h>
#include <keel/mm.h>
#include <keel/printk.h>
#include <keel/random.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/signal.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <keel/vmalloc.h>
#include <asm/mmu_context.h>
#include <uapi/linux/elf.h>
#include "internal.h"

#define ARG_MIN		(32 * PAGE_SIZE)	/* Linux's ARG_MAX */
#define STK_LIM		(8 * 1024 * 1024)	/* Linux's _STK_LIM */

/* argv or envp: user pointers (execve) or kernel ones (kernel_execve). */
struct user_arg_ptr {
	bool is_kernel;
	union {
		const char __user *const __user *user;
		const char *const *kernel;
	} ptr;
};

static const char __user *get_user_arg_ptr(struct user_arg_ptr argv, int nr)
{
	unsigned long native;

	if (argv.is_kernel)
		return (const char __force __user *)argv.ptr.kernel[nr];
	if (get_user(native, (const unsigned long __user *)(argv.ptr.user +
							    nr)))
		return (const char __force __user *)ERR_PTR(-EFAULT);
	return (const char __user *)native;
}

/* The length of string @nr with its NUL, or -errno. */
static long arg_len(struct user_arg_ptr argv, int nr)
{
	const char __user *str = get_user_arg_ptr(argv, nr);
	long len;

	if (IS_ERR((const void __force *)str))
		return PTR_ERR((const void __force *)str);
	if (argv.is_kernel)
		return strlen((const char __force *)str) + 1;
	len = strnlen_user(str, MAX_ARG_STRLEN);
	if (!len)
		return -EFAULT;
	if (len > MAX_ARG_STRLEN)
		return -E2BIG;
	return len;
}

/* How many strings, and their total length: -E2BIG past @limit. */
static int count_args(struct user_arg_ptr argv, size_t *bytes, size_t limit)
{
	int i = 0;

	if (!argv.ptr.user)
		return 0;
	for (;;) {
		const char __user *p = get_user_arg_ptr(argv, i);
		long len;

		if (IS_ERR((const void __force *)p))
			return PTR_ERR((const void __force *)p);
		if (!p)
			return i;
		if (i >= MAX_ARG_STRINGS)
			return -E2BIG;
		len = arg_len(argv, i);
		if (len < 0)
			return len;
		*bytes += len + sizeof(void *);
		if (*bytes > limit)
			return -E2BIG;
		i++;
		cond_resched();
	}
}

static int copy_args(struct linux_binprm *bprm, struct user_arg_ptr argv,
		     int count)
{
	int i;

	for (i = 0; i < count; i++) {
		const char __user *p = get_user_arg_ptr(argv, i);
		size_t room = bprm->strings_size - bprm->strings_len;
		char *dst = bprm->strings + bprm->strings_len;
		long len;

		if (IS_ERR((const void __force *)p))
			return PTR_ERR((const void __force *)p);
		if (argv.is_kernel) {
			len = strscpy(dst, (const char __force *)p, room);
		} else {
			len = strncpy_from_user(dst, p, room);
			if (len == (long)room)
				len = -E2BIG;	/* it grew since we measured */
		}
		if (len < 0)
			return len == -EFAULT ? -EFAULT : -E2BIG;
		bprm->strings_len += len + 1;
	}
	return 0;
}

/*
 * The arguments may take a quarter of the stack limit, as in Linux, but
 * never less than ARG_MIN nor more than three quarters of _STK_LIM.
 */
static size_t args_limit(void)
{
	size_t limit = rlimit(RLIMIT_STACK) / 4;

	limit = max(limit, (size_t)ARG_MIN);
	return min(limit, (size_t)STK_LIM / 4 * 3);
}

static void *kvzalloc_args(size_t size)
{
	return size <= 4 * PAGE_SIZE ? kzalloc(size, GFP_KERNEL) :
				       vmalloc(size);
}

static void kvfree_args(void *p)
{
	if (is_vmalloc_addr(p))
		vfree(p);
	else
		kfree(p);
}

static int bprm_copy_strings(struct linux_binprm *bprm,
			     struct user_arg_ptr argv,
			     struct user_arg_ptr envp)
{
	size_t bytes = 0, limit = args_limit();
	int err;

	bprm->argc = count_args(argv, &bytes, limit);
	if (bprm->argc < 0)
		return bprm->argc;
	bprm->envc = count_args(envp, &bytes, limit);
	if (bprm->envc < 0)
		return bprm->envc;
	/* Room for an empty argv[0] (below) and for #! to grow argv. */
	bprm->strings_size = bytes + 1 + PAGE_SIZE;
	bprm->strings = kvzalloc_args(bprm->strings_size);
	if (!bprm->strings)
		return -ENOMEM;
	if (!bprm->argc) {
		/* Linux 5.18 on: never let a program see argc == 0. */
		pr_warn_once("process '%s' launched '%s' with NULL argv: empty string added\n",
			     current->comm, bprm->filename);
		bprm->strings_len = 1;
		bprm->argc = 1;
		return copy_args(bprm, envp, bprm->envc);
	}
	err = copy_args(bprm, argv, bprm->argc);
	if (err)
		return err;
	return copy_args(bprm, envp, bprm->envc);
}

int bprm_change_argv0(struct linux_binprm *bprm, const char *const *args,
		      int nr_args)
{
	size_t old0 = strlen(bprm->strings) + 1, add = 0;
	char *p;
	int i;

	for (i = 0; i < nr_args; i++)
		add += strlen(args[i]) + 1;
	if (bprm->strings_len - old0 + add > bprm->strings_size)
		return -E2BIG;
	memmove(bprm->strings + add, bprm->strings + old0,
		bprm->strings_len - old0);
	for (i = 0, p = bprm->strings; i < nr_args; i++)
		p += strscpy(p, args[i], bprm->strings + add - p) + 1;
	bprm->strings_len += add - old0;
	bprm->argc += nr_args - 1;
	return 0;
}

static struct file *check_exec_file(struct file *file)
{
	struct inode *inode = file->f_inode;
	int err = -EACCES;

	if (!S_ISREG(inode->i_mode))
		goto fail;
	if (file->f_path.mnt->mnt_flags & MNT_NOEXEC)
		goto fail;
	err = inode_permission(inode, MAY_EXEC);
	if (err)
		goto fail;
	return file;
fail:
	fput(file);
	return ERR_PTR(err);
}

static struct file *open_exec_at(int dfd, const char *name, int flags)
{
	struct file *file;
	int oflags = O_RDONLY | O_LARGEFILE;

	if (flags & AT_SYMLINK_NOFOLLOW)
		oflags |= O_NOFOLLOW;
	file = do_filp_open(dfd, name, oflags, 0, 0);
	if (IS_ERR(file))
		return file;
	return check_exec_file(file);
}

struct file *open_exec(const char *name)
{
	return open_exec_at(AT_FDCWD, name, 0);
}

static int bprm_read_header(struct linux_binprm *bprm)
{
	loff_t pos = 0;
	ssize_t n;

	memset(bprm->buf, 0, sizeof(bprm->buf));
	n = kernel_read(bprm->file, bprm->buf, sizeof(bprm->buf), &pos);
	return n < 0 ? n : 0;
}

static const struct linux_binfmt *const formats[] = {
#ifdef CONFIG_BINFMT_SCRIPT
	&script_format,
#endif
	&elf_format,
};

int search_binary_handler(struct linux_binprm *bprm)
{
	unsigned int i;
	int err;

	if (bprm->recursion > BINPRM_MAX_RECURSION)
		return -ELOOP;
	err = bprm_read_header(bprm);
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(formats); i++) {
		err = formats[i]->load_binary(bprm);
		if (err != -ENOEXEC)
			return err;
	}
	return -ENOEXEC;
}

/* Give up the old address space for @mm (Linux's exec_mmap()). */
static void exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm, *active_mm = tsk->active_mm;

	if (old_mm)
		mm_release(tsk, old_mm);
	local_irq_disable();
	tsk->mm = mm;
	tsk->active_mm = mm;
	switch_mm(active_mm, mm, tsk);
	local_irq_enable();
	if (old_mm)
		mmput(old_mm);
	else
		mmdrop(active_mm);	/* a kernel thread's borrowed one */
}

/* A task sharing its fd table (CLONE_FILES) gets its own copy. */
static int unshare_files(void)
{
	struct files_struct *files = current->files, *copy;

	if (atomic_read(&files->count) == 1)
		return 0;
	copy = dup_fd(files);
	if (IS_ERR(copy))
		return PTR_ERR(copy);
	current->files = copy;
	put_files_struct(files);
	return 0;
}

static const char *kbasename(const char *path)
{
	const char *tail = strrchr(path, '/');

	return tail ? tail + 1 : path;
}

int begin_new_exec(struct linux_binprm *bprm, struct mm_struct *mm)
{
	struct task_struct *me = current;
	int err;

	err = de_thread(me);
	if (err) {
		mmput(mm);
		return err;
	}
	set_mm_exe_file(mm, bprm->file);
	exec_mmap(mm);
	err = unshare_files();
	if (err)
		return err;
	do_close_on_exec(me->files);
	err = unshare_sighand();
	if (err)
		return err;
	flush_signal_handlers(me, 0);
	/* The alternate signal stack does not survive exec (POSIX). */
	me->sas_ss_sp = 0;
	me->sas_ss_size = 0;
	me->sas_ss_flags = 0;
	set_dumpable(me, true);
	me->flags &= ~(PF_KTHREAD | PF_FORKNOEXEC);
	set_task_comm(me, kbasename(bprm->filename));
	return 0;
}

static unsigned long stack_push(unsigned long *sp, const void *src,
				size_t len)
{
	*sp -= len;
	return copy_to_user((void __user *)*sp, src, len) ? -EFAULT : 0;
}

/*
 * @nr pointers to the strings from *@argp on, then NULL; *@argp ends
 * past the last string.
 */
static int put_string_pointers(unsigned long __user **up, unsigned long *argp,
			       const struct linux_binprm *bprm,
			       unsigned long strings, int nr)
{
	int i;

	for (i = 0; i < nr; i++) {
		size_t off = *argp - strings;

		if (put_user(*argp, (*up)++))
			return -EFAULT;
		*argp += strnlen(bprm->strings + off,
				 bprm->strings_len - off) + 1;
	}
	return put_user(0, (*up)++);
}

int create_elf_tables(struct linux_binprm *bprm, unsigned long *auxv,
		      unsigned int nr_auxv, unsigned long *spp)
{
	struct mm_struct *mm = current->mm;
	static const char platform[] = "x86_64";
	unsigned long sp = bprm->p, strings, u_platform, u_random, argp;
	unsigned long __user *up;
	u8 random[16];
	unsigned int i, items;
	size_t fn_len = strlen(bprm->filename) + 1;

	/* Highest first: AT_EXECFN's name, then envp and argv strings. */
	if (stack_push(&sp, bprm->filename, fn_len))
		return -EFAULT;
	bprm->execfn = sp;
	if (stack_push(&sp, bprm->strings, bprm->strings_len))
		return -EFAULT;
	strings = sp;
	sp &= ~15UL;
	if (stack_push(&sp, platform, sizeof(platform)))
		return -EFAULT;
	u_platform = sp;
	get_random_bytes(random, sizeof(random));
	if (stack_push(&sp, random, sizeof(random)))
		return -EFAULT;
	u_random = sp;

	for (i = 0; i + 1 < nr_auxv; i += 2) {
		if (auxv[i] == AT_RANDOM)
			auxv[i + 1] = u_random;
		else if (auxv[i] == AT_PLATFORM)
			auxv[i + 1] = u_platform;
		else if (auxv[i] == AT_EXECFN)
			auxv[i + 1] = bprm->execfn;
	}
	/* argc, argv[] and NULL, envp[] and NULL, the vector: 16-aligned. */
	items = 1 + bprm->argc + 1 + bprm->envc + 1 + nr_auxv;
	sp = (sp - items * sizeof(unsigned long)) & ~15UL;
	*spp = sp;
	up = (unsigned long __user *)sp;
	if (put_user(bprm->argc, up++))
		return -EFAULT;
	argp = strings;
	mm->arg_start = strings;
	if (put_string_pointers(&up, &argp, bprm, strings, bprm->argc))
		return -EFAULT;
	mm->arg_end = mm->env_start = argp;
	if (put_string_pointers(&up, &argp, bprm, strings, bprm->envc))
		return -EFAULT;
	mm->env_end = argp;
	if (copy_to_user(up, auxv, nr_auxv * sizeof(*auxv)))
		return -EFAULT;
	return 0;
}

static void free_bprm(struct linux_binprm *bprm)
{
	if (bprm->file)
		fput(bprm->file);
	kfree(bprm->interp_name);
	kvfree_args(bprm->strings);
	kfree(bprm);
}

static int do_execveat_common(int fd, const char *filename,
			      struct user_arg_ptr argv,
			      struct user_arg_ptr envp, int flags)
{
	struct linux_binprm *bprm;
	struct file *file;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	if (!bprm)
		return -ENOMEM;
	bprm->filename = filename;
	err = bprm_copy_strings(bprm, argv, envp);
	if (err)
		goto out;
	if (!*filename && (flags & AT_EMPTY_PATH)) {
		file = fget(fd);
		file = file ? check_exec_file(file) : ERR_PTR(-EBADF);
	} else {
		file = open_exec_at(fd, filename, flags);
	}
	if (IS_ERR(file)) {
		err = PTR_ERR(file);
		goto out;
	}
	bprm->file = file;
	err = search_binary_handler(bprm);
out:
	free_bprm(bprm);
	return err;
}

int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	struct user_arg_ptr uargv = { .is_kernel = true, .ptr.kernel = argv };
	struct user_arg_ptr uenvp = { .is_kernel = true, .ptr.kernel = envp };

	return do_execveat_common(AT_FDCWD, filename, uargv, uenvp, 0);
}

static long do_execveat_user(int fd, const char __user *filename,
			     const char __user *const __user *argv,
			     const char __user *const __user *envp, int flags)
{
	struct user_arg_ptr uargv = { .ptr.user = argv };
	struct user_arg_ptr uenvp = { .ptr.user = envp };
	struct filename *name = getname_uflags(filename, flags);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_execveat_common(fd, name->name, uargv, uenvp, flags);
	putname(name);
	return err;
}

SYSCALL_DEFINE3(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	return do_execveat_user(AT_FDCWD, filename, argv, envp, 0);
}

SYSCALL_DEFINE5(execveat, int, fd, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp, int, flags)
{
	return do_execveat_user(fd, filename, argv, envp, flags);
}
