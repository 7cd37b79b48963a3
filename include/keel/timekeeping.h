/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's clocks.  ktime_get_ns() is monotonic nanoseconds since
 * boot: from the TSC when it is invariant, otherwise from jiffies (tick
 * resolution).  ktime_get_real_ns() and ktime_get_real_seconds() are
 * the wall clock since 1970, set from the CMOS RTC at boot.
 */
#ifndef _KEEL_TIMEKEEPING_H
#define _KEEL_TIMEKEEPING_H

#include <keel/types.h>

#define NSEC_PER_SEC	1000000000ULL
#define NSEC_PER_MSEC	1000000ULL
#define NSEC_PER_USEC	1000ULL

typedef s64 time64_t;

u64 ktime_get_ns(void);
time64_t ktime_get_real_seconds(void);
s64 ktime_get_real_ns(void);

/* Set the wall clock to @secs since 1970 (UTC). */
void timekeeping_set_real_seconds(time64_t secs);

/* Use the TSC (@use_tsc) or jiffies for ktime_get_ns(); time_init() decides. */
void timekeeping_init(bool use_tsc);

/* The periodic tick: count one jiffy, expire timers. */
void tick_handle_periodic(void);

/* Seconds since 1970-01-01 00:00:00 UTC of a proleptic Gregorian date. */
time64_t mktime64(unsigned int year, unsigned int mon, unsigned int day,
		  unsigned int hour, unsigned int min, unsigned int sec);

/* Bring up the tick and the clocks; start_kernel() calls it. */
void time_init(void);

#endif /* _KEEL_TIMEKEEPING_H */
