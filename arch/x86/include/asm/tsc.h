/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The time-stamp counter's measured rate and whether it can be the
 * monotonic clock.
 */
#ifndef _ASM_X86_TSC_H
#define _ASM_X86_TSC_H

#include <keel/types.h>

/* Measured against the PIT by tsc_init(); 0 if that failed. */
extern unsigned long tsc_khz;

/*
 * True when the TSC was measured and ticks at a constant rate in every
 * C- and P-state (CPUID's invariant TSC bit, or "tsc=reliable").
 */
bool tsc_clocksource_reliable(void);

#endif /* _ASM_X86_TSC_H */
