// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc, vfree and the vmalloc address space that ioremap() and kernel
 * stacks share.  Areas live in one VMA tree; each reserves a guard page
 * after its end that is never mapped.  Pages come one at a time from the
 * page allocator, so a large vmalloc() needs no contiguous memory.
 * The tree is its own, not init_mm's (which has no VMAs), as Linux keeps
 * vmap areas apart: see Documentation/mm/mm_struct.rst.
 * Lock order: vmap_area_lock (tree membership only) is never held while
 * allocating, mapping or freeing; init_mm.page_table_lock nests nowhere.
 */
#include <keel/bug.h>
#include <keel/err.h>
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/slab.h>
#include <keel/spinlock.h>
#include <keel/vmalloc.h>
#include <asm/pgtable.h>

static DEFINE_SPINLOCK(vmap_area_lock);
static struct vma_tree vmap_tree = VMA_TREE_INIT;	/* vmap_area_lock */
static struct kmem_cache *vm_struct_cache;

static struct vm_struct *__get_vm_area(unsigned long size,
				       unsigned long align,
				       unsigned long flags)
{
	struct vm_struct *area;
	unsigned long addr, irqflags;

	if (!vm_struct_cache || !size || size > VMALLOC_END - VMALLOC_START)
		return NULL;
	area = kmem_cache_zalloc(vm_struct_cache, GFP_KERNEL);
	if (!area)
		return NULL;
	size = ALIGN(size, PAGE_SIZE);
	spin_lock_irqsave(&vmap_area_lock, irqflags);
	addr = vma_get_unmapped_area(&vmap_tree, VMALLOC_START, VMALLOC_END,
				     size + PAGE_SIZE, align);
	if (!IS_ERR_VALUE(addr)) {
		area->vma.vm_start = addr;
		area->vma.vm_end = addr + size + PAGE_SIZE;
		/* The range was just found free under the same lock. */
		vma_insert(&vmap_tree, &area->vma);
	}
	spin_unlock_irqrestore(&vmap_area_lock, irqflags);
	if (IS_ERR_VALUE(addr)) {
		kmem_cache_free(vm_struct_cache, area);
		return NULL;
	}
	area->addr = (void *)addr;
	area->size = size;
	area->flags = flags;
	return area;
}

struct vm_struct *get_vm_area(unsigned long size, unsigned long flags)
{
	return __get_vm_area(size, PAGE_SIZE, flags);
}

void free_vm_area(struct vm_struct *area)
{
	unsigned long irqflags;

	spin_lock_irqsave(&vmap_area_lock, irqflags);
	vma_remove(&vmap_tree, &area->vma);
	spin_unlock_irqrestore(&vmap_area_lock, irqflags);
	kmem_cache_free(vm_struct_cache, area);
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_area_struct *vma;
	struct vm_struct *area = NULL;
	unsigned long irqflags;

	spin_lock_irqsave(&vmap_area_lock, irqflags);
	vma = vma_find(&vmap_tree, (unsigned long)addr);
	if (vma) {
		area = container_of(vma, struct vm_struct, vma);
		if ((unsigned long)addr - (unsigned long)area->addr >= area->size)
			area = NULL;	/* its guard page */
	}
	spin_unlock_irqrestore(&vmap_area_lock, irqflags);
	return area;
}

/* Unmap and free the first @nr pages of @area, then the area itself. */
static void release_pages_and_area(struct vm_struct *area, unsigned int nr)
{
	unsigned int i;

	unmap_pages(&init_mm, (unsigned long)area->addr, area->size);
	for (i = 0; i < nr; i++)
		__free_pages(area->pages[i], 0);
	kfree(area->pages);
	free_vm_area(area);
}

static void *__vmalloc(unsigned long size, unsigned long align, gfp_t gfp,
		       unsigned long flags)
{
	struct vm_struct *area = __get_vm_area(size, align, flags);
	unsigned int i;

	if (!area)
		return NULL;
	area->nr_pages = area->size >> PAGE_SHIFT;
	area->pages = kcalloc(area->nr_pages, sizeof(*area->pages), gfp);
	if (!area->pages)
		goto free_area;
	for (i = 0; i < area->nr_pages; i++) {
		unsigned long va = (unsigned long)area->addr + i * PAGE_SIZE;
		struct page *page = alloc_page(gfp);

		if (!page)
			goto free_pages;
		area->pages[i] = page;
		if (map_pages(&init_mm, va, PFN_PHYS(page_to_pfn(page)),
			      PAGE_SIZE, PAGE_KERNEL, PG_LEVEL_4K)) {
			i++;
			goto free_pages;
		}
	}
	return area->addr;

free_pages:
	release_pages_and_area(area, i);
	return NULL;
free_area:
	free_vm_area(area);
	return NULL;
}

void *vmalloc(unsigned long size)
{
	return __vmalloc(size, PAGE_SIZE, GFP_KERNEL, VM_ALLOC);
}

void *vzalloc(unsigned long size)
{
	return __vmalloc(size, PAGE_SIZE, GFP_KERNEL | __GFP_ZERO, VM_ALLOC);
}

void vfree(const void *addr)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = find_vm_area(addr);
	if (!area || area->addr != addr || !(area->flags & VM_ALLOC)) {
		pr_err("Trying to vfree() nonexistent vm area (%p)\n", addr);
		WARN_ON(1);
		return;
	}
	release_pages_and_area(area, area->nr_pages);
}

struct page *vmalloc_to_page(const void *addr)
{
	enum pg_level level;
	pte_t *pte;

	if (!is_vmalloc_addr(addr))
		return NULL;
	pte = lookup_address((unsigned long)addr, &level);
	if (!pte || !pte_present(*pte) || level != PG_LEVEL_4K)
		return NULL;
	return pfn_to_page(PFN_DOWN(pte_val(*pte) & PTE_PFN_MASK));
}

void *alloc_thread_stack(void)
{
	return __vmalloc(THREAD_SIZE, THREAD_SIZE, GFP_KERNEL,
			 VM_ALLOC | VM_STACK);
}

void free_thread_stack(void *stack)
{
	vfree(stack);
}

void vmalloc_init(void)
{
	vm_struct_cache = kmem_cache_create("vm_struct",
					    sizeof(struct vm_struct), 0, 0,
					    NULL);
	if (!vm_struct_cache)
		panic("vmalloc: cannot create the vm_struct cache");
}
