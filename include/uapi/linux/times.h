/* SPDX-License-Identifier: GPL-2.0 */
/* times(2)'s struct tms, in clock ticks (USER_HZ). */
#ifndef _UAPI_LINUX_TIMES_H
#define _UAPI_LINUX_TIMES_H

typedef long __kernel_clock_t;

struct tms {
	__kernel_clock_t tms_utime;
	__kernel_clock_t tms_stime;
	__kernel_clock_t tms_cutime;
	__kernel_clock_t tms_cstime;
};

#endif /* _UAPI_LINUX_TIMES_H */
