/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86_64 address-space constants Keel shares with Linux: the kernel
 * image runs in the top 2 GiB (__START_KERNEL_map) and all of low physical
 * memory is mapped at PAGE_OFFSET (the direct map).
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <keel/const.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))

/* The boot CPU's stack while it starts the kernel. */
#define THREAD_SIZE		(4 * PAGE_SIZE)

/* Where GRUB loads the image: 1 MiB, so it fits machines with 16 MiB. */
#define LOAD_PHYSICAL_ADDR	0x100000

#define __START_KERNEL_map	_AC(0xffffffff80000000, UL)
#define PAGE_OFFSET		_AC(0xffff888000000000, UL)

/*
 * The user half: 47 bits, less the last page below the canonical hole,
 * which is never mapped so that a system call returning there cannot
 * fall into non-canonical addresses (Linux's TASK_SIZE_MAX).  Every
 * task has the whole of it (TASK_SIZE).
 */
#define TASK_SIZE_MAX		((_AC(1, UL) << 47) - PAGE_SIZE)
#define TASK_SIZE		TASK_SIZE_MAX

#ifndef __ASSEMBLY__
#include <keel/types.h>

/*
 * The boot page tables direct-map the first 4 GiB.  paging_init() keeps
 * RAM and the firmware ranges below 4 GiB mapped (Documentation/mm/x86_64.rst).
 */
#define BOOT_DIRECT_MAP_SIZE	(4UL << 30)

static inline void *__va(phys_addr_t pa)
{
	return (void *)(pa + PAGE_OFFSET);
}

/* Physical address of a direct-map or kernel-image address. */
static inline phys_addr_t __pa(const void *va)
{
	unsigned long x = (unsigned long)va;

	if (x >= __START_KERNEL_map)
		return x - __START_KERNEL_map;
	return x - PAGE_OFFSET;
}
#endif

#endif /* _ASM_X86_PAGE_H */
