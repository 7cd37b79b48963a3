/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page allocator: blocks of 2^order physically contiguous pages, from
 * order 0 (one page) to MAX_ORDER (4 MiB), as in Linux.  It works once
 * mm_init() has handed memblock's free memory over; before that, early
 * code allocates with memblock.  Allocation never panics: it returns NULL
 * (or 0) when memory runs out, after asking the shrinkers for memory if
 * the gfp allows reclaim (include/keel/shrinker.h).
 */
#ifndef _KEEL_MM_H
#define _KEEL_MM_H

#include <keel/gfp.h>
#include <keel/mm_types.h>
#include <keel/page_ref.h>
#include <keel/types.h>
#include <asm/page.h>

#define MAX_ORDER		10
#define NR_PAGE_ORDERS		(MAX_ORDER + 1)

#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)

/* Every page frame below memblock_end_of_DRAM(), indexed by pfn. */
extern struct page *mem_map;
extern unsigned long max_pfn;		/* mem_map's length */

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return page - mem_map;
}

/* The direct-map address of @page's memory. */
static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

/* Direct-map and kernel-image addresses only (not vmalloc). */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PFN_DOWN(__pa(addr)));
}

/*
 * True for a direct-map or kernel-image address with a struct page:
 * virt_to_page() may be used on it (never on vmalloc or user addresses).
 */
static inline bool virt_addr_valid(const void *addr)
{
	unsigned long x = (unsigned long)addr;

	if (x < PAGE_OFFSET)
		return false;
	if (x < __START_KERNEL_map && x - PAGE_OFFSET >= PFN_PHYS(max_pfn))
		return false;
	return PFN_DOWN(__pa(addr)) < max_pfn;
}

/*
 * alloc_pages() returns the block's first page with one reference and
 * its order in page->order.  __free_pages() drops a reference and frees
 * the block when it was the last, as in Linux; @order must be the
 * block's.  To free an order-n block as 2^n single pages, split_page()
 * it first.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
void split_page(struct page *page, unsigned int order);

/*
 * Take and drop a reference to an allocated block (through its first
 * page).  put_page() of the last reference frees the block with the
 * order alloc_pages() recorded.  get_page() or put_page() of a page
 * whose count is 0 (free, or not the first page of a block) is
 * reported as a bad page and not done.
 */
void get_page(struct page *page);
void put_page(struct page *page);

static inline struct page *alloc_page(gfp_t gfp)
{
	return alloc_pages(gfp, 0);
}

/* Kernel virtual address of the block, or 0. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);

static inline unsigned long __get_free_page(gfp_t gfp)
{
	return __get_free_pages(gfp, 0);
}
void free_pages(unsigned long addr, unsigned int order);

static inline void free_page(unsigned long addr)
{
	free_pages(addr, 0);
}

/* The smallest order whose block holds @size bytes. */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);	/* pages the allocator manages */

/* True once mm_init() has handed memblock's free memory to the allocator. */
bool page_alloc_ready(void);

/* Print @page's state and why (Linux's "page dumped because: ..."). */
void dump_page(const struct page *page, const char *reason);

/* Set up struct pages, the page allocator and kmalloc. */
void mm_init(void);

#endif /* _KEEL_MM_H */
