// SPDX-License-Identifier: GPL-2.0
/*
 * The C side of kernel entry and exit (entry_64.S): running a system
 * call, and the work due before any return to user mode, taken with
 * interrupts on and checked again with them off until none is left, so
 * that nothing set by an interrupt in between is missed: a reschedule
 * the tick or a wake-up asked for, and pending signals.
 */
#include <keel/errno.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/syscalls.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/uaccess.h>
#include <asm/syscall.h>

static void exit_to_user_mode_loop(struct pt_regs *regs)
{
	unsigned long work;

	while ((work = READ_ONCE(current->thread_flags) & EXIT_TO_USER_WORK)) {
		local_irq_enable();
		if (work & _TIF_NEED_RESCHED)
			schedule();
		if (work & _TIF_SIGPENDING)
			arch_do_signal(regs);
		local_irq_disable();
	}
}

/* Called with interrupts off; returns with them off. */
void exit_to_user_mode(struct pt_regs *regs)
{
	if (unlikely(READ_ONCE(current->thread_flags) & EXIT_TO_USER_WORK))
		exit_to_user_mode_loop(regs);
}

/*
 * SYSRET restores RIP from RCX and RFLAGS from R11 and cannot return to a
 * non-canonical address (the CPU would fault in kernel mode on the user
 * stack) nor restore RF or TF faithfully, so anything else uses IRET:
 * a frame changed by exec, a signal or sigreturn.
 */
static bool sysret_allowed(const struct pt_regs *regs)
{
	return regs->cs == __USER_CS && regs->ss == __USER_DS &&
	       regs->ip < TASK_SIZE_MAX && regs->cx == regs->ip &&
	       regs->r11 == regs->flags &&
	       !(regs->flags & (X86_EFLAGS_RF | X86_EFLAGS_TF));
}

bool do_syscall_64(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;

	local_irq_enable();
	if (likely(nr < NR_syscalls))
		regs->ax = sys_call_table[nr](regs);
	local_irq_disable();
	exit_to_user_mode(regs);
	/* What SYSRET will load, so sysret_allowed() compares like with like. */
	return sysret_allowed(regs);
}

/*
 * The kernel is not preemptible: an interrupt returns to the kernel code
 * it interrupted, which reschedules at its next scheduling point.
 */
void irqentry_exit(struct pt_regs *regs)
{
	if (user_mode(regs))
		exit_to_user_mode(regs);
}
