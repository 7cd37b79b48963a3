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
#include <keel/kernel.h>
#include <keel/mm_types.h>
#include <keel/page_ref.h>
#include <keel/types.h>
#include <asm/page.h>

#define MAX_ORDER		10
#define NR_PAGE_ORDERS		(MAX_ORDER + 1)

#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)
#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)
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

/*
 * --- User address spaces (mm/mmap.c, mm/memory.c) ---
 *
 * An mm_struct's VMAs say what each range of the user half maps; the page
 * tables fill in on demand, from the page-fault handler.  vm_flags, with
 * Linux's values: VM_READ..VM_SHARED are what the mapping allows now,
 * VM_MAYREAD..VM_MAYSHARE (the same bits << 4) what mprotect() may allow.
 */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL	/* a stack: faults below extend it */
#define VM_LOCKED	0x00002000UL
#define VM_SEQ_READ	0x00008000UL
#define VM_RAND_READ	0x00010000UL
#define VM_DONTCOPY	0x00020000UL	/* fork leaves it out (MADV_DONTFORK) */
#define VM_DONTEXPAND	0x00040000UL
#define VM_ACCOUNT	0x00100000UL
#define VM_NORESERVE	0x00200000UL
#define VM_WIPEONFORK	0x02000000UL	/* the child gets it empty */
#define VM_DONTDUMP	0x04000000UL

#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)

/* Where exec puts the stack, and mmap()'s top: 128 MiB below it. */
#define STACK_TOP	TASK_SIZE
#define MMAP_MIN_GAP	(128UL << 20)
#define MMAP_BASE	(STACK_TOP - MMAP_MIN_GAP)
/* Hints and MAP_FIXED below this are refused (Linux's mmap_min_addr). */
#define MMAP_MIN_ADDR	PAGE_SIZE
/* Linux's sysctl_max_map_count default. */
#define DEFAULT_MAX_MAP_COUNT	65530
/* Room kept below a VM_GROWSDOWN area (Linux's stack_guard_gap). */
#define STACK_GUARD_GAP	(256UL << PAGE_SHIFT)
/* How far a stack may grow: RLIMIT_STACK's default, 8 MiB. */
#define STACK_RLIMIT	(8UL << 20)

/* handle_mm_fault()'s flags, Linux's values (FAULT_FLAG_NOALLOC: Keel's). */
#define FAULT_FLAG_WRITE	(1U << 0)
#define FAULT_FLAG_USER		(1U << 6)
#define FAULT_FLAG_INSTRUCTION	(1U << 8)
#define FAULT_FLAG_NOALLOC	(1U << 16)	/* vm_ops->fault: find only */

/* handle_mm_fault()'s result: 0 or these, Linux's values. */
typedef unsigned int vm_fault_t;
#define VM_FAULT_OOM		0x000001
#define VM_FAULT_SIGBUS		0x000002
#define VM_FAULT_SIGSEGV	0x000040
#define VM_FAULT_ERROR		(VM_FAULT_OOM | VM_FAULT_SIGBUS | \
				 VM_FAULT_SIGSEGV)

struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;		/* page-aligned */
	unsigned long pgoff;		/* in the file or object */
	unsigned int flags;		/* FAULT_FLAG_* */
	struct page *page;		/* ->fault()'s, with a reference */
};

/*
 * A mapping whose pages come from somewhere (a file's page cache, a
 * shared anonymous object).  open() is called for each new copy of the
 * VMA (split, fork, mremap), close() for each VMA going; fault() finds
 * or makes the page at vmf->pgoff and returns it in vmf->page with a
 * reference, or returns VM_FAULT_SIGBUS (past the end) or VM_FAULT_OOM.
 * It runs under mmap_lock (read) and must not take i_rwsem, which
 * read() and write() hold while they fault on user memory.
 */
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma);
	void (*close)(struct vm_area_struct *vma);
	vm_fault_t (*fault)(struct vm_fault *vmf);
};

/* The page-table entry bits for an area with @vm_flags (no page yet). */
pgprot_t vm_get_page_prot(unsigned long vm_flags);

/* The area of @mm containing @addr or the first above it, or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);

/*
 * Grow the VM_GROWSDOWN @vma down to @address's page; mmap_lock held for
 * writing.  0 or -ENOMEM (no room, or past STACK_RLIMIT).
 */
int expand_stack_locked(struct vm_area_struct *vma, unsigned long address);

/*
 * Resolve a fault at @address in @vma, whose vm_flags allow the access:
 * a zeroed anonymous page, the file's or object's page, or a copy on
 * write.  mmap_lock held (read).  0 or VM_FAULT_* errors.
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags);

/*
 * The kernel-side calls, for exec and fork, as in Linux.  vm_mmap() takes
 * the current task's mmap_lock and returns the address or -errno (test
 * with IS_ERR_VALUE()); @offset is in bytes.  vm_munmap() and
 * vm_brk_flags() (an anonymous private read-write area at exactly @addr,
 * replacing what was there; @flags may only be VM_EXEC) take it too.
 * dup_mmap() copies @oldmm's areas into the new, empty @mm for fork:
 * private pages are shared read-only until one side writes, shared ones
 * stay shared, VM_DONTCOPY areas are left out.  exit_mmap()
 * (<keel/sched/mm.h>) drops every page the address space maps.
 */
unsigned long vm_mmap(struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flag, unsigned long offset);
int vm_munmap(unsigned long start, size_t len);
int vm_brk_flags(unsigned long addr, unsigned long len, unsigned long flags);
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm);

/* Locked variants: mmap_lock held for writing, on @mm. */
unsigned long do_mmap(struct mm_struct *mm, struct file *file,
		      unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags,
		      unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);

/*
 * Copy @len bytes between @buf and @mm's memory at @addr, which need not
 * be the current address space (exec filling a new stack, /proc reading
 * another process's): to it with FOLL_WRITE in @gup_flags, from it
 * otherwise.  Pages are faulted in as an access of the owner would,
 * copy on write included, and the areas' vm_flags must allow the access.
 * Returns the bytes copied, stopping at the first page it cannot reach.
 * Takes @mm's mmap_lock for reading.
 */
#define FOLL_WRITE	0x01
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     int len, unsigned int gup_flags);

/*
 * Make @vma's pages a shared anonymous object (MAP_SHARED |
 * MAP_ANONYMOUS): zero-filled pages that every copy of the VMA, in this
 * address space or a forked one, sees.  0 or -ENOMEM.
 */
int shmem_zero_setup(struct vm_area_struct *vma);

/*
 * Run the current kernel thread inside the user address space @mm (its
 * ->mm and ->active_mm, and the CPU's page tables), holding a reference
 * to the struct, until kthread_unuse_mm() goes back to init_mm.
 */
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);

#endif /* _KEEL_MM_H */
