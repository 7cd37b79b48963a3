/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The register frame an exception entry saves on the stack.  The order is
 * fixed by arch/x86/kernel/entry_64.S: general registers pushed by the stub,
 * then the vector and error code, then what the CPU pushed.
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#include <keel/types.h>

struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8;
	unsigned long ax, cx, dx, si, di;
	unsigned long vector;
	unsigned long error_code;
	/* Pushed by the CPU. */
	unsigned long ip, cs, flags, sp, ss;
};

static inline bool user_mode(const struct pt_regs *regs)
{
	return regs->cs & 3;
}

#endif /* _ASM_X86_PTRACE_H */
