/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt handlers for drivers: request_irq() attaches a handler to an
 * IRQ line and unmasks it, free_irq() detaches it (masking the line when
 * no handler is left).  Handlers run in hard interrupt context with
 * interrupts disabled and return IRQ_HANDLED when their device raised the
 * interrupt, IRQ_NONE otherwise.  See Documentation/core-api/irq.rst.
 */
#ifndef _KEEL_INTERRUPT_H
#define _KEEL_INTERRUPT_H

#include <keel/types.h>

typedef enum irqreturn {
	IRQ_NONE = 0,
	IRQ_HANDLED = 1,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED		0x00000080	/* other handlers may share the line */

/* One handler on one line; the line's irq_desc lock protects the chain. */
struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	const char *name;
	unsigned long flags;
	struct irqaction *next;
};

/*
 * 0, or -EINVAL for a bad @irq or a NULL @handler, -EBUSY when the line
 * has a handler and not both are IRQF_SHARED, -ENOMEM when out of
 * irqactions.  @dev_id identifies the handler to free_irq().
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);

/* Detach the handler registered with @dev_id; returns its name, or NULL. */
const char *free_irq(unsigned int irq, void *dev_id);

#endif /* _KEEL_INTERRUPT_H */
