/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TLB flushing on the one CPU Keel runs on.  Kernel mappings are global
 * (they stay in the TLB across CR3 loads), so a full flush toggles
 * CR4.PGE, which drops global entries too; invlpg drops one page's entry,
 * global or not.  With SMP these become shootdowns.
 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <asm/page.h>
#include <asm/processor.h>

#define X86_CR4_PGE	(1UL << 7)

static inline void write_cr4(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(val) : "memory");
}

static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

/* Everything, global entries included. */
static inline void flush_tlb_all(void)
{
	unsigned long cr4 = read_cr4();

	if (cr4 & X86_CR4_PGE) {
		write_cr4(cr4 & ~X86_CR4_PGE);
		write_cr4(cr4);
	} else {
		write_cr3(read_cr3());
	}
}

/* Past this many pages one full flush is cheaper than invlpg each. */
#define TLB_FLUSH_ALL_CEILING	33

static inline void flush_tlb_kernel_range(unsigned long start,
					  unsigned long end)
{
	unsigned long addr;

	if ((end - start) >> PAGE_SHIFT > TLB_FLUSH_ALL_CEILING) {
		flush_tlb_all();
		return;
	}
	for (addr = start; addr < end; addr += PAGE_SIZE)
		__flush_tlb_one_kernel(addr);
}

#endif /* _ASM_X86_TLBFLUSH_H */
