// SPDX-License-Identifier: GPL-2.0
/*
 * time_init(): choose the clocks.  The tick comes from the local APIC
 * timer when the APICs are in use, else from PIT channel 0 on IRQ 0;
 * ktime_get_ns() reads the TSC when it is invariant, else jiffies; the
 * wall clock starts from the CMOS RTC.
 */
#define pr_fmt(fmt) fmt

#include <keel/interrupt.h>
#include <keel/jiffies.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/timekeeping.h>
#include <asm/apic.h>
#include <asm/i8253.h>
#include <asm/rtc.h>
#include <asm/tsc.h>

static irqreturn_t timer_interrupt(int irq, void *dev_id)
{
	tick_handle_periodic();
	return IRQ_HANDLED;
}

static void setup_pit_tick(void)
{
	int err = request_irq(0, timer_interrupt, 0, "timer", NULL);

	if (err)
		panic("time_init: cannot get IRQ 0 for the timer (%d)", err);
	pit_set_periodic(HZ);
	pr_info("clockevents: PIT ticks at %d Hz on IRQ 0\n", HZ);
}

static void read_persistent_clock(void)
{
	struct rtc_time tm;
	time64_t secs;
	int err = mach_get_cmos_time(&tm);

	if (err) {
		pr_warn("rtc_cmos: cannot read the time (%d); the clock starts at 1970\n",
			err);
		return;
	}
	secs = rtc_tm_to_time64(&tm);
	timekeeping_set_real_seconds(secs);
	pr_info("rtc_cmos: setting system clock to %04d-%02d-%02dT%02d:%02d:%02d UTC (%lld)\n",
		tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		tm.tm_min, tm.tm_sec, (long long)secs);
}

void time_init(void)
{
	bool use_tsc = tsc_clocksource_reliable();

	timekeeping_init(use_tsc);
	pr_info("clocksource: Switched to clocksource %s\n",
		use_tsc ? "tsc" : "jiffies");
	if (apic_in_use() && !setup_apic_timer(HZ))
		pr_info("clockevents: local APIC timer ticks at %d Hz\n", HZ);
	else
		setup_pit_tick();
	read_persistent_clock();
}
