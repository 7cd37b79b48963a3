/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct ucontext, the third argument of an SA_SIGINFO handler, as x86_64
 * Linux lays it out (304 bytes): uc_mcontext at offset 40, the signal
 * mask to restore at 296.
 */
#ifndef _UAPI_ASM_X86_UCONTEXT_H
#define _UAPI_ASM_X86_UCONTEXT_H

#include <keel/types.h>
#include <uapi/asm/sigcontext.h>
#include <uapi/linux/signal.h>

/* uc_flags */
#define UC_FP_XSTATE		0x1	/* fpstate holds xsave data (never here) */
#define UC_SIGCONTEXT_SS	0x2	/* uc_mcontext.ss is the saved SS */
#define UC_STRICT_RESTORE_SS	0x4	/* sigreturn restores SS as saved */

struct ucontext {
	unsigned long uc_flags;
	struct ucontext __user *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	u64 uc_sigmask;		/* the kernel's 64-bit sigset_t */
};

#endif /* _UAPI_ASM_X86_UCONTEXT_H */
