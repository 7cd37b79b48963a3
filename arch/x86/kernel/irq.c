// SPDX-License-Identifier: GPL-2.0
/*
 * x86 interrupt dispatch: do_IRQ() is where every vector from 32 up
 * arrives (entry_64.S).  IRQ vectors go to the generic IRQ layer; the
 * local APIC's own vectors to apic.c; a spurious interrupt or a vector
 * nobody owns is counted and reported, never fatal.  init_IRQ() picks
 * the controllers: the APICs when configured and described by ACPI,
 * the 8259 otherwise.  The counters are written only here, interrupts off.
 */
#define pr_fmt(fmt) fmt

#include <keel/hardirq.h>
#include <keel/irq.h>
#include <keel/printk.h>
#include <keel/seq_file.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/i8259.h>
#include <asm/irq_regs.h>
#include <asm/irq_vectors.h>

struct irq_cpustat irq_stat;

/* Linux's rows, one CPU's column; ERR is a system-wide count. */
void arch_show_interrupts(struct seq_file *m, int prec)
{
	seq_printf(m, "%*s: %10lu   Non-maskable interrupts\n", prec, "NMI",
		   READ_ONCE(irq_stat.__nmi_count));
	seq_printf(m, "%*s: %10lu   Local timer interrupts\n", prec, "LOC",
		   READ_ONCE(irq_stat.apic_timer_irqs));
	seq_printf(m, "%*s: %10lu   Spurious interrupts\n", prec, "SPU",
		   READ_ONCE(irq_stat.irq_spurious_count));
	seq_printf(m, "%*s: %10lu\n", prec, "ERR",
		   READ_ONCE(irq_stat.irq_err_count));
}

u64 arch_irq_stat(void)
{
	return READ_ONCE(irq_stat.__nmi_count) +
	       READ_ONCE(irq_stat.apic_timer_irqs) +
	       READ_ONCE(irq_stat.irq_spurious_count) +
	       READ_ONCE(irq_stat.irq_err_count);
}
struct pt_regs *irq_regs;

static void unexpected_vector(unsigned long vector)
{
	irq_stat.irq_err_count++;
	if (irq_report_due(irq_stat.irq_err_count))
		pr_emerg("do_IRQ: 0.%lu No irq handler for vector\n", vector);
	/* A real interrupt from the local APIC must still be ended. */
	if (apic_in_use())
		apic_eoi();
}

void do_IRQ(struct pt_regs *regs)
{
	struct pt_regs *old_regs = set_irq_regs(regs);
	unsigned long vector = regs->vector;
	int irq = vector_to_irq(vector);

	irq_enter();
	if (irq >= 0) {
		if (irq < NR_IRQS_LEGACY && i8259_irq_spurious(irq))
			irq_stat.irq_spurious_count++;
		else
			generic_handle_irq(irq);
	} else if (apic_in_use() && vector == LOCAL_TIMER_VECTOR) {
		local_apic_timer_interrupt();
	} else if (apic_in_use() && vector == ERROR_APIC_VECTOR) {
		apic_error_interrupt();
	} else if (vector == SPURIOUS_APIC_VECTOR) {
		/* Not in service at the APIC: no EOI. */
		irq_stat.irq_spurious_count++;
		if (irq_report_due(irq_stat.irq_spurious_count))
			pr_info("spurious APIC interrupt through vector %lx on CPU#0, should never happen.\n",
				vector);
	} else {
		unexpected_vector(vector);
	}
	irq_exit();
	set_irq_regs(old_regs);
}

void init_IRQ(void)
{
	early_irq_init();
	init_irq_vectors();
	/* Even with the APICs: a stray 8259 IRQ must not hit an exception vector. */
	init_8259A();
	if (IS_ENABLED(CONFIG_X86_LOCAL_APIC) && !apic_intr_init())
		pr_info("IRQ: %u IRQs through the IO-APIC, ISA vectors %#x-%#x, others from %#x\n",
			NR_IRQS, IRQ0_VECTOR, IRQ0_VECTOR + NR_IRQS_LEGACY - 1,
			FIRST_DYNAMIC_VECTOR);
	else
		pr_info("IRQ: %u IRQs through the 8259A, vectors %#x-%#x\n",
			NR_IRQS_LEGACY, IRQ0_VECTOR,
			IRQ0_VECTOR + NR_IRQS_LEGACY - 1);
}
