/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt context accounting.  The interrupt entry brackets every
 * handler with irq_enter()/irq_exit(); in_hardirq() (<keel/preempt.h>)
 * then tells code, and the lock and sleep checkers, that it runs in a
 * hard interrupt.  The count is per CPU, in the preempt count.
 */
#ifndef _KEEL_HARDIRQ_H
#define _KEEL_HARDIRQ_H

#include <keel/preempt.h>

static inline void irq_enter(void)
{
	preempt_count_add(HARDIRQ_OFFSET);
}

void invoke_softirq(void);

/* Leaving the outermost interrupt runs the softirqs it raised. */
static inline void irq_exit(void)
{
	preempt_count_sub(HARDIRQ_OFFSET);
	if (!in_interrupt() && this_cpu_read(softirq_pending))
		invoke_softirq();
}

#endif /* _KEEL_HARDIRQ_H */
