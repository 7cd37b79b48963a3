/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 interrupt vector layout.  Vectors 0-31 are CPU exceptions.  IRQ n
 * arrives on vector IRQ0_VECTOR + n, from the 8259 PIC (IRQ 0-15) or an
 * IO-APIC pin; the PIC's spurious IRQ 7 and 15 therefore land on 0x27 and
 * 0x2f.  The local APIC's own interrupts use fixed vectors at the top,
 * where their priority class is highest.  Any other vector is unexpected.
 */
#ifndef _ASM_X86_IRQ_VECTORS_H
#define _ASM_X86_IRQ_VECTORS_H

#define FIRST_EXTERNAL_VECTOR	0x20
#define IRQ0_VECTOR		FIRST_EXTERNAL_VECTOR
#define NR_IRQS			32
#define NR_IRQS_LEGACY		16	/* the ISA IRQs of the two 8259s */

#define LOCAL_TIMER_VECTOR	0xec
#define ERROR_APIC_VECTOR	0xfe
#define SPURIOUS_APIC_VECTOR	0xff	/* low nibble must be 0xf on old APICs */

#define irq_to_vector(irq)	(IRQ0_VECTOR + (irq))

#endif /* _ASM_X86_IRQ_VECTORS_H */
