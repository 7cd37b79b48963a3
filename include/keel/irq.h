/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IRQ layer's view of interrupt lines.  Each IRQ has an irq_desc: the
 * chip that controls the line (mask/unmask/ack/eoi, the 8259 PIC or an
 * IO-APIC pin), the chain of handlers, and counters.  The architecture's
 * entry code calls generic_handle_irq() inside irq_enter()/irq_exit().
 * Lock order: desc->lock, then whatever the handlers take.
 */
#ifndef _KEEL_IRQ_H
#define _KEEL_IRQ_H

#include <keel/interrupt.h>
#include <keel/spinlock.h>
#include <keel/types.h>
#include <asm/irq_vectors.h>

struct irq_data {
	unsigned int irq;
	unsigned int hwirq;		/* the pin on the chip */
	struct irq_chip *chip;
	void *chip_data;
};

/* Any operation may be NULL. */
struct irq_chip {
	const char *name;
	void (*irq_mask)(struct irq_data *data);
	void (*irq_unmask)(struct irq_data *data);
	void (*irq_ack)(struct irq_data *data);	/* before the handlers */
	void (*irq_eoi)(struct irq_data *data);	/* after the handlers */
};

/*
 * [I] set by the chip's set-up in init_IRQ(), then read-only.
 * [L] desc->lock.
 */
struct irq_desc {
	struct irq_data irq_data;	/* [I] */
	const char *name;		/* [I] the flow, "edge" or "fasteoi" */
	struct irqaction *action;	/* [L] the handlers */
	unsigned long count;		/* [L] interrupts taken */
	unsigned long irqs_unhandled;	/* [L] ... that no handler claimed */
	spinlock_t lock;
};

/* Lines without hardware behind them; every operation does nothing. */
extern struct irq_chip dummy_irq_chip;

struct irq_desc *irq_to_desc(unsigned int irq);
void irq_set_chip_and_name(unsigned int irq, struct irq_chip *chip,
			   unsigned int hwirq, void *chip_data,
			   const char *name);

/* Run @irq's handlers; -EINVAL if there is no such IRQ. */
int generic_handle_irq(unsigned int irq);

/*
 * Problems are counted, never fatal, and reported on the 1st, 2nd, 4th,
 * 8th... occurrence so a stuck line cannot flood the console.
 */
static inline bool irq_report_due(unsigned long count)
{
	return (count & (count - 1)) == 0;
}

/* Give every descriptor the dummy chip; init_IRQ() calls it first. */
void early_irq_init(void);

/* Set up the interrupt controllers and the IRQ entry vectors. */
void init_IRQ(void);

#endif /* _KEEL_IRQ_H */
