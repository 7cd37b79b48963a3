// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for the x86 page tables: the walk reports the level and W^X
 * protections paging_init() gave text, rodata, data, the direct map and
 * init_stack's guard page; the fix-up copies fail with -EFAULT on rodata,
 * unmapped and non-canonical addresses; map_pages(), change_page_prot()
 * (splitting a 2 MiB page) and unmap_pages() on a scratch vmalloc area;
 * unmap_pages() freeing the tables it empties, but never a table under the
 * kernel half of the PGD; tables allocated outside page_table_lock, so an
 * allocation may reclaim; ioremap() maps uncached.
 */
#include <keel/errno.h>
#include <keel/extable.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/mm.h>
#include <keel/sprintf.h>
#include <keel/stat.h>
#include <keel/syscalls.h>
#include <keel/vmalloc.h>
#include <asm/io.h>
#include <asm/pgtable.h>

static const u32 test_rodata = 0x5eed;
static u32 test_data = 0xda7a;
extern char _text[];
extern u8 init_stack_guard[];

static bool nx_active(void)
{
	return __supported_pte_mask & _PAGE_NX;
}

static void walk_text(struct ktest *t)
{
	enum pg_level level;
	pte_t *pte = lookup_address((unsigned long)_text, &level);

	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_EQ(t, level, PG_LEVEL_4K);
	KTEST_EXPECT_TRUE(t, pte_present(*pte));
	KTEST_EXPECT_FALSE(t, pte_write(*pte));
	KTEST_EXPECT_TRUE(t, pte_exec(*pte));
	KTEST_EXPECT_EQ(t, slow_virt_to_phys(_text), __pa(_text));
}

static void walk_rodata(struct ktest *t)
{
	enum pg_level level;
	pte_t *pte = lookup_address((unsigned long)&test_rodata, &level);

	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_EQ(t, level, PG_LEVEL_4K);
	KTEST_EXPECT_FALSE(t, pte_write(*pte));
	KTEST_EXPECT_EQ(t, pte_exec(*pte), !nx_active());
}

static void walk_data(struct ktest *t)
{
	enum pg_level level;
	pte_t *pte = lookup_address((unsigned long)&test_data, &level);

	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_EQ(t, level, PG_LEVEL_4K);
	KTEST_EXPECT_TRUE(t, pte_write(*pte));
	KTEST_EXPECT_EQ(t, pte_exec(*pte), !nx_active());
}

static void walk_direct_map(struct ktest *t)
{
	u8 *va = __va(0x200000);
	enum pg_level level;
	pte_t *pte = lookup_address((unsigned long)va, &level);

	KTEST_ASSERT_NOT_NULL(t, pte);
	/* 2 MiB pages at least: every test machine has RAM at 0-4 MiB. */
	KTEST_EXPECT_GE(t, level, PG_LEVEL_2M);
	KTEST_EXPECT_TRUE(t, pte_write(*pte));
	KTEST_EXPECT_EQ(t, pte_exec(*pte), !nx_active());
	KTEST_EXPECT_EQ(t, slow_virt_to_phys(va + 0x1234), 0x201234);
}

static void stack_guard_unmapped(struct ktest *t)
{
	enum pg_level level;
	pte_t *pte = lookup_address((unsigned long)init_stack_guard, &level);
	u8 byte;

	KTEST_EXPECT_TRUE(t, !pte || !pte_present(*pte));
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(&byte, init_stack_guard,
						    1), -EFAULT);
}

static void nofault_copies(struct ktest *t)
{
	u32 v = 0, nv = 0x1111;

	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(&v, &test_rodata,
						    sizeof(v)), 0);
	KTEST_EXPECT_EQ(t, v, 0x5eed);
	/* W^X: rodata is read-only even to the kernel (CR0.WP). */
	KTEST_EXPECT_EQ(t, copy_to_kernel_nofault((void *)&test_rodata, &nv,
						  sizeof(nv)), -EFAULT);
	KTEST_EXPECT_EQ(t, test_rodata, 0x5eed);
	KTEST_EXPECT_EQ(t, copy_to_kernel_nofault(&test_data, &nv,
						  sizeof(nv)), 0);
	KTEST_EXPECT_EQ(t, test_data, 0x1111);
	/* A non-canonical address raises #GP, fixed up the same way. */
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(&v,
				(void *)0x8000000000000000UL, sizeof(v)),
			-EFAULT);
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(&v, NULL, sizeof(v)),
			-EFAULT);
}

/* A 2 MiB page of low RAM, read-only, then one 4 KiB page of it changed. */
static void map_split_unmap(struct ktest *t)
{
	struct vm_struct *area = get_vm_area(2 * PMD_SIZE, VM_IOREMAP);
	unsigned long va;
	enum pg_level level;
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(t, area);
	va = ALIGN((unsigned long)area->addr, PMD_SIZE);
	KTEST_ASSERT_EQ(t, map_pages(&init_mm, va, 0x200000, PMD_SIZE,
				     PAGE_KERNEL_RO, PG_LEVEL_2M), 0);
	KTEST_EXPECT_EQ(t, map_pages(&init_mm, va + PAGE_SIZE, 0, PAGE_SIZE,
				     PAGE_KERNEL, PG_LEVEL_4K), -EEXIST);
	KTEST_EXPECT_EQ(t, map_pages(&init_mm, va + 1, 0, PAGE_SIZE,
				     PAGE_KERNEL, PG_LEVEL_4K), -EINVAL);
	pte = lookup_address(va + PAGE_SIZE, &level);
	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_EQ(t, level, PG_LEVEL_2M);
	KTEST_EXPECT_FALSE(t, pte_write(*pte));
	KTEST_EXPECT_EQ(t, *(u32 *)(va + 0x10), *(u32 *)__va(0x200010));

	KTEST_ASSERT_EQ(t, change_page_prot(&init_mm, va + PAGE_SIZE,
					    PAGE_SIZE, PAGE_KERNEL), 0);
	pte = lookup_address(va + PAGE_SIZE, &level);
	KTEST_EXPECT_EQ(t, level, PG_LEVEL_4K);
	KTEST_EXPECT_TRUE(t, pte_write(*pte));
	pte = lookup_address(va + 2 * PAGE_SIZE, &level);
	KTEST_EXPECT_EQ(t, level, PG_LEVEL_4K);
	KTEST_EXPECT_FALSE(t, pte_write(*pte));
	KTEST_EXPECT_EQ(t, slow_virt_to_phys((void *)(va + 5 * PAGE_SIZE + 7)),
			0x205007);
	KTEST_EXPECT_EQ(t, change_page_prot(&init_mm, va + PMD_SIZE,
					    PAGE_SIZE, PAGE_KERNEL), -EFAULT);

	KTEST_EXPECT_EQ(t, unmap_pages(&init_mm, va, PMD_SIZE), 0);
	KTEST_EXPECT_EQ(t, slow_virt_to_phys((void *)(va + PAGE_SIZE)), 0);
	free_vm_area(area);
}

/* A 2 MiB-aligned, 2 MiB block of vmalloc space no other area touches. */
static struct vm_struct *get_pmd_block(unsigned long *va)
{
	struct vm_struct *area = get_vm_area(2 * PMD_SIZE, VM_IOREMAP);

	if (area)
		*va = ALIGN((unsigned long)area->addr, PMD_SIZE);
	return area;
}

/* Map three scattered 4 KiB pages of low RAM into the block at @va. */
static int map_small_pages(unsigned long va)
{
	static const unsigned long offsets[] = {
		0, 17 * PAGE_SIZE, PMD_SIZE - PAGE_SIZE,
	};
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(offsets); i++) {
		err = map_pages(&init_mm, va + offsets[i], offsets[i] + 0x200000,
				PAGE_SIZE, PAGE_KERNEL_RO, PG_LEVEL_4K);
		if (err)
			return err;
	}
	return 0;
}

/*
 * Each cycle allocates a page table for the block; unmapping frees it, so
 * the walk stops above the 4 KiB level and free pages are back where they
 * were.
 */
static void unmap_frees_tables(struct ktest *t)
{
	unsigned long va, before;
	struct vm_struct *area = get_pmd_block(&va);
	enum pg_level level;
	unsigned int cycle;

	KTEST_ASSERT_NOT_NULL(t, area);
	before = nr_free_pages();
	for (cycle = 0; cycle < 3; cycle++) {
		KTEST_ASSERT_EQ(t, map_small_pages(va), 0);
		KTEST_EXPECT_LT(t, nr_free_pages(), before);
		KTEST_EXPECT_EQ(t, slow_virt_to_phys((void *)(va + 17 * PAGE_SIZE)),
				0x211000);
		KTEST_ASSERT_EQ(t, unmap_pages(&init_mm, va, PMD_SIZE), 0);
		KTEST_EXPECT_NULL(t, lookup_address(va, &level));
		KTEST_EXPECT_GE(t, level, PG_LEVEL_2M);
		KTEST_EXPECT_EQ(t, nr_free_pages(), before);
	}
	free_vm_area(area);
}

/* Once its 4 KiB pages are unmapped, a 2 MiB page fits in the block. */
static void huge_page_where_small_were(struct ktest *t)
{
	unsigned long va;
	struct vm_struct *area = get_pmd_block(&va);
	enum pg_level level;
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(t, area);
	KTEST_ASSERT_EQ(t, map_small_pages(va), 0);
	KTEST_ASSERT_EQ(t, unmap_pages(&init_mm, va, PMD_SIZE), 0);
	KTEST_ASSERT_EQ(t, map_pages(&init_mm, va, 0x200000, PMD_SIZE,
				     PAGE_KERNEL_RO, PG_LEVEL_2M), 0);
	pte = lookup_address(va + 5 * PAGE_SIZE, &level);
	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_EQ(t, level, PG_LEVEL_2M);
	KTEST_EXPECT_EQ(t, *(u32 *)(va + 0x10), *(u32 *)__va(0x200010));
	KTEST_EXPECT_EQ(t, unmap_pages(&init_mm, va, PMD_SIZE), 0);
	free_vm_area(area);
}

/*
 * The last 512 GiB of vmalloc space, which first-fit never reaches: its
 * PGD entry stays once made, as every address space will share it, while
 * the tables below it go.
 */
static void kernel_pgd_entries_stay(struct ktest *t)
{
	unsigned long va = VMALLOC_END - PGDIR_SIZE;
	enum pg_level level;

	KTEST_ASSERT_NULL(t, find_vm_area((void *)va));
	KTEST_ASSERT_EQ(t, map_small_pages(va), 0);
	KTEST_ASSERT_EQ(t, unmap_pages(&init_mm, va, PMD_SIZE), 0);
	KTEST_EXPECT_NULL(t, lookup_address(va, &level));
	KTEST_EXPECT_EQ(t, level, PG_LEVEL_1G);
}

/* Take every free page onto @taken[order], biggest blocks first. */
static void take_free_pages(struct list_head *taken)
{
	struct page *page;
	int order;

	for (order = MAX_ORDER; order >= 0; order--) {
		INIT_LIST_HEAD(&taken[order]);
		while ((page = alloc_pages(GFP_ATOMIC | __GFP_NOWARN, order)))
			list_add(&page->lru, &taken[order]);
	}
}

static void give_back_pages(struct list_head *taken)
{
	struct page *page, *tmp;
	int order;

	for (order = 0; order <= MAX_ORDER; order++)
		list_for_each_entry_safe(page, tmp, &taken[order], lru) {
			list_del(&page->lru);
			__free_pages(page, order);
		}
}

/*
 * map_pages() allocates its tables before taking page_table_lock (with
 * interrupts off it could not wait), so with GFP_KERNEL: with every free
 * page taken and only unused dentries left to reclaim, a map that needs
 * two new tables still succeeds.
 */
static void tables_allocated_may_reclaim(struct ktest *t)
{
	/* A 1 GiB slot of the PGD entry kernel_pgd_entries_stay() made. */
	unsigned long va = VMALLOC_END - PGDIR_SIZE + 5 * PUD_SIZE;
	struct list_head taken[NR_PAGE_ORDERS];
	unsigned long i, n, nr, unused;
	enum pg_level level;
	char name[32];
	struct stat st;
	int err;

	if (ktest_skip_memory_exhaustion(t))
		return;
	KTEST_ASSERT_NULL(t, lookup_address(va, &level));
	n = min(1000UL, nr_free_pages() / 8);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "/pgtable-test-%lu", i);
		ksys_newfstatat(AT_FDCWD, name, &st, AT_SYMLINK_NOFOLLOW);
	}
	dcache_counts(&nr, &unused);
	KTEST_ASSERT_GE(t, unused, n);
	take_free_pages(taken);
	err = map_pages(&init_mm, va, 0x200000, PAGE_SIZE, PAGE_KERNEL_RO,
			PG_LEVEL_4K);
	give_back_pages(taken);
	KTEST_EXPECT_EQ(t, err, 0);
	KTEST_EXPECT_EQ(t, slow_virt_to_phys((void *)va), 0x200000);
	KTEST_EXPECT_EQ(t, unmap_pages(&init_mm, va, PAGE_SIZE), 0);
	shrink_dcache(~0UL);
}

static void ioremap_uncached(struct ktest *t)
{
	void __iomem *p = ioremap(0xb8004, 8);
	enum pg_level level;
	pte_t *pte;
	u8 byte;

	KTEST_ASSERT_NOT_NULL(t, (void __force *)p);
	KTEST_EXPECT_TRUE(t, is_vmalloc_addr((void __force *)p));
	KTEST_EXPECT_EQ(t, (unsigned long)p & ~PAGE_MASK, 4);
	pte = lookup_address((unsigned long)p, &level);
	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_EQ(t, pte_val(*pte) & (_PAGE_PCD | _PAGE_PWT),
			_PAGE_PCD | _PAGE_PWT);
	KTEST_EXPECT_EQ(t, readl(p), *(u32 *)__va(0xb8004));
	iounmap(p);
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(&byte, (void __force *)p, 1), -EFAULT);
	KTEST_EXPECT_NULL(t, (void __force *)ioremap(0x1000, 0));
}

static struct ktest_case pgtable_cases[] = {
	KTEST_CASE(walk_text),
	KTEST_CASE(walk_rodata),
	KTEST_CASE(walk_data),
	KTEST_CASE(walk_direct_map),
	KTEST_CASE(stack_guard_unmapped),
	KTEST_CASE(nofault_copies),
	KTEST_CASE(map_split_unmap),
	KTEST_CASE(unmap_frees_tables),
	KTEST_CASE(huge_page_where_small_were),
	KTEST_CASE(kernel_pgd_entries_stay),
	KTEST_CASE(tables_allocated_may_reclaim),
	KTEST_CASE(ioremap_uncached),
	{}
};

static struct ktest_suite pgtable_suite = {
	.name = "x86_pgtable",
	.cases = pgtable_cases,
};
ktest_register_suite(pgtable_suite);
