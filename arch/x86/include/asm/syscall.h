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

/* The entry point of every number without a call: -ENOSYS. */
long __x64_sys_ni_syscall(const struct pt_regs *regs);

/* The return from an exception or interrupt: the work due before it. */
void irqentry_exit(struct pt_regs *regs);

/* Where SYSCALL enters the kernel (MSR_LSTAR); entry_64.S. */
void entry_SYSCALL_64(void);

/*
 * The C side of a system call: run it, then the work due before the
 * return to user mode.  True when the return may use SYSRET (the frame
 * is one SYSRET can restore), false for IRET.
 */
bool do_syscall_64(struct pt_regs *regs);

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
