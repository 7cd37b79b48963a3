/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 interrupt entry's counters and its C entry point.
 */
#ifndef _ASM_X86_HW_IRQ_H
#define _ASM_X86_HW_IRQ_H

#include <asm/ptrace.h>

/* Written only from interrupt context (one CPU); read anywhere. */
struct irq_cpustat {
	unsigned long __nmi_count;		/* NMI: non-maskable interrupts */
	unsigned long apic_timer_irqs;		/* LOC: local APIC timer */
	unsigned long irq_spurious_count;	/* SPU: APIC and 8259 spurious */
	unsigned long irq_err_count;		/* ERR: vectors nobody owns */
};

extern struct irq_cpustat irq_stat;

struct seq_file;

/*
 * For /proc/interrupts and /proc/stat: the rows after the IRQ lines (NMI,
 * LOC, SPU, ERR), and the sum of these counts, which /proc/stat's "intr"
 * total includes, as in Linux.
 */
void arch_show_interrupts(struct seq_file *m, int prec);
u64 arch_irq_stat(void);

/* Every vector from 32 up enters here (entry_64.S). */
void do_IRQ(struct pt_regs *regs);

#endif /* _ASM_X86_HW_IRQ_H */
