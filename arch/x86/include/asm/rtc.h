/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The PC's CMOS real-time clock, read through ports 0x70/0x71.
 */
#ifndef _ASM_X86_RTC_H
#define _ASM_X86_RTC_H

#include <keel/mc146818rtc.h>

/* Read the time: 0, -EBUSY if it never stopped updating, -EINVAL if garbled. */
int mach_get_cmos_time(struct rtc_time *tm);

#endif /* _ASM_X86_RTC_H */
