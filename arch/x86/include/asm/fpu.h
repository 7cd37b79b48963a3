/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x87/SSE registers of user tasks, switched eagerly: a user task's
 * registers are saved when it is switched out and loaded when it is
 * switched in, unless the CPU still holds them (no other user task ran
 * in between; the kernel itself never uses them, being built without
 * SSE).  So while a task is in the kernel, its FPU state is live in the
 * registers, and code that reads or writes thread.fpu of current (signal
 * frames, exec) saves or loads it around that.
 */
#ifndef _ASM_X86_FPU_H
#define _ASM_X86_FPU_H

#include <asm/processor.h>

struct task_struct;

static inline void fxsave(struct fxregs_state *fx)
{
	__asm__ __volatile__("fxsave64 %0" : "=m"(*fx));
}

static inline void fxrstor(const struct fxregs_state *fx)
{
	__asm__ __volatile__("fxrstor64 %0" : : "m"(*fx));
}

/* Record the power-on state (FNINIT, default MXCSR) that exec gives. */
void fpu_init_state(void);

/* current's live registers into current->thread.fpu, and back. */
void fpu_save_current(void);
void fpu_restore_current(void);

/* Give current the power-on FPU state (exec). */
void fpu_reset_current(void);

/* Copy the parent's live state into the child's thread.fpu (fork). */
void fpu_copy_to(struct task_struct *child);

/* The switch: save prev's registers, load next's. */
void fpu_switch(struct task_struct *prev, struct task_struct *next);

/* @tsk is being freed: the CPU's registers belong to nobody now. */
void fpu_forget(struct task_struct *tsk);

#endif /* _ASM_X86_FPU_H */
