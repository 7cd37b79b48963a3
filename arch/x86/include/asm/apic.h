/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The local APIC, and the interrupt routing read from ACPI's MADT.
 * apic_in_use() says whether init_IRQ() chose the APICs
 * (CONFIG_X86_LOCAL_APIC, a MADT, no "noapic"); when it is false none of
 * the functions is called, and without the option none is built.
 */
#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H

#include <keel/types.h>

/* inti_flags: polarity in bits 0-1, trigger mode in bits 2-3. */
#define ACPI_MADT_POLARITY_MASK		0x3
#define ACPI_MADT_POLARITY_ACTIVE_LOW	0x3
#define ACPI_MADT_TRIGGER_MASK		0xc
#define ACPI_MADT_TRIGGER_LEVEL		0xc

#define MAX_IO_APICS	8

struct madt_ioapic {
	u8 id;
	u32 address;
	u32 gsi_base;
};

/* What Keel takes from the ACPI MADT (asm/madt.h parses it). */
struct madt_info {
	u64 lapic_addr;
	unsigned int nr_cpus;			/* enabled local APICs */
	unsigned int nr_ioapics;
	struct madt_ioapic ioapics[MAX_IO_APICS];
	unsigned int nr_overrides;
	struct {
		u32 gsi;
		u16 flags;			/* inti_flags; 0: bus default */
		bool overridden;
	} isa_irq[16];
};

#ifdef CONFIG_X86_LOCAL_APIC
extern bool apic_enabled;	/* set once by apic_intr_init() */

static inline bool apic_in_use(void)
{
	return apic_enabled;
}
#else
static inline bool apic_in_use(void)
{
	return false;
}
#endif

/*
 * Parse the MADT, enable the local APIC and route the IRQs through the
 * IO-APICs: 0, or -ENODEV when there is no usable APIC and the caller
 * must use the 8259.
 */
int apic_intr_init(void);

/* End the interrupt in service at the local APIC. */
void apic_eoi(void);

/* Start the local APIC timer ticking @hz times a second. */
int setup_apic_timer(unsigned int hz);

/* Handlers of the local APIC's own vectors, called from do_IRQ(). */
void local_apic_timer_interrupt(void);
void apic_error_interrupt(void);

#endif /* _ASM_X86_APIC_H */
