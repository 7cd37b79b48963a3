/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU exception vectors and the handlers' entry points.
 */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <keel/compiler.h>
#include <asm/ptrace.h>

/* The exception vectors, with Linux's names (Intel SDM vol. 3, 6.3.1). */
enum {
	X86_TRAP_DE = 0,	/* divide error */
	X86_TRAP_DB = 1,	/* debug */
	X86_TRAP_NMI = 2,	/* non-maskable interrupt */
	X86_TRAP_BP = 3,	/* int3 */
	X86_TRAP_OF = 4,	/* overflow */
	X86_TRAP_BR = 5,	/* bound range exceeded */
	X86_TRAP_UD = 6,	/* invalid opcode */
	X86_TRAP_NM = 7,	/* device not available */
	X86_TRAP_DF = 8,	/* double fault */
	X86_TRAP_OLD_MF = 9,	/* coprocessor segment overrun */
	X86_TRAP_TS = 10,	/* invalid TSS */
	X86_TRAP_NP = 11,	/* segment not present */
	X86_TRAP_SS = 12,	/* stack segment fault */
	X86_TRAP_GP = 13,	/* general protection */
	X86_TRAP_PF = 14,	/* page fault */
	X86_TRAP_SPURIOUS = 15,	/* reserved */
	X86_TRAP_MF = 16,	/* x87 floating-point error */
	X86_TRAP_AC = 17,	/* alignment check */
	X86_TRAP_MC = 18,	/* machine check */
	X86_TRAP_XF = 19,	/* SIMD floating-point exception */
	X86_TRAP_VE = 20,	/* virtualization exception */
	X86_TRAP_CP = 21,	/* control protection exception */
	X86_TRAP_VC = 29,	/* VMM communication exception */
	X86_TRAP_SE = 30,	/* security exception */
};

void do_exception(struct pt_regs *regs);
void do_page_fault(struct pt_regs *regs, unsigned long address);
__noreturn void do_double_fault(struct pt_regs *regs);
void do_nmi(struct pt_regs *regs);
__noreturn void die(const char *str, struct pt_regs *regs, long err);
void show_regs(const struct pt_regs *regs);

#endif /* _ASM_X86_TRAPS_H */
