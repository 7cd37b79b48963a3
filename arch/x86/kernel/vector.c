// SPDX-License-Identifier: GPL-2.0
/*
 * The vector allocator (<asm/irq_vectors.h>), after Linux's
 * arch/x86/kernel/apic/vector.c: which vector each IRQ arrives on, and
 * back.  ISA IRQs keep 0x20 + irq; IO-APIC pins (and later MSIs) take the
 * lowest free vector of the dynamic range when they are set up.  One CPU
 * today: with SMP, vector_irq becomes per CPU.  vector_lock (irqsave)
 * guards both maps; do_IRQ() reads vector_irq with interrupts off.
 */
#include <keel/errno.h>
#include <keel/irq.h>
#include <keel/spinlock.h>
#include <asm/irq_vectors.h>

#define VECTOR_UNUSED	(-1)

static DEFINE_SPINLOCK(vector_lock);
static int vector_irq[NR_VECTORS];		/* [vector_lock] */
static u8 irq_vector[NR_IRQS];			/* [vector_lock] 0: none */

static void bind_vector(unsigned int irq, unsigned int vector)
{
	irq_vector[irq] = vector;
	vector_irq[vector] = irq;
}

void init_irq_vectors(void)
{
	unsigned int v, irq;

	for (v = 0; v < NR_VECTORS; v++)
		vector_irq[v] = VECTOR_UNUSED;
	for (irq = 0; irq < NR_IRQS_LEGACY; irq++)
		bind_vector(irq, ISA_IRQ_VECTOR(irq));
}

int irq_alloc_vector(unsigned int irq)
{
	unsigned long flags;
	unsigned int v;
	int ret = -ENOSPC;

	if (irq >= NR_IRQS)
		return -EINVAL;
	spin_lock_irqsave(&vector_lock, flags);
	if (irq_vector[irq]) {
		ret = irq_vector[irq];
		goto out;
	}
	for (v = FIRST_DYNAMIC_VECTOR; v < FIRST_SYSTEM_VECTOR; v++) {
		if (vector_irq[v] == VECTOR_UNUSED) {
			bind_vector(irq, v);
			ret = v;
			break;
		}
	}
out:
	spin_unlock_irqrestore(&vector_lock, flags);
	return ret;
}

void irq_free_vector(unsigned int irq)
{
	unsigned long flags;

	if (irq < NR_IRQS_LEGACY || irq >= NR_IRQS)
		return;
	spin_lock_irqsave(&vector_lock, flags);
	if (irq_vector[irq])
		vector_irq[irq_vector[irq]] = VECTOR_UNUSED;
	irq_vector[irq] = 0;
	spin_unlock_irqrestore(&vector_lock, flags);
}

unsigned int irq_to_vector(unsigned int irq)
{
	return irq < NR_IRQS ? READ_ONCE(irq_vector[irq]) : 0;
}

int vector_to_irq(unsigned int vector)
{
	return vector < NR_VECTORS ? READ_ONCE(vector_irq[vector]) :
	       VECTOR_UNUSED;
}
