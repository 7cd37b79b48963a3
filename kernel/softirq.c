// SPDX-License-Identifier: GPL-2.0
/*
 * Softirqs (<keel/interrupt.h>): work a hard interrupt handler defers to
 * the end of the interrupt, where it runs with interrupts on.  The pending
 * mask is per CPU (pcpu_hot.softirq_pending) and changes only with
 * interrupts off on that CPU, so it needs no lock.  __do_softirq() marks
 * itself in the preempt count (in_serving_softirq()) so that nested
 * interrupts do not start a second round, and gives up after
 * MAX_SOFTIRQ_RESTART rounds so an interrupt storm cannot keep the
 * interrupted code from running; what is left waits for the next
 * irq_exit() (Linux hands it to ksoftirqd, which needs threads).
 */
#include <keel/bug.h>
#include <keel/hardirq.h>
#include <keel/interrupt.h>
#include <keel/kernel.h>
#include <keel/preempt.h>
#include <asm/percpu.h>
#include <asm/processor.h>

#define MAX_SOFTIRQ_RESTART	10

static void (*softirq_vec[NR_SOFTIRQS])(void);
static unsigned long softirq_runs[NR_SOFTIRQS];	/* runs, per nr */

void open_softirq(int nr, void (*action)(void))
{
	softirq_vec[nr] = action;
}

void raise_softirq_irqoff(unsigned int nr)
{
	this_cpu_write(softirq_pending,
		       this_cpu_read(softirq_pending) | (1U << nr));
}

void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

unsigned long kstat_softirqs(unsigned int nr)
{
	return READ_ONCE(softirq_runs[nr]);
}

/* Called with interrupts off; returns with them off. */
static void __do_softirq(void)
{
	int restart = MAX_SOFTIRQ_RESTART;
	unsigned int pending;

	preempt_count_add(SOFTIRQ_OFFSET);
	while ((pending = this_cpu_read(softirq_pending)) && restart--) {
		this_cpu_write(softirq_pending, 0);
		local_irq_enable();
		while (pending) {
			unsigned int nr = __builtin_ctz(pending);

			pending &= pending - 1;
			softirq_runs[nr]++;
			if (!WARN_ON(!softirq_vec[nr]))
				softirq_vec[nr]();
		}
		local_irq_disable();
	}
	preempt_count_sub(SOFTIRQ_OFFSET);
}

void invoke_softirq(void)
{
	unsigned long flags;

	local_irq_save(flags);
	__do_softirq();
	local_irq_restore(flags);
}

void local_bh_disable(void)
{
	preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
}

void local_bh_enable(void)
{
	WARN_ON(in_hardirq());
	preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);
	if (!in_interrupt() && this_cpu_read(softirq_pending))
		invoke_softirq();
}
