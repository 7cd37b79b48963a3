// SPDX-License-Identifier: GPL-2.0
/*
 * memblock at boot: memblock_alloc(), which returns zeroed direct-map
 * memory, and the log of the ranges the architecture's memory map gave
 * (arch/x86/kernel/e820.c fills memblock).  The range arithmetic is in
 * memblock.c.
 */
#include <keel/kernel.h>
#include <keel/memblock.h>
#include <keel/printk.h>
#include <keel/string.h>
#include <asm/page.h>

void memblock_print_ranges(void)
{
	phys_addr_t start, end;
	unsigned int idx = 0;

	printk(KERN_INFO "Early memory node ranges\n");
	while (memblock_next_range(&idx, &start, &end))
		printk(KERN_INFO "  node   0: [mem 0x%016llx-0x%016llx]\n",
			(unsigned long long)start,
			(unsigned long long)end - 1);
}

void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t phys = memblock_phys_alloc(size, align);
	void *p;

	if (!phys)
		return NULL;
	p = __va(phys);
	memset(p, 0, size);
	return p;
}
