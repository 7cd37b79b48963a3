// SPDX-License-Identifier: GPL-2.0
/*
 * msync(): Keel's file mappings are the page cache itself, and its file
 * systems keep everything in memory (none has an ->fsync to call), so
 * there is nothing to write back; what remains is Linux's argument
 * checking, the EBUSY of MS_INVALIDATE on locked pages and ENOMEM for
 * unmapped parts.
 */
#include <keel/errno.h>
#include <keel/mm.h>
#include <keel/mman.h>
#include <keel/mmap_lock.h>
#include <keel/sched.h>
#include <keel/syscalls.h>
#include <asm/ptrace.h>

#include "internal.h"

static int msync_vma(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end, void *arg)
{
	int flags = *(int *)arg;

	if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED))
		return -EBUSY;
	return 0;
}

static long do_msync(unsigned long start, size_t len, int flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	long err;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (offset_in_page(start))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	mmap_read_lock(mm);
	err = walk_vma_range(mm, start, end, msync_vma, &flags);
	mmap_read_unlock(mm);
	return err;
}

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	return do_msync(start, len, flags);
}
