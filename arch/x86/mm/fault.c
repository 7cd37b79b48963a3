// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault handler.  Keel has no user space yet and maps all kernel
 * memory up front, so a page fault in the kernel is a bug: it is reported
 * in Linux's words (which address, which access, why) and the kernel oopses.
 */
#include <keel/printk.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

#define X86_PF_PROT	(1 << 0)
#define X86_PF_WRITE	(1 << 1)
#define X86_PF_USER	(1 << 2)
#define X86_PF_RSVD	(1 << 3)
#define X86_PF_INSTR	(1 << 4)

/* Linux's wording, so the reports read the same to a kernel engineer. */
static void report_page_fault(const struct pt_regs *regs, unsigned long addr)
{
	unsigned long err = regs->error_code;

	if (addr < PAGE_SIZE)
		pr_alert("BUG: kernel NULL pointer dereference, address: %016lx\n",
			 addr);
	else
		pr_alert("BUG: unable to handle page fault for address: %016lx\n",
			 addr);
	pr_alert("#PF: %s %s in %s mode\n",
		 err & X86_PF_USER ? "user" : "supervisor",
		 err & X86_PF_INSTR ? "instruction fetch" :
		 err & X86_PF_WRITE ? "write access" : "read access",
		 user_mode(regs) ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", err,
		 err & X86_PF_RSVD ? "reserved bit violation" :
		 err & X86_PF_PROT ? "permissions violation" :
		 "not-present page");
}

void do_page_fault(struct pt_regs *regs, unsigned long address)
{
	report_page_fault(regs, address);
	die("page fault", regs, regs->error_code);
}
