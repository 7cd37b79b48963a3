/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How a system call's C function is reached from the entry code on
 * x86_64, as in Linux: the entry saves the user registers as a struct
 * pt_regs and calls __x64_sys_<name>(regs), which takes the arguments
 * from the registers of the calling convention (rdi, rsi, rdx, r10, r8,
 * r9).  Keeping the registers in memory means no argument register
 * holds a user value a speculative path could use, and one pointer type
 * fits every table entry.
 */
#ifndef _ASM_X86_SYSCALL_WRAPPER_H
#define _ASM_X86_SYSCALL_WRAPPER_H

#include <asm/ptrace.h>

#define __SC_REGS1	regs->di
#define __SC_REGS2	__SC_REGS1, regs->si
#define __SC_REGS3	__SC_REGS2, regs->dx
#define __SC_REGS4	__SC_REGS3, regs->r10
#define __SC_REGS5	__SC_REGS4, regs->r8
#define __SC_REGS6	__SC_REGS5, regs->r9

/* The first @x argument registers of @regs. */
#define SC_X86_64_REGS_TO_ARGS(x)	__SC_REGS##x

#define __SYSCALL_ENTRY(name)	__x64_sys##name

#define __SYSCALL_ENTRY_DECL(name)					\
	long __SYSCALL_ENTRY(name)(const struct pt_regs *regs)

#endif /* _ASM_X86_SYSCALL_WRAPPER_H */
