/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Busy-wait delays and the boot-time clock, from the calibrated TSC.
 */
#ifndef _KEEL_DELAY_H
#define _KEEL_DELAY_H

#include <keel/types.h>

/* Nanoseconds since the clock was calibrated; 0 before that. */
u64 local_clock(void);

void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

#endif /* _KEEL_DELAY_H */
