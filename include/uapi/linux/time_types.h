/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The time values system calls take (utimensat, ppoll, pselect6): 64-bit
 * seconds on every architecture, as Linux: user ABI.
 */
#ifndef _UAPI_LINUX_TIME_TYPES_H
#define _UAPI_LINUX_TIME_TYPES_H

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

#endif /* _UAPI_LINUX_TIME_TYPES_H */
