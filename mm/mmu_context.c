// SPDX-License-Identifier: GPL-2.0
/*
 * A kernel thread borrowing a user address space (Linux's
 * kthread_use_mm()): copy_to_user() and friends, and the page faults
 * they take, then act on that address space.  References follow the
 * scheduler's rule: a kernel thread holds one on its active_mm.  Unlike
 * Linux, which keeps the borrowed tables loaded lazily after
 * kthread_unuse_mm(), Keel loads init_mm's again at once, so the address
 * space can go as soon as its users do.
 */
#include <keel/bug.h>
#include <keel/mm.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>

/* Make @next the current kernel thread's active_mm, and @mm its mm. */
static void kthread_switch_mm(struct mm_struct *mm, struct mm_struct *next)
{
	struct task_struct *tsk = current;
	struct mm_struct *prev = tsk->active_mm;
	unsigned long flags;

	mmgrab(next);
	local_irq_save(flags);
	tsk->mm = mm;
	tsk->active_mm = next;
	switch_mm(prev, next, tsk);
	local_irq_restore(flags);
	mmdrop(prev);
}

void kthread_use_mm(struct mm_struct *mm)
{
	WARN_ON(current->mm);
	kthread_switch_mm(mm, mm);
}

void kthread_unuse_mm(struct mm_struct *mm)
{
	WARN_ON(current->mm != mm);
	kthread_switch_mm(NULL, &init_mm);
}
