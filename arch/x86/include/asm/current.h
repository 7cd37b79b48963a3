/* SPDX-License-Identifier: GPL-2.0 */
/*
 * current: the task this CPU runs, read from the per-CPU area in one
 * instruction.
 */
#ifndef _ASM_X86_CURRENT_H
#define _ASM_X86_CURRENT_H

#include <asm/percpu.h>

static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read_stable(current_task);
}

#define current get_current()

#endif /* _ASM_X86_CURRENT_H */
