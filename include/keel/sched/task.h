/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A task's creation and end (kernel/fork.c, kernel/exit.c), as in Linux's
 * <linux/sched/task.h>.
 *
 * kernel_clone() makes a task from the current one by the CLONE_* flags:
 * what it shares (address space, files, fs, signal handlers, thread
 * group) and what it copies.  A kernel thread (kernel_thread()) starts in
 * a function instead of returning to user mode.
 *
 * A task that ends (do_exit()) becomes a zombie until its parent reaps it
 * with wait4()/waitid() (or at once if nobody will: a thread, a child of
 * a parent that ignores SIGCHLD); its children go to init.  tasklist_lock
 * guards the family links, the task list and the PID hash.
 */
#ifndef _KEEL_SCHED_TASK_H
#define _KEEL_SCHED_TASK_H

#include <keel/compiler.h>
#include <keel/spinlock.h>
#include <keel/types.h>

struct pt_regs;
struct task_struct;

struct kernel_clone_args {
	u64 flags;			/* CLONE_* */
	int __user *pidfd;
	int __user *child_tid;		/* CLONE_CHILD_SETTID/CLEARTID */
	int __user *parent_tid;		/* CLONE_PARENT_SETTID */
	int exit_signal;		/* to the parent when the child ends */
	unsigned long stack;		/* the child's user stack, or 0 */
	unsigned long stack_size;
	unsigned long tls;		/* CLONE_SETTLS: the FS base */
	int (*fn)(void *);		/* a kernel thread's function */
	void *fn_arg;
	const char *name;		/* a kernel thread's comm */
};

extern spinlock_t tasklist_lock;

/* The new task's PID (in the caller's view), or -errno. */
pid_t kernel_clone(struct kernel_clone_args *args);

/*
 * Start @fn(@arg) in a new kernel thread called @name; its PID or -errno.
 * @flags are CLONE_* flags for what it shares with the caller.  A kernel
 * thread ends with do_exit(); its function returns only after it has
 * exec'ed a user program (kernel_execve()), which it then becomes.
 */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name,
		    unsigned long flags);

/* The architecture's part of kernel_clone(): registers and stack. */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);

/* Exec: fresh user registers to enter at @ip with stack @sp. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

/*
 * End the current task with wait status @code (the exit code in bits
 * 8-15, or a signal number in bits 0-6 and 0x80 for a core dump).
 */
__noreturn void do_exit(long code);

/* End every thread of the current process with @exit_code. */
__noreturn void do_group_exit(int exit_code);

/*
 * exec from a thread of a group (Linux's de_thread()): end the other
 * threads (zap_other_threads()), wait until they are gone and, from a
 * thread that is not the leader, take the leader's place and PID (the
 * old leader is released).  Afterwards @tsk (current) is its group's
 * only thread and leader, and its parent hears of its end by SIGCHLD.
 * 0, or -EAGAIN when the group is already exiting or exec'ing, or
 * @tsk is killed while it waits.  Exec calls it where it can no longer
 * go back to the old program (Linux's begin_new_exec()), before it
 * replaces the address space.
 */
int de_thread(struct task_struct *tsk);

/* wait4(2) for kernel code: the status is stored at @status (kernel). */
long kernel_wait4(pid_t upid, int *status, int options);

/* Reap a zombie (or a self-reaping task): unhash it and drop it. */
void release_task(struct task_struct *p);

/* The work due before a return to user mode, with interrupts off. */
void exit_to_user_mode(struct pt_regs *regs);

/* PIDs (kernel/pid.c): a free one, or -EAGAIN; and giving one back. */
pid_t alloc_pid(void);
void free_pid(pid_t nr);
/* The PID handed out last (/proc/loadavg's last field). */
pid_t last_allocated_pid(void);
/* Make @p findable by its PID (under tasklist_lock), and unfindable. */
void attach_pid(struct task_struct *p);
void detach_pid(struct task_struct *p);

/* start_kernel() calls them: the PID hash, the task caches. */
void pid_init(void);
void fork_init(void);

#endif /* _KEEL_SCHED_TASK_H */
