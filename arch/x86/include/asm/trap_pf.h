/* SPDX-License-Identifier: GPL-2.0 */
/* The page-fault error code the CPU pushes, bit by bit (Linux's names). */
#ifndef _ASM_X86_TRAP_PF_H
#define _ASM_X86_TRAP_PF_H

#define X86_PF_PROT	(1 << 0)	/* 0: not present, 1: protection */
#define X86_PF_WRITE	(1 << 1)	/* a write */
#define X86_PF_USER	(1 << 2)	/* from user mode */
#define X86_PF_RSVD	(1 << 3)	/* a reserved bit set in an entry */
#define X86_PF_INSTR	(1 << 4)	/* an instruction fetch */

#endif /* _ASM_X86_TRAP_PF_H */
