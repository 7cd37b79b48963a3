// SPDX-License-Identifier: GPL-2.0
/*
 * Decoding the MC146818 RTC's time registers: the chip keeps BCD or
 * binary, 12- or 24-hour time as register B says, and a two-digit year
 * with an optional century register.  A pure function (the port I/O is
 * arch/x86/kernel/rtc.c's), so the host tests run it too.
 */
#include <keel/bcd.h>
#include <keel/errno.h>
#include <keel/mc146818rtc.h>

#define RTC_HOUR_PM	0x80

static bool is_leap_year(unsigned int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static unsigned int days_in_month(unsigned int mon, unsigned int year)
{
	static const u8 days[12] = { 31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31 };

	return days[mon - 1] + (mon == 2 && is_leap_year(year));
}

int mc146818_decode_time(const struct mc146818_regs *regs,
			 struct rtc_time *tm)
{
	bool bcd = !(regs->status_b & RTC_DM_BINARY);
	bool pm = !(regs->status_b & RTC_24H) && (regs->hour & RTC_HOUR_PM);
	u8 hour_reg = regs->status_b & RTC_24H ? regs->hour :
						 regs->hour & ~RTC_HOUR_PM;
	unsigned int sec, min, hour, mday, mon, year, century;

#define DECODE(v)	(bcd ? bcd2bin(v) : (unsigned int)(v))
	sec = DECODE(regs->sec);
	min = DECODE(regs->min);
	hour = DECODE(hour_reg);
	mday = DECODE(regs->mday);
	mon = DECODE(regs->mon);
	year = DECODE(regs->year);
	century = DECODE(regs->century);
#undef DECODE

	if (!(regs->status_b & RTC_24H)) {
		if (hour < 1 || hour > 12)
			return -EINVAL;
		hour = hour % 12 + (pm ? 12 : 0);	/* 12 AM is 0:00 */
	}
	if (year > 99 || (regs->century && (century < 19 || century > 99)))
		return -EINVAL;
	if (regs->century)
		year += century * 100;
	else
		year += year < 70 ? 2000 : 1900;
	if (sec > 59 || min > 59 || hour > 23 || mon < 1 || mon > 12 ||
	    mday < 1 || mday > days_in_month(mon, year))
		return -EINVAL;

	tm->tm_sec = sec;
	tm->tm_min = min;
	tm->tm_hour = hour;
	tm->tm_mday = mday;
	tm->tm_mon = mon - 1;
	tm->tm_year = year - 1900;
	return 0;
}
