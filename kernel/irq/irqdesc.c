// SPDX-License-Identifier: GPL-2.0
/*
 * The table of interrupt descriptors and the flow every interrupt takes
 * through it: ack the chip, count, run the handler chain, note an
 * interrupt nobody claimed, end it at the chip.  The architecture maps
 * vectors to IRQ numbers; this file knows nothing about vectors.
 * Handlers run with desc->lock held, so free_irq() returning means the
 * handler is not running.  Lock order: desc->lock, then the handlers' locks.
 */
#define pr_fmt(fmt) "genirq: " fmt

#include <keel/errno.h>
#include <keel/irq.h>
#include <keel/printk.h>

struct irq_chip dummy_irq_chip = {
	.name = "none",
};

static struct irq_desc irq_desc[NR_IRQS];

struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_desc[irq] : NULL;
}

void irq_set_chip_and_name(unsigned int irq, struct irq_chip *chip,
			   unsigned int hwirq, void *chip_data,
			   const char *name)
{
	struct irq_desc *desc = &irq_desc[irq];

	desc->irq_data.chip = chip;
	desc->irq_data.hwirq = hwirq;
	desc->irq_data.chip_data = chip_data;
	desc->name = name;
}

static void note_interrupt(struct irq_desc *desc)
{
	desc->irqs_unhandled++;
	if (irq_report_due(desc->irqs_unhandled))
		pr_err("irq %u: nobody cared (%lu unhandled)\n",
		       desc->irq_data.irq, desc->irqs_unhandled);
}

int generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irq_data *data;
	struct irqaction *action;
	irqreturn_t ret = IRQ_NONE;

	if (!desc)
		return -EINVAL;
	data = &desc->irq_data;
	spin_lock(&desc->lock);
	if (data->chip->irq_ack)
		data->chip->irq_ack(data);
	desc->count++;
	for (action = desc->action; action; action = action->next)
		ret |= action->handler(irq, action->dev_id);
	if (ret == IRQ_NONE)
		note_interrupt(desc);
	if (data->chip->irq_eoi)
		data->chip->irq_eoi(data);
	spin_unlock(&desc->lock);
	return 0;
}

/* Before any controller claims a line, it has no hardware behind it. */
void early_irq_init(void)
{
	unsigned int irq;

	for (irq = 0; irq < NR_IRQS; irq++) {
		irq_desc[irq].irq_data.irq = irq;
		irq_desc[irq].irq_data.chip = &dummy_irq_chip;
		irq_desc[irq].name = "none";
		spin_lock_init(&irq_desc[irq].lock);
	}
}
