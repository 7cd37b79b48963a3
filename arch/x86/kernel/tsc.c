// SPDX-License-Identifier: GPL-2.0
/*
 * The time-stamp counter as the boot clock.  Its rate is measured against
 * the PIT: channel 2 counts down 10 ms (its input is a fixed 1.193182 MHz)
 * while the TSC runs.  local_clock() converts cycles to nanoseconds with a
 * multiply and shift; udelay() spins on the TSC.  Before calibration the
 * clock reads 0 and delays use a fixed guess.  Whether the TSC is steady
 * enough to be the monotonic clock (ktime_get_ns()) is decided here too.
 */
#include <keel/delay.h>
#include <keel/errno.h>
#include <keel/param.h>
#include <keel/printk.h>
#include <keel/string.h>
#include <asm/i8253.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/tsc.h>

#define PIT_CH2_GATE		0x61
#define CALIBRATE_MS		10
#define CALIBRATE_LATCH		(PIT_TICK_RATE / (1000 / CALIBRATE_MS))
#define CALIBRATE_MAX_POLLS	10000000UL
#define GUESS_KHZ		1000000UL	/* 1 GHz, until measured */
#define CPUID_APM_LEAF		0x80000007
#define CPUID_APM_INVARIANT_TSC	(1U << 8)

unsigned long tsc_khz;
static bool tsc_reliable_param;
static u64 tsc_base;
static u64 cyc2ns_mul;		/* ns = cycles * cyc2ns_mul >> 32 */

/* TSC cycles during CALIBRATE_MS on the PIT, or 0 if the PIT never ends. */
static u64 pit_measure_tsc(void)
{
	unsigned long polls = 0;
	u64 start, end;

	/* Gate channel 2 on, speaker off; mode 0 counts down once. */
	outb((inb(PIT_CH2_GATE) & ~0x02) | 0x01, PIT_CH2_GATE);
	outb(0xb0, PIT_MODE);
	outb(CALIBRATE_LATCH & 0xff, PIT_CH2);
	outb(CALIBRATE_LATCH >> 8, PIT_CH2);

	start = rdtsc();
	while (!(inb(PIT_CH2_GATE) & 0x20))
		if (++polls == CALIBRATE_MAX_POLLS)
			return 0;
	end = rdtsc();
	return end - start;
}

void tsc_init(void)
{
	u64 best = ~0ULL;
	int i;

	/* The shortest of three runs had the fewest interruptions. */
	for (i = 0; i < 3; i++) {
		u64 cycles = pit_measure_tsc();

		if (cycles && cycles < best)
			best = cycles;
	}
	if (best == ~0ULL) {
		pr_warn("tsc: PIT calibration failed, assuming %lu MHz\n",
			GUESS_KHZ / 1000);
	} else {
		tsc_khz = best / CALIBRATE_MS;
		pr_info("tsc: Detected %lu.%03lu MHz processor\n",
			tsc_khz / 1000, tsc_khz % 1000);
	}
	cyc2ns_mul = (1000000ULL << 32) / (tsc_khz ? tsc_khz : GUESS_KHZ);
	tsc_base = rdtsc();
}

static int tsc_setup(const char *val)
{
	if (!val || strcmp(val, "reliable"))
		return -EINVAL;
	tsc_reliable_param = true;
	return 0;
}
kernel_param("tsc", tsc_setup);

bool tsc_clocksource_reliable(void)
{
	u32 eax, ebx, ecx, edx;

	if (!tsc_khz)
		return false;
	if (tsc_reliable_param)
		return true;
	cpuid(0x80000000, &eax, &ebx, &ecx, &edx);
	if (eax < CPUID_APM_LEAF)
		return false;
	cpuid(CPUID_APM_LEAF, &eax, &ebx, &ecx, &edx);
	return edx & CPUID_APM_INVARIANT_TSC;
}

u64 local_clock(void)
{
	if (!cyc2ns_mul)
		return 0;
	return ((unsigned __int128)(rdtsc() - tsc_base) * cyc2ns_mul) >> 32;
}

void udelay(unsigned long usecs)
{
	unsigned long khz = tsc_khz ? tsc_khz : GUESS_KHZ;
	u64 end = rdtsc() + (u64)usecs * khz / 1000;

	while (rdtsc() < end)
		cpu_relax();
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
