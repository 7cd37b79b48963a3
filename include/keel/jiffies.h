/* SPDX-License-Identifier: GPL-2.0 */
/*
 * jiffies: the number of timer ticks (HZ a second) since boot, plus an
 * offset.  It is 64 bits wide and never wraps in practice, but it starts
 * five minutes before its low 32 bits wrap, as Linux's does, so code
 * that truncates it fails early.  Only the tick writes it; compare values
 * with time_after() and friends, never with < or >.
 */
#ifndef _KEEL_JIFFIES_H
#define _KEEL_JIFFIES_H

#include <keel/compiler.h>
#include <keel/types.h>

#define HZ		CONFIG_HZ
#define USER_HZ		100	/* the tick of times(2) and /proc, any HZ */
#define TICK_NSEC	((1000000000ULL + HZ / 2) / HZ)
#define INITIAL_JIFFIES	((u64)(u32)(-300 * HZ))

extern volatile u64 jiffies_64;
#define jiffies		jiffies_64

static inline u64 get_jiffies_64(void)
{
	return jiffies_64;
}

/* True if time a is after time b (both in jiffies). */
#define time_after(a, b)	((s64)((u64)(b) - (u64)(a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((s64)((u64)(a) - (u64)(b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)

#endif /* _KEEL_JIFFIES_H */
