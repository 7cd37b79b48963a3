/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System-wide scheduler statistics, as Linux's <linux/kernel_stat.h>,
 * for /proc/stat and /proc/loadavg: the CPU's time by kind (charged a
 * tick at a time by scheduler_tick(), in nanoseconds), the tasks that
 * are runnable, the context switches and the forks since boot.
 */
#ifndef _KEEL_KERNEL_STAT_H
#define _KEEL_KERNEL_STAT_H

#include <keel/types.h>

/* Linux's order, that of /proc/stat's cpu lines. */
enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};

struct kernel_cpustat {
	u64 cpustat[NR_STATS];
};

/* A copy of the (one) CPU's times. */
void kcpustat_cpu_fetch(struct kernel_cpustat *dst, int cpu);
/* Runnable tasks, the running one included (not the idle task). */
unsigned int nr_running(void);
/* Context switches since boot. */
u64 nr_context_switches(void);
/* Tasks made since boot (fork, clone, kernel threads): kernel/fork.c. */
unsigned long nr_forks(void);

#endif /* _KEEL_KERNEL_STAT_H */
