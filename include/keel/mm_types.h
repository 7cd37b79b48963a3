/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per physical page frame, in the mem_map array that
 * mm_init() allocates from memblock.  Which fields mean what depends on
 * who owns the page, shown by its flags:
 *
 *   PG_buddy     free, the first page of a free block: lru links it on
 *                its order's free list, order is the block's order
 *                [zone lock]
 *   PG_slab      part of a slab of slab_cache: the slab's first page links
 *                lru on the cache's lists and keeps freelist and inuse
 *                [cache lock]
 *   PG_large_kmalloc  first page of a kmalloc() too big for the slab
 *                caches; order is the allocation's order
 *   PG_reserved  never given to the page allocator (firmware, the image,
 *                memblock allocations)
 *   PG_poisoned  (DEBUG_PAGEALLOC) free and filled with PAGE_POISON
 *
 * Other pages are allocated, and their owner may use lru.  _refcount
 * (include/keel/page_ref.h) is 0 for a free page and for every page of
 * an allocated block but the first, whose order field then holds the
 * block's order (put_page() frees the whole block); split_page() makes
 * each page of a block a block of its own.  Reserved pages count 1.
 */
#ifndef _KEEL_MM_TYPES_H
#define _KEEL_MM_TYPES_H

#include <keel/atomic.h>
#include <keel/list.h>
#include <keel/rwsem.h>
#include <keel/spinlock.h>
#include <keel/types.h>
#include <keel/vma.h>
#include <asm/pgtable_types.h>

struct kmem_cache;

enum pageflags {
	PG_reserved,
	PG_buddy,
	PG_slab,
	PG_large_kmalloc,
	PG_poisoned,
};

struct page {
	unsigned long flags;
	struct list_head lru;
	atomic_t _refcount;		/* references; 0: free (page_ref.h) */
	unsigned int order;		/* free or allocated block's order */
	unsigned int inuse;		/* slab: objects allocated */
	struct kmem_cache *slab_cache;	/* slab: on every page of the slab */
	void *freelist;			/* slab: first free object */
};

static inline bool page_test_flag(const struct page *page, enum pageflags f)
{
	return page->flags & (1UL << f);
}

static inline void page_set_flag(struct page *page, enum pageflags f)
{
	page->flags |= 1UL << f;
}

static inline void page_clear_flag(struct page *page, enum pageflags f)
{
	page->flags &= ~(1UL << f);
}

/*
 * An address space, as in Linux: its page tables, its VMAs and their
 * lock, and the counters.  The kernel's is init_mm (mm/init-mm.c), which
 * kernel threads borrow as active_mm; user address spaces come from
 * mm_alloc() (kernel/fork.c).  The page-table layout is the
 * architecture's (asm/pgtable.h), which takes struct mm_struct *.
 *
 * Lifetime (include/keel/sched/mm.h): mm_users counts the users of the
 * address space (tasks with it as ->mm, and mmget() callers); when it
 * drops to 0 mmput() tears the mappings down (exit_mmap()).  mm_count
 * counts references to the struct itself, all users together holding
 * one; mmdrop() of the last frees the page-table root and the struct.
 */
struct mm_struct {
	pte_t *pgd;			/* [I] the page-table root */
	struct vma_tree mm_rb;		/* [mmap_lock] the VMAs */
	int map_count;			/* [mmap_lock] VMAs in mm_rb */
	struct rw_semaphore mmap_lock;	/* mmap_read_lock() & co. */
	spinlock_t page_table_lock;	/* every entry of the tables */
	atomic_t mm_users;		/* users of the address space */
	atomic_t mm_count;		/* references to the struct */

	/*
	 * Resident pages: every user page-table entry that maps a page
	 * (memory.c counts as it maps and unmaps), and the most there ever
	 * were, for ru_maxrss and VmHWM.
	 */
	atomic_long_t rss;
	unsigned long hiwater_rss;

	/* Filled in by exec and the mapping calls; [mmap_lock]. */
	unsigned long mmap_base;	/* mmap() allocates down from here */
	unsigned long total_vm;		/* pages mapped */
	unsigned long locked_vm;	/* pages with VM_LOCKED */
	unsigned long data_vm;		/* private writable, not stack */
	unsigned long exec_vm;		/* executable, not writable */
	unsigned long stack_vm;		/* stack */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	/*
	 * The file exec loaded (/proc/<pid>/exe), with a reference; set
	 * before the address space is installed, then fixed.
	 */
	struct file *exe_file;
};

extern struct mm_struct init_mm;

#endif /* _KEEL_MM_TYPES_H */
