// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions.  One taken in user mode is the program's and becomes
 * Linux's signal for it (do_user_trap()).  Every exception taken in the
 * kernel but a WARN() or one with an exception-table fix-up (page faults
 * and general protection faults) is fatal: it is reported the
 * way Linux reports an oops (what happened, the registers, the call trace)
 * and the kernel panics.  A BUG() says where it was written.  Page faults
 * and double faults (stack overflows) have their own handlers in
 * arch/x86/mm/fault.c, NMIs theirs in nmi.c.
 */
#include <keel/bug.h>
#include <keel/extable.h>
#include <keel/kernel.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/sched/signal.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

static const char *const exception_names[NR_EXCEPTIONS] = {
	[X86_TRAP_DE]     = "divide error",
	[X86_TRAP_DB]     = "debug",
	[X86_TRAP_NMI]    = "NMI",
	[X86_TRAP_BP]     = "int3",
	[X86_TRAP_OF]     = "overflow",
	[X86_TRAP_BR]     = "bounds",
	[X86_TRAP_UD]     = "invalid opcode",
	[X86_TRAP_NM]     = "device not available",
	[X86_TRAP_DF]     = "double fault",
	[X86_TRAP_OLD_MF] = "coprocessor segment overrun",
	[X86_TRAP_TS]     = "invalid TSS",
	[X86_TRAP_NP]     = "segment not present",
	[X86_TRAP_SS]     = "stack segment",
	[X86_TRAP_GP]     = "general protection fault",
	[X86_TRAP_PF]     = "page fault",
	[X86_TRAP_MF]     = "coprocessor error",
	[X86_TRAP_AC]     = "alignment check",
	[X86_TRAP_MC]     = "machine check",
	[X86_TRAP_XF]     = "SIMD exception",
	[X86_TRAP_VE]     = "virtualization exception",
	[X86_TRAP_CP]     = "control protection fault",
	[X86_TRAP_VC]     = "VMM communication exception",
	[X86_TRAP_SE]     = "security exception",
};

static unsigned int die_counter;

static const char *exception_name(unsigned long vector)
{
	if (vector < NR_EXCEPTIONS && exception_names[vector])
		return exception_names[vector];
	return "unknown exception";
}

static void report_gp(const struct pt_regs *regs)
{
	oops_begin();
	if (regs->error_code)
		pr_alert("general protection fault, segment selector index %#lx\n",
			 regs->error_code >> 3);
}

__noreturn void die(const char *str, struct pt_regs *regs, long err)
{
	oops_begin();
	pr_emerg("Oops: %s: %04lx [#%u]\n", str, err & 0xffff, ++die_counter);
	show_regs(regs);
	panic("Fatal exception");
}

/* The SIMD exception that is raised and unmasked, as si_code. */
static int simd_fault_code(void)
{
	u32 mxcsr;
	unsigned int raised;

	__asm__ __volatile__("stmxcsr %0" : "=m"(mxcsr));
	raised = (mxcsr & 0x3f) & ~((mxcsr >> 7) & 0x3f);
	if (raised & 0x01)
		return FPE_FLTINV;
	if (raised & 0x04)
		return FPE_FLTDIV;
	if (raised & 0x08)
		return FPE_FLTOVF;
	if (raised & 0x12)
		return FPE_FLTUND;
	if (raised & 0x20)
		return FPE_FLTRES;
	return 0;
}

/*
 * An exception in user mode is the program's, not the kernel's: it gets
 * the signal Linux sends for it, with si_addr the faulting instruction
 * (0 for the traps Linux reports as SI_KERNEL).
 */
static void do_user_trap(struct pt_regs *regs, unsigned long vector)
{
	void __user *ip = (void __user *)regs->ip;

	local_irq_enable();
	switch (vector) {
	case X86_TRAP_DE:
		force_sig_fault(SIGFPE, FPE_INTDIV, ip);
		break;
	case X86_TRAP_DB:
		force_sig_fault(SIGTRAP, TRAP_TRACE, ip);
		break;
	case X86_TRAP_BP:
		force_sig_fault(SIGTRAP, SI_KERNEL, NULL);
		break;
	case X86_TRAP_UD:
		force_sig_fault(SIGILL, ILL_ILLOPN, ip);
		break;
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		force_sig_fault(SIGFPE, vector == X86_TRAP_XF ?
				simd_fault_code() : 0, ip);
		break;
	case X86_TRAP_AC:
		force_sig_fault(SIGBUS, BUS_ADRALN, NULL);
		break;
	case X86_TRAP_NP:
	case X86_TRAP_SS:
		force_sig_fault(SIGBUS, BUS_ADRERR, NULL);
		break;
	default:
		/* #GP, #OF, #BR, #TS and the rest. */
		force_sig_fault(SIGSEGV, SI_KERNEL, NULL);
		break;
	}
	local_irq_disable();
}

static bool is_paranoid(unsigned long vector)
{
	return vector == X86_TRAP_NMI || vector == X86_TRAP_DF ||
	       vector == X86_TRAP_MC;
}

void do_exception(struct pt_regs *regs)
{
	unsigned long vector = regs->vector;

	if (user_mode(regs) && vector != X86_TRAP_PF && !is_paranoid(vector)) {
		do_user_trap(regs, vector);
		return;
	}

	if (vector == X86_TRAP_PF) {
		do_page_fault(regs, read_cr2());
		return;
	}
	if (vector == X86_TRAP_NMI) {
		do_nmi(regs);
		return;
	}
	if (vector == X86_TRAP_DF)
		do_double_fault(regs);
	if (vector == X86_TRAP_GP && !user_mode(regs) && fixup_exception(regs))
		return;
	if (vector == X86_TRAP_GP)
		report_gp(regs);
	else if (vector == X86_TRAP_UD && !user_mode(regs) &&
		 report_bug(regs->ip, regs) == BUG_TRAP_TYPE_WARN) {
		/* A WARN() is a ud2 that the kernel steps over. */
		regs->ip += 2;
		return;
	}
	die(exception_name(vector), regs, regs->error_code);
}
