// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect(): change the access of the areas covering a range, cutting
 * those that straddle its ends, and re-protect the pages already mapped
 * (private writable ones stay read-only: their next write decides
 * between reuse and copy, mm/memory.c).  Linux's checks and errors.
 */
#include <keel/errno.h>
#include <keel/err.h>
#include <keel/mm.h>
#include <keel/mman.h>
#include <keel/mmap_lock.h>
#include <keel/sched.h>
#include <keel/syscalls.h>
#include <asm/ptrace.h>

#include "internal.h"

/* Give [start, end) of @vma (which covers it) @newflags. */
static int mprotect_fixup(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end, unsigned long newflags)
{
	if (newflags == vma->vm_flags)
		return 0;
	vma = vma_cut(vma, start, end);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	vma_set_flags(vma, newflags);
	vma->vm_page_prot = vm_get_page_prot(newflags);
	change_protection(vma, start, end);
	vma_merge_neighbours(vma);
	return 0;
}

static long do_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	unsigned long end, nstart, newflags;
	struct vm_area_struct *vma;
	long err;

	prot &= ~grows;
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (offset_in_page(start))
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;

	mmap_write_lock(mm);
	err = -ENOMEM;
	vma = find_vma(mm, start);
	if (!vma)
		goto out;
	if (grows & PROT_GROWSDOWN) {
		if (vma->vm_start >= end)
			goto out;
		start = vma->vm_start;
		err = -EINVAL;
		if (!(vma->vm_flags & VM_GROWSDOWN))
			goto out;
	} else if (grows & PROT_GROWSUP) {
		err = -EINVAL;		/* x86 has no VM_GROWSUP areas */
		goto out;
	} else if (vma->vm_start > start) {
		goto out;
	}
	for (nstart = start; ; ) {
		unsigned long tmp = min(vma->vm_end, end);

		newflags = calc_vm_prot_bits(prot) |
			   (vma->vm_flags & ~VM_ACCESS_FLAGS);
		/* VM_MAYx is VM_x << 4: nothing beyond what the file allows. */
		if ((newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS) {
			err = -EACCES;
			break;
		}
		err = mprotect_fixup(vma, nstart, tmp, newflags);
		if (err)
			break;
		nstart = tmp;
		if (nstart >= end)
			break;
		/* What follows may have merged into what came before. */
		vma = find_vma(mm, nstart);
		if (!vma || vma->vm_start > nstart) {
			err = -ENOMEM;
			break;
		}
	}
out:
	mmap_write_unlock(mm);
	return err;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len,
		unsigned long, prot)
{
	return do_mprotect(start, len, prot);
}
