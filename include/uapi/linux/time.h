/* SPDX-License-Identifier: GPL-2.0 */
/* Clock ids, clock_nanosleep() flags and interval timers: Linux's values. */
#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

#include <uapi/linux/time_types.h>

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7

#define TIMER_ABSTIME			0x01

#define ITIMER_REAL			0
#define ITIMER_VIRTUAL			1
#define ITIMER_PROF			2

struct __kernel_old_itimerval {
	struct __kernel_old_timeval it_interval;	/* reload value */
	struct __kernel_old_timeval it_value;		/* time left */
};

#endif /* _UAPI_LINUX_TIME_H */
