/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 8253/8254 programmable interval timer.  Channel 0 drives IRQ 0,
 * channel 2 the speaker gate (used to calibrate the TSC).
 */
#ifndef _ASM_X86_I8253_H
#define _ASM_X86_I8253_H

#define PIT_TICK_RATE		1193182UL	/* its fixed input clock, Hz */
#define PIT_CH0			0x40
#define PIT_CH2			0x42
#define PIT_MODE		0x43

/* Channel 0 interrupts @hz times a second. */
void pit_set_periodic(unsigned int hz);

#endif /* _ASM_X86_I8253_H */
