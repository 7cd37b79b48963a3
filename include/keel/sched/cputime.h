/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU time of a process: its live threads' utime and stime (charged a
 * tick at a time by scheduler_tick()) plus what its dead threads left
 * in signal->utime and stime.  For getrusage(2), times(2), the CPU-time
 * clocks and the virtual and profiling interval timers.
 */
#ifndef _KEEL_SCHED_CPUTIME_H
#define _KEEL_SCHED_CPUTIME_H

#include <keel/types.h>

struct task_struct;

struct task_cputime {
	u64 utime, stime;			/* nanoseconds */
	unsigned long nvcsw, nivcsw;		/* context switches */
	unsigned long min_flt, maj_flt;		/* page faults */
};

/* Add @t's own counts to @times. */
void task_cputime_add(const struct task_struct *t, struct task_cputime *times);
/* The sums over @tsk's thread group, dead threads included. */
void thread_group_cputime(struct task_struct *tsk, struct task_cputime *times);

/* The tick: fire the CPU-time interval timers of @p's process. */
void itimer_tick(struct task_struct *p);

#endif /* _KEEL_SCHED_CPUTIME_H */
