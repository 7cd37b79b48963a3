// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for struct mm_struct: init_mm is init_task's active_mm; an
 * address space from mm_alloc() shares the kernel half of init_mm's
 * PGD, lives while mm_users or mm_count hold it, and gives back every
 * page (mapped pages, VMAs, page tables and root) when both reach zero;
 * and the mmap lock helpers exclude as an rw_semaphore does.
 */
#include <keel/ktest.h>
#include <keel/mm.h>
#include <keel/mmap_lock.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <asm/pgtable.h>

#define USER_VA		0x400000UL	/* a user address, as ELF's base */

static void kernel_threads_borrow_init_mm(struct ktest *t)
{
	KTEST_EXPECT_NULL(t, init_task.mm);
	KTEST_EXPECT_PTR_EQ(t, init_task.active_mm, &init_mm);
	KTEST_EXPECT_PTR_EQ(t, current->active_mm, &init_mm);
	KTEST_EXPECT_NOT_NULL(t, init_mm.pgd);
	KTEST_EXPECT_EQ(t, atomic_read(&init_mm.mm_users), 2);
	/* The one that keeps it, and the current task's as its active_mm. */
	KTEST_EXPECT_EQ(t, atomic_read(&init_mm.mm_count), 2);
	KTEST_EXPECT_NULL(t, vma_first(&init_mm.mm_rb));
}

static void users_and_count_keep_it(struct ktest *t)
{
	unsigned long before = nr_free_pages_shrunk();
	struct mm_struct *mm = mm_alloc();
	const size_t half = PTRS_PER_TABLE / 2 * sizeof(pte_t);

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, atomic_read(&mm->mm_users), 1);
	KTEST_EXPECT_EQ(t, atomic_read(&mm->mm_count), 1);
	KTEST_EXPECT_NULL(t, memchr_inv(mm->pgd, 0, half));
	KTEST_EXPECT_EQ(t, memcmp(mm->pgd + PTRS_PER_TABLE / 2,
				  init_mm.pgd + PTRS_PER_TABLE / 2, half), 0);

	mmget(mm);
	mmgrab(mm);
	mmput(mm);
	KTEST_EXPECT_EQ(t, atomic_read(&mm->mm_users), 1);
	KTEST_EXPECT_TRUE(t, mmget_not_zero(mm));
	mmput(mm);
	mmput(mm);
	/* No users, but mmgrab()'s reference keeps the struct. */
	KTEST_EXPECT_EQ(t, atomic_read(&mm->mm_users), 0);
	KTEST_EXPECT_EQ(t, atomic_read(&mm->mm_count), 1);
	KTEST_EXPECT_FALSE(t, mmget_not_zero(mm));
	KTEST_EXPECT_LT(t, nr_free_pages_shrunk(), before);
	mmdrop(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages_shrunk(), before);
}

/*
 * The last mmput() unmaps, puts the pages mapped, frees the VMAs and the
 * user-half tables.
 */
static void last_mmput_frees_everything(struct ktest *t)
{
	unsigned long before = nr_free_pages_shrunk();
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	enum pg_level level;
	struct page *page;
	pte_t *pte;

	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, page);
	mm = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, mm);
	vma = vm_area_alloc(mm);
	KTEST_ASSERT_NOT_NULL(t, vma);
	KTEST_EXPECT_PTR_EQ(t, vma->vm_mm, mm);
	vma->vm_start = USER_VA;
	vma->vm_end = USER_VA + PAGE_SIZE;
	mmap_write_lock(mm);
	KTEST_EXPECT_EQ(t, vma_insert(&mm->mm_rb, vma), 0);
	mm->map_count++;
	mmap_write_unlock(mm);
	KTEST_EXPECT_EQ(t, map_pages(mm, USER_VA, PFN_PHYS(page_to_pfn(page)),
				     PAGE_SIZE, PAGE_SHARED, PG_LEVEL_4K), 0);
	pte = lookup_address_in_mm(mm, USER_VA, &level);
	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_EQ(t, level, PG_LEVEL_4K);
	KTEST_EXPECT_TRUE(t, pte_present(*pte));
	/* Not in the kernel's tables. */
	pte = lookup_address(USER_VA, &level);
	KTEST_EXPECT_FALSE(t, pte && pte_present(*pte));

	/* The entry holds the page's one reference: it goes too. */
	mmput(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages_shrunk(), before);
}

/*
 * A kernel mapping in a 512 GiB slot init_mm had no table for reaches an
 * address space made before it.  (The new PUD table stays: kernel-half
 * tables are never freed.)
 */
static void new_kernel_pgd_entry_reaches_every_mm(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long va = VMALLOC_END;
	unsigned int index;
	struct page *page;

	KTEST_ASSERT_NOT_NULL(t, mm);
	do {
		va -= PGDIR_SIZE;
		index = (va >> PGDIR_SHIFT) & (PTRS_PER_TABLE - 1);
	} while (pte_present(init_mm.pgd[index]) && va > VMALLOC_START);
	KTEST_ASSERT_FALSE(t, pte_present(init_mm.pgd[index]));
	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_EQ(t, pte_val(mm->pgd[index]), 0);
	KTEST_ASSERT_EQ(t, map_pages(&init_mm, va, PFN_PHYS(page_to_pfn(page)),
				     PAGE_SIZE, PAGE_KERNEL, PG_LEVEL_4K), 0);
	KTEST_EXPECT_TRUE(t, pte_present(init_mm.pgd[index]));
	KTEST_EXPECT_EQ(t, pte_val(mm->pgd[index]),
			pte_val(init_mm.pgd[index]));
	KTEST_EXPECT_EQ(t, unmap_pages(&init_mm, va, PAGE_SIZE), 0);
	put_page(page);
	mmput(mm);
}

static void mmap_lock_excludes(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	mmap_read_lock(mm);
	KTEST_EXPECT_TRUE(t, mmap_read_trylock(mm));
	KTEST_EXPECT_FALSE(t, mmap_write_trylock(mm));
	mmap_read_unlock(mm);
	mmap_read_unlock(mm);

	mmap_write_lock(mm);
	KTEST_EXPECT_FALSE(t, mmap_read_trylock(mm));
	mmap_write_downgrade(mm);
	KTEST_EXPECT_TRUE(t, mmap_read_trylock(mm));
	KTEST_EXPECT_FALSE(t, mmap_write_trylock(mm));
	mmap_read_unlock(mm);
	mmap_read_unlock(mm);
	KTEST_EXPECT_TRUE(t, mmap_write_trylock(mm));
	mmap_write_unlock(mm);
	mmput(mm);
}

static struct ktest_case mm_struct_cases[] = {
	KTEST_CASE(kernel_threads_borrow_init_mm),
	KTEST_CASE(users_and_count_keep_it),
	KTEST_CASE(last_mmput_frees_everything),
	KTEST_CASE(new_kernel_pgd_entry_reaches_every_mm),
	KTEST_CASE(mmap_lock_excludes),
	{}
};

static struct ktest_suite mm_struct_suite = {
	.name = "mm_struct",
	.cases = mm_struct_cases,
};
ktest_register_suite(mm_struct_suite);
