// SPDX-License-Identifier: GPL-2.0
/*
 * The 8259A programmable interrupt controllers, the interrupt path when
 * there are no APICs (CONFIG_X86_LOCAL_APIC off, no MADT, or "noapic").
 * The chip masks and unmasks lines in the cached mask and acks with a
 * specific EOI before the handlers run (every ISA line is edge-triggered,
 * so an edge during the handler is latched, not lost).  Not an emulation
 * of Linux's "lazy" disable or auto-EOI mode.  i8259_lock protects the
 * cached mask and the command sequences; it nests inside desc->lock.
 */
#define pr_fmt(fmt) fmt

#include <keel/irq.h>
#include <keel/printk.h>
#include <keel/spinlock.h>
#include <asm/i8259.h>
#include <asm/io.h>

#define PIC_MASTER_CMD		0x20
#define PIC_MASTER_IMR		0x21
#define PIC_SLAVE_CMD		0xa0
#define PIC_SLAVE_IMR		0xa1
#define PIC_CASCADE_IR		2

#define ICW1_INIT_ICW4		0x11	/* edge, cascade, ICW4 follows */
#define ICW4_8086		0x01
#define OCW2_SPECIFIC_EOI	0x60
#define OCW3_READ_ISR		0x0b
#define OCW3_READ_IRR		0x0a

static DEFINE_SPINLOCK(i8259_lock);
/* Bit n set: IRQ n masked.  The cascade stays open so slave lines work. */
static u16 cached_irq_mask = 0xffff & ~(1 << PIC_CASCADE_IR);
static bool i8259_in_use;
static unsigned long spurious_8259A_irqs;

static void write_masks(void)
{
	outb(cached_irq_mask & 0xff, PIC_MASTER_IMR);
	outb(cached_irq_mask >> 8, PIC_SLAVE_IMR);
}

static void i8259_set_mask(unsigned int irq, bool masked)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259_lock, flags);
	if (masked)
		cached_irq_mask |= 1 << irq;
	else
		cached_irq_mask &= ~(1 << irq);
	write_masks();
	spin_unlock_irqrestore(&i8259_lock, flags);
}

static void i8259_mask(struct irq_data *data)
{
	i8259_set_mask(data->hwirq, true);
}

static void i8259_unmask(struct irq_data *data)
{
	i8259_set_mask(data->hwirq, false);
}

static void send_eoi(unsigned int irq)
{
	if (irq >= 8) {
		outb(OCW2_SPECIFIC_EOI | (irq & 7), PIC_SLAVE_CMD);
		irq = PIC_CASCADE_IR;
	}
	outb(OCW2_SPECIFIC_EOI | irq, PIC_MASTER_CMD);
}

static void i8259_ack(struct irq_data *data)
{
	spin_lock(&i8259_lock);
	send_eoi(data->hwirq);
	spin_unlock(&i8259_lock);
}

static struct irq_chip i8259A_chip = {
	.name = "XT-PIC",
	.irq_mask = i8259_mask,
	.irq_unmask = i8259_unmask,
	.irq_ack = i8259_ack,
};

bool i8259_irq_spurious(unsigned int irq)
{
	u16 cmd = irq < 8 ? PIC_MASTER_CMD : PIC_SLAVE_CMD;
	bool in_service;

	if (!i8259_in_use || (irq != 7 && irq != 15))
		return false;
	spin_lock(&i8259_lock);
	outb(OCW3_READ_ISR, cmd);
	in_service = inb(cmd) & 0x80;
	outb(OCW3_READ_IRR, cmd);
	/* The master did deliver the slave's cascade: that one it must end. */
	if (!in_service && irq == 15)
		outb(OCW2_SPECIFIC_EOI | PIC_CASCADE_IR, PIC_MASTER_CMD);
	spin_unlock(&i8259_lock);
	if (in_service)
		return false;
	spurious_8259A_irqs++;
	if (irq_report_due(spurious_8259A_irqs))
		pr_info("spurious 8259A interrupt: IRQ%u.\n", irq);
	return true;
}

void init_8259A(void)
{
	unsigned long flags;
	unsigned int irq;

	spin_lock_irqsave(&i8259_lock, flags);
	outb(0xff, PIC_MASTER_IMR);
	outb(0xff, PIC_SLAVE_IMR);
	outb(ICW1_INIT_ICW4, PIC_MASTER_CMD);
	outb(IRQ0_VECTOR, PIC_MASTER_IMR);
	outb(1 << PIC_CASCADE_IR, PIC_MASTER_IMR);
	outb(ICW4_8086, PIC_MASTER_IMR);
	outb(ICW1_INIT_ICW4, PIC_SLAVE_CMD);
	outb(IRQ0_VECTOR + 8, PIC_SLAVE_IMR);
	outb(PIC_CASCADE_IR, PIC_SLAVE_IMR);
	outb(ICW4_8086, PIC_SLAVE_IMR);
	write_masks();
	i8259_in_use = true;
	spin_unlock_irqrestore(&i8259_lock, flags);

	for (irq = 0; irq < NR_IRQS_LEGACY; irq++)
		if (irq != PIC_CASCADE_IR)
			irq_set_chip_and_name(irq, &i8259A_chip, irq, NULL,
					      "edge");
}

void disable_8259A(void)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259_lock, flags);
	cached_irq_mask = 0xffff;
	write_masks();
	i8259_in_use = false;
	spin_unlock_irqrestore(&i8259_lock, flags);
}
