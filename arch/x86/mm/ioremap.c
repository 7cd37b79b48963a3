// SPDX-License-Identifier: GPL-2.0
/*
 * ioremap(): a kernel address for device memory (MMIO).  For now devices
 * are reached through the boot page tables, which map the first 4 GiB
 * (where PCs put the local APIC, the IO-APIC and the PCI hole) at
 * PAGE_OFFSET; anything higher is refused.
 */
#include <keel/printk.h>
#include <asm/io.h>
#include <asm/page.h>

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	if (phys + size < phys || phys + size > BOOT_DIRECT_MAP_SIZE) {
		pr_err("ioremap: %#llx+%#zx is beyond the boot direct map\n",
		       (unsigned long long)phys, size);
		return NULL;
	}
	return (void __iomem *)__va(phys);
}

void iounmap(volatile void __iomem *addr)
{
}
