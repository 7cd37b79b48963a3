/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An mm_struct's two reference counts, as in Linux's <linux/sched/mm.h>:
 *
 *   mmget()/mmput()    mm_users: keep the address space (its mappings)
 *                      alive.  The last mmput() unmaps everything
 *                      (exit_mmap()) and drops the users' mm_count.
 *   mmgrab()/mmdrop()  mm_count: keep the struct and its page-table root
 *                      alive (a lazy-TLB kernel thread's active_mm).  The
 *                      last mmdrop() frees them.
 *
 * init_mm's counts never reach zero.
 */
#ifndef _KEEL_SCHED_MM_H
#define _KEEL_SCHED_MM_H

#include <keel/atomic.h>
#include <keel/mm_types.h>

/* A new, empty address space (users 1, count 1), or NULL. */
struct mm_struct *mm_alloc(void);

/* Free the struct and its page-table root; only mmdrop() calls it. */
void __mmdrop(struct mm_struct *mm);

static inline void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}

static inline void mmdrop(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_count))
		__mmdrop(mm);
}

static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

/* mmget() unless the last user has gone (exit_mmap() may be running). */
static inline bool mmget_not_zero(struct mm_struct *mm)
{
	int users = atomic_read(&mm->mm_users);

	do {
		if (!users)
			return false;
	} while (!atomic_try_cmpxchg(&mm->mm_users, &users, users + 1));
	return true;
}

void mmput(struct mm_struct *mm);

struct file;
/*
 * Make @file (a new reference is taken; may be NULL) @mm's exe_file,
 * dropping the old one: exec calls it before it installs @mm.
 */
void set_mm_exe_file(struct mm_struct *mm, struct file *file);

struct task_struct;
/*
 * @tsk lets go of @mm (exit or exec): wake a vfork() parent and clear
 * the CLONE_CHILD_CLEARTID word, waking its futex.
 */
void mm_release(struct task_struct *tsk, struct mm_struct *mm);

/*
 * VMAs of a user address space: allocated here so that exit_mmap() can
 * free whatever is left in the tree.  vm_area_alloc() returns a zeroed
 * VMA with vm_mm set, or NULL.
 */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
void vm_area_free(struct vm_area_struct *vma);

/* Unmap and free every VMA of @mm; the last mmput() calls it. */
void exit_mmap(struct mm_struct *mm);

#endif /* _KEEL_SCHED_MM_H */
