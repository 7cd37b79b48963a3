/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The register frame an entry to the kernel saves on the stack.  The
 * order is fixed by arch/x86/entry/entry_64.S: general registers pushed
 * by the stub, then the vector and error code (for a system call: -1 and
 * the call's number, Linux's orig_ax), then what the CPU pushed (what the
 * system-call entry builds in its place).
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#include <keel/types.h>

struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8;
	unsigned long ax, cx, dx, si, di;
	unsigned long vector;
	union {
		unsigned long error_code;
		unsigned long orig_ax;
	};
	/* Pushed by the CPU. */
	unsigned long ip, cs, flags, sp, ss;
};

static inline bool user_mode(const struct pt_regs *regs)
{
	return regs->cs & 3;
}

#endif /* _ASM_X86_PTRACE_H */
