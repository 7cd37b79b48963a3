/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmalloc: virtually contiguous kernel memory built from single pages,
 * mapped between VMALLOC_START and VMALLOC_END (mm/vmalloc.c).  Every area
 * is followed by an unmapped guard page, so the page below any area is
 * unmapped too; ioremap() and kernel stacks take their areas from here.
 */
#ifndef _KEEL_VMALLOC_H
#define _KEEL_VMALLOC_H

#include <keel/types.h>
#include <keel/vma.h>
#include <asm/pgtable_types.h>

struct page;

/* vm_struct.flags: who made the area. */
#define VM_IOREMAP	0x1UL	/* ioremap(): device memory, no pages */
#define VM_ALLOC	0x2UL	/* vmalloc(): pages from the page allocator */
#define VM_STACK	0x4UL	/* alloc_thread_stack() */

/*
 * One area.  The vmalloc lock protects @vma's links; the rest is set
 * before the area is inserted and is immutable after, until it is freed.
 */
struct vm_struct {
	struct vm_area_struct vma;	/* addr .. addr + size + guard page */
	void *addr;
	unsigned long size;		/* bytes, the guard page not included */
	unsigned long flags;
	struct page **pages;		/* VM_ALLOC: nr_pages pages */
	unsigned int nr_pages;
	phys_addr_t phys_addr;		/* VM_IOREMAP: the first page mapped */
};

/* NULL when out of memory or for a size of 0. */
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
/* Frees what vmalloc() returned; NULL is ignored. */
void vfree(const void *addr);

/* The page mapped at @addr, a vmalloc address; NULL if none is. */
struct page *vmalloc_to_page(const void *addr);

/* The area whose [addr, addr + size) contains @addr, or NULL. */
struct vm_struct *find_vm_area(const void *addr);

/*
 * Reserve an area of @size bytes (page-aligned) plus a guard page,
 * mapping nothing; free_vm_area() removes it once its pages are unmapped.
 */
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags);
void free_vm_area(struct vm_struct *area);

/* A THREAD_SIZE-aligned kernel stack with an unmapped page below it. */
void *alloc_thread_stack(void);
void free_thread_stack(void *stack);

static inline bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

/* Called by start_kernel() once kmalloc works; vmalloc() fails before. */
void vmalloc_init(void);

#endif /* _KEEL_VMALLOC_H */
