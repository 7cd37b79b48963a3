// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/interrupts and /proc/stat, which both read the IRQ layer's
 * per-line counters (kernel/irq).  Formats are Linux's show_interrupts()
 * and show_stat() for one CPU.  The cpu lines are the scheduler tick's
 * charges (<keel/kernel_stat.h>): user (nice for a task with a positive
 * nice value), system, and idle when the idle task had the CPU; Keel
 * does not tell interrupt time or I/O waits apart, so irq, softirq and
 * iowait read 0, as do the virtualization columns.  After the IRQ lines
 * come the architecture's rows (x86: NMI, LOC, SPU, ERR), whose counts
 * /proc/stat's "intr" total includes, as in Linux.
 *
 * Lock: each descriptor's lock while its counter and handlers are read.
 */
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/interrupt.h>
#include <keel/irq.h>
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/kernel_stat.h>
#include <keel/proc_fs.h>
#include <keel/seq_file.h>
#include <keel/spinlock.h>
#include <keel/timekeeping.h>
#include <asm/hw_irq.h>

#include "internal.h"

#define IRQ_PREC	3	/* digits of the widest IRQ number, as Linux */
#define USER_HZ		100	/* the unit of /proc/stat's times */

static int interrupts_proc_show(struct seq_file *m, void *v)
{
	unsigned int irq;

	seq_printf(m, "%*s", IRQ_PREC + 8, "");
	seq_printf(m, "CPU%-8d", 0);
	seq_putc(m, '\n');
	for (irq = 0; irq < NR_IRQS; irq++) {
		struct irq_desc *desc = irq_to_desc(irq);
		struct irqaction *action;
		unsigned long flags;

		spin_lock_irqsave(&desc->lock, flags);
		action = desc->action;
		if (!action && !desc->count) {
			spin_unlock_irqrestore(&desc->lock, flags);
			continue;
		}
		seq_printf(m, "%*u: %10lu ", IRQ_PREC, irq, desc->count);
		seq_printf(m, " %8s", desc->irq_data.chip->name ?
			   desc->irq_data.chip->name : "-");
		seq_printf(m, " %*u", IRQ_PREC, desc->irq_data.hwirq);
		if (desc->name)
			seq_printf(m, "-%-8s", desc->name);
		if (action) {
			seq_printf(m, "  %s", action->name);
			while ((action = action->next))
				seq_printf(m, ", %s", action->name);
		}
		seq_putc(m, '\n');
		spin_unlock_irqrestore(&desc->lock, flags);
	}
	arch_show_interrupts(m, IRQ_PREC);
	return 0;
}

/* user nice system idle iowait irq softirq steal guest guest_nice */
static void show_cpu_times(struct seq_file *m, const char *label,
			   const struct kernel_cpustat *kcs)
{
	static const enum cpu_usage_stat order[] = {
		CPUTIME_USER, CPUTIME_NICE, CPUTIME_SYSTEM, CPUTIME_IDLE,
		CPUTIME_IOWAIT, CPUTIME_IRQ, CPUTIME_SOFTIRQ, CPUTIME_STEAL,
		CPUTIME_GUEST, CPUTIME_GUEST_NICE,
	};
	unsigned int i;

	seq_puts(m, label);
	for (i = 0; i < ARRAY_SIZE(order); i++)
		seq_printf(m, " %llu", (unsigned long long)
			   (kcs->cpustat[order[i]] / (NSEC_PER_SEC / USER_HZ)));
	seq_putc(m, '\n');
}

/* "softirq <total> <hi> <timer> ...", in Linux's order. */
static void show_softirqs(struct seq_file *m)
{
	unsigned long long counts[NR_SOFTIRQS], total = 0;
	unsigned int nr;

	for (nr = 0; nr < NR_SOFTIRQS; nr++) {
		counts[nr] = kstat_softirqs(nr);
		total += counts[nr];
	}
	seq_printf(m, "softirq %llu", total);
	for (nr = 0; nr < NR_SOFTIRQS; nr++)
		seq_printf(m, " %llu", counts[nr]);
	seq_putc(m, '\n');
}

static int stat_proc_show(struct seq_file *m, void *v)
{
	u64 counts[NR_IRQS], total = arch_irq_stat();
	struct kernel_cpustat kcs;
	unsigned int irq;

	for (irq = 0; irq < NR_IRQS; irq++) {
		struct irq_desc *desc = irq_to_desc(irq);
		unsigned long flags;

		spin_lock_irqsave(&desc->lock, flags);
		counts[irq] = desc->count;
		spin_unlock_irqrestore(&desc->lock, flags);
		total += counts[irq];
	}
	kcpustat_cpu_fetch(&kcs, 0);
	show_cpu_times(m, "cpu ", &kcs);
	show_cpu_times(m, "cpu0", &kcs);
	seq_printf(m, "intr %llu", (unsigned long long)total);
	for (irq = 0; irq < NR_IRQS; irq++)
		seq_printf(m, " %llu", (unsigned long long)counts[irq]);
	/* Keel does not count tasks waiting on I/O: none are blocked. */
	seq_printf(m, "\nctxt %llu\n"
		   "btime %llu\n"
		   "processes %lu\n"
		   "procs_running %u\n"
		   "procs_blocked 0\n",
		   (unsigned long long)nr_context_switches(),
		   (unsigned long long)(ktime_get_real_seconds() -
					ktime_get_ns() / 1000000000ULL),
		   nr_forks(), nr_running());
	show_softirqs(m);
	return 0;
}

static int proc_interrupts_init(void)
{
	if (!proc_create_single("interrupts", 0, NULL, interrupts_proc_show) ||
	    !proc_create_single("stat", 0, NULL, stat_proc_show))
		return -ENOMEM;
	return 0;
}
fs_initcall(proc_interrupts_init);
