// SPDX-License-Identifier: GPL-2.0
/*
 * The areas of user address spaces, as Linux's mm/mmap.c: mmap(),
 * munmap() and brk(), their kernel forms for exec (vm_mmap(),
 * vm_munmap(), vm_brk_flags()), splitting areas, finding room for new
 * ones, growing stacks, and copying (dup_mmap(), fork) and tearing down
 * (exit_mmap()) a whole address space.  Pages come later, from faults
 * (mm/memory.c).
 *
 * Layout: top-down, as Linux's default.  mmap() without a usable hint
 * takes the highest free range below mm->mmap_base (MMAP_BASE, 128 MiB
 * under the stack top), then anywhere; brk grows up from start_brk.
 *
 * Locks: mmap_lock, held for writing by every change to the tree or to
 * an area; the page-table walks under it are mm/memory.c's.
 */
#include <keel/bug.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/mman.h>
#include <keel/mmap_lock.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <keel/syscalls.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>

#include "internal.h"

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	return vma_find_above(&mm->mm_rb, addr);
}

struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end ? vma : NULL;
}

/* Linux's vm_stat_account(): which counters an area's pages go to. */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if ((flags & (VM_EXEC | VM_WRITE | VM_GROWSDOWN)) == VM_EXEC)
		mm->exec_vm += npages;
	else if (flags & VM_GROWSDOWN)
		mm->stack_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		mm->data_vm += npages;
}

static long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* Where a new area must end: below a stack's guard gap. */
static unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;

	if (!(vma->vm_flags & VM_GROWSDOWN))
		return start;
	return start > STACK_GUARD_GAP ? start - STACK_GUARD_GAP : 0;
}

/* A new VMA like @vma, holding its own references (split, fork). */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *vma,
				   struct mm_struct *mm)
{
	struct vm_area_struct *new = vm_area_alloc(mm);

	if (!new)
		return NULL;
	*new = *vma;
	new->vm_mm = mm;
	RB_CLEAR_NODE(&new->vm_rb);
	if (new->vm_file)
		get_file(new->vm_file);
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);
	return new;
}

/* Drop what a VMA out of the tree holds, and free it. */
static void remove_vma(struct vm_area_struct *vma)
{
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	vm_area_free(vma);
}

void link_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	WARN_ON(vma_insert(&mm->mm_rb, vma));
	mm->map_count++;
}

/*
 * Cut @vma at @addr (page-aligned, inside it): @vma keeps the part below,
 * the new VMA returned holds the part above.  ERR_PTR(-ENOMEM).
 */
struct vm_area_struct *split_vma(struct vm_area_struct *vma,
				 unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *new;

	if (mm->map_count >= DEFAULT_MAX_MAP_COUNT)
		return ERR_PTR(-ENOMEM);
	new = vm_area_dup(vma, mm);
	if (!new)
		return ERR_PTR(-ENOMEM);
	new->vm_start = addr;
	new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;
	link_vma(mm, new);
	return new;
}

struct vm_area_struct *vma_cut(struct vm_area_struct *vma, unsigned long start,
			       unsigned long end)
{
	struct vm_area_struct *tail;

	if (vma->vm_start < start) {
		vma = split_vma(vma, start);
		if (IS_ERR(vma))
			return vma;
	}
	if (vma->vm_end > end) {
		tail = split_vma(vma, end);
		if (IS_ERR(tail))
			return tail;
	}
	return vma;
}

void vma_set_flags(struct vm_area_struct *vma, unsigned long newflags)
{
	vm_stat_account(vma->vm_mm, vma->vm_flags, -vma_pages(vma));
	vm_stat_account(vma->vm_mm, newflags, vma_pages(vma));
	vma->vm_flags = newflags;
}

int walk_vma_range(struct mm_struct *mm, unsigned long start,
		   unsigned long end,
		   int (*fn)(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end, void *arg), void *arg)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	int unmapped_error = 0, err;
	unsigned long next;

	for (;;) {
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		next = min(vma->vm_end, end);
		err = fn(vma, start, next, arg);
		if (err)
			return err;
		start = next;
		if (start >= end)
			break;
		vma = find_vma(mm, start);
	}
	return unmapped_error;
}

/*
 * May @a, right below @b, and @b be one area?  The same flags, file and
 * page source, and for a file or object the pages in a row; private
 * anonymous memory has no offset that matters.
 */
static bool vmas_mergeable(const struct vm_area_struct *a,
			   const struct vm_area_struct *b)
{
	if (a->vm_end != b->vm_start || a->vm_flags != b->vm_flags ||
	    a->vm_file != b->vm_file || a->vm_ops != b->vm_ops ||
	    a->vm_private_data != b->vm_private_data)
		return false;
	return !a->vm_ops || a->vm_pgoff + vma_pages(a) == b->vm_pgoff;
}

/* Take @victim out of the tree and free it; its range is @into's now. */
static void absorb_vma(struct vm_area_struct *into,
		       struct vm_area_struct *victim)
{
	struct mm_struct *mm = victim->vm_mm;
	unsigned long end = max(into->vm_end, victim->vm_end);

	vma_remove(&mm->mm_rb, victim);
	mm->map_count--;
	into->vm_start = min(into->vm_start, victim->vm_start);
	into->vm_end = end;
	remove_vma(victim);
}

struct vm_area_struct *vma_merge_neighbours(struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma_prev(vma), *next = vma_next(vma);

	if (next && vmas_mergeable(vma, next))
		absorb_vma(vma, next);
	if (prev && vmas_mergeable(prev, vma)) {
		absorb_vma(prev, vma);
		vma = prev;
	}
	return vma;
}

/* Unmap an area cut to fit: its pages, tree entry and references. */
static void unmap_vma(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;

	zap_page_range(mm, vma->vm_start, vma->vm_end);
	vma_remove(&mm->mm_rb, vma);
	mm->map_count--;
	vm_stat_account(mm, vma->vm_flags, -vma_pages(vma));
	remove_vma(vma);
}

/*
 * munmap() on @mm: cut the areas straddling [start, start + len) and
 * unmap everything inside.  Holes are fine.
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *next, *tail;
	unsigned long end;

	if (offset_in_page(start) || start > TASK_SIZE ||
	    len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	end = start + len;
	vma = find_vma_intersection(mm, start, end);
	if (!vma)
		return 0;
	if (vma->vm_start < start) {
		/* Cutting inside one area leaves two: check before cutting. */
		if (vma->vm_end > end &&
		    mm->map_count + 1 >= DEFAULT_MAX_MAP_COUNT)
			return -ENOMEM;
		vma = split_vma(vma, start);
		if (IS_ERR(vma))
			return PTR_ERR(vma);
	}
	tail = find_vma_intersection(mm, end - 1, end);
	if (tail && tail->vm_end > end) {
		tail = split_vma(tail, end);
		if (IS_ERR(tail))
			return PTR_ERR(tail);
	}
	for (; vma && vma->vm_start < end; vma = next) {
		next = vma_next(vma);
		unmap_vma(vma);
	}
	return 0;
}

int vm_munmap(unsigned long start, size_t len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mmap_write_lock(mm);
	ret = do_munmap(mm, start, len);
	mmap_write_unlock(mm);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return vm_munmap(addr, len);
}

/* Is [addr, addr + len) free, and clear of a stack's guard gap? */
static bool range_is_free(struct mm_struct *mm, unsigned long addr,
			  unsigned long len)
{
	struct vm_area_struct *next = find_vma(mm, addr);

	return !next || addr + len <= vm_start_gap(next);
}

unsigned long get_unmapped_area(struct mm_struct *mm, struct file *file,
				unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags)
{
	unsigned long found;

	if (len > TASK_SIZE - MMAP_MIN_ADDR)
		return -ENOMEM;
	if (flags & MAP_FIXED) {
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
		if (offset_in_page(addr))
			return -EINVAL;
		/* Linux's security_mmap_addr(): never the lowest page. */
		return addr < MMAP_MIN_ADDR ? -EPERM : addr;
	}
	if (addr) {
		addr = PAGE_ALIGN(addr);
		if (addr >= MMAP_MIN_ADDR && addr <= TASK_SIZE - len &&
		    range_is_free(mm, addr, len))
			return addr;
	}
	/* Linux's x86_64 MAP_32BIT window: the second GiB. */
	if (flags & MAP_32BIT)
		return vma_get_unmapped_area(&mm->mm_rb, 0x40000000UL,
					     0x80000000UL, len, PAGE_SIZE);
	found = vma_get_unmapped_area_topdown(&mm->mm_rb, MMAP_MIN_ADDR,
					      mm->mmap_base, len, PAGE_SIZE);
	if (IS_ERR_VALUE(found))
		found = vma_get_unmapped_area_topdown(&mm->mm_rb,
						      MMAP_MIN_ADDR, TASK_SIZE,
						      len, PAGE_SIZE);
	return found;
}

/* The free range [addr, addr + len) becomes a new area, or extends one. */
static unsigned long mmap_region(struct mm_struct *mm, struct file *file,
				 unsigned long addr, unsigned long len,
				 unsigned long vm_flags, unsigned long pgoff)
{
	struct vm_area_struct *vma;
	int err;

	if (find_vma_intersection(mm, addr, addr + len)) {
		err = do_munmap(mm, addr, len);
		if (err)
			return err;
	}
	if (mm->map_count >= DEFAULT_MAX_MAP_COUNT)
		return -ENOMEM;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_pgoff = pgoff;
	if (file) {
		vma->vm_file = get_file(file);
		err = file->f_op->mmap(file, vma);
		if (err)
			goto free_vma;
	} else if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
		if (err)
			goto free_vma;
	}
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	link_vma(mm, vma);
	vm_stat_account(mm, vma->vm_flags, len >> PAGE_SHIFT);
	vma_merge_neighbours(vma);
	return addr;

free_vma:
	if (vma->vm_file)
		fput(vma->vm_file);
	vm_area_free(vma);
	return err;
}

/* Fault every page of [start, end) in, as a write where allowed. */
static void populate_range(struct mm_struct *mm, unsigned long start,
			   unsigned long end)
{
	struct vm_area_struct *vma;
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start > addr)
			continue;
		if (!(vma->vm_flags & VM_ACCESS_FLAGS))
			continue;
		if (handle_mm_fault(vma, addr, vma->vm_flags & VM_WRITE ?
				    FAULT_FLAG_WRITE : 0))
			break;
	}
}

/* The mmap() flags a MAP_SHARED_VALIDATE mapping may have. */
#define LEGACY_MAP_MASK	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | \
			 MAP_ANONYMOUS | MAP_DENYWRITE | MAP_EXECUTABLE | \
			 MAP_UNINITIALIZED | MAP_GROWSDOWN | MAP_LOCKED | \
			 MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | \
			 MAP_STACK | MAP_HUGETLB | MAP_32BIT | \
			 (0x3fUL << 26))

/* The file checks of Linux's do_mmap(); updates *@vm_flags. */
static int check_file_mapping(struct file *file, unsigned long prot,
			      unsigned long flags, unsigned long *vm_flags)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
		flags &= LEGACY_MAP_MASK;
		fallthrough;
	case MAP_SHARED_VALIDATE:
		if (flags & ~LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		*vm_flags |= VM_SHARED | VM_MAYSHARE;
		if (!(file->f_mode & FMODE_WRITE))
			*vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		fallthrough;
	case MAP_PRIVATE:
		if (!(file->f_mode & FMODE_READ))
			return -EACCES;
		if (!file->f_op->mmap)
			return -ENODEV;
		if (*vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		return 0;
	default:
		return -EINVAL;
	}
}

unsigned long do_mmap(struct mm_struct *mm, struct file *file,
		      unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags,
		      unsigned long pgoff)
{
	unsigned long vm_flags;
	int err;

	mmap_assert_locked(mm);
	if (!len)
		return -EINVAL;
	if (!(flags & MAP_FIXED)) {
		addr &= PAGE_MASK;
		if (addr && addr < MMAP_MIN_ADDR)
			addr = MMAP_MIN_ADDR;
	}
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (mm->map_count > DEFAULT_MAX_MAP_COUNT)
		return -ENOMEM;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	addr = get_unmapped_area(mm, file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) &&
	    find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;
	vm_flags = calc_vm_prot_bits(prot) | calc_vm_flag_bits(flags) |
		   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	if (file) {
		err = check_file_mapping(file, prot, flags, &vm_flags);
		if (err)
			return err;
	} else {
		/* MAP_SHARED_VALIDATE is for files only, as in Linux. */
		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
			if (vm_flags & VM_GROWSDOWN)
				return -EINVAL;
			pgoff = 0;
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			break;
		case MAP_PRIVATE:
			pgoff = addr >> PAGE_SHIFT;
			break;
		default:
			return -EINVAL;
		}
	}
	if (flags & MAP_NORESERVE)
		vm_flags |= VM_NORESERVE;
	addr = mmap_region(mm, file, addr, len, vm_flags, pgoff);
	if (!IS_ERR_VALUE(addr) && ((vm_flags & VM_LOCKED) ||
	    (flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE))
		populate_range(mm, addr, addr + len);
	return addr;
}

unsigned long vm_mmap(struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flag, unsigned long offset)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	if (offset + PAGE_ALIGN(len) < offset)
		return -EINVAL;
	if (offset_in_page(offset))
		return -EINVAL;
	mmap_write_lock(mm);
	ret = do_mmap(mm, file, addr, len, prot, flag, offset >> PAGE_SHIFT);
	mmap_write_unlock(mm);
	return ret;
}

static unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
				     unsigned long prot, unsigned long flags,
				     unsigned long fd, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct file *file = NULL;
	unsigned long ret;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
		if (flags & MAP_HUGETLB) {
			fput(file);
			return -EINVAL;
		}
	} else if (flags & MAP_HUGETLB) {
		return -ENOSYS;		/* no hugetlbfs */
	}
	mmap_write_lock(mm);
	ret = do_mmap(mm, file, addr, len, prot, flags, pgoff);
	mmap_write_unlock(mm);
	if (file)
		fput(file);
	return ret;
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len,
		unsigned long, prot, unsigned long, flags,
		unsigned long, fd, unsigned long, off)
{
	if (offset_in_page(off))
		return -EINVAL;
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, off >> PAGE_SHIFT);
}

/* An anonymous private area at [addr, addr + len), which is free. */
static int do_brk_flags(struct mm_struct *mm, unsigned long addr,
			unsigned long len, unsigned long flags)
{
	unsigned long vm_flags = VM_READ | VM_WRITE | VM_MAYREAD |
				 VM_MAYWRITE | VM_MAYEXEC | flags;
	unsigned long ret;

	ret = mmap_region(mm, NULL, addr, len, vm_flags, addr >> PAGE_SHIFT);
	return IS_ERR_VALUE(ret) ? (int)ret : 0;
}

int vm_brk_flags(unsigned long addr, unsigned long request,
		 unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long len = PAGE_ALIGN(request), ret;
	int err;

	if (len < request)
		return -ENOMEM;
	if (!len)
		return 0;
	if (flags & ~VM_EXEC)
		return -EINVAL;
	mmap_write_lock(mm);
	ret = get_unmapped_area(mm, NULL, addr, len, 0, MAP_FIXED);
	err = IS_ERR_VALUE(ret) ? (int)ret : 0;
	if (!err)
		err = do_munmap(mm, addr, len);
	if (!err)
		err = do_brk_flags(mm, addr, len, flags);
	mmap_write_unlock(mm);
	return err;
}

/*
 * Linux's brk(): move the break to @brk and return it; on any failure
 * (below start_brk, no room before the next area, no memory) return the
 * break as it was.
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk, ret;
	struct vm_area_struct *next;

	mmap_write_lock(mm);
	ret = mm->brk;
	if (brk < mm->start_brk || brk > TASK_SIZE)
		goto out;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk)
		goto set;
	if (brk <= mm->brk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			goto out;
		goto set;
	}
	/* Linux's check_brk_limits(): a place mmap(MAP_FIXED) could take. */
	if (IS_ERR_VALUE(get_unmapped_area(mm, NULL, oldbrk, newbrk - oldbrk,
					   0, MAP_FIXED)))
		goto out;
	next = find_vma(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
		goto out;
	if (do_brk_flags(mm, oldbrk, newbrk - oldbrk, 0))
		goto out;
set:
	mm->brk = brk;
	ret = brk;
out:
	mmap_write_unlock(mm);
	return ret;
}

int expand_stack_locked(struct vm_area_struct *vma, unsigned long address)
{
	struct vm_area_struct *prev;
	unsigned long grow;

	address &= PAGE_MASK;
	if (!(vma->vm_flags & VM_GROWSDOWN))
		return -EFAULT;
	if (address >= vma->vm_start)
		return 0;
	if (address < MMAP_MIN_ADDR)
		return -EPERM;
	prev = vma_prev(vma);
	if (prev && (prev->vm_end > address ||
		     (!(prev->vm_flags & VM_GROWSDOWN) &&
		      (prev->vm_flags & VM_ACCESS_FLAGS) &&
		      address - prev->vm_end < STACK_GUARD_GAP)))
		return -ENOMEM;
	if (vma->vm_end - address > STACK_RLIMIT)
		return -ENOMEM;
	grow = (vma->vm_start - address) >> PAGE_SHIFT;
	/* The tree's order holds: nothing lies between prev and address. */
	vma->vm_start = address;
	vma->vm_pgoff -= grow;
	vm_stat_account(vma->vm_mm, vma->vm_flags, grow);
	return 0;
}

int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *vma, *new;
	int err = 0;

	mmap_write_lock(oldmm);
	mmap_write_lock(mm);
	mm->mmap_base = oldmm->mmap_base;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	for (vma = vma_first(&oldmm->mm_rb); vma; vma = vma_next(vma)) {
		if (vma->vm_flags & VM_DONTCOPY)
			continue;
		new = vm_area_dup(vma, mm);
		if (!new) {
			err = -ENOMEM;
			break;
		}
		link_vma(mm, new);
		vm_stat_account(mm, new->vm_flags, vma_pages(new));
		if (vma->vm_flags & VM_WIPEONFORK)
			continue;
		/* On failure mmput() of the child undoes what was copied. */
		err = copy_page_range(mm, vma);
		if (err)
			break;
	}
	mmap_write_unlock(mm);
	mmap_write_unlock(oldmm);
	return err;
}

/*
 * Nobody else can reach the address space any more, but the lock is
 * taken anyway, as Linux does, so that the assertions in what it calls
 * hold.
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	mmap_write_lock(mm);
	while ((vma = vma_first(&mm->mm_rb)))
		unmap_vma(vma);
	mmap_write_unlock(mm);
}
