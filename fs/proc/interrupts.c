// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/interrupts and /proc/stat, which both read the IRQ layer's
 * per-line counters (kernel/irq).  Formats are Linux's show_interrupts()
 * and show_stat() for one CPU.  Without a scheduler there is no per-task
 * time accounting: all time since boot is counted as system time, one
 * process (pid 1) exists and runs, and no context switch has happened.
 * The x86 lines after the IRQs in Linux's /proc/interrupts (NMI, LOC,
 * ERR...) are left out: Keel counts none of them.
 *
 * Lock: each descriptor's lock while its counter and handlers are read.
 */
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/irq.h>
#include <keel/jiffies.h>
#include <keel/proc_fs.h>
#include <keel/seq_file.h>
#include <keel/spinlock.h>
#include <keel/timekeeping.h>

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
	return 0;
}

static void show_cpu_times(struct seq_file *m, const char *label, u64 system)
{
	/* user nice system idle iowait irq softirq steal guest guest_nice */
	seq_printf(m, "%s 0 0 %llu 0 0 0 0 0 0 0\n", label,
		   (unsigned long long)system);
}

static int stat_proc_show(struct seq_file *m, void *v)
{
	u64 ticks = (get_jiffies_64() - INITIAL_JIFFIES) * USER_HZ / HZ;
	u64 counts[NR_IRQS], total = 0;
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
		   "procs_blocked 0\n"
		   "softirq 0 0 0 0 0 0 0 0 0 0 0\n",
		   (unsigned long long)(ktime_get_real_seconds() -
					ktime_get_ns() / 1000000000ULL));
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
