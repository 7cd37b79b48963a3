// SPDX-License-Identifier: GPL-2.0
/*
 * jiffies and the clocks read from it or the TSC.  The tick counts jiffies
 * and expires timers; ktime_get_ns() reads the TSC when it is invariant
 * (it then keeps nanosecond resolution between ticks) and jiffies
 * otherwise.  The wall clock is an offset from the monotonic clock, set
 * from the RTC at boot and by settimeofday(2).  No locks: the clock
 * source is written at boot before anyone reads it, jiffies_64 only by
 * the tick, and the offset is one 64-bit word read and written whole.
 */
#include <keel/delay.h>
#include <keel/jiffies.h>
#include <keel/sched.h>
#include <keel/sched/cputime.h>
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

u64 ktime_get_resolution_ns(void)
{
	return clock_uses_tsc ? 1 : TICK_NSEC;
}

void timekeeping_set_real_ns(s64 ns)
{
	WRITE_ONCE(real_offset_ns, ns - (s64)ktime_get_ns());
}

void timekeeping_set_real_seconds(time64_t secs)
{
	timekeeping_set_real_ns(secs * (s64)NSEC_PER_SEC);
}

s64 ktime_get_real_ns(void)
{
	return (s64)ktime_get_ns() + READ_ONCE(real_offset_ns);
}

time64_t ktime_get_real_seconds(void)
{
	s64 ns = ktime_get_real_ns();

	/* Round towards minus infinity, for times before 1970 too. */
	return ns >= 0 ? ns / (s64)NSEC_PER_SEC :
			 -((-ns + (s64)NSEC_PER_SEC - 1) / (s64)NSEC_PER_SEC);
}

void tick_handle_periodic(void)
{
	jiffies_64++;
	run_local_timers();
	scheduler_tick(user_mode(get_irq_regs()));
	itimer_tick(current);
}
