// SPDX-License-Identifier: GPL-2.0
/*
 * Shared anonymous memory (mmap(MAP_SHARED | MAP_ANONYMOUS)): the pages
 * live in an object of their own, indexed by page offset, which every
 * copy of the area (after a split, an mremap() or a fork) references, so
 * they all see the same bytes.  Linux backs such a mapping with a file
 * on an internal tmpfs; Keel needs no file for it, only the page index.
 *
 * Lock: the object's mutex covers its index; faults take it under
 * mmap_lock.
 */
#include <keel/atomic.h>
#include <keel/errno.h>
#include <keel/mm.h>
#include <keel/mutex.h>
#include <keel/page_index.h>
#include <keel/slab.h>

struct shmem_object {
	atomic_t refs;			/* VMAs using it */
	struct mutex lock;
	struct page_index pages;	/* [lock] page_address() of each */
};

static void *shmem_alloc_node(size_t size)
{
	return kzalloc(size, GFP_KERNEL);
}

static void shmem_free_node(void *node)
{
	kfree(node);
}

static void shmem_put_page(void *addr)
{
	put_page(virt_to_page(addr));
}

static void shmem_vm_open(struct vm_area_struct *vma)
{
	struct shmem_object *obj = vma->vm_private_data;

	atomic_inc(&obj->refs);
}

static void shmem_vm_close(struct vm_area_struct *vma)
{
	struct shmem_object *obj = vma->vm_private_data;

	if (!atomic_dec_and_test(&obj->refs))
		return;
	page_index_truncate(&obj->pages, 0, shmem_put_page);
	kfree(obj);
}

static vm_fault_t shmem_vm_fault(struct vm_fault *vmf)
{
	struct shmem_object *obj = vmf->vma->vm_private_data;
	vm_fault_t ret = 0;
	struct page *page;
	void *addr;

	mutex_lock(&obj->lock);
	addr = page_index_lookup(&obj->pages, vmf->pgoff);
	if (addr) {
		page = virt_to_page(addr);
	} else if (vmf->flags & FAULT_FLAG_NOALLOC) {
		page = NULL;
	} else {
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (page && page_index_insert(&obj->pages, vmf->pgoff,
					      page_address(page))) {
			put_page(page);
			page = NULL;
		}
		if (!page)
			ret = VM_FAULT_OOM;
	}
	if (page)
		get_page(page);
	mutex_unlock(&obj->lock);
	vmf->page = page;
	return ret;
}

static const struct vm_operations_struct shmem_anon_vm_ops = {
	.open = shmem_vm_open,
	.close = shmem_vm_close,
	.fault = shmem_vm_fault,
};

int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct shmem_object *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return -ENOMEM;
	atomic_set(&obj->refs, 1);
	mutex_init(&obj->lock);
	page_index_init(&obj->pages, shmem_alloc_node,
			shmem_free_node);
	vma->vm_ops = &shmem_anon_vm_ops;
	vma->vm_private_data = obj;
	return 0;
}
