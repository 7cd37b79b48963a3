/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The frame a signal handler finds on its stack (x86_64, as Linux): the
 * return address (sa_restorer, which calls rt_sigreturn), the ucontext,
 * the siginfo; above them the 512-byte FXSAVE image, 64-byte aligned,
 * that uc_mcontext.fpstate points to.  The handler is entered with its
 * stack pointer at pretcode, so (sp + 8) is 16-byte aligned as after a
 * call.
 */
#ifndef _ASM_X86_SIGFRAME_H
#define _ASM_X86_SIGFRAME_H

#include <uapi/asm-generic/siginfo.h>
#include <uapi/asm/ucontext.h>

struct rt_sigframe {
	char __user *pretcode;
	struct ucontext uc;
	siginfo_t info;
};

#endif /* _ASM_X86_SIGFRAME_H */
