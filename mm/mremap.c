// SPDX-License-Identifier: GPL-2.0
/*
 * mremap(): shrink an area, grow it where it is when the room above is
 * free, or move it (MREMAP_MAYMOVE, MREMAP_FIXED, MREMAP_DONTUNMAP).  A
 * move carries the page-table entries over, so the pages move without
 * being copied.  Linux's checks and errors.
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

static unsigned long vma_offset_pgoff(struct vm_area_struct *vma,
				      unsigned long addr)
{
	return vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
}

/* The area [addr, addr + old_len) lies in, if it may become new_len. */
static struct vm_area_struct *vma_to_resize(struct mm_struct *mm,
					    unsigned long addr,
					    unsigned long old_len,
					    unsigned long new_len)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long pgoff;

	if (!vma || vma->vm_start > addr)
		return ERR_PTR(-EFAULT);
	/* Duplicating a mapping (old_len 0) only makes sense if shared. */
	if (!old_len && !(vma->vm_flags & (VM_SHARED | VM_MAYSHARE)))
		return ERR_PTR(-EINVAL);
	if (old_len > vma->vm_end - addr)
		return ERR_PTR(-EFAULT);
	if (new_len == old_len)
		return vma;
	pgoff = vma_offset_pgoff(vma, addr);
	if (pgoff + (new_len >> PAGE_SHIFT) < pgoff)
		return ERR_PTR(-EINVAL);
	if (vma->vm_flags & VM_DONTEXPAND)
		return ERR_PTR(-EFAULT);
	return vma;
}

/* May @vma grow by @delta where it is? */
static bool vma_expandable(struct vm_area_struct *vma, unsigned long delta)
{
	unsigned long end = vma->vm_end + delta;

	if (end < vma->vm_end || end > TASK_SIZE)
		return false;
	return !find_vma_intersection(vma->vm_mm, vma->vm_end, end);
}

/*
 * A new area at @new_addr for [old_addr, old_addr + old_len) of @vma,
 * new_len long, with the pages moved into it; the old range is unmapped
 * unless MREMAP_DONTUNMAP (then it stays, empty).
 */
static unsigned long move_vma(struct vm_area_struct *vma,
			      unsigned long old_addr, unsigned long old_len,
			      unsigned long new_len, unsigned long new_addr,
			      unsigned long flags)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long len = min(old_len, new_len);
	struct vm_area_struct *new;
	int err;

	if (mm->map_count >= DEFAULT_MAX_MAP_COUNT - 3)
		return -ENOMEM;
	new = vm_area_dup(vma, mm);
	if (!new)
		return -ENOMEM;
	new->vm_start = new_addr;
	new->vm_end = new_addr + new_len;
	new->vm_pgoff = vma_offset_pgoff(vma, old_addr);
	link_vma(mm, new);
	vm_stat_account(mm, new->vm_flags, new_len >> PAGE_SHIFT);
	err = move_page_tables(mm, old_addr, new_addr, len);
	if (err) {
		/* Back where they were: those tables are all still there. */
		move_page_tables(mm, new_addr, old_addr, len);
		do_munmap(mm, new_addr, new_len);
		return err;
	}
	if (!(flags & MREMAP_DONTUNMAP) && old_len)
		do_munmap(mm, old_addr, old_len);
	return new_addr;
}

/* MREMAP_FIXED or MREMAP_DONTUNMAP: to new_addr, or to anywhere. */
static unsigned long mremap_to(struct mm_struct *mm, unsigned long addr,
			       unsigned long old_len, unsigned long new_addr,
			       unsigned long new_len, unsigned long flags)
{
	struct vm_area_struct *vma;
	unsigned long map_flags = 0, ret;

	if (flags & MREMAP_FIXED) {
		if (offset_in_page(new_addr))
			return -EINVAL;
		if (new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
			return -EINVAL;
		if (addr + old_len > new_addr && new_addr + new_len > addr)
			return -EINVAL;
		ret = do_munmap(mm, new_addr, new_len);
		if (ret)
			return ret;
		map_flags |= MAP_FIXED;
	}
	if (old_len > new_len) {
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		if (ret)
			return ret;
		old_len = new_len;
	}
	vma = vma_to_resize(mm, addr, old_len, new_len);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	ret = get_unmapped_area(mm, vma->vm_file, new_addr, new_len,
				vma_offset_pgoff(vma, addr), map_flags);
	if (IS_ERR_VALUE(ret))
		return ret;
	return move_vma(vma, addr, old_len, new_len, ret, flags);
}

static unsigned long do_mremap(unsigned long addr, unsigned long old_len,
			       unsigned long new_len, unsigned long flags,
			       unsigned long new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long ret, delta;

	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if ((flags & MREMAP_DONTUNMAP) &&
	    (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (offset_in_page(addr))
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len)
		return -EINVAL;

	mmap_write_lock(mm);
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		ret = mremap_to(mm, addr, old_len, new_addr, new_len, flags);
		goto out;
	}
	if (old_len >= new_len) {
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		if (!ret || old_len == new_len)
			ret = addr;
		goto out;
	}
	vma = vma_to_resize(mm, addr, old_len, new_len);
	if (IS_ERR(vma)) {
		ret = PTR_ERR(vma);
		goto out;
	}
	delta = new_len - old_len;
	if (old_len == vma->vm_end - addr && vma_expandable(vma, delta)) {
		vma->vm_end += delta;
		vm_stat_account(mm, vma->vm_flags, delta >> PAGE_SHIFT);
		ret = addr;
		goto out;
	}
	ret = -ENOMEM;
	if (flags & MREMAP_MAYMOVE) {
		ret = get_unmapped_area(mm, vma->vm_file, 0, new_len,
					vma_offset_pgoff(vma, addr),
					vma->vm_flags & VM_MAYSHARE ?
					MAP_SHARED : 0);
		if (!IS_ERR_VALUE(ret))
			ret = move_vma(vma, addr, old_len, new_len, ret, flags);
	}
out:
	mmap_write_unlock(mm);
	return ret;
}

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len,
		unsigned long, new_len, unsigned long, flags,
		unsigned long, new_addr)
{
	return do_mremap(addr, old_len, new_len, flags, new_addr);
}
