// SPDX-License-Identifier: GPL-2.0
/*
 * The architecture's part of a task's life: the switch (__switch_to()),
 * a new task's stack and registers (copy_thread()) and its first return
 * (ret_from_fork()), exec's fresh user registers (start_thread()), and
 * the FS and GS bases user programs keep their thread pointers in
 * (arch_prctl(2)).
 *
 * The FS base and the user's GS base are loaded only while their task
 * runs: MSR_FS_BASE, and MSR_KERNEL_GS_BASE, where SWAPGS keeps the
 * user's GS base while the kernel runs.  Both always equal the running
 * task's thread.fsbase and thread.gsbase, so the switch writes them only
 * when next's differ.
 */
#include <keel/errno.h>
#include <keel/sched.h>
#include <keel/sched/task.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/msr-index.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/switch_to.h>

/* arch_prctl(2) codes (asm/prctl.h in Linux). */
#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

static unsigned long stack_top(const struct task_struct *p)
{
	return (unsigned long)p->stack + THREAD_SIZE;
}

struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next)
{
	fpu_switch(prev, next);
	if (prev->thread.fsbase != next->thread.fsbase)
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
	if (prev->thread.gsbase != next->thread.gsbase)
		wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
	load_sp0(stack_top(next));
	this_cpu_write(current_task, next);
	return prev;
}

/*
 * A kernel thread's function returns only after it has exec'ed a user
 * program (kernel_init() does): its pt_regs are then a user frame.
 */
void ret_from_fork(struct task_struct *prev, struct pt_regs *regs,
		   int (*fn)(void *), void *fn_arg)
{
	schedule_tail(prev);
	if (unlikely(fn)) {
		fn(fn_arg);
		if (!user_mode(regs))
			do_exit(0);
	}
	local_irq_disable();
	exit_to_user_mode(regs);
}

int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	struct pt_regs *childregs = task_pt_regs(p);
	struct inactive_task_frame *frame =
		(struct inactive_task_frame *)childregs - 1;

	memset(frame, 0, sizeof(*frame));
	frame->ret_addr = (unsigned long)ret_from_fork_asm;
	p->thread.sp = (unsigned long)frame;
	p->thread.fsbase = current->thread.fsbase;
	p->thread.gsbase = current->thread.gsbase;
	fpu_copy_to(p);
	if (args->fn) {
		memset(childregs, 0, sizeof(*childregs));
		frame->bx = (unsigned long)args->fn;
		frame->r12 = (unsigned long)args->fn_arg;
		return 0;
	}
	*childregs = *current_pt_regs();
	childregs->ax = 0;		/* the child's fork() returns 0 */
	if (args->stack)
		childregs->sp = args->stack;
	if (args->flags & CLONE_SETTLS) {
		if (args->tls >= TASK_SIZE_MAX)
			return -EPERM;
		p->thread.fsbase = args->tls;
	}
	return 0;
}

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	regs->orig_ax = -1;
	regs->vector = -1;
	current->thread.fsbase = 0;
	current->thread.gsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	fpu_reset_current();
}

SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	unsigned long __user *uaddr = (unsigned long __user *)arg2;

	switch (option) {
	case ARCH_SET_FS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		current->thread.fsbase = arg2;
		wrmsr(MSR_FS_BASE, arg2);
		return 0;
	case ARCH_SET_GS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		current->thread.gsbase = arg2;
		wrmsr(MSR_KERNEL_GS_BASE, arg2);
		return 0;
	case ARCH_GET_FS:
		return put_user(current->thread.fsbase, uaddr);
	case ARCH_GET_GS:
		return put_user(current->thread.gsbase, uaddr);
	default:
		return -EINVAL;
	}
}
