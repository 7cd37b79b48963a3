// SPDX-License-Identifier: GPL-2.0
/*
 * The exception table and the copies that rely on it.  Entries come from
 * _ASM_EXTABLE() anywhere in the kernel; the linker gathers them between
 * __start___ex_table and __stop___ex_table.  They are few, so a linear
 * search is enough and needs no sorting at boot.
 */
#include <keel/errno.h>
#include <keel/extable.h>
#include <asm/ptrace.h>

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == regs->ip) {
			regs->ip = e->fixup;
			return true;
		}
	}
	return false;
}

/* A byte copy that resumes at the fix-up with -EFAULT if it faults. */
static long copy_nofault(void *dst, const void *src, size_t size)
{
	long ret;

	__asm__ __volatile__("1:	rep movsb\n"
			     "	xorl %k0, %k0\n"
			     "	jmp 3f\n"
			     "2:	movq %4, %0\n"
			     "3:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "=&r"(ret), "+D"(dst), "+S"(src), "+c"(size)
			     : "i"(-EFAULT)
			     : "memory");
	return ret;
}

long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	return copy_nofault(dst, src, size);
}

long copy_to_kernel_nofault(void *dst, const void *src, size_t size)
{
	return copy_nofault(dst, src, size);
}
