/* SPDX-License-Identifier: GPL-2.0 */
/* The time structures of the system-call ABI, as Linux lays them out. */
#ifndef _UAPI_LINUX_TIME_TYPES_H
#define _UAPI_LINUX_TIME_TYPES_H

#include <keel/types.h>

struct __kernel_timespec {
	s64 tv_sec;
	long long tv_nsec;
};

struct __kernel_itimerspec {
	struct __kernel_timespec it_interval;
	struct __kernel_timespec it_value;
};

typedef long __kernel_old_time_t;	/* time(2) */

/* struct timeval and struct timezone of gettimeofday(2). */
struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

#endif /* _UAPI_LINUX_TIME_TYPES_H */
