/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IO-APICs: the chips of the IRQ lines when the APICs are in use.
 */
#ifndef _ASM_X86_IO_APIC_H
#define _ASM_X86_IO_APIC_H

#include <keel/types.h>

struct madt_info;

/*
 * Map the IO-APICs in @info, mask every pin and make the pins the chips
 * of their IRQs, delivered to the local APIC @dest_apic_id: 0 or -ENODEV
 * when none can be used.
 */
int setup_io_apics(const struct madt_info *info, u8 dest_apic_id);

/* Deliver @irq, which has no handler, as an NMI: 0 or -errno. */
int ioapic_set_nmi(unsigned int irq);

#endif /* _ASM_X86_IO_APIC_H */
