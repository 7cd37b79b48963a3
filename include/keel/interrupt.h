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

/*
 * Softirqs: the deferred half of interrupt work, as in Linux.  A hard
 * interrupt handler raises one; it runs as the interrupt returns
 * (irq_exit()), with interrupts on and in_serving_softirq() true, or when
 * a local_bh_enable() ends a section that held it off.  Linux's numbers,
 * which /proc/stat's "softirq" line counts in order; the ones Keel uses
 * have an action.
 */
enum {
	HI_SOFTIRQ,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	IRQ_POLL_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,
	NR_SOFTIRQS
};

/* Set @nr's action (at boot; never changed after). */
void open_softirq(int nr, void (*action)(void));
/* Mark @nr pending on this CPU; it runs at the next irq_exit(). */
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
/* How many times @nr has run, for /proc/stat. */
unsigned long kstat_softirqs(unsigned int nr);

/* Keep softirqs from running on this CPU (they nest). */
void local_bh_disable(void);
/* ... and run what became pending meanwhile, outside interrupts. */
void local_bh_enable(void);

#endif /* _KEEL_INTERRUPT_H */
