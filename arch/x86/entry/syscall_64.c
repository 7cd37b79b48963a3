// SPDX-License-Identifier: GPL-2.0
/*
 * The x86_64 system-call table, indexed by Linux's numbers
 * (arch/x86/entry/syscalls/syscall_64.tbl).  Every entry point is first
 * defined here as a weak alias of __x64_sys_ni_syscall, which returns
 * -ENOSYS; a SYSCALL_DEFINEn() anywhere in the kernel overrides it at
 * link time.  So a call exists exactly when its code is built in, and a
 * configuration that leaves a subsystem out answers its calls -ENOSYS,
 * as Linux's cond_syscall() does.
 */
#include <keel/errno.h>
#include <keel/syscalls.h>
#include <asm/syscall.h>

long __x64_sys_ni_syscall(const struct pt_regs *regs)
{
	return -ENOSYS;
}

#define __SYSCALL_NI(nr)
#define __SYSCALL(nr, sym)						\
	long __x64_##sym(const struct pt_regs *)			\
		__attribute__((weak, alias("__x64_sys_ni_syscall")));
#include <generated/asm/syscalls_64.h>
#undef __SYSCALL
#undef __SYSCALL_NI

#define __SYSCALL_NI(nr)	[nr] = __x64_sys_ni_syscall,
#define __SYSCALL(nr, sym)	[nr] = __x64_##sym,
const sys_call_ptr_t sys_call_table[NR_syscalls] = {
#include <generated/asm/syscalls_64.h>
};
#undef __SYSCALL
#undef __SYSCALL_NI
