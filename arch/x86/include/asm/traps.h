/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU exception vectors and the handlers' entry points.
 */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <keel/compiler.h>
#include <asm/ptrace.h>

enum {
	X86_TRAP_DE = 0,	/* divide error */
	X86_TRAP_DB = 1,	/* debug */
	X86_TRAP_NMI = 2,
	X86_TRAP_BP = 3,	/* int3 */
	X86_TRAP_UD = 6,	/* invalid opcode */
	X86_TRAP_DF = 8,	/* double fault */
	X86_TRAP_GP = 13,	/* general protection */
	X86_TRAP_PF = 14,	/* page fault */
};

void do_exception(struct pt_regs *regs);
void do_page_fault(struct pt_regs *regs, unsigned long address);
__noreturn void do_double_fault(struct pt_regs *regs);
void do_nmi(struct pt_regs *regs);
__noreturn void die(const char *str, struct pt_regs *regs, long err);
void show_regs(const struct pt_regs *regs);

#endif /* _ASM_X86_TRAPS_H */
