/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The MC146818 real-time clock (the PC's CMOS clock): its registers and
 * the decoding of a snapshot of them into a calendar time.
 */
#ifndef _KEEL_MC146818RTC_H
#define _KEEL_MC146818RTC_H

#include <keel/timekeeping.h>
#include <keel/types.h>

#define RTC_SECONDS		0
#define RTC_MINUTES		2
#define RTC_HOURS		4
#define RTC_DAY_OF_MONTH	7
#define RTC_MONTH		8
#define RTC_YEAR		9
#define RTC_REG_A		10
#define RTC_UIP			0x80	/* update in progress */
#define RTC_REG_B		11
#define RTC_24H			0x02	/* else 12-hour, bit 7 of hours = PM */
#define RTC_DM_BINARY		0x04	/* else BCD */

/* The registers as read, in the chip's format. */
struct mc146818_regs {
	u8 sec, min, hour, mday, mon, year;
	u8 century;		/* 0 when the machine has no century register */
	u8 status_b;		/* RTC_REG_B: the format */
};

/* As Linux's struct rtc_time: months 0-11, years since 1900. */
struct rtc_time {
	int tm_sec;
	int tm_min;
	int tm_hour;
	int tm_mday;
	int tm_mon;
	int tm_year;
};

/*
 * Decode @regs (BCD or binary, 12- or 24-hour; without a century
 * register, years 70-99 are 19xx and 00-69 20xx): 0, or -EINVAL when a
 * field is out of range.
 */
int mc146818_decode_time(const struct mc146818_regs *regs,
			 struct rtc_time *tm);

static inline time64_t rtc_tm_to_time64(const struct rtc_time *tm)
{
	return mktime64(tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday,
			tm->tm_hour, tm->tm_min, tm->tm_sec);
}

#endif /* _KEEL_MC146818RTC_H */
