// SPDX-License-Identifier: GPL-2.0
/*
 * Address-space lifetime, as in Linux's kernel/fork.c: mm_alloc(),
 * mmput() and __mmdrop(), and the VMAs of user address spaces.  Keel has
 * no fork() yet; the processes work will build on these.
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

/*
 * Nobody else can reach the address space any more, but the lock is
 * taken anyway, as Linux does, so that the assertions in what it calls
 * hold.  The pages mapped belong to their owners; only the mappings and
 * the tables go.
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	mmap_write_lock(mm);
	while ((vma = vma_first(&mm->mm_rb))) {
		unmap_pages(mm, vma->vm_start, vma->vm_end - vma->vm_start);
		vma_remove(&mm->mm_rb, vma);
		mm->map_count--;
		vm_area_free(vma);
	}
	mm->total_vm = 0;
	mmap_write_unlock(mm);
}

void mmput(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_users)) {
		exit_mmap(mm);
		mmdrop(mm);
	}
}
