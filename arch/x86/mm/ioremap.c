// SPDX-License-Identifier: GPL-2.0
/*
 * ioremap(): a kernel address for device memory (MMIO), mapped uncached
 * (PCD|PWT) in an area of the vmalloc space.  It needs vmalloc_init(), so
 * it fails (NULL) before start_kernel() gets there: nothing maps devices
 * that early; firmware tables are read through the direct map instead.
 */
#include <keel/printk.h>
#include <keel/vmalloc.h>
#include <asm/io.h>
#include <asm/pgtable.h>

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t base = ALIGN_DOWN(phys, PAGE_SIZE);
	phys_addr_t last = phys + size - 1;
	struct vm_struct *area;
	unsigned long len;

	if (!size || last < phys) {
		pr_err("ioremap: invalid range %#llx+%#zx\n",
		       (unsigned long long)phys, size);
		return NULL;
	}
	len = ALIGN(last + 1 - base, PAGE_SIZE);
	area = get_vm_area(len, VM_IOREMAP);
	if (!area) {
		pr_err("ioremap: no room for %#llx+%#zx\n",
		       (unsigned long long)phys, size);
		return NULL;
	}
	area->phys_addr = base;
	if (map_pages(&init_mm, (unsigned long)area->addr, base, len,
		      PAGE_KERNEL_NOCACHE, PG_LEVEL_4K)) {
		unmap_pages(&init_mm, (unsigned long)area->addr, len);
		free_vm_area(area);
		return NULL;
	}
	return (void __iomem *)((unsigned long)area->addr + (phys - base));
}

void iounmap(volatile void __iomem *addr)
{
	void *start = (void *)ALIGN_DOWN((unsigned long)addr, PAGE_SIZE);
	struct vm_struct *area = find_vm_area(start);

	if (!addr)
		return;
	if (!area || area->addr != start || !(area->flags & VM_IOREMAP)) {
		pr_err("iounmap: bad address %p\n", (void __force *)addr);
		return;
	}
	unmap_pages(&init_mm, (unsigned long)area->addr, area->size);
	free_vm_area(area);
}
