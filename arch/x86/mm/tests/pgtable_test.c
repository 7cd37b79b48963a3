// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for the x86 page tables: the walk reports the level and W^X
 * protections paging_init() gave text, rodata, data, the direct map and
 * init_stack's guard page; the fix-up copies fail with -EFAULT on rodata,
 * unmapped and non-canonical addresses; map_pages(), change_page_prot()
 * (splitting a 2 MiB page) and unmap_pages() on a scratch vmalloc area;
 * ioremap() maps uncached.
 */
#include <keel/errno.h>
#include <keel/extable.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
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
	KTEST_CASE(ioremap_uncached),
	{}
};

static struct ktest_suite pgtable_suite = {
	.name = "x86_pgtable",
	.cases = pgtable_cases,
};
ktest_register_suite(pgtable_suite);
