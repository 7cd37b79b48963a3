/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Binary-coded decimal, as clocks such as the CMOS RTC store numbers:
 * 0x59 means 59.
 */
#ifndef _KEEL_BCD_H
#define _KEEL_BCD_H

#include <keel/types.h>

static inline unsigned int bcd2bin(u8 val)
{
	return (val & 0x0f) + (val >> 4) * 10;
}

#endif /* _KEEL_BCD_H */
