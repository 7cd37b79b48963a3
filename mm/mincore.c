// SPDX-License-Identifier: GPL-2.0
/*
 * mincore(): one byte per page, 1 if the page is in memory.  A page is
 * when an entry maps it, and for a file or shared anonymous mapping also
 * when it is in the cache without being mapped here (Keel has no swap:
 * a private anonymous page not mapped does not exist).  The answer is
 * built a page of bytes at a time under mmap_lock and copied out after
 * dropping it, since the copy may fault.
 */
#include <keel/errno.h>
#include <keel/gfp.h>
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/mmap_lock.h>
#include <keel/sched.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <asm/ptrace.h>

#include "internal.h"

static unsigned char page_in_cache(struct vm_area_struct *vma,
				   unsigned long addr)
{
	struct vm_fault vmf = {
		.vma = vma, .address = addr, .flags = FAULT_FLAG_NOALLOC,
		.pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT),
	};

	if (!vma->vm_ops || vma->vm_ops->fault(&vmf) || !vmf.page)
		return 0;
	put_page(vmf.page);
	return 1;
}

/* Fill @vec for up to @pages pages from @addr: how many, or -ENOMEM. */
static long do_mincore(struct mm_struct *mm, unsigned long addr,
		       unsigned long pages, unsigned char *vec)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long end, i;

	if (!vma || vma->vm_start > addr)
		return -ENOMEM;
	end = min(vma->vm_end, addr + (pages << PAGE_SHIFT));
	for (i = 0; addr < end; addr += PAGE_SIZE, i++)
		vec[i] = follow_page(mm, addr) ? 1 : page_in_cache(vma, addr);
	return i;
}

static long ksys_mincore(unsigned long start, size_t len,
			 unsigned char __user *vec)
{
	struct mm_struct *mm = current->mm;
	unsigned long pages;
	unsigned char *tmp;
	long ret = 0;

	if (offset_in_page(start))
		return -EINVAL;
	if (!access_ok((void __user *)start, len))
		return -ENOMEM;
	pages = (len >> PAGE_SHIFT) + (offset_in_page(len) != 0);
	if (!access_ok(vec, pages))
		return -EFAULT;
	tmp = (unsigned char *)__get_free_page(GFP_KERNEL);
	if (!tmp)
		return -EAGAIN;
	while (pages) {
		mmap_read_lock(mm);
		ret = do_mincore(mm, start, min(pages, PAGE_SIZE), tmp);
		mmap_read_unlock(mm);
		if (ret <= 0)
			break;
		if (copy_to_user(vec, tmp, ret)) {
			ret = -EFAULT;
			break;
		}
		pages -= ret;
		vec += ret;
		start += ret << PAGE_SHIFT;
		ret = 0;
	}
	free_page((unsigned long)tmp);
	return ret;
}

SYSCALL_DEFINE3(mincore, unsigned long, start, size_t, len,
		unsigned char __user *, vec)
{
	return ksys_mincore(start, len, vec);
}
