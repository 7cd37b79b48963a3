// SPDX-License-Identifier: GPL-2.0
/*
 * The hard lockup detector's NMI source.  Linux counts CPU cycles with a
 * performance counter that raises an NMI; QEMU's TCG has no performance
 * counters, and the local APIC timer, whose LVT cannot deliver NMIs on
 * real hardware, is the tick.  PIT channel 0 is free when the local APIC
 * timer ticks: the IO-APIC delivers its pin as an NMI, 20 times a second.
 * Set up once at boot.
 */
#include <keel/errno.h>
#include <keel/nmi.h>
#include <asm/apic.h>
#include <asm/i8253.h>
#include <asm/io_apic.h>

#define WATCHDOG_NMI_HZ		20

int watchdog_hardlockup_probe(unsigned int *hz)
{
	int err;

	if (!apic_in_use())
		return -ENODEV;
	/* -EBUSY when the PIT is the tick: the APIC timer did not count. */
	err = ioapic_set_nmi(0);
	if (err)
		return err;
	pit_set_periodic(WATCHDOG_NMI_HZ);
	*hz = WATCHDOG_NMI_HZ;
	return 0;
}
