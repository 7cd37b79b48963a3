// SPDX-License-Identifier: GPL-2.0
/*
 * NMIs.  They arrive on their own stack (the TSS's IST), whatever the
 * interrupt flag says.  The hard lockup detector's clock is the only NMI
 * source Keel sets up, and an NMI cannot say where it came from: while
 * that detector runs, every NMI is its tick.  Any other NMI is reported as
 * Linux reports it, and the kernel carries on.
 */
#include <keel/nmi.h>
#include <keel/printk.h>
#include <asm/hw_irq.h>
#include <asm/io.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

/* System control port B: why the chipset raised an NMI (SERR#, IOCHK#). */
#define NMI_REASON_PORT		0x61

static void unknown_nmi_error(unsigned char reason)
{
	pr_emerg("Uhhuh. NMI received for unknown reason %02x on CPU 0.\n",
		 reason);
	pr_emerg("Dazed and confused, but trying to continue\n");
}

void do_nmi(struct pt_regs *regs)
{
	irq_stat.__nmi_count++;
	if (watchdog_hardlockup_nmi(regs))
		return;
	unknown_nmi_error(inb(NMI_REASON_PORT));
}
