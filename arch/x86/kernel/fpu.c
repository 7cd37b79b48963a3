// SPDX-License-Identifier: GPL-2.0
/*
 * User tasks' x87/SSE state (<asm/fpu.h>).  fpu_owner is the user task
 * whose registers the CPU holds: switching back to it from a kernel
 * thread needs no reload.  It is cleared whenever the registers stop
 * matching a task's saved copy other than through the switch.
 */
#include <keel/init.h>
#include <keel/sched.h>
#include <keel/string.h>
#include <asm/fpu.h>

static struct fxregs_state init_fpstate;
static struct task_struct *fpu_owner;

static bool is_user_task(const struct task_struct *p)
{
	return !(p->flags & PF_KTHREAD);
}

void fpu_init_state(void)
{
	u32 mxcsr = 0x1f80;	/* all SSE exceptions masked, round to nearest */

	__asm__ __volatile__("fninit; ldmxcsr %0" : : "m"(mxcsr));
	fxsave(&init_fpstate);
}

void fpu_save_current(void)
{
	fxsave(&current->thread.fpu);
}

void fpu_restore_current(void)
{
	fxrstor(&current->thread.fpu);
	fpu_owner = current;
}

void fpu_reset_current(void)
{
	current->thread.fpu = init_fpstate;
	fpu_restore_current();
}

void fpu_copy_to(struct task_struct *child)
{
	if (is_user_task(current))
		fxsave(&child->thread.fpu);
	else
		child->thread.fpu = init_fpstate;
}

void fpu_switch(struct task_struct *prev, struct task_struct *next)
{
	if (is_user_task(prev)) {
		fxsave(&prev->thread.fpu);
		fpu_owner = prev;
	}
	if (is_user_task(next) && fpu_owner != next) {
		fxrstor(&next->thread.fpu);
		fpu_owner = next;
	}
}

void fpu_forget(struct task_struct *tsk)
{
	if (fpu_owner == tsk)
		fpu_owner = NULL;
}
