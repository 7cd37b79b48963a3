/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registers a signal handler's frame saves (struct sigcontext, the
 * uc_mcontext of its ucontext), exactly as x86_64 Linux lays them out:
 * 256 bytes, the general registers in the order below, then the segment
 * selectors, the trap's error code and number, the old mask, CR2 and a
 * pointer to the x87/SSE state (512 bytes in the FXSAVE layout).
 */
#ifndef _UAPI_ASM_X86_SIGCONTEXT_H
#define _UAPI_ASM_X86_SIGCONTEXT_H

#include <keel/types.h>

/* The FXSAVE image that sigcontext.fpstate points to (struct _fpstate_64). */
struct _fpstate_64 {
	u16 cwd, swd;
	u16 twd;		/* the abridged tag word of FXSAVE */
	u16 fop;
	u64 rip, rdp;
	u32 mxcsr, mxcsr_mask;
	u32 st_space[32];	/* 8 registers, 16 bytes each */
	u32 xmm_space[64];	/* 16 registers, 16 bytes each */
	u32 reserved2[12];
	u32 sw_reserved[12];	/* xsave's software area; unused here */
};

struct sigcontext {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip;
	u64 flags;
	u16 cs, gs, fs, ss;
	u64 err;
	u64 trapno;
	u64 oldmask;
	u64 cr2;
	u64 fpstate;		/* struct _fpstate_64 __user *, or 0 */
	u64 reserved1[8];
};

#endif /* _UAPI_ASM_X86_SIGCONTEXT_H */
