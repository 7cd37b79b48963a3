// SPDX-License-Identifier: GPL-2.0
/*
 * The MADT parser: a pure function from the table's bytes to a struct
 * madt_info, so it can be tested on synthetic tables (also on the host).
 * Firmware data is input: every entry's length is checked against its
 * type and the table's end.  Printing what was found is apic.c's job.
 */
#include <keel/acpi.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/string.h>
#include <asm/madt.h>

static const u8 madt_entry_size[] = {
	[ACPI_MADT_TYPE_LOCAL_APIC] = sizeof(struct acpi_madt_local_apic),
	[ACPI_MADT_TYPE_IO_APIC] = sizeof(struct acpi_madt_io_apic),
	[ACPI_MADT_TYPE_INTERRUPT_OVERRIDE] =
		sizeof(struct acpi_madt_interrupt_override),
	[ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE] =
		sizeof(struct acpi_madt_local_apic_override),
};

static void parse_entry(const struct acpi_subtable_header *h,
			struct madt_info *info)
{
	const struct acpi_madt_local_apic *lapic = (const void *)h;
	const struct acpi_madt_io_apic *ioapic = (const void *)h;
	const struct acpi_madt_interrupt_override *ovr = (const void *)h;
	const struct acpi_madt_local_apic_override *addr = (const void *)h;

	switch (h->type) {
	case ACPI_MADT_TYPE_LOCAL_APIC:
		if (lapic->lapic_flags & 1)
			info->nr_cpus++;
		break;
	case ACPI_MADT_TYPE_IO_APIC:
		if (info->nr_ioapics == MAX_IO_APICS)
			break;
		info->ioapics[info->nr_ioapics].id = ioapic->id;
		info->ioapics[info->nr_ioapics].address = ioapic->address;
		info->ioapics[info->nr_ioapics].gsi_base =
			ioapic->global_irq_base;
		info->nr_ioapics++;
		break;
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:
		if (ovr->bus != 0 || ovr->source_irq >= 16)
			break;
		info->isa_irq[ovr->source_irq].gsi = ovr->global_irq;
		info->isa_irq[ovr->source_irq].flags = ovr->inti_flags;
		info->isa_irq[ovr->source_irq].overridden = true;
		info->nr_overrides++;
		break;
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE:
		info->lapic_addr = addr->address;
		break;
	}
}

int madt_parse(const struct acpi_table_madt *madt, struct madt_info *info)
{
	const u8 *p = (const u8 *)(madt + 1);
	const u8 *end = (const u8 *)madt + madt->header.length;
	unsigned int irq;

	memset(info, 0, sizeof(*info));
	if (madt->header.length < sizeof(*madt))
		return -EINVAL;
	info->lapic_addr = madt->address;
	for (irq = 0; irq < 16; irq++)
		info->isa_irq[irq].gsi = irq;

	while (p < end) {
		const struct acpi_subtable_header *h = (const void *)p;

		if (end - p < (long)sizeof(*h) || h->length < sizeof(*h) ||
		    h->length > end - p)
			return -EINVAL;
		if (h->type < ARRAY_SIZE(madt_entry_size) &&
		    madt_entry_size[h->type] &&
		    h->length < madt_entry_size[h->type])
			return -EINVAL;
		parse_entry(h, info);
		p += h->length;
	}
	return info->nr_ioapics ? 0 : -ENODEV;
}
