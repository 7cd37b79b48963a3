/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which context the CPU runs in.  The interrupt entry brackets every
 * handler with irq_enter()/irq_exit(); in_hardirq() then tells code (and
 * the lock checker) that it runs in a hard interrupt.  One counter today;
 * a per-CPU one with SMP.
 */
#ifndef _KEEL_HARDIRQ_H
#define _KEEL_HARDIRQ_H

#include <keel/compiler.h>
#include <keel/types.h>

extern unsigned int hardirq_count;

static inline void irq_enter(void)
{
	WRITE_ONCE(hardirq_count, hardirq_count + 1);
}

static inline void irq_exit(void)
{
	WRITE_ONCE(hardirq_count, hardirq_count - 1);
}

static inline bool in_hardirq(void)
{
	return READ_ONCE(hardirq_count) != 0;
}

#endif /* _KEEL_HARDIRQ_H */
