// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for user address spaces: each case makes an mm_struct, runs in
 * it (kthread_use_mm()), maps through the system-call table as user
 * space would (sys_call_table[__NR_mmap] with a register frame) and
 * touches the memory with get_user()/put_user()/copy_to_user(), whose
 * faults go through the page-fault handler: demand-zero pages, copy on
 * write after dup_mmap(), shared anonymous memory across it, splitting
 * on munmap() and mprotect(), brk(), stack growth, the arguments each
 * call refuses, and every page back when the address spaces go.
 */
#include <keel/errno.h>
#include <keel/err.h>
#include <keel/ktest.h>
#include <keel/mm.h>
#include <keel/mman.h>
#include <keel/mmap_lock.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <keel/uaccess.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/syscall.h>
#include <asm/trap_pf.h>
#include <asm/traps.h>

#include "../internal.h"
#include "mmap_test.h"

struct mm_struct *mt_enter(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_EXPECT_NOT_NULL(t, mm);
	if (mm)
		kthread_use_mm(mm);
	return mm;
}

void mt_leave(struct mm_struct *mm)
{
	kthread_unuse_mm(mm);
	mmput(mm);
}

/* Run in @mm instead of the current address space. */
void mt_switch(struct mm_struct *from, struct mm_struct *to)
{
	kthread_unuse_mm(from);
	kthread_use_mm(to);
}

long mt_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	     unsigned long flags, long fd, unsigned long off)
{
	return ktest_syscall(__NR_mmap, addr, len, prot, flags, fd, off);
}

long mt_anon(unsigned long len, unsigned long prot)
{
	return mt_mmap(0, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

int mt_peek(unsigned long addr)
{
	unsigned char c;

	if (get_user(c, (unsigned char __user *)addr))
		return -EFAULT;
	return c;
}

int mt_poke(unsigned long addr, unsigned char c)
{
	return put_user(c, (unsigned char __user *)addr);
}

static int count_vmas(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	int n = 0;

	for (vma = vma_first(&mm->mm_rb); vma; vma = vma_next(vma))
		n++;
	return n;
}

/* Pages come on first touch, zeroed; mmap() allocates top-down. */
static void demand_zero(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	long addr;

	if (!mm)
		return;
	addr = mt_anon(3 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	KTEST_EXPECT_EQ(t, addr, (long)(MMAP_BASE - 3 * PAGE_SIZE));
	KTEST_EXPECT_EQ(t, mm->map_count, 1);
	KTEST_EXPECT_EQ(t, mm->total_vm, 3UL);
	KTEST_EXPECT_NULL(t, follow_page(mm, addr + PAGE_SIZE));
	KTEST_EXPECT_EQ(t, mt_peek(addr + PAGE_SIZE + 7), 0);
	KTEST_EXPECT_NOT_NULL(t, follow_page(mm, addr + PAGE_SIZE));
	KTEST_EXPECT_NULL(t, follow_page(mm, addr));
	KTEST_EXPECT_NULL(t, follow_page(mm, addr + 2 * PAGE_SIZE));
	KTEST_EXPECT_EQ(t, mt_poke(addr + PAGE_SIZE + 7, 0x5a), 0);
	KTEST_EXPECT_EQ(t, mt_peek(addr + PAGE_SIZE + 7), 0x5a);
	/* A second area sits right below the first. */
	KTEST_EXPECT_EQ(t, mt_anon(PAGE_SIZE, PROT_READ),
			(long)(addr - PAGE_SIZE));
	/* Reading is fine, writing is not: -EFAULT through the fix-up. */
	KTEST_EXPECT_EQ(t, mt_peek(addr - 1), 0);
	KTEST_EXPECT_EQ(t, mt_poke(addr - 1, 1), -EFAULT);
	/* Nothing below it. */
	KTEST_EXPECT_EQ(t, mt_peek(addr - PAGE_SIZE - 1), -EFAULT);
	mt_leave(mm);
}

/*
 * After dup_mmap() both sides read the same page; the first to write
 * gets a copy, and the other, then alone, writes its page in place.
 */
static void cow_after_dup_mmap(struct ktest *t)
{
	struct mm_struct *parent = mt_enter(t), *child;
	struct page *page;
	char buf[8];
	long addr;

	if (!parent)
		return;
	addr = mt_anon(PAGE_SIZE, PROT_READ | PROT_WRITE);
	KTEST_ASSERT_EQ(t, copy_to_user((void __user *)addr, "parent", 7), 0UL);
	page = follow_page(parent, addr);
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_EQ(t, page_count(page), 1);

	child = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, dup_mmap(child, parent), 0);
	KTEST_EXPECT_EQ(t, child->map_count, 1);
	KTEST_EXPECT_PTR_EQ(t, follow_page(child, addr), page);
	KTEST_EXPECT_EQ(t, page_count(page), 2);

	mt_switch(parent, child);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)addr, 7), 0UL);
	KTEST_EXPECT_STREQ(t, buf, "parent");
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)addr, "child", 6), 0UL);
	KTEST_EXPECT_PTR_NE(t, follow_page(child, addr), page);
	KTEST_EXPECT_EQ(t, page_count(page), 1);

	mt_switch(child, parent);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)addr, 7), 0UL);
	KTEST_EXPECT_STREQ(t, buf, "parent");
	KTEST_EXPECT_EQ(t, mt_poke(addr, 'P'), 0);
	KTEST_EXPECT_PTR_EQ(t, follow_page(parent, addr), page);

	mt_switch(parent, child);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)addr, 6), 0UL);
	KTEST_EXPECT_STREQ(t, buf, "child");
	mt_switch(child, parent);
	mmput(child);
	mt_leave(parent);
}

/* MAP_SHARED | MAP_ANONYMOUS: one set of pages for parent and child. */
static void shared_anon_survives_dup_mmap(struct ktest *t)
{
	struct mm_struct *parent = mt_enter(t), *child;
	long addr;

	if (!parent)
		return;
	addr = mt_mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	KTEST_ASSERT_GE(t, addr, 0L);
	KTEST_EXPECT_EQ(t, mt_poke(addr + PAGE_SIZE, 'a'), 0);
	child = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, dup_mmap(child, parent), 0);

	mt_switch(parent, child);
	KTEST_EXPECT_EQ(t, mt_peek(addr + PAGE_SIZE), 'a');
	KTEST_EXPECT_EQ(t, mt_poke(addr + PAGE_SIZE, 'b'), 0);
	/* Not faulted in the parent before the fork: still the same page. */
	KTEST_EXPECT_EQ(t, mt_poke(addr, 'c'), 0);
	mt_switch(child, parent);
	KTEST_EXPECT_EQ(t, mt_peek(addr + PAGE_SIZE), 'b');
	KTEST_EXPECT_EQ(t, mt_peek(addr), 'c');
	KTEST_EXPECT_PTR_EQ(t, follow_page(parent, addr),
			    follow_page(child, addr));
	/* The child's going leaves the parent's pages. */
	mmput(child);
	KTEST_EXPECT_EQ(t, mt_peek(addr), 'c');
	mt_leave(parent);
}

/* munmap() of a middle page splits the area in two, with a hole. */
static void munmap_splits(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	struct vm_area_struct *lo, *hi;
	long addr;
	int i;

	if (!mm)
		return;
	addr = mt_anon(4 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	for (i = 0; i < 4; i++)
		KTEST_EXPECT_EQ(t, mt_poke(addr + i * PAGE_SIZE, '0' + i), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_munmap, addr + PAGE_SIZE,
				      2 * PAGE_SIZE - 100, 0, 0, 0, 0), 0L);
	KTEST_EXPECT_EQ(t, mm->map_count, 2);
	KTEST_EXPECT_EQ(t, count_vmas(mm), 2);
	KTEST_EXPECT_EQ(t, mm->total_vm, 2UL);
	lo = find_vma(mm, addr);
	hi = find_vma(mm, addr + PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(t, lo);
	KTEST_ASSERT_NOT_NULL(t, hi);
	KTEST_EXPECT_EQ(t, lo->vm_end, (unsigned long)addr + PAGE_SIZE);
	KTEST_EXPECT_EQ(t, hi->vm_start, (unsigned long)addr + 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, hi->vm_pgoff - lo->vm_pgoff, 3UL);
	KTEST_EXPECT_EQ(t, mt_peek(addr), '0');
	KTEST_EXPECT_EQ(t, mt_peek(addr + PAGE_SIZE), -EFAULT);
	KTEST_EXPECT_EQ(t, mt_peek(addr + 2 * PAGE_SIZE), -EFAULT);
	KTEST_EXPECT_EQ(t, mt_peek(addr + 3 * PAGE_SIZE), '3');
	KTEST_EXPECT_NULL(t, follow_page(mm, addr + PAGE_SIZE));
	/* A copy running into the hole stops at it. */
	KTEST_EXPECT_EQ(t, clear_user((void __user *)(addr + PAGE_SIZE - 8),
				      16), 8UL);
	/* Unmapping across the hole and both ends is fine too. */
	KTEST_EXPECT_EQ(t, vm_munmap(addr - PAGE_SIZE, 6 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, mm->map_count, 0);
	KTEST_EXPECT_EQ(t, mm->total_vm, 0UL);
	mt_leave(mm);
}

/* mprotect() splits; the kernel's copy_to_user() obeys it (-EFAULT). */
static void mprotect_splits_and_faults(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	long addr, mid;

	if (!mm)
		return;
	addr = mt_anon(3 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	mid = addr + PAGE_SIZE;
	KTEST_EXPECT_EQ(t, mt_poke(mid, 'm'), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mprotect, mid, PAGE_SIZE, PROT_READ,
				      0, 0, 0), 0L);
	KTEST_EXPECT_EQ(t, mm->map_count, 3);
	KTEST_EXPECT_EQ(t, find_vma(mm, mid)->vm_flags & VM_ACCESS_FLAGS,
			VM_READ);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)mid, "x", 1), 1UL);
	KTEST_EXPECT_EQ(t, mt_peek(mid), 'm');
	KTEST_EXPECT_EQ(t, mt_poke(mid - 1, 'a'), 0);
	KTEST_EXPECT_EQ(t, mt_poke(mid + PAGE_SIZE, 'b'), 0);
	/* PROT_NONE keeps the page but lets nothing through. */
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mprotect, mid, PAGE_SIZE, PROT_NONE,
				      0, 0, 0), 0L);
	KTEST_EXPECT_EQ(t, mt_peek(mid), -EFAULT);
	KTEST_EXPECT_NOT_NULL(t, follow_page(mm, mid));
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mprotect, addr, 3 * PAGE_SIZE,
				      PROT_READ | PROT_WRITE, 0, 0, 0), 0L);
	/* Alike again, the three are one area once more. */
	KTEST_EXPECT_EQ(t, mm->map_count, 1);
	KTEST_EXPECT_EQ(t, find_vma(mm, addr)->vm_end,
			(unsigned long)addr + 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, mt_peek(mid), 'm');
	KTEST_EXPECT_EQ(t, mt_poke(mid, 'M'), 0);
	KTEST_EXPECT_EQ(t, mt_peek(mid), 'M');
	/* The part after the first merges into it mid-call: still fine. */
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mprotect, mid, PAGE_SIZE, PROT_READ,
				      0, 0, 0), 0L);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mprotect, addr, 3 * PAGE_SIZE,
				      PROT_READ, 0, 0, 0), 0L);
	KTEST_EXPECT_EQ(t, mm->map_count, 1);
	KTEST_EXPECT_EQ(t, mt_poke(addr, 'x'), -EFAULT);
	/* Errors: a hole is -ENOMEM, more than the file allows -EACCES. */
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mprotect, addr + 1, PAGE_SIZE,
				      PROT_READ, 0, 0, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mprotect, addr, PAGE_SIZE,
				      0x10, 0, 0, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mprotect, addr - PAGE_SIZE,
				      2 * PAGE_SIZE, PROT_READ, 0, 0, 0),
			(long)-ENOMEM);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mprotect, addr, 0, PROT_READ,
				      0, 0, 0), 0L);
	mt_leave(mm);
}

static void mmap_refuses_bad_arguments(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	const unsigned long rw = PROT_READ | PROT_WRITE;
	const unsigned long anon = MAP_PRIVATE | MAP_ANONYMOUS;
	long addr;

	if (!mm)
		return;
	KTEST_EXPECT_EQ(t, mt_mmap(0, 0, rw, anon, -1, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, rw, MAP_ANONYMOUS, -1, 0),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, rw, anon | 0x0f, -1, 0),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, rw, MAP_SHARED_VALIDATE |
				   MAP_ANONYMOUS, -1, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, rw, anon, -1, 100),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(t, mt_mmap(0x10000100, PAGE_SIZE, rw, anon | MAP_FIXED,
				   -1, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, rw, anon | MAP_FIXED, -1, 0),
			(long)-EPERM);
	KTEST_EXPECT_EQ(t, mt_mmap(0, -PAGE_SIZE, rw, anon, -1, 0),
			(long)-ENOMEM);
	KTEST_EXPECT_EQ(t, mt_mmap(TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE, rw,
				   anon | MAP_FIXED, -1, 0), (long)-ENOMEM);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, rw, MAP_PRIVATE, 1000, 0),
			(long)-EBADF);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, rw,
				   MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN,
				   -1, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, rw, anon | MAP_HUGETLB, -1, 0),
			(long)-ENOSYS);
	KTEST_EXPECT_EQ(t, mm->map_count, 0);

	/* A hint is taken when free; MAP_FIXED replaces, NOREPLACE won't. */
	addr = mt_mmap(0x10000000, 2 * PAGE_SIZE, rw, anon, -1, 0);
	KTEST_EXPECT_EQ(t, addr, 0x10000000L);
	KTEST_EXPECT_EQ(t, mt_poke(addr, 1), 0);
	KTEST_EXPECT_EQ(t, mt_mmap(0x10000000 + PAGE_SIZE, PAGE_SIZE, rw,
				   anon | MAP_FIXED_NOREPLACE, -1, 0),
			(long)-EEXIST);
	KTEST_EXPECT_NE(t, mt_mmap(0x10000000 + PAGE_SIZE, PAGE_SIZE, rw,
				   anon, -1, 0), 0x10000000L + PAGE_SIZE);
	KTEST_EXPECT_EQ(t, mt_mmap(0x10000000, PAGE_SIZE, PROT_READ,
				   anon | MAP_FIXED, -1, 0), 0x10000000L);
	KTEST_EXPECT_EQ(t, mt_peek(addr), 0);		/* a new, zero page */
	KTEST_EXPECT_EQ(t, mt_mmap(0x20000000, PAGE_SIZE, rw,
				   anon | MAP_FIXED_NOREPLACE, -1, 0),
			0x20000000L);
	/* MAP_32BIT: bottom-up from 1 GiB, as Linux. */
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, rw, anon | MAP_32BIT, -1, 0),
			0x40000000L);

	KTEST_EXPECT_EQ(t, vm_munmap(addr + 1, PAGE_SIZE), -EINVAL);
	KTEST_EXPECT_EQ(t, vm_munmap(addr, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, vm_munmap(TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE),
			-EINVAL);
	mt_leave(mm);
}

/* brk(): Linux's rules, including the old break returned on failure. */
static void brk_moves_the_break(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	const unsigned long base = 0x600000;

	if (!mm)
		return;
	/* Before exec sets start_brk, page 0 is no place for a heap. */
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_brk, 5000, 0, 0, 0, 0, 0), 0L);
	KTEST_EXPECT_EQ(t, mm->map_count, 0);
	KTEST_EXPECT_EQ(t, vm_brk_flags(0, PAGE_SIZE, 0), -EPERM);
	mm->start_brk = mm->brk = base;
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_brk, 0, 0, 0, 0, 0, 0), (long)base);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_brk, base + 5000, 0, 0, 0, 0, 0),
			(long)base + 5000);
	KTEST_EXPECT_EQ(t, mm->total_vm, 2UL);
	KTEST_EXPECT_EQ(t, mt_poke(base + 4999, 9), 0);
	KTEST_EXPECT_EQ(t, mt_peek(base + 4999), 9);
	KTEST_EXPECT_EQ(t, mt_peek(base + 2 * PAGE_SIZE), -EFAULT);
	/* Growing again extends the same area. */
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_brk, base + 3 * PAGE_SIZE,
				      0, 0, 0, 0, 0), (long)base + 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, mm->map_count, 1);
	/* Below start_brk, or into another area: the break stays. */
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_brk, base - 1, 0, 0, 0, 0, 0),
			(long)base + 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, mt_mmap(base + 8 * PAGE_SIZE, PAGE_SIZE, PROT_READ,
				   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				   -1, 0), (long)base + 8 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_brk, base + 8 * PAGE_SIZE,
				      0, 0, 0, 0, 0), (long)base + 3 * PAGE_SIZE);
	/* Shrinking unmaps. */
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_brk, base + 10, 0, 0, 0, 0, 0),
			(long)base + 10);
	KTEST_EXPECT_EQ(t, mt_peek(base + 4999), -EFAULT);
	KTEST_EXPECT_EQ(t, mt_peek(base + 9), 0);
	/* vm_brk_flags(), exec's: exactly there, replacing, VM_EXEC only. */
	KTEST_EXPECT_EQ(t, vm_brk_flags(base + 8 * PAGE_SIZE, 100, 0), 0);
	KTEST_EXPECT_EQ(t, mt_poke(base + 8 * PAGE_SIZE, 1), 0);
	KTEST_EXPECT_EQ(t, vm_brk_flags(base, PAGE_SIZE, VM_SHARED), -EINVAL);
	KTEST_EXPECT_EQ(t, vm_brk_flags(base + 1, PAGE_SIZE, 0), -EINVAL);
	mt_leave(mm);
}

/* A fault below a MAP_GROWSDOWN area grows it, within the limit. */
static void stack_grows_down(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	struct vm_area_struct *vma;
	long top;

	if (!mm)
		return;
	top = mt_mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0);
	KTEST_ASSERT_GE(t, top, 0L);
	KTEST_EXPECT_EQ(t, mt_poke(top - 3 * PAGE_SIZE + 5, 7), 0);
	vma = find_vma(mm, top);
	KTEST_ASSERT_NOT_NULL(t, vma);
	KTEST_EXPECT_EQ(t, vma->vm_start, (unsigned long)top - 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, mm->stack_vm, 4UL);
	KTEST_EXPECT_EQ(t, mt_peek(top - 3 * PAGE_SIZE + 5), 7);
	/* Not past RLIMIT_STACK's 8 MiB. */
	KTEST_EXPECT_EQ(t, mt_poke(top + PAGE_SIZE - STACK_RLIMIT - 1, 1),
			-EFAULT);
	mt_leave(mm);
}

static pteval_t entry_of(struct mm_struct *mm, unsigned long addr)
{
	enum pg_level level;
	pte_t *pte = lookup_address_in_mm(mm, addr, &level);

	return pte && level == PG_LEVEL_4K ? pte_val(*pte) : 0;
}

/*
 * MAP_POPULATE maps every page at once; user entries are _PAGE_USER,
 * never _PAGE_GLOBAL, _PAGE_NX unless executable (where the CPU has
 * NX), writable only where the area is and the page exclusive.
 */
static void populate_and_entry_bits(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	pteval_t ro, rx, rw, nx = _PAGE_NX & __supported_pte_mask;
	long addr;

	if (!mm)
		return;
	addr = mt_mmap(0, 3 * PAGE_SIZE, PROT_READ, MAP_PRIVATE |
		       MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	KTEST_ASSERT_GE(t, addr, 0L);
	KTEST_EXPECT_NOT_NULL(t, follow_page(mm, addr));
	KTEST_EXPECT_NOT_NULL(t, follow_page(mm, addr + 2 * PAGE_SIZE));
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mprotect, addr + PAGE_SIZE,
				      PAGE_SIZE, PROT_READ | PROT_EXEC,
				      0, 0, 0), 0L);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mprotect, addr + 2 * PAGE_SIZE,
				      PAGE_SIZE, PROT_READ | PROT_WRITE,
				      0, 0, 0), 0L);
	ro = entry_of(mm, addr);
	rx = entry_of(mm, addr + PAGE_SIZE);
	KTEST_EXPECT_EQ(t, ro & (_PAGE_PRESENT | _PAGE_USER | _PAGE_RW |
				 _PAGE_GLOBAL | _PAGE_NX),
			_PAGE_PRESENT | _PAGE_USER | nx);
	KTEST_EXPECT_EQ(t, rx & (_PAGE_PRESENT | _PAGE_USER | _PAGE_RW |
				 _PAGE_GLOBAL | _PAGE_NX),
			_PAGE_PRESENT | _PAGE_USER);
	/* Private: read-only until the first write, then the page itself. */
	KTEST_EXPECT_EQ(t, entry_of(mm, addr + 2 * PAGE_SIZE) & _PAGE_RW, 0UL);
	KTEST_EXPECT_EQ(t, mt_poke(addr + 2 * PAGE_SIZE, 1), 0);
	rw = entry_of(mm, addr + 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, rw & (_PAGE_RW | _PAGE_GLOBAL | _PAGE_NX),
			_PAGE_RW | nx);
	KTEST_EXPECT_EQ(t, rw & PTE_PFN_MASK, (pteval_t)PFN_PHYS(page_to_pfn(
				follow_page(mm, addr + 2 * PAGE_SIZE))));
	mt_leave(mm);
}

/*
 * What the CPU hands do_page_fault() for a fault in user mode at @addr
 * with @error_code; IF set, as it always is in user mode.
 */
static void user_fault(unsigned long addr, unsigned long error_code)
{
	struct pt_regs regs = {
		.cs = 0x33,			/* Linux's __USER_CS */
		.flags = X86_EFLAGS_IF,
		.error_code = error_code | X86_PF_USER,
	};

	do_page_fault(&regs, addr);
	local_irq_enable();		/* it returns as it was entered */
}

/*
 * Faults from user mode that the handler resolves (one it cannot is a
 * signal, which ends the task): demand zero on a write, copy on write,
 * an instruction fetch from an executable file page, a stack growing.
 */
static void user_mode_faults_resolve(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t), *child;
	struct vm_area_struct *vma;
	long anon, stack;

	if (!mm)
		return;
	anon = mt_anon(PAGE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC);
	user_fault(anon + 8, X86_PF_WRITE);
	KTEST_EXPECT_TRUE(t, entry_of(mm, anon) & _PAGE_RW);
	child = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, dup_mmap(child, mm), 0);
	KTEST_EXPECT_EQ(t, entry_of(mm, anon) & _PAGE_RW, 0UL);
	user_fault(anon, X86_PF_WRITE | X86_PF_PROT);
	KTEST_EXPECT_TRUE(t, entry_of(mm, anon) & _PAGE_RW);
	KTEST_EXPECT_PTR_NE(t, follow_page(mm, anon), follow_page(child, anon));
	mmput(child);
	/* An executable page comes in on a fetch, without _PAGE_NX. */
	KTEST_EXPECT_EQ(t, vm_munmap(anon, PAGE_SIZE), 0);
	anon = mt_anon(PAGE_SIZE, PROT_READ | PROT_EXEC);
	user_fault(anon, X86_PF_INSTR);
	KTEST_EXPECT_EQ(t, entry_of(mm, anon) & (_PAGE_PRESENT | _PAGE_NX),
			_PAGE_PRESENT);
	stack = mt_mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE |
			MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0);
	user_fault(stack - 2 * PAGE_SIZE + 16, X86_PF_WRITE);
	vma = find_vma(mm, stack);
	KTEST_EXPECT_EQ(t, vma->vm_start, (unsigned long)stack - 2 * PAGE_SIZE);
	KTEST_EXPECT_NOT_NULL(t, follow_page(mm, stack - 2 * PAGE_SIZE));
	mt_leave(mm);
}

/*
 * access_remote_vm(): another address space's memory, touched as its
 * owner would (faults, copy on write, the areas' access).
 */
static void access_remote_vm_copies(struct ktest *t)
{
	const unsigned long anon = MAP_PRIVATE | MAP_ANONYMOUS;
	struct mm_struct *mm = mm_alloc(), *child;
	char buf[16] = "";
	unsigned long addr, ro;

	KTEST_ASSERT_NOT_NULL(t, mm);
	mmap_write_lock(mm);
	addr = do_mmap(mm, NULL, 0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       anon, 0);
	ro = do_mmap(mm, NULL, 0, PAGE_SIZE, PROT_READ, anon, 0);
	mmap_write_unlock(mm);
	KTEST_EXPECT_EQ(t, addr, MMAP_BASE - 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, ro, addr - PAGE_SIZE);
	/* Across a page boundary, both ways. */
	KTEST_EXPECT_EQ(t, access_remote_vm(mm, addr + PAGE_SIZE - 3,
					    "remote", 7, FOLL_WRITE), 7);
	KTEST_EXPECT_EQ(t, access_remote_vm(mm, addr + PAGE_SIZE - 3, buf, 7,
					    0), 7);
	KTEST_EXPECT_STREQ(t, buf, "remote");
	/* Read-only: readable, not writable; nothing past the last area. */
	KTEST_EXPECT_EQ(t, access_remote_vm(mm, ro, "x", 1, FOLL_WRITE), 0);
	KTEST_EXPECT_EQ(t, access_remote_vm(mm, ro + 5, buf, 1, 0), 1);
	KTEST_EXPECT_EQ(t, buf[0], 0);
	KTEST_EXPECT_EQ(t, access_remote_vm(mm, addr + 2 * PAGE_SIZE - 2, buf,
					    8, 0), 2);
	/* Writing the child's copy leaves the parent's page alone. */
	child = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, dup_mmap(child, mm), 0);
	KTEST_EXPECT_EQ(t, access_remote_vm(child, addr + PAGE_SIZE - 3,
					    "child", 6, FOLL_WRITE), 6);
	KTEST_EXPECT_EQ(t, access_remote_vm(mm, addr + PAGE_SIZE - 3, buf, 7,
					    0), 7);
	KTEST_EXPECT_STREQ(t, buf, "remote");
	KTEST_EXPECT_PTR_NE(t, follow_page(child, addr + PAGE_SIZE - 3),
			    follow_page(mm, addr + PAGE_SIZE - 3));
	mmput(child);
	mmput(mm);
}

/*
 * Every page an address space maps, its tables and its areas come back
 * when it goes, forked or not.
 */
static void address_spaces_leave_nothing(struct ktest *t)
{
	unsigned long before = nr_free_pages_shrunk();
	struct mm_struct *mm = mt_enter(t), *child;
	long priv, shared;
	int i;

	if (!mm)
		return;
	priv = mt_anon(16 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	shared = mt_mmap(0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	for (i = 0; i < 16; i++)
		KTEST_EXPECT_EQ(t, mt_poke(priv + i * PAGE_SIZE, i), 0);
	for (i = 0; i < 4; i++)
		KTEST_EXPECT_EQ(t, mt_poke(shared + i * PAGE_SIZE, i), 0);
	child = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, dup_mmap(child, mm), 0);
	mt_switch(mm, child);
	for (i = 0; i < 8; i++)
		KTEST_EXPECT_EQ(t, mt_poke(priv + i * PAGE_SIZE, 100 + i), 0);
	mt_switch(child, mm);
	KTEST_EXPECT_EQ(t, mt_poke(priv, 1), 0);
	KTEST_EXPECT_EQ(t, vm_munmap(priv + 4 * PAGE_SIZE, PAGE_SIZE), 0);
	KTEST_EXPECT_LT(t, nr_free_pages_shrunk(), before - 24);
	mmput(child);
	mt_leave(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages_shrunk(), before);
}

static struct ktest_case mmap_cases[] = {
	KTEST_CASE(demand_zero),
	KTEST_CASE(cow_after_dup_mmap),
	KTEST_CASE(shared_anon_survives_dup_mmap),
	KTEST_CASE(munmap_splits),
	KTEST_CASE(mprotect_splits_and_faults),
	KTEST_CASE(mmap_refuses_bad_arguments),
	KTEST_CASE(brk_moves_the_break),
	KTEST_CASE(stack_grows_down),
	KTEST_CASE(populate_and_entry_bits),
	KTEST_CASE(access_remote_vm_copies),
	KTEST_CASE(user_mode_faults_resolve),
	KTEST_CASE(address_spaces_leave_nothing),
	{}
};

static struct ktest_suite mmap_suite = {
	.name = "mmap",
	.cases = mmap_cases,
};
ktest_register_suite(mmap_suite);
