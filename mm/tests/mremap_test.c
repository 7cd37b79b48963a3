// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mremap(), madvise(), msync() and mincore() through the
 * system-call table, in an address space of their own: shrinking,
 * growing in place, moving with the pages (not copies), MREMAP_FIXED
 * and MREMAP_DONTUNMAP; MADV_DONTNEED zeroing private anonymous memory
 * but not shared, MADV_DONTFORK and MADV_WIPEONFORK across dup_mmap();
 * mincore()'s vector; and the errors of each.
 */
#include <keel/errno.h>
#include <keel/ktest.h>
#include <keel/mm.h>
#include <keel/mman.h>
#include <keel/sched/mm.h>
#include <keel/uaccess.h>
#include <asm/syscall.h>

#include "../internal.h"
#include "mmap_test.h"

#define RW	(PROT_READ | PROT_WRITE)
#define P(n)	((n) * PAGE_SIZE)

static long mremap(unsigned long addr, unsigned long old_len,
		   unsigned long new_len, unsigned long flags,
		   unsigned long new_addr)
{
	return ktest_syscall(__NR_mremap, addr, old_len, new_len, flags,
			  new_addr, 0);
}

static long madvise(unsigned long addr, unsigned long len, int advice)
{
	return ktest_syscall(__NR_madvise, addr, len, advice, 0, 0, 0);
}

/* Anonymous memory at @addr with byte 'a' + i at the start of page i. */
static long filled(struct ktest *t, unsigned long addr, int pages)
{
	long got = mt_mmap(addr, P(pages), RW, MAP_PRIVATE | MAP_ANONYMOUS |
			   (addr ? MAP_FIXED : 0), -1, 0);
	int i;

	KTEST_EXPECT_GE(t, got, 0L);
	for (i = 0; got >= 0 && i < pages; i++)
		KTEST_EXPECT_EQ(t, mt_poke(got + P(i), 'a' + i), 0);
	return got;
}

static void mremap_shrinks_and_grows_in_place(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	long addr;

	if (!mm)
		return;
	addr = filled(t, 0x10000000, 4);
	KTEST_EXPECT_EQ(t, mremap(addr, P(4), P(2), 0, 0), addr);
	KTEST_EXPECT_EQ(t, mm->total_vm, 2UL);
	KTEST_EXPECT_EQ(t, mt_peek(addr + P(1)), 'b');
	KTEST_EXPECT_EQ(t, mt_peek(addr + P(2)), -EFAULT);
	KTEST_EXPECT_EQ(t, mremap(addr, P(2), P(5), 0, 0), addr);
	KTEST_EXPECT_EQ(t, mm->total_vm, 5UL);
	KTEST_EXPECT_EQ(t, mm->map_count, 1);
	KTEST_EXPECT_EQ(t, mt_peek(addr + P(1)), 'b');
	KTEST_EXPECT_EQ(t, mt_peek(addr + P(4)), 0);
	/* Something above: no room, and no MREMAP_MAYMOVE. */
	filled(t, addr + P(6), 1);
	KTEST_EXPECT_EQ(t, mremap(addr, P(5), P(7), 0, 0), (long)-ENOMEM);
	mt_leave(mm);
}

static void mremap_moves_the_pages(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	struct page *page;
	long addr, moved;

	if (!mm)
		return;
	addr = filled(t, 0x10000000, 2);
	filled(t, addr + P(2), 1);
	page = follow_page(mm, addr + P(1));
	moved = mremap(addr, P(2), P(3), MREMAP_MAYMOVE, 0);
	KTEST_ASSERT_GE(t, moved, 0L);
	KTEST_EXPECT_NE(t, moved, addr);
	KTEST_EXPECT_PTR_EQ(t, follow_page(mm, moved + P(1)), page);
	KTEST_EXPECT_EQ(t, page_count(page), 1);
	KTEST_EXPECT_EQ(t, mt_peek(moved), 'a');
	KTEST_EXPECT_EQ(t, mt_peek(moved + P(2)), 0);
	KTEST_EXPECT_EQ(t, mt_peek(addr), -EFAULT);
	KTEST_EXPECT_EQ(t, mm->map_count, 2);
	KTEST_EXPECT_EQ(t, mm->total_vm, 4UL);

	/* MREMAP_FIXED replaces what is there, and may not overlap. */
	KTEST_EXPECT_EQ(t, mremap(moved, P(3), P(3), MREMAP_MAYMOVE |
				  MREMAP_FIXED, moved + P(1)), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, mremap(moved, P(1), P(1), MREMAP_MAYMOVE |
				  MREMAP_FIXED, addr + P(2)), addr + P(2));
	KTEST_EXPECT_EQ(t, mt_peek(addr + P(2)), 'a');
	KTEST_EXPECT_EQ(t, mt_peek(moved), -EFAULT);

	/* MREMAP_DONTUNMAP: the old range stays, empty. */
	moved = mremap(moved + P(1), P(1), P(1),
		       MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
	KTEST_ASSERT_GE(t, moved, 0L);
	KTEST_EXPECT_PTR_EQ(t, follow_page(mm, moved), page);
	KTEST_EXPECT_EQ(t, mt_peek(moved), 'b');
	mt_leave(mm);
}

/* old_len 0 on a shared mapping makes a second mapping of its pages. */
static void mremap_duplicates_shared(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	long addr, dup;

	if (!mm)
		return;
	addr = mt_mmap(0, P(1), RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	KTEST_EXPECT_EQ(t, mt_poke(addr, 's'), 0);
	dup = mremap(addr, 0, P(1), MREMAP_MAYMOVE, 0);
	KTEST_ASSERT_GE(t, dup, 0L);
	KTEST_EXPECT_EQ(t, mt_peek(dup), 's');
	KTEST_EXPECT_EQ(t, mt_poke(dup, 'd'), 0);
	KTEST_EXPECT_EQ(t, mt_peek(addr), 'd');
	mt_leave(mm);
}

static void mremap_refuses_bad_arguments(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	long addr;

	if (!mm)
		return;
	addr = filled(t, 0x10000000, 2);
	KTEST_EXPECT_EQ(t, mremap(addr, P(1), P(2), 8, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, mremap(addr, P(1), P(2), MREMAP_FIXED, 0x20000000),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(t, mremap(addr, P(1), P(2), MREMAP_MAYMOVE |
				  MREMAP_DONTUNMAP, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, mremap(addr + 1, P(1), P(2), 0, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, mremap(addr, P(1), 0, 0, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, mremap(addr, 0, P(1), MREMAP_MAYMOVE, 0),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(t, mremap(addr + P(4), P(1), P(2), 0, 0),
			(long)-EFAULT);
	KTEST_EXPECT_EQ(t, mremap(addr, P(3), P(4), MREMAP_MAYMOVE, 0),
			(long)-EFAULT);
	KTEST_EXPECT_EQ(t, mremap(addr, P(1), P(1), MREMAP_MAYMOVE |
				  MREMAP_FIXED, addr + 1), (long)-EINVAL);
	mt_leave(mm);
}

static void madvise_dontneed_drops_pages(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	long priv, shared;

	if (!mm)
		return;
	priv = filled(t, 0, 3);
	shared = mt_mmap(0, P(1), RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	KTEST_EXPECT_EQ(t, mt_poke(shared, 's'), 0);
	KTEST_EXPECT_EQ(t, madvise(priv + P(1), P(2), MADV_DONTNEED), 0L);
	KTEST_EXPECT_EQ(t, mm->map_count, 2);		/* nothing split */
	KTEST_EXPECT_NULL(t, follow_page(mm, priv + P(1)));
	KTEST_EXPECT_EQ(t, mt_peek(priv), 'a');
	KTEST_EXPECT_EQ(t, mt_peek(priv + P(1)), 0);
	KTEST_EXPECT_EQ(t, madvise(shared, P(1), MADV_DONTNEED), 0L);
	KTEST_EXPECT_EQ(t, mt_peek(shared), 's');
	KTEST_EXPECT_EQ(t, madvise(priv, P(1), MADV_FREE), 0L);
	KTEST_EXPECT_EQ(t, mt_peek(priv), 0);
	KTEST_EXPECT_EQ(t, madvise(shared, P(1), MADV_FREE), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, madvise(shared, P(1), MADV_POPULATE_WRITE), 0L);
	KTEST_EXPECT_EQ(t, madvise(priv, P(3), MADV_POPULATE_READ), 0L);
	KTEST_EXPECT_NOT_NULL(t, follow_page(mm, priv + P(2)));
	mt_leave(mm);
}

static void madvise_fork_advice(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t), *child;
	long addr, shared;

	if (!mm)
		return;
	addr = filled(t, 0x10000000, 3);
	shared = mt_mmap(0, P(1), RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	KTEST_EXPECT_EQ(t, madvise(addr, P(1), MADV_DONTFORK), 0L);
	KTEST_EXPECT_EQ(t, madvise(addr + P(2), P(1), MADV_WIPEONFORK), 0L);
	KTEST_EXPECT_EQ(t, madvise(shared, P(1), MADV_WIPEONFORK),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(t, mm->map_count, 4);
	child = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, dup_mmap(child, mm), 0);
	KTEST_EXPECT_EQ(t, child->map_count, 3);
	mt_switch(mm, child);
	KTEST_EXPECT_EQ(t, mt_peek(addr), -EFAULT);
	KTEST_EXPECT_EQ(t, mt_peek(addr + P(1)), 'b');
	KTEST_EXPECT_EQ(t, mt_peek(addr + P(2)), 0);
	mt_switch(child, mm);
	KTEST_EXPECT_EQ(t, mt_peek(addr + P(2)), 'c');
	mmput(child);
	/* DOFORK undoes it, and the first two areas are one again. */
	KTEST_EXPECT_EQ(t, madvise(addr, P(1), MADV_DOFORK), 0L);
	KTEST_EXPECT_EQ(t, find_vma(mm, addr)->vm_flags & VM_DONTCOPY, 0UL);
	KTEST_EXPECT_EQ(t, find_vma(mm, addr)->vm_end, (unsigned long)addr +
			P(2));
	KTEST_EXPECT_EQ(t, mm->map_count, 3);
	mt_leave(mm);
}

static void madvise_and_msync_refuse_bad_arguments(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	long addr;

	if (!mm)
		return;
	addr = filled(t, 0x10000000, 1);
	filled(t, addr + P(2), 1);
	KTEST_EXPECT_EQ(t, madvise(addr + 1, P(1), MADV_DONTNEED),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(t, madvise(addr, P(1), MADV_HUGEPAGE), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, madvise(addr, P(1), 1000), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, madvise(addr, 0, MADV_DONTNEED), 0L);
	KTEST_EXPECT_EQ(t, madvise(addr, -1UL, MADV_DONTNEED), (long)-EINVAL);
	/* The hole is ENOMEM, but the areas either side get the advice. */
	KTEST_EXPECT_EQ(t, madvise(addr, P(3), MADV_DONTNEED), (long)-ENOMEM);
	KTEST_EXPECT_EQ(t, mt_peek(addr + P(2)), 0);
	KTEST_EXPECT_EQ(t, madvise(addr, P(1), MADV_REMOVE), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, madvise(addr - P(1), P(1), MADV_NORMAL),
			(long)-ENOMEM);

	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_msync, addr, P(1), MS_SYNC, 0, 0, 0),
			0L);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_msync, addr, P(1),
				      MS_SYNC | MS_ASYNC, 0, 0, 0),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_msync, addr, P(1), 8, 0, 0, 0),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_msync, addr + 1, P(1), MS_ASYNC,
				      0, 0, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_msync, addr, P(3), MS_INVALIDATE,
				      0, 0, 0), (long)-ENOMEM);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_msync, addr, 0, MS_ASYNC, 0, 0, 0),
			0L);
	mt_leave(mm);
}

static void mincore_says_what_is_resident(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	unsigned char vec[4];
	long addr, uvec;

	if (!mm)
		return;
	uvec = mt_anon(P(1), RW);
	addr = mt_anon(P(4), RW);
	KTEST_EXPECT_EQ(t, mt_poke(addr + P(1), 1), 0);
	KTEST_EXPECT_EQ(t, mt_poke(addr + P(3), 1), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mincore, addr, P(3) + 1, uvec,
				      0, 0, 0), 0L);
	KTEST_EXPECT_EQ(t, copy_from_user(vec, (void __user *)uvec, 4), 0UL);
	KTEST_EXPECT_MEMEQ(t, vec, "\0\1\0\1", 4);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mincore, addr + 1, P(1), uvec,
				      0, 0, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mincore, addr - P(1), P(2), uvec,
				      0, 0, 0), (long)-ENOMEM);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mincore, addr, P(1),
				      (unsigned long)vec, 0, 0, 0),
			(long)-EFAULT);
	mt_leave(mm);
}

static struct ktest_case mremap_cases[] = {
	KTEST_CASE(mremap_shrinks_and_grows_in_place),
	KTEST_CASE(mremap_moves_the_pages),
	KTEST_CASE(mremap_duplicates_shared),
	KTEST_CASE(mremap_refuses_bad_arguments),
	KTEST_CASE(madvise_dontneed_drops_pages),
	KTEST_CASE(madvise_fork_advice),
	KTEST_CASE(madvise_and_msync_refuse_bad_arguments),
	KTEST_CASE(mincore_says_what_is_resident),
	{}
};

static struct ktest_suite mremap_suite = {
	.name = "mremap_madvise",
	.cases = mremap_cases,
};
ktest_register_suite(mremap_suite);
