// SPDX-License-Identifier: GPL-2.0
/*
 * Address-space lifetime, as in Linux's kernel/fork.c: mm_alloc(),
 * mmput() and __mmdrop(), and the VMAs of user address spaces.  Keel has
 * no fork() yet; the processes work will build on these and on
 * dup_mmap() and exit_mmap() (mm/mmap.c).
 */
#include <keel/bug.h>
#include <keel/mm.h>
#include <keel/mmap_lock.h>
#include <keel/sched/mm.h>
#include <keel/slab.h>
#include <asm/pgtable.h>

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->mm_rb = (struct vma_tree)VMA_TREE_INIT;
	mmap_init_lock(mm);
	spin_lock_init(&mm->page_table_lock);
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	mm->mmap_base = MMAP_BASE;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	return mm;
}

void __mmdrop(struct mm_struct *mm)
{
	if (WARN_ON(mm == &init_mm))
		return;
	pgd_free(mm, mm->pgd);
	kfree(mm);
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma), GFP_KERNEL);

	if (vma)
		vma->vm_mm = mm;
	return vma;
}

void vm_area_free(struct vm_area_struct *vma)
{
	kfree(vma);
}

void mmput(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_users)) {
		exit_mmap(mm);
		mmdrop(mm);
	}
}
