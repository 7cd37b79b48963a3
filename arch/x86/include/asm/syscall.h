/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system-call table and the register frame a system call sees:
 * Linux's orig_ax convention (the number the call was made with, -1
 * outside a system call) is what restarting a call after a signal and
 * tracing it read.
 */
#ifndef _ASM_X86_SYSCALL_H
#define _ASM_X86_SYSCALL_H

#include <asm/ptrace.h>
#include <asm/unistd.h>

typedef long (*sys_call_ptr_t)(const struct pt_regs *);

extern const sys_call_ptr_t sys_call_table[NR_syscalls];

/* The number of the call @regs entered the kernel with, or -1. */
static inline long syscall_get_nr(const struct pt_regs *regs)
{
	return regs->orig_ax;
}

static inline long syscall_get_return_value(const struct pt_regs *regs)
{
	return regs->ax;
}

static inline void syscall_set_return_value(struct pt_regs *regs, long val)
{
	regs->ax = val;
}

#endif /* _ASM_X86_SYSCALL_H */
