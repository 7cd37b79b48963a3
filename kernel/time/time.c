// SPDX-License-Identifier: GPL-2.0
/*
 * Calendar arithmetic: a date and time to seconds since the epoch.  Pure
 * functions, also built into the host tests.
 */
#include <keel/timekeeping.h>

/*
 * Count years from March, so February's leap day comes last and the days
 * before each month follow (153 * m + 2) / 5; then add whole years with
 * their leap days.  1970-01-01 is day 719468 of that count.
 */
time64_t mktime64(unsigned int year, unsigned int mon, unsigned int day,
		  unsigned int hour, unsigned int min, unsigned int sec)
{
	s64 y = year, m = mon, days;

	if (m <= 2) {
		m += 9;
		y--;
	} else {
		m -= 3;
	}
	days = 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 +
	       day - 1 - 719468;
	return ((days * 24 + hour) * 60 + min) * 60 + sec;
}
