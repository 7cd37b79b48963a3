/* SPDX-License-Identifier: GPL-2.0 */
/*
 * execve(2): a program replaces the current one (fs/exec.c).  The loaders
 * (binfmts) each recognise a kind of file by its first bytes: ELF
 * executables (fs/binfmt_elf.c) and "#!" scripts (fs/binfmt_script.c),
 * which exec the interpreter they name with the script as an argument.
 *
 * The arguments and environment are copied into the kernel (struct
 * linux_binprm) before anything of the old program is given up, so an
 * exec that fails (-ENOEXEC, -ENOENT, -E2BIG, -EFAULT...) returns to the
 * old program unchanged.  begin_new_exec() is the point of no return:
 * after it the old address space is gone, and a failure kills the
 * process.
 */
#ifndef _KEEL_BINFMTS_H
#define _KEEL_BINFMTS_H

#include <keel/compiler.h>
#include <keel/types.h>

struct file;
struct mm_struct;

#define BINPRM_BUF_SIZE		256		/* the bytes a loader sees */
#define MAX_ARG_STRLEN		(32 * 4096)	/* one argument at most */
#define MAX_ARG_STRINGS		0x7fffffff
#define BINPRM_MAX_RECURSION	4		/* #! scripts of #! scripts */

struct linux_binprm {
	char buf[BINPRM_BUF_SIZE];	/* the start of file */
	struct file *file;		/* what is being loaded */
	const char *filename;		/* the name exec was given (AT_EXECFN) */
	char *interp_name;		/* an interpreter's path (#!), kmalloc'd */
	/*
	 * argv then envp, each string NUL-terminated, back to back: argc
	 * and envc strings in strings_len bytes of a strings_size buffer.
	 */
	char *strings;
	size_t strings_len, strings_size;
	int argc, envc;
	int recursion;			/* #! nesting */
	unsigned long p;		/* the new stack pointer while building */
	unsigned long execfn;		/* where AT_EXECFN's string went */
};

struct linux_binfmt {
	const char *name;
	/*
	 * Load @bprm if the file is of this format: 0 once the new program
	 * is ready to run, -ENOEXEC if it is not this format, another
	 * -errno if it is but cannot be loaded.
	 */
	int (*load_binary)(struct linux_binprm *bprm);
};

/* The formats, tried in this order. */
extern const struct linux_binfmt script_format, elf_format;

/* Try the formats on @bprm (a loader calls it again after #!). */
int search_binary_handler(struct linux_binprm *bprm);

/*
 * Open @name for exec: a regular file with execute permission on a mount
 * that allows it, not open for writing.  ERR_PTR(-errno).
 */
struct file *open_exec(const char *name);

/*
 * The point of no return: the current task drops its old program (other
 * threads, address space, close-on-exec files, signal handlers) and runs
 * in @mm from now on, which it takes over even when it fails.  0 or
 * -errno (the loader then kills the task).
 */
int begin_new_exec(struct linux_binprm *bprm, struct mm_struct *mm);

/* Replace argv[0] with @arg (#!): the strings grow at the front. */
int bprm_change_argv0(struct linux_binprm *bprm, const char *const *args,
		      int nr_args);

/*
 * Lay out the new stack below @bprm->p in the current (new) address
 * space: the argument and environment strings, AT_EXECFN's name, the
 * platform string and AT_RANDOM's bytes, then argc, argv[], envp[] and
 * the auxiliary vector @auxv (pairs ending with AT_NULL, which the
 * caller leaves room for).  0 or -EFAULT.
 */
int create_elf_tables(struct linux_binprm *bprm, unsigned long *auxv,
		      unsigned int nr_auxv, unsigned long *sp);

/* execve for kernel callers (init): kernel strings.  0 or -errno. */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

#endif /* _KEEL_BINFMTS_H */
