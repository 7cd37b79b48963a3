// SPDX-License-Identifier: GPL-2.0
/*
 * madvise(): advice Keel acts on (MADV_DONTNEED and MADV_FREE drop the
 * pages, so private anonymous memory reads zeros again; MADV_DONTFORK,
 * MADV_WIPEONFORK, MADV_DONTDUMP and their undoing set area flags;
 * MADV_POPULATE_* fault pages in) and advice it accepts and has no use
 * for (access patterns, WILLNEED, COLD, PAGEOUT).  Advice Linux only
 * knows with options Keel lacks (THP, KSM, memory failure) is EINVAL,
 * as on such a Linux.  Linux's checks and errors.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/mm.h>
#include <keel/mman.h>
#include <keel/mmap_lock.h>
#include <keel/sched.h>
#include <keel/syscalls.h>
#include <asm/ptrace.h>

#include "internal.h"

#define MADV_DONTNEED_LOCKED	24

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
	case MADV_FREE:
	case MADV_REMOVE:
	case MADV_DONTFORK:
	case MADV_DOFORK:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
	case MADV_WIPEONFORK:
	case MADV_KEEPONFORK:
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return true;
	default:
		return false;
	}
}

/* The vm_flags @behavior gives @vma, or -EINVAL (as a negative long). */
static long madvise_new_flags(struct vm_area_struct *vma, int behavior)
{
	unsigned long flags = vma->vm_flags;

	switch (behavior) {
	case MADV_NORMAL:
		return flags & ~(VM_RAND_READ | VM_SEQ_READ);
	case MADV_SEQUENTIAL:
		return (flags & ~VM_RAND_READ) | VM_SEQ_READ;
	case MADV_RANDOM:
		return (flags & ~VM_SEQ_READ) | VM_RAND_READ;
	case MADV_DONTFORK:
		return flags | VM_DONTCOPY;
	case MADV_DOFORK:
		return flags & ~VM_DONTCOPY;
	case MADV_WIPEONFORK:
		if (vma->vm_file || vma->vm_ops || (flags & VM_SHARED))
			return -EINVAL;
		return flags | VM_WIPEONFORK;
	case MADV_KEEPONFORK:
		return flags & ~VM_WIPEONFORK;
	case MADV_DONTDUMP:
		return flags | VM_DONTDUMP;
	default:	/* MADV_DODUMP */
		return flags & ~VM_DONTDUMP;
	}
}

/* Fault every page of [start, end) in, as a read or a write. */
static int madvise_populate(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, bool write)
{
	unsigned long addr;

	if (!(vma->vm_flags & (write ? VM_WRITE : VM_READ)))
		return -EFAULT;
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		vm_fault_t fault = handle_mm_fault(vma, addr,
					write ? FAULT_FLAG_WRITE : 0);

		if (fault & VM_FAULT_OOM)
			return -ENOMEM;
		if (fault)
			return -EFAULT;
	}
	return 0;
}

/* Apply *@arg, the advice, to [start, end), which @vma covers. */
static int madvise_vma(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, void *arg)
{
	int behavior = *(int *)arg;
	long newflags;

	switch (behavior) {
	case MADV_WILLNEED:
		return 0;
	case MADV_COLD:
	case MADV_PAGEOUT:
		return vma->vm_flags & VM_LOCKED ? -EINVAL : 0;
	case MADV_FREE:
		if (vma->vm_ops)
			return -EINVAL;
		fallthrough;
	case MADV_DONTNEED:
		if (vma->vm_flags & VM_LOCKED)
			return -EINVAL;
		fallthrough;
	case MADV_DONTNEED_LOCKED:
		zap_page_range(vma->vm_mm, start, end);
		return 0;
	case MADV_REMOVE:
		if (vma->vm_flags & VM_LOCKED)
			return -EINVAL;
		if (!vma->vm_ops)
			return -EINVAL;
		if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) !=
		    (VM_SHARED | VM_WRITE))
			return -EACCES;
		return -EOPNOTSUPP;	/* no hole punching (ramfs has none) */
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return madvise_populate(vma, start, end,
					behavior == MADV_POPULATE_WRITE);
	}
	newflags = madvise_new_flags(vma, behavior);
	if (newflags < 0)
		return newflags;
	if ((unsigned long)newflags == vma->vm_flags)
		return 0;
	vma = vma_cut(vma, start, end);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	vma_set_flags(vma, newflags);
	vma_merge_neighbours(vma);
	return 0;
}

static int do_madvise(unsigned long start, size_t len_in, int behavior)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, len;
	int err;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (offset_in_page(start))
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;

	mmap_write_lock(mm);
	err = walk_vma_range(mm, start, end, madvise_vma, &behavior);
	mmap_write_unlock(mm);
	return err;
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	return do_madvise(start, len_in, behavior);
}
