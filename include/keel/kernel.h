/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small helpers every subsystem uses: array sizes, alignment, min/max and
 * container_of.  Anything bigger gets a header of its own.
 */
#ifndef _KEEL_KERNEL_H
#define _KEEL_KERNEL_H

#include <keel/compiler.h>
#include <keel/types.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define ALIGN(x, a)		(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define min(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define clamp(v, lo, hi)	min(max(v, lo), hi)

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

/*
 * How far the boot is (Linux's names): until interrupts are on and tasks
 * may wait (SYSTEM_SCHEDULING), might_sleep() has nothing to check, as in
 * Linux; the last three say how the system is going down.
 */
extern enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_SCHEDULING,
	SYSTEM_RUNNING,
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
	SYSTEM_RESTART,
} system_state;

#define KB(x)	((x) << 10)
#define MB(x)	((x) << 20)

#endif /* _KEEL_KERNEL_H */
