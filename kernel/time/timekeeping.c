// SPDX-License-Identifier: GPL-2.0
/*
 * jiffies and the clocks read from it or the TSC.  The tick counts jiffies
 * and expires timers; ktime_get_ns() reads the TSC when it is invariant
 * (it then keeps nanosecond resolution between ticks) and jiffies
 * otherwise.  The wall clock is an offset from the monotonic clock, set
 * once from the RTC.  No locks: the clock source and offset are written
 * at boot before anyone reads them, jiffies_64 only by the tick.
 */
#include <keel/delay.h>
#include <keel/jiffies.h>
#include <keel/sched.h>
#include <asm/irq_regs.h>
#include <asm/ptrace.h>
#include <keel/timekeeping.h>
#include <keel/timer.h>

volatile u64 jiffies_64 = INITIAL_JIFFIES;

static bool clock_uses_tsc;
static s64 real_offset_ns;	/* wall clock minus monotonic clock */

void timekeeping_init(bool use_tsc)
{
	clock_uses_tsc = use_tsc;
}

u64 ktime_get_ns(void)
{
	if (clock_uses_tsc)
		return local_clock();
	return (jiffies_64 - INITIAL_JIFFIES) * TICK_NSEC;
}

void timekeeping_set_real_seconds(time64_t secs)
{
	real_offset_ns = secs * (s64)NSEC_PER_SEC - (s64)ktime_get_ns();
}

s64 ktime_get_real_ns(void)
{
	return (s64)ktime_get_ns() + READ_ONCE(real_offset_ns);
}

time64_t ktime_get_real_seconds(void)
{
	return ((s64)ktime_get_ns() + real_offset_ns) / (s64)NSEC_PER_SEC;
}

void tick_handle_periodic(void)
{
	jiffies_64++;
	run_local_timers();
	scheduler_tick(user_mode(get_irq_regs()));
}
