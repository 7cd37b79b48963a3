/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The task switch (arch/x86/entry/entry_64.S, arch/x86/kernel/process_64.c).
 * switch_to(prev, next) leaves prev on the CPU's stack pointer of
 * prev->thread.sp and continues next where it left off; it returns, in
 * next, the task that ran before next, which is not always prev: prev
 * may itself only run again much later.
 */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

struct task_struct;
struct pt_regs;

/*
 * What a switched-out task's stack holds at thread.sp: the callee-saved
 * registers __switch_to_asm() pushed and where it returns to.
 */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
};

struct task_struct *__switch_to_asm(struct task_struct *prev,
				    struct task_struct *next,
				    unsigned long *prev_sp,
				    unsigned long next_sp);
struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next);
void ret_from_fork_asm(void);
void ret_from_fork(struct task_struct *prev, struct pt_regs *regs,
		   int (*fn)(void *), void *fn_arg);

#define switch_to(prev, next)						\
	__switch_to_asm((prev), (next), &(prev)->thread.sp, (next)->thread.sp)

#endif /* _ASM_X86_SWITCH_TO_H */
