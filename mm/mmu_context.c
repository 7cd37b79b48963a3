// SPDX-License-Identifier: GPL-2.0
/*
 * A kernel thread borrowing a user address space (Linux's
 * kthread_use_mm()): copy_to_user() and friends, and the page faults
 * they take, then act on that address space.  Unlike Linux, which keeps
 * the borrowed tables loaded lazily, kthread_unuse_mm() loads init_mm's
 * again at once, so the address space can go as soon as its users do.
 */
#include <keel/bug.h>
#include <keel/mm.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>

void kthread_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *prev = tsk->active_mm;
	unsigned long flags;

	WARN_ON(tsk->mm);
	mmgrab(mm);
	local_irq_save(flags);
	tsk->active_mm = mm;
	tsk->mm = mm;
	switch_mm(prev, mm, tsk);
	local_irq_restore(flags);
}

void kthread_unuse_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	WARN_ON(tsk->mm != mm);
	local_irq_save(flags);
	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	switch_mm(mm, &init_mm, tsk);
	local_irq_restore(flags);
	mmdrop(mm);
}
