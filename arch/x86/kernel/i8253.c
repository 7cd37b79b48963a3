// SPDX-License-Identifier: GPL-2.0
/*
 * PIT channel 0 as a periodic interrupt source: the tick when there is no
 * local APIC timer.  Channel 2 (TSC calibration) is tsc.c's.  With the
 * APICs, channel 0 is the NMI watchdog's clock (apic/hw_nmi.c), or keeps
 * whatever the BIOS set with its IO-APIC pin masked.  Set up once at
 * boot, so there is nothing to lock.
 */
#include <asm/i8253.h>
#include <asm/io.h>

#define PIT_CH0_RATE_GEN	0x34	/* channel 0, lobyte/hibyte, mode 2 */

void pit_set_periodic(unsigned int hz)
{
	unsigned int latch = (PIT_TICK_RATE + hz / 2) / hz;

	outb(PIT_CH0_RATE_GEN, PIT_MODE);
	outb(latch & 0xff, PIT_CH0);
	outb(latch >> 8, PIT_CH0);
}

