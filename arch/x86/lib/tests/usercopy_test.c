// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for the user-access helpers: access_ok()'s bounds; kernel
 * and unmapped addresses give -EFAULT or a full short count (with the
 * destination zero-filled for copy_from_user()); and, on a page mapped at
 * a user address with an unmapped page after it, every helper's exact
 * results, including copies that stop at the end of the mapping.  Where
 * the CPU has SMAP, a plain access to that page faults.
 */
#include <keel/errno.h>
#include <keel/extable.h>
#include <keel/ktest.h>
#include <keel/mm.h>
#include <keel/string.h>
#include <keel/uaccess.h>
#include <asm/pgtable.h>

#define UPAGE		0x40000000UL	/* no user mappings exist there */
#define UPAGE_END	(UPAGE + PAGE_SIZE)

static void test_access_ok(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, access_ok((void __user *)0, 0));
	KTEST_EXPECT_TRUE(t, access_ok((void __user *)(TASK_SIZE_MAX - 1), 1));
	KTEST_EXPECT_FALSE(t, access_ok((void __user *)(TASK_SIZE_MAX - 1), 2));
	KTEST_EXPECT_FALSE(t, access_ok((void __user *)TASK_SIZE_MAX, 1));
	KTEST_EXPECT_FALSE(t, access_ok((void __user *)&init_mm, 1));
	KTEST_EXPECT_FALSE(t, access_ok((void __user *)UPAGE, ~0UL));
	KTEST_EXPECT_FALSE(t, access_ok((void __user *)UPAGE, -UPAGE));
}

/* A kernel address is refused before any access, however valid. */
static void test_kernel_addresses_refused(struct ktest *t)
{
	static char kbuf[16] = "kernel secret";
	void __user *k = (void __user *)kbuf;
	char buf[16];
	long val = 5;

	memset(buf, 'x', sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, k, sizeof(buf)), sizeof(buf));
	KTEST_EXPECT_EQ(t, buf[0], 0);
	KTEST_EXPECT_EQ(t, buf[15], 0);
	KTEST_EXPECT_EQ(t, copy_to_user(k, "x", 1), 1);
	KTEST_EXPECT_EQ(t, clear_user(k, 4), 4);
	KTEST_EXPECT_STREQ(t, kbuf, "kernel secret");
	KTEST_EXPECT_EQ(t, get_user(val, (long __user *)k), -EFAULT);
	KTEST_EXPECT_EQ(t, val, 0);
	KTEST_EXPECT_EQ(t, put_user(1, (int __user *)k), -EFAULT);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, k, 8), -EFAULT);
	KTEST_EXPECT_EQ(t, strnlen_user(k, 8), 0);
}

/* An unmapped user address faults inside the helper and is fixed up. */
static void test_unmapped_faults(struct ktest *t)
{
	void __user *u = (void __user *)UPAGE;
	char buf[8] = "abcdefg";
	u32 val = 7;

	KTEST_EXPECT_EQ(t, copy_from_user(buf, u, sizeof(buf)), sizeof(buf));
	KTEST_EXPECT_EQ(t, buf[0], 0);
	KTEST_EXPECT_EQ(t, copy_to_user(u, buf, sizeof(buf)), sizeof(buf));
	KTEST_EXPECT_EQ(t, clear_user(u, 100), 100);
	KTEST_EXPECT_EQ(t, get_user(val, (u32 __user *)u), -EFAULT);
	KTEST_EXPECT_EQ(t, val, 0);
	KTEST_EXPECT_EQ(t, put_user(val, (u32 __user *)u), -EFAULT);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, u, 8), -EFAULT);
	KTEST_EXPECT_EQ(t, strnlen_user(u, 8), 0);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, u, 0), 0);
}

static struct page *map_user_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	if (!page)
		return NULL;
	memset(page_address(page), 0, PAGE_SIZE);
	if (map_pages(&init_mm, UPAGE, __pa(page_address(page)), PAGE_SIZE,
		      PAGE_SHARED, PG_LEVEL_4K)) {
		__free_pages(page, 0);
		return NULL;
	}
	return page;
}

static void unmap_user_page(struct page *page)
{
	unmap_pages(&init_mm, UPAGE, PAGE_SIZE);
	__free_pages(page, 0);
}

static void test_mapped_page(struct ktest *t)
{
	struct page *page = map_user_page();
	char *kmap, buf[16];
	char __user *u = (char __user *)UPAGE;
	u64 v64 = 0;
	u16 v16 = 0;
	u8 v8 = 0;

	KTEST_ASSERT_NOT_NULL(t, page);
	kmap = page_address(page);

	KTEST_EXPECT_EQ(t, copy_to_user(u + 100, "hello", 6), 0);
	KTEST_EXPECT_STREQ(t, kmap + 100, "hello");
	KTEST_EXPECT_EQ(t, copy_from_user(buf, u + 100, 6), 0);
	KTEST_EXPECT_STREQ(t, buf, "hello");

	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, u + 100, sizeof(buf)), 5);
	KTEST_EXPECT_STREQ(t, buf, "hello");
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, u + 100, 3), 3);
	KTEST_EXPECT_EQ(t, strnlen_user(u + 100, 16), 6);
	KTEST_EXPECT_EQ(t, strnlen_user(u + 100, 5), 6);

	KTEST_EXPECT_EQ(t, put_user(0x1122334455667788ULL, (u64 __user *)(u + 8)), 0);
	KTEST_EXPECT_EQ(t, get_user(v64, (u64 __user *)(u + 8)), 0);
	KTEST_EXPECT_EQ(t, v64, 0x1122334455667788ULL);
	KTEST_EXPECT_EQ(t, get_user(v16, (u16 __user *)(u + 8)), 0);
	KTEST_EXPECT_EQ(t, v16, 0x7788);
	KTEST_EXPECT_EQ(t, put_user(0xab, (u8 __user *)(u + 9)), 0);
	KTEST_EXPECT_EQ(t, get_user(v8, (u8 __user *)(u + 9)), 0);
	KTEST_EXPECT_EQ(t, v8, 0xab);
	KTEST_EXPECT_EQ(t, kmap[8], (char)0x88);

	KTEST_EXPECT_EQ(t, clear_user(u + 100, 3), 0);
	KTEST_EXPECT_EQ(t, kmap[102], 0);
	KTEST_EXPECT_EQ(t, kmap[103], 'l');

	/* The page after UPAGE is unmapped: copies stop exactly there. */
	memset(kmap + PAGE_SIZE - 5, 'z', 5);
	memset(buf, 'x', sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, u + PAGE_SIZE - 5, 10), 5);
	KTEST_EXPECT_MEMEQ(t, buf, "zzzzz\0\0\0\0\0xxxxxx", 16);
	KTEST_EXPECT_EQ(t, copy_to_user(u + PAGE_SIZE - 3, "abcdef", 6), 3);
	KTEST_EXPECT_MEMEQ(t, kmap + PAGE_SIZE - 3, "abc", 3);
	KTEST_EXPECT_EQ(t, clear_user(u + PAGE_SIZE - 2, 8), 6);
	KTEST_EXPECT_MEMEQ(t, kmap + PAGE_SIZE - 3, "a\0\0", 3);
	memset(kmap + PAGE_SIZE - 2, 'q', 2);
	KTEST_EXPECT_EQ(t, strnlen_user(u + PAGE_SIZE - 2, 8), 0);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, u + PAGE_SIZE - 1, 8), -EFAULT);
	KTEST_EXPECT_EQ(t, get_user(v64, (u64 __user *)(UPAGE_END - 4)), -EFAULT);

	unmap_user_page(page);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, u + 100, 6), 6);
}

/* Under SMAP, a plain kernel access to a user page faults. */
static void test_smap_blocks_plain_access(struct ktest *t)
{
	const void *plain = (const void __force *)UPAGE;
	struct page *page;
	char c;

	if (!smap_enabled) {
		ktest_skip(t, "the CPU has no SMAP");
		return;
	}
	page = map_user_page();
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(&c, plain, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, copy_from_user(&c, (const void __user *)UPAGE, 1), 0);
	unmap_user_page(page);
}

static struct ktest_case usercopy_cases[] = {
	KTEST_CASE(test_access_ok),
	KTEST_CASE(test_kernel_addresses_refused),
	KTEST_CASE(test_unmapped_faults),
	KTEST_CASE(test_mapped_page),
	KTEST_CASE(test_smap_blocks_plain_access),
	{}
};

static struct ktest_suite usercopy_suite = {
	.name = "usercopy",
	.cases = usercopy_cases,
};
ktest_register_suite(usercopy_suite);
