// SPDX-License-Identifier: GPL-2.0
/*
 * IO-APICs as irq_chips.  IRQ 0-15 are the ISA lines, routed through the
 * MADT's interrupt source overrides (QEMU sends ISA IRQ 0 to GSI 2); IRQ
 * 16 and up are GSIs of the same number (PCI: level, active low).  Every
 * pin starts masked with its vector programmed; request_irq() unmasks it.
 * The flow is "fasteoi": handlers first, then the local APIC's EOI, which
 * also ends a level-triggered pin.  ioapic_lock serialises the two-step
 * register access (select, then read or write); it nests inside desc->lock.
 */
#define pr_fmt(fmt) fmt

#include <keel/errno.h>
#include <keel/irq.h>
#include <keel/printk.h>
#include <keel/spinlock.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/io_apic.h>

#define IO_APIC_REGSEL		0x00
#define IO_APIC_WINDOW		0x10
#define IO_APIC_VERSION		0x01	/* bits 16-23: highest pin */
#define IO_APIC_REDIR(pin)	(0x10 + 2 * (pin))

#define RTE_DM_MASK		(7U << 8)	/* delivery mode */
#define RTE_DM_NMI		(4U << 8)
#define RTE_POLARITY_LOW	(1U << 13)
#define RTE_TRIGGER_LEVEL	(1U << 15)
#define RTE_MASKED		(1U << 16)
#define RTE_DEST_SHIFT		24	/* in the high half */

struct ioapic {
	void __iomem *base;
	u32 gsi_base;
	unsigned int nr_pins;
};

static DEFINE_SPINLOCK(ioapic_lock);
static struct ioapic ioapics[MAX_IO_APICS];	/* [I] after set-up */
static unsigned int nr_ioapics;

static u32 io_apic_read(struct ioapic *ioa, u32 reg)
{
	writel(reg, ioa->base + IO_APIC_REGSEL);
	return readl(ioa->base + IO_APIC_WINDOW);
}

static void io_apic_write(struct ioapic *ioa, u32 reg, u32 value)
{
	writel(reg, ioa->base + IO_APIC_REGSEL);
	writel(value, ioa->base + IO_APIC_WINDOW);
}

static void ioapic_set_masked(struct irq_data *data, bool masked)
{
	struct ioapic *ioa = data->chip_data;
	u32 reg = IO_APIC_REDIR(data->hwirq);
	unsigned long flags;
	u32 low;

	spin_lock_irqsave(&ioapic_lock, flags);
	low = io_apic_read(ioa, reg);
	low = masked ? low | RTE_MASKED : low & ~RTE_MASKED;
	io_apic_write(ioa, reg, low);
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

static void ioapic_mask(struct irq_data *data)
{
	ioapic_set_masked(data, true);
}

static void ioapic_unmask(struct irq_data *data)
{
	ioapic_set_masked(data, false);
}

static void ioapic_eoi(struct irq_data *data)
{
	apic_eoi();
}

static struct irq_chip ioapic_chip = {
	.name = "IO-APIC",
	.irq_mask = ioapic_mask,
	.irq_unmask = ioapic_unmask,
	.irq_eoi = ioapic_eoi,
};

static struct ioapic *gsi_to_ioapic(u32 gsi)
{
	unsigned int i;

	for (i = 0; i < nr_ioapics; i++)
		if (gsi >= ioapics[i].gsi_base &&
		    gsi < ioapics[i].gsi_base + ioapics[i].nr_pins)
			return &ioapics[i];
	return NULL;
}

/* The bus default applies where the MADT flags say 0 ("conforms"). */
static u32 rte_low(unsigned int irq, unsigned int vector, u16 inti_flags)
{
	bool isa = irq < NR_IRQS_LEGACY;
	u16 polarity = inti_flags & ACPI_MADT_POLARITY_MASK;
	u16 trigger = inti_flags & ACPI_MADT_TRIGGER_MASK;
	u32 low = vector | RTE_MASKED;

	if (polarity == ACPI_MADT_POLARITY_ACTIVE_LOW || (!polarity && !isa))
		low |= RTE_POLARITY_LOW;
	if (trigger == ACPI_MADT_TRIGGER_LEVEL || (!trigger && !isa))
		low |= RTE_TRIGGER_LEVEL;
	return low;
}

/* Route @irq to @gsi unless another IRQ already has that pin. */
static void setup_irq_pin(unsigned int irq, u32 gsi, u16 inti_flags,
			  u8 dest, u32 *claimed)
{
	struct ioapic *ioa = gsi_to_ioapic(gsi);
	unsigned int pin;
	int vector;
	u32 low;

	if (!ioa || gsi >= NR_IRQS || (*claimed & (1U << gsi)))
		return;
	vector = irq_alloc_vector(irq);
	if (vector < 0) {
		pr_err("IOAPIC: no vector left for IRQ %u (GSI %u)\n", irq, gsi);
		return;
	}
	*claimed |= 1U << gsi;
	pin = gsi - ioa->gsi_base;
	low = rte_low(irq, vector, inti_flags);
	io_apic_write(ioa, IO_APIC_REDIR(pin) + 1, (u32)dest << RTE_DEST_SHIFT);
	io_apic_write(ioa, IO_APIC_REDIR(pin), low);
	irq_set_chip_and_name(irq, &ioapic_chip, pin, ioa,
			      low & RTE_TRIGGER_LEVEL ? "fasteoi" : "edge");
}

int setup_io_apics(const struct madt_info *info, u8 dest_apic_id)
{
	u32 claimed = 0;
	unsigned int i, pin, irq;

	for (i = 0; i < info->nr_ioapics; i++) {
		const struct madt_ioapic *m = &info->ioapics[i];
		struct ioapic *ioa = &ioapics[nr_ioapics];
		u32 ver;

		ioa->base = ioremap(m->address, 0x20);
		if (!ioa->base) {
			pr_err("IOAPIC[%u]: cannot map %#x\n", i, m->address);
			continue;
		}
		ver = io_apic_read(ioa, IO_APIC_VERSION);
		ioa->gsi_base = m->gsi_base;
		ioa->nr_pins = ((ver >> 16) & 0xff) + 1;
		pr_info("IOAPIC[%u]: apic_id %u, version %u, address %#x, GSI %u-%u\n",
			nr_ioapics, m->id, ver & 0xff, m->address,
			ioa->gsi_base, ioa->gsi_base + ioa->nr_pins - 1);
		for (pin = 0; pin < ioa->nr_pins; pin++)
			io_apic_write(ioa, IO_APIC_REDIR(pin), RTE_MASKED);
		nr_ioapics++;
	}
	if (!nr_ioapics)
		return -ENODEV;

	/* ISA lines first, so their overrides win over identity GSIs. */
	for (irq = 0; irq < NR_IRQS_LEGACY; irq++)
		if (info->isa_irq[irq].overridden)
			setup_irq_pin(irq, info->isa_irq[irq].gsi,
				      info->isa_irq[irq].flags, dest_apic_id,
				      &claimed);
	for (irq = 0; irq < NR_IRQS; irq++) {
		if (irq < NR_IRQS_LEGACY && info->isa_irq[irq].overridden)
			continue;
		setup_irq_pin(irq, irq, 0, dest_apic_id, &claimed);
	}
	return 0;
}

/*
 * Deliver @irq as an NMI instead of its vector, edge-triggered as the
 * IO-APIC requires for NMIs: the NMI watchdog's clock.  The IRQ must have
 * no handler, and must get none afterwards.
 */
int ioapic_set_nmi(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irq_data *data;
	unsigned long flags;
	u32 reg, low;

	if (!desc || desc->irq_data.chip != &ioapic_chip)
		return -ENODEV;
	if (desc->action)
		return -EBUSY;
	data = &desc->irq_data;
	reg = IO_APIC_REDIR(data->hwirq);
	spin_lock_irqsave(&ioapic_lock, flags);
	low = io_apic_read(data->chip_data, reg);
	low &= ~(RTE_DM_MASK | RTE_TRIGGER_LEVEL | RTE_MASKED);
	io_apic_write(data->chip_data, reg, low | RTE_DM_NMI);
	spin_unlock_irqrestore(&ioapic_lock, flags);
	return 0;
}
