/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scheduling points.  There are no tasks yet: cond_resched() marks where
 * long-running kernel code would let a scheduler run something else.
 * Until then it tells the soft lockup detector that the CPU is making
 * progress, as the per-CPU stopper thread that a reschedule lets run
 * does in Linux.
 */
#ifndef _KEEL_SCHED_H
#define _KEEL_SCHED_H

#include <keel/nmi.h>

static inline void cond_resched(void)
{
	touch_softlockup_watchdog();
}

#endif /* _KEEL_SCHED_H */
