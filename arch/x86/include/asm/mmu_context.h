/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading an address space on this CPU.  Every page-table root shares
 * the kernel half (pgd_alloc() copies it and pgd_list keeps it in step),
 * so switching is one CR3 write, which also flushes the user half's TLB
 * entries (Keel sets no global bit on user pages and uses no PCIDs).
 */
#ifndef _ASM_X86_MMU_CONTEXT_H
#define _ASM_X86_MMU_CONTEXT_H

#include <keel/mm_types.h>
#include <asm/page.h>
#include <asm/processor.h>

struct task_struct;

static inline void load_mm_cr3(struct mm_struct *mm)
{
	write_cr3(__pa(mm->pgd));
}

/* Make @next the address space of this CPU, for @tsk, on a task switch. */
static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next,
			     struct task_struct *tsk)
{
	if (prev != next)
		load_mm_cr3(next);
}

#endif /* _ASM_X86_MMU_CONTEXT_H */
