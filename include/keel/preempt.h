/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The preempt count: one per-CPU word that says whether the running code
 * may sleep, laid out as Linux's:
 *
 *   bits  0-7   preemption disabled (spin_lock() nests here)
 *   bits  8-15  softirq
 *   bits 16-19  hard interrupt nesting (irq_enter())
 *   bits 20-23  NMI nesting
 *
 * Anything non-zero is atomic context: no sleeping, no GFP_KERNEL.  The
 * kernel is not preemptible (PREEMPT_NONE), but spinlocks and interrupt
 * entry keep the count exact, so might_sleep() checks callers and
 * cond_resched() gives the CPU away only at zero.
 */
#ifndef _KEEL_PREEMPT_H
#define _KEEL_PREEMPT_H

#include <keel/compiler.h>
#include <asm/percpu.h>

#define PREEMPT_BITS	8
#define SOFTIRQ_BITS	8
#define HARDIRQ_BITS	4
#define NMI_BITS	4

#define PREEMPT_SHIFT	0
#define SOFTIRQ_SHIFT	(PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT	(SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT	(HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x)	((1U << (x)) - 1)
#define PREEMPT_MASK	(__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK	(__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK	(__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK	(__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET	(1U << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET	(1U << SOFTIRQ_SHIFT)
/* local_bh_disable() counts in twos: an odd count means serving one. */
#define SOFTIRQ_DISABLE_OFFSET	(2 * SOFTIRQ_OFFSET)
#define HARDIRQ_OFFSET	(1U << HARDIRQ_SHIFT)
#define NMI_OFFSET	(1U << NMI_SHIFT)

static __always_inline unsigned int preempt_count(void)
{
	return this_cpu_read(preempt_count);
}

static __always_inline void preempt_count_add(unsigned int val)
{
	this_cpu_add(preempt_count, val);
}

static __always_inline void preempt_count_sub(unsigned int val)
{
	this_cpu_add(preempt_count, -val);
}

#define hardirq_count()	(preempt_count() & HARDIRQ_MASK)
#define softirq_count()	(preempt_count() & SOFTIRQ_MASK)
#define in_nmi()	(preempt_count() & NMI_MASK)
#define in_hardirq()	(hardirq_count() != 0)
#define in_softirq()	(softirq_count() != 0)
#define in_serving_softirq()	((softirq_count() & SOFTIRQ_OFFSET) != 0)
#define in_interrupt()	((preempt_count() & (NMI_MASK | HARDIRQ_MASK | \
					     SOFTIRQ_MASK)) != 0)
#define in_task()	(!in_interrupt())
/* Sleeping is a bug: a spinlock is held or an interrupt is running. */
#define in_atomic()	(preempt_count() != 0)

/*
 * The compiler barrier in each keeps the critical section's memory
 * accesses between the two.  With a non-preemptible kernel,
 * preempt_enable() does not reschedule: the return to user mode and
 * cond_resched() do.
 */
#define preempt_disable()	preempt_count_add(PREEMPT_OFFSET)
#define preempt_enable()	preempt_count_sub(PREEMPT_OFFSET)

#endif /* _KEEL_PREEMPT_H */
