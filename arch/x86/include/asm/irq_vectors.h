/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 interrupt vector layout.  Vectors 0-31 are CPU exceptions.  The
 * ISA IRQs 0-15 keep fixed vectors from FIRST_EXTERNAL_VECTOR, which the
 * 8259 PIC needs (its spurious IRQ 7 and 15 land on 0x27 and 0x2f); every
 * other IRQ, an IO-APIC pin or later an MSI, gets a vector from the
 * dynamic range when it is set up (arch/x86/kernel/vector.c).  The local
 * APIC's own interrupts use fixed vectors at the top, where their
 * priority class is highest.  Any other vector is unexpected.
 */
#ifndef _ASM_X86_IRQ_VECTORS_H
#define _ASM_X86_IRQ_VECTORS_H

#define NR_VECTORS		256
#define FIRST_EXTERNAL_VECTOR	0x20
#define IRQ0_VECTOR		FIRST_EXTERNAL_VECTOR
#define NR_IRQS			32
#define NR_IRQS_LEGACY		16	/* the ISA IRQs of the two 8259s */
#define ISA_IRQ_VECTOR(irq)	(IRQ0_VECTOR + (irq))

/* Handed out one at a time, lowest first, up to the system vectors. */
#define FIRST_DYNAMIC_VECTOR	(IRQ0_VECTOR + NR_IRQS_LEGACY)
#define FIRST_SYSTEM_VECTOR	0xec

#define LOCAL_TIMER_VECTOR	0xec
#define ERROR_APIC_VECTOR	0xfe
#define SPURIOUS_APIC_VECTOR	0xff	/* low nibble must be 0xf on old APICs */

#ifndef __ASSEMBLY__
/*
 * Give @irq a vector from the dynamic range (ISA IRQs have theirs):
 * the vector, the one it already has, or -ENOSPC when none is left.
 */
int irq_alloc_vector(unsigned int irq);
/* Give @irq's dynamic vector back; interrupts on it become unexpected. */
void irq_free_vector(unsigned int irq);
/* @irq's vector, or 0 when it has none. */
unsigned int irq_to_vector(unsigned int irq);
/* The IRQ @vector belongs to, or -1. */
int vector_to_irq(unsigned int vector);
/* At boot: the ISA IRQs' fixed vectors, every other one free. */
void init_irq_vectors(void);
#endif

#endif /* _ASM_X86_IRQ_VECTORS_H */
