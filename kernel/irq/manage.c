// SPDX-License-Identifier: GPL-2.0
/*
 * request_irq() and free_irq().  Each handler is an irqaction on its
 * descriptor's list, under desc->lock; irqactions are allocated and freed
 * outside that lock.
 */
#define pr_fmt(fmt) "genirq: " fmt

#include <keel/bug.h>
#include <keel/errno.h>
#include <keel/irq.h>
#include <keel/printk.h>
#include <keel/slab.h>

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action, **p;
	unsigned long irqflags;

	if (!desc || !handler)
		return -EINVAL;
	action = kmalloc(sizeof(*action), GFP_KERNEL);
	if (!action)
		return -ENOMEM;
	action->handler = handler;
	action->dev_id = dev_id;
	action->name = name;
	action->flags = flags;
	action->next = NULL;

	spin_lock_irqsave(&desc->lock, irqflags);
	if (desc->action && !(desc->action->flags & flags & IRQF_SHARED)) {
		struct irqaction *old = desc->action;

		spin_unlock_irqrestore(&desc->lock, irqflags);
		pr_err("Flags mismatch irq %u. %08lx (%s) vs. %08lx (%s)\n",
		       irq, flags, name, old->flags, old->name);
		kfree(action);
		return -EBUSY;
	}
	for (p = &desc->action; *p; p = &(*p)->next)
		;
	*p = action;
	if (p == &desc->action) {
		desc->irqs_unhandled = 0;
		if (desc->irq_data.chip->irq_unmask)
			desc->irq_data.chip->irq_unmask(&desc->irq_data);
	}
	spin_unlock_irqrestore(&desc->lock, irqflags);
	return 0;
}

const char *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action = NULL, **p;
	unsigned long irqflags;
	const char *name;

	if (!desc)
		return NULL;
	spin_lock_irqsave(&desc->lock, irqflags);
	for (p = &desc->action; *p; p = &(*p)->next) {
		if ((*p)->dev_id == dev_id) {
			action = *p;
			*p = action->next;
			break;
		}
	}
	if (action && !desc->action && desc->irq_data.chip->irq_mask)
		desc->irq_data.chip->irq_mask(&desc->irq_data);
	spin_unlock_irqrestore(&desc->lock, irqflags);

	if (!action) {
		pr_err("Trying to free already-free IRQ %u\n", irq);
		WARN_ON(1);
		return NULL;
	}
	name = action->name;
	kfree(action);
	return name;
}
