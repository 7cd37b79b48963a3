// SPDX-License-Identifier: GPL-2.0
/*
 * LKDTM crash types for misuse of the heap: overflows, uses after free and
 * bad frees of slab objects, kmalloc() memory and pages.  None of them
 * crashes the kernel: each must be caught and reported by the allocators'
 * checks (DEBUG_SLAB, DEBUG_PAGEALLOC and the checks every free does), and
 * the boot goes on.  The caches are made on first use.
 */
#include "lkdtm.h"

#include <keel/compiler.h>
#include <keel/mm.h>
#include <keel/slab.h>
#include <keel/string.h>

#define HEAP_OBJ_SIZE	64
#define AFTER_FREE_LEN	1024
#define AFTER_FREE_VAL	0x12345678

/* An object of the cache @name, made on first use; NULL if none. */
static int *heap_object(struct kmem_cache **cache, const char *name)
{
	int *obj;

	if (!*cache)
		*cache = kmem_cache_create(name, HEAP_OBJ_SIZE, 0, 0, NULL);
	obj = *cache ? kmem_cache_alloc(*cache, GFP_KERNEL) : NULL;
	if (!obj)
		pr_info("Unable to allocate %s memory.\n", name);
	return obj;
}

static void lkdtm_SLAB_LINEAR_OVERFLOW(void)
{
	size_t len = 1020;
	u32 *data = kmalloc(len, GFP_KERNEL);

	if (!data)
		return;
	pr_info("Attempting slab linear overflow ...\n");
	WRITE_ONCE(data[1024 / sizeof(u32)], 0x12345678);
	kfree(data);
}

/*
 * The object's middle is read back after kfree(): the free pointer may
 * live in its first word.  Poison on free makes the old value disappear.
 */
static void lkdtm_READ_AFTER_FREE(void)
{
	size_t mid = AFTER_FREE_LEN / sizeof(int) / 2;
	int *base = kmalloc(AFTER_FREE_LEN, GFP_KERNEL);
	int saw;

	if (!base) {
		pr_info("Unable to allocate base memory.\n");
		return;
	}
	base[mid] = AFTER_FREE_VAL;
	pr_info("Value in memory before free: %x\n", base[mid]);
	kfree(base);
	pr_info("Attempting bad read from freed memory\n");
	saw = READ_ONCE(base[mid]);
	if (saw != AFTER_FREE_VAL)
		pr_info("Memory correctly poisoned (%x)\n", saw);
	else
		pr_err("FAIL: Memory was not poisoned!\n");
}

/* The write is found when the object is handed out again. */
static void lkdtm_WRITE_AFTER_FREE(void)
{
	size_t mid = AFTER_FREE_LEN / sizeof(int) / 2;
	int *base = kmalloc(AFTER_FREE_LEN, GFP_KERNEL), *again;

	if (!base)
		return;
	pr_info("Allocated memory %p-%p\n", base, base + 2 * mid);
	pr_info("Attempting bad write to freed memory at %p\n", &base[mid]);
	kfree(base);
	WRITE_ONCE(base[mid], 0x0abcdef0);
	again = kmalloc(AFTER_FREE_LEN, GFP_KERNEL);
	kfree(again);
	if (again != base)
		pr_info("Hmm, didn't get the same memory range.\n");
}

static void lkdtm_READ_BUDDY_AFTER_FREE(void)
{
	unsigned long p = __get_free_page(GFP_KERNEL);
	int *base = (int *)p;
	int saw;

	if (!p) {
		pr_info("Unable to allocate free page\n");
		return;
	}
	base[0] = AFTER_FREE_VAL;
	pr_info("Value in memory before free: %x\n", base[0]);
	free_page(p);
	pr_info("Attempting to read from freed memory\n");
	saw = READ_ONCE(base[0]);
	if (saw != AFTER_FREE_VAL)
		pr_info("Memory correctly poisoned (%x)\n", saw);
	else
		pr_err("FAIL: Buddy page was not poisoned!\n");
}

static void lkdtm_WRITE_BUDDY_AFTER_FREE(void)
{
	unsigned long p = __get_free_page(GFP_KERNEL), again;

	if (!p) {
		pr_info("Unable to allocate free page\n");
		return;
	}
	pr_info("Writing to the buddy page before free\n");
	memset((void *)p, 0x3, PAGE_SIZE);
	free_page(p);
	pr_info("Attempting bad write to the buddy page after free\n");
	WRITE_ONCE(*(u32 *)(p + 256), 0x78);
	again = __get_free_page(GFP_KERNEL);
	free_page(again);
	if (again != p)
		pr_info("Hmm, didn't get the same page.\n");
}

static void lkdtm_SLAB_FREE_DOUBLE(void)
{
	static struct kmem_cache *cache;
	int *val = heap_object(&cache, "lkdtm-heap-double_free");

	if (!val)
		return;
	*val = 0x12345678;
	pr_info("Attempting double slab free ...\n");
	kmem_cache_free(cache, val);
	kmem_cache_free(cache, val);
}

static void lkdtm_SLAB_FREE_CROSS(void)
{
	static struct kmem_cache *a_cache, *b_cache;
	int *val = heap_object(&a_cache, "lkdtm-heap-a");
	int *other = heap_object(&b_cache, "lkdtm-heap-b");

	if (val && other) {
		*val = 0x12345679;
		pr_info("Attempting cross-cache slab free ...\n");
		kmem_cache_free(b_cache, val);
	}
	if (val)
		kmem_cache_free(a_cache, val);
	if (other)
		kmem_cache_free(b_cache, other);
}

static void lkdtm_SLAB_FREE_PAGE(void)
{
	unsigned long p = __get_free_page(GFP_KERNEL);

	if (!p)
		return;
	pr_info("Attempting non-Slab slab free ...\n");
	kmem_cache_free(NULL, (void *)p);
	free_page(p);
}

static void lkdtm_KFREE_MIDDLE_LARGE(void)
{
	char *p = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);

	if (!p)
		return;
	pr_info("Attempting kfree() of the middle of a large kmalloc at %p ...\n",
		p + PAGE_SIZE);
	kfree(p + PAGE_SIZE);
	kfree(p);
}

/* Both halves merge back into a larger free block before the second free. */
static void lkdtm_PAGE_FREE_DOUBLE_MERGED(void)
{
	struct page *block = alloc_pages(GFP_KERNEL, 1);

	if (!block)
		return;
	split_page(block, 1);
	__free_pages(block + 1, 0);
	__free_pages(block, 0);
	pr_info("Attempting double free of a page merged into a free block ...\n");
	__free_pages(block + 1, 0);
}

static const struct crashtype crashtypes[] = {
	CRASHTYPE(SLAB_LINEAR_OVERFLOW),
	CRASHTYPE(READ_AFTER_FREE),
	CRASHTYPE(WRITE_AFTER_FREE),
	CRASHTYPE(READ_BUDDY_AFTER_FREE),
	CRASHTYPE(WRITE_BUDDY_AFTER_FREE),
	CRASHTYPE(SLAB_FREE_DOUBLE),
	CRASHTYPE(SLAB_FREE_CROSS),
	CRASHTYPE(SLAB_FREE_PAGE),
	CRASHTYPE(KFREE_MIDDLE_LARGE),
	CRASHTYPE(PAGE_FREE_DOUBLE_MERGED),
};

CRASHTYPE_CATEGORY(heap_crashtypes, crashtypes);
