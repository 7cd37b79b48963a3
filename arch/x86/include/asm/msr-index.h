/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model-specific register numbers (Intel SDM vol. 4), with Linux's names.
 * Usable from assembly too.
 */
#ifndef _ASM_X86_MSR_INDEX_H
#define _ASM_X86_MSR_INDEX_H

#define MSR_IA32_APICBASE	0x0000001b
#define MSR_EFER		0xc0000080
#define MSR_STAR		0xc0000081	/* SYSCALL/SYSRET selectors */
#define MSR_LSTAR		0xc0000082	/* 64-bit SYSCALL entry */
#define MSR_SYSCALL_MASK	0xc0000084	/* flags SYSCALL clears */
#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102

#define EFER_SCE		(1 << 0)	/* SYSCALL/SYSRET enabled */

#endif /* _ASM_X86_MSR_INDEX_H */
