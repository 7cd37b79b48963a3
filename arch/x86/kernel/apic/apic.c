// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC: found through the MADT, enabled with its spurious
 * vector, its error interrupt and LINT1 as NMI (LINT0, the 8259's
 * virtual wire, stays masked: the 8259 is off).  Its timer is the tick,
 * calibrated against the TSC.  One CPU: no IPIs, no per-CPU state.
 * The registers are written at boot and by the interrupt paths, which
 * run with interrupts off; nothing here needs a lock.
 */
#define pr_fmt(fmt) fmt

#include <keel/acpi.h>
#include <keel/delay.h>
#include <keel/errno.h>
#include <keel/param.h>
#include <keel/printk.h>
#include <keel/timekeeping.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>
#include <asm/madt.h>
#include <asm/msr-index.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#define APICBASE_ENABLE		(1UL << 11)
#define CPUID1_EDX_APIC		(1U << 9)

#define APIC_ID			0x20
#define APIC_LVR		0x30
#define APIC_TASKPRI		0x80
#define APIC_EOI		0xb0
#define APIC_SPIV		0xf0
#define APIC_SPIV_ENABLED	(1U << 8)
#define APIC_ESR		0x280
#define APIC_LVTT		0x320
#define APIC_LVT_TIMER_PERIODIC	(1U << 17)
#define APIC_LVT0		0x350
#define APIC_LVT1		0x360
#define APIC_LVTERR		0x370
#define APIC_LVT_MASKED		(1U << 16)
#define APIC_DM_NMI		0x400
#define APIC_TMICT		0x380
#define APIC_TMCCT		0x390
#define APIC_TDCR		0x3e0
#define APIC_TDR_DIV_16		0x3

#define CALIBRATE_MS		10

bool apic_enabled;
static void __iomem *lapic_base;
static bool noapic;

static int noapic_setup(const char *val)
{
	noapic = true;
	return 0;
}
kernel_param("noapic", noapic_setup);

static u32 apic_read(u32 reg)
{
	return readl(lapic_base + reg);
}

static void apic_write(u32 reg, u32 value)
{
	writel(value, lapic_base + reg);
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

static void print_madt(const struct madt_info *info)
{
	unsigned int irq;

	pr_info("ACPI: Local APIC address %#llx\n",
		(unsigned long long)info->lapic_addr);
	for (irq = 0; irq < NR_IRQS_LEGACY; irq++) {
		u16 flags = info->isa_irq[irq].flags;
		static const char *const polarity[] = {
			"dfl", "high", "res", "low" };
		static const char *const trigger[] = {
			"dfl", "edge", "res", "level" };

		if (info->isa_irq[irq].overridden)
			pr_info("ACPI: INT_SRC_OVR (bus 0 bus_irq %u global_irq %u %s %s)\n",
				irq, info->isa_irq[irq].gsi,
				polarity[flags & ACPI_MADT_POLARITY_MASK],
				trigger[(flags & ACPI_MADT_TRIGGER_MASK) >> 2]);
	}
}

static int enable_local_apic(const struct madt_info *info)
{
	u32 eax, ebx, ecx, edx;
	u64 base;

	cpuid(1, &eax, &ebx, &ecx, &edx);
	if (!(edx & CPUID1_EDX_APIC)) {
		pr_info("APIC: no local APIC on this CPU\n");
		return -ENODEV;
	}
	base = rdmsr(MSR_IA32_APICBASE);
	if (!(base & APICBASE_ENABLE))
		wrmsr(MSR_IA32_APICBASE, base | APICBASE_ENABLE);
	lapic_base = ioremap(info->lapic_addr, 0x1000);
	if (!lapic_base) {
		pr_err("APIC: cannot map the local APIC\n");
		return -ENODEV;
	}
	apic_write(APIC_TASKPRI, 0);
	apic_write(APIC_LVT0, APIC_LVT_MASKED);
	apic_write(APIC_LVT1, APIC_DM_NMI);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_SPIV, SPURIOUS_APIC_VECTOR | APIC_SPIV_ENABLED);
	pr_info("APIC: local APIC id %u, version %#x, %u CPU(s) in the MADT\n",
		apic_read(APIC_ID) >> 24, apic_read(APIC_LVR) & 0xff,
		info->nr_cpus);
	return 0;
}

int apic_intr_init(void)
{
	const struct acpi_table_madt *madt =
		(const void *)acpi_get_table("APIC");
	struct madt_info info;
	int err;

	if (noapic) {
		pr_info("APIC: disabled by \"noapic\", using the 8259\n");
		return -ENODEV;
	}
	if (!madt) {
		pr_info("APIC: no MADT, using the 8259\n");
		return -ENODEV;
	}
	err = madt_parse(madt, &info);
	if (err) {
		pr_warn("ACPI: bad or IO-APIC-less MADT (%d), using the 8259\n",
			err);
		return -ENODEV;
	}
	pr_info("ACPI: Using ACPI (MADT) for SMP configuration information\n");
	print_madt(&info);
	err = enable_local_apic(&info);
	if (err)
		return err;
	err = setup_io_apics(&info, apic_read(APIC_ID) >> 24);
	if (err) {
		apic_write(APIC_SPIV, SPURIOUS_APIC_VECTOR);
		return err;
	}
	disable_8259A();
	apic_enabled = true;
	return 0;
}

void apic_error_interrupt(void)
{
	u32 esr;

	apic_write(APIC_ESR, 0);
	esr = apic_read(APIC_ESR);
	apic_eoi();
	irq_stat.irq_err_count++;
	pr_err("APIC error on CPU0: 00(%02x)\n", esr);
}

void local_apic_timer_interrupt(void)
{
	irq_stat.apic_timer_irqs++;
	apic_eoi();
	tick_handle_periodic();
}

/* Timer counts in CALIBRATE_MS of TSC time, divided by 16. */
static u32 measure_apic_timer(void)
{
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, 0xffffffff);
	mdelay(CALIBRATE_MS);
	return 0xffffffff - apic_read(APIC_TMCCT);
}

int setup_apic_timer(unsigned int hz)
{
	u64 per_sec;
	u32 period;

	if (!tsc_khz) {
		pr_warn("APIC: no TSC rate to calibrate the timer against\n");
		return -ENODEV;
	}
	per_sec = (u64)measure_apic_timer() * (1000 / CALIBRATE_MS);
	period = per_sec / hz;
	if (!period) {
		pr_warn("APIC: timer does not count\n");
		return -ENODEV;
	}
	pr_info("APIC: timer calibrated: %lu.%04lu MHz bus clock\n",
		(unsigned long)(per_sec * 16 / 1000000),
		(unsigned long)(per_sec * 16 / 100 % 10000));
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, period);
	return 0;
}
