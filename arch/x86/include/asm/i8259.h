/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two cascaded 8259A PICs of the PC: IRQ 0-7 on the master, 8-15 on
 * the slave (through the master's IRQ 2).
 */
#ifndef _ASM_X86_I8259_H
#define _ASM_X86_I8259_H

#include <keel/types.h>

/* Remap to IRQ0_VECTOR, mask every line, make it the chip of IRQ 0-15. */
void init_8259A(void);

/* Mask every line for good: the APICs take over. */
void disable_8259A(void);

/*
 * True when IRQ 7 or 15 came from the PIC without a line behind it (the
 * request went away before the CPU acknowledged it): not to be handled.
 */
bool i8259_irq_spurious(unsigned int irq);

#endif /* _ASM_X86_I8259_H */
