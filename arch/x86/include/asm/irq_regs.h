/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registers of the code a hard interrupt interrupted, for handlers
 * that report where the CPU was (the soft lockup detector's timer).  One
 * CPU: a plain variable, saved and restored around each interrupt by
 * do_IRQ(); NULL outside interrupts.
 */
#ifndef _ASM_X86_IRQ_REGS_H
#define _ASM_X86_IRQ_REGS_H

struct pt_regs;

extern struct pt_regs *irq_regs;

static inline struct pt_regs *get_irq_regs(void)
{
	return irq_regs;
}

static inline struct pt_regs *set_irq_regs(struct pt_regs *new_regs)
{
	struct pt_regs *old_regs = irq_regs;

	irq_regs = new_regs;
	return old_regs;
}

#endif /* _ASM_X86_IRQ_REGS_H */
