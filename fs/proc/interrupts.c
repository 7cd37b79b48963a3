// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/interrupts and /proc/stat, which both read the IRQ layer's
 * per-line counters (kernel/irq).  Formats are Linux's show_interrupts()
 * and show_stat() for one CPU.  Without a scheduler there is no per-task
 * time accounting: all time since boot is counted as system time, one
 * process (pid 1) exists and runs, and no context switch has happened.
 * After the IRQ lines come the architecture's rows (x86: NMI, LOC, SPU,
 * ERR), whose counts /proc/stat's "intr" total includes, as in Linux.
 *
 * Lock: each descriptor's lock while its counter and handlers are read.
 */
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/interrupt.h>
#include <keel/irq.h>
#include <keel/jiffies.h>
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

static void show_cpu_times(struct seq_file *m, const char *label, u64 system)
{
	/* user nice system idle iowait irq softirq steal guest guest_nice */
	seq_printf(m, "%s 0 0 %llu 0 0 0 0 0 0 0\n", label,
		   (unsigned long long)system);
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
	u64 ticks = (get_jiffies_64() - INITIAL_JIFFIES) * USER_HZ / HZ;
	u64 counts[NR_IRQS], total = arch_irq_stat();
	unsigned int irq;

	for (irq = 0; irq < NR_IRQS; irq++) {
		struct irq_desc *desc = irq_to_desc(irq);
		unsigned long flags;

		spin_lock_irqsave(&desc->lock, flags);
		counts[irq] = desc->count;
		spin_unlock_irqrestore(&desc->lock, flags);
		total += counts[irq];
	}
	show_cpu_times(m, "cpu ", ticks);
	show_cpu_times(m, "cpu0", ticks);
	seq_printf(m, "intr %llu", (unsigned long long)total);
	for (irq = 0; irq < NR_IRQS; irq++)
		seq_printf(m, " %llu", (unsigned long long)counts[irq]);
	seq_printf(m, "\nctxt 0\n"
		   "btime %llu\n"
		   "processes 1\n"
		   "procs_running 1\n"
		   "procs_blocked 0\n",
		   (unsigned long long)(ktime_get_real_seconds() -
					ktime_get_ns() / 1000000000ULL));
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
