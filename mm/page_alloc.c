// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator: the kernel's one zone of buddy-managed memory, its
 * lock, GFP handling, page poisoning (DEBUG_PAGEALLOC) and mm_init(),
 * which builds mem_map and hands memblock's free memory over.  The buddy
 * algorithm itself is in buddy.c.
 * Locking: zone_lock (irqsave: interrupt handlers allocate too) protects
 * the zone's free lists and counters.  It is innermost among the
 * allocators' locks: the slab drops its cache locks before it calls in,
 * and only slab_caches_lock (kmem_cache_shrink_all()) is held around it.
 */
#define pr_fmt(fmt) fmt

#include <keel/bug.h>
#include <keel/debug_report.h>
#include <keel/hardirq.h>
#include <keel/memblock.h>
#include <keel/mm.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/sched.h>
#include <keel/shrinker.h>
#include <keel/slab.h>
#include <keel/spinlock.h>
#include <keel/string.h>

#include "internal.h"

struct page *mem_map;
unsigned long max_pfn;

static DEFINE_SPINLOCK(zone_lock);
static struct buddy_zone zone;		/* [zone_lock] */
static unsigned long totalram;		/* set once by mm_init() */
static bool page_alloc_up;

#ifdef CONFIG_DEBUG_PAGEALLOC
#define PAGE_POISON	0xaa

static void poison_pages(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		memset(page_address(page + i), PAGE_POISON, PAGE_SIZE);
		page_set_flag(page + i, PG_poisoned);
	}
}

static void report_corruption(struct page *page, const u8 *bad)
{
	const u8 *start = page_address(page);
	size_t off = bad - start;

	pr_err("pagealloc: memory corruption in pfn %#lx at offset %#zx: 0x%02x instead of 0x%02x\n",
	       page_to_pfn(page), off, *bad, PAGE_POISON);
	dump_stack();
	debug_report(DEBUG_REPORT_PAGE_POISON);
}

/* Pages freed at boot were never poisoned, so only flagged ones count. */
static void check_poison(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		const u8 *bad;

		if (!page_test_flag(page + i, PG_poisoned))
			continue;
		page_clear_flag(page + i, PG_poisoned);
		bad = memchr_inv(page_address(page + i), PAGE_POISON,
				 PAGE_SIZE);
		if (bad)
			report_corruption(page + i, bad);
	}
}
#else
static void poison_pages(struct page *page, unsigned int order)
{
}

static void check_poison(struct page *page, unsigned int order)
{
}
#endif

static void bad_page(struct page *page, const char *reason);

/* A page handed out must have no references left (Linux's check). */
static void prep_new_page(struct page *page, unsigned int order)
{
	if (page_ref_count(page))
		bad_page(page, "nonzero _refcount");
	set_page_refcounted(page);
	page->order = order;
}

static struct page *zone_alloc(unsigned int order)
{
	unsigned long flags;
	struct page *page;

	spin_lock_irqsave(&zone_lock, flags);
	page = buddy_alloc(&zone, order);
	spin_unlock_irqrestore(&zone_lock, flags);
	return page;
}

/* Retries at priority 0 while the shrinkers still free something. */
#define MAX_RECLAIM_RETRIES	16

/*
 * Out of pages: ask the shrinkers for ever larger shares of their caches
 * (priority DEF_PRIORITY down to 0), retrying after each round that
 * freed something, then for all of them while that still frees some.
 */
static struct page *alloc_pages_reclaim(gfp_t gfp, unsigned int order)
{
	struct page *page;
	int priority, retries;

	for (priority = DEF_PRIORITY; priority >= 0; priority--) {
		page = shrink_slab(gfp, priority) ? zone_alloc(order) : NULL;
		if (page)
			return page;
	}
	for (retries = 0; retries < MAX_RECLAIM_RETRIES; retries++) {
		if (!shrink_slab(gfp, 0))
			break;
		page = zone_alloc(order);
		if (page)
			return page;
	}
	return NULL;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long flags;
	struct page *page;

	WARN_ON((gfp & __GFP_DIRECT_RECLAIM) && in_hardirq());
	might_alloc(gfp);
	spin_lock_irqsave(&zone_lock, flags);
	page = buddy_alloc(&zone, order);
	spin_unlock_irqrestore(&zone_lock, flags);

	/* Out of pages: ask the shrinkers for memory, and retry. */
	if (!page && (gfp & __GFP_DIRECT_RECLAIM))
		page = alloc_pages_reclaim(gfp, order);
	if (!page) {
		if (!(gfp & __GFP_NOWARN)) {
			pr_warn("page allocation failure: order:%u, mode:%#x\n",
				order, gfp);
			dump_stack();
		}
		return NULL;
	}
	check_poison(page, order);
	prep_new_page(page, order);
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

void dump_page(const struct page *page, const char *reason)
{
	pr_warn("page:%p refcount:%d pfn:%#lx order:%u flags:%#lx\n", page,
		page_ref_count(page), page_to_pfn(page), page->order,
		page->flags);
	pr_warn("page dumped because: %s\n", reason);
}

/* Linux's report for a page in the wrong state for what is done to it. */
static void bad_page(struct page *page, const char *reason)
{
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n",
		 current->comm, page_to_pfn(page));
	dump_page(page, reason);
	dump_stack();
	debug_report(DEBUG_REPORT_BAD_PAGE);
}

static const char *free_page_problem(const struct page *page,
				     unsigned int order)
{
	if (order > MAX_ORDER)
		return "order too large";
	if (page_test_flag(page, PG_reserved))
		return "PAGE_FLAGS_CHECK_AT_FREE flag(s) set: reserved";
	if (page_test_flag(page, PG_slab))
		return "PAGE_FLAGS_CHECK_AT_FREE flag(s) set: slab";
	if (page_test_flag(page, PG_large_kmalloc))
		return "PAGE_FLAGS_CHECK_AT_FREE flag(s) set: large_kmalloc";
	return NULL;
}

/*
 * The double-free check and the free are one step under the zone lock;
 * poisoning is done there too, so a page is never seen free unpoisoned.
 */
static void free_pages_ok(struct page *page, unsigned int order)
{
	const char *problem = free_page_problem(page, order);
	unsigned long flags;

	if (problem) {
		bad_page(page, problem);
		return;
	}
	spin_lock_irqsave(&zone_lock, flags);
	if (buddy_range_is_free(&zone, page, order)) {
		spin_unlock_irqrestore(&zone_lock, flags);
		bad_page(page, "freeing a page that is already free");
		return;
	}
	poison_pages(page, order);
	buddy_free(&zone, page, order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

/*
 * Add @delta (+1 or -1) to the count and return the new count.  A count
 * already at 0 is reported (Linux's DEBUG_VM check) and left alone, so
 * a double free, or a get or put of a free page, changes nothing (-1).
 */
static int page_ref_change_checked(struct page *page, int delta)
{
	int old = page_ref_count(page);

	do {
		if (old <= 0) {
			bad_page(page, "VM_BUG_ON_PAGE(page_ref_count(page) == 0)");
			return -1;
		}
	} while (!atomic_try_cmpxchg(&page->_refcount, &old, old + delta));
	return old + delta;
}

void __free_pages(struct page *page, unsigned int order)
{
	if (page_ref_change_checked(page, -1) == 0)
		free_pages_ok(page, order);
}

void put_page(struct page *page)
{
	if (page_ref_change_checked(page, -1) == 0)
		free_pages_ok(page, page->order);
}

void get_page(struct page *page)
{
	page_ref_change_checked(page, 1);
}

/* Each page of the allocated 2^order block becomes an order-0 block. */
void split_page(struct page *page, unsigned int order)
{
	unsigned long i;

	page->order = 0;
	for (i = 1; i < (1UL << order); i++) {
		page[i].order = 0;
		set_page_refcounted(page + i);
	}
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

unsigned long nr_free_pages(void)
{
	return READ_ONCE(zone.free_pages);
}

unsigned long totalram_pages(void)
{
	return totalram;
}

bool page_alloc_ready(void)
{
	return page_alloc_up;
}

/* Boundaries of the image's parts, from keel.lds.S. */
extern const char _text[], _etext[], _srodata[], _erodata[];
extern const char _sdata[], _edata[], __bss_start[], __bss_stop[];

static void print_memory_line(void)
{
	unsigned long physpages = PFN_DOWN(memblock_phys_mem_size());

	pr_info("Memory: %luK/%luK available (%zuK kernel code, %zuK rwdata, %zuK rodata, %zuK bss, %luK reserved)\n",
		totalram << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
		(size_t)(_etext - _text) >> 10, (size_t)(_edata - _sdata) >> 10,
		(size_t)(_erodata - _srodata) >> 10,
		(size_t)(__bss_stop - __bss_start) >> 10,
		(physpages - totalram) << (PAGE_SHIFT - 10));
}

void mm_init(void)
{
	phys_addr_t start, end;
	unsigned int idx = 0;
	unsigned long pfn;

	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	mem_map = memblock_alloc(max_pfn * sizeof(struct page), PAGE_SIZE);
	if (!mem_map)
		panic("Out of memory: no room for %lu struct pages", max_pfn);
	for (pfn = 0; pfn < max_pfn; pfn++) {
		page_set_flag(&mem_map[pfn], PG_reserved);
		set_page_count(&mem_map[pfn], 1);
	}
	buddy_init(&zone, mem_map, 0, max_pfn);

	/* From here on the buddy allocator owns memblock's free memory. */
	memblock.current_limit = 0;
	while (memblock_next_free_range(&memblock, &idx, &start, &end)) {
		unsigned long spfn = PFN_UP(start), epfn = PFN_DOWN(end);

		for (pfn = spfn; pfn < epfn; pfn++) {
			page_clear_flag(&mem_map[pfn], PG_reserved);
			set_page_count(&mem_map[pfn], 0);
		}
		if (spfn < epfn)
			buddy_free_range(&zone, spfn, epfn);
	}
	totalram = zone.free_pages;
	page_alloc_up = true;
	print_memory_line();
	kmem_cache_init();
}
