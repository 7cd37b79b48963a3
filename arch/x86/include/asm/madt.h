/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ACPI MADT ("APIC" table): the local APIC's address, the IO-APICs
 * and how ISA IRQs map to their pins.  Layouts follow the ACPI spec; what
 * the parser makes of them, struct madt_info, is in asm/apic.h.
 */
#ifndef _ASM_X86_MADT_H
#define _ASM_X86_MADT_H

#include <keel/acpi.h>
#include <keel/compiler.h>
#include <keel/types.h>
#include <asm/apic.h>

struct acpi_table_madt {
	struct acpi_table_header header;
	u32 address;			/* local APIC */
	u32 flags;			/* bit 0: 8259s present */
} __packed;

struct acpi_subtable_header {
	u8 type;
	u8 length;
} __packed;

enum acpi_madt_type {
	ACPI_MADT_TYPE_LOCAL_APIC = 0,
	ACPI_MADT_TYPE_IO_APIC = 1,
	ACPI_MADT_TYPE_INTERRUPT_OVERRIDE = 2,
	ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE = 5,
};

struct acpi_madt_local_apic {
	struct acpi_subtable_header header;
	u8 processor_id;
	u8 id;
	u32 lapic_flags;		/* bit 0: enabled */
} __packed;

struct acpi_madt_io_apic {
	struct acpi_subtable_header header;
	u8 id;
	u8 reserved;
	u32 address;
	u32 global_irq_base;
} __packed;

struct acpi_madt_interrupt_override {
	struct acpi_subtable_header header;
	u8 bus;				/* 0: ISA */
	u8 source_irq;
	u32 global_irq;
	u16 inti_flags;
} __packed;

struct acpi_madt_local_apic_override {
	struct acpi_subtable_header header;
	u16 reserved;
	u64 address;
} __packed;

/*
 * Fill @info from @madt: 0, or -EINVAL when the table or one of its
 * entries is truncated or malformed, -ENODEV when it has no IO-APIC.
 * ISA IRQs without an override map to the GSI of the same number.
 */
int madt_parse(const struct acpi_table_madt *madt, struct madt_info *info);

#endif /* _ASM_X86_MADT_H */
