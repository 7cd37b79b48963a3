/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86_64's atomic access to a user futex word: one lock cmpxchg with an
 * exception-table fix-up.  kernel/futex/ builds FUTEX_WAKE_OP's
 * operations and the robust-list hand-over from it.
 */
#ifndef _ASM_X86_FUTEX_H
#define _ASM_X86_FUTEX_H

#include <keel/compiler.h>
#include <keel/errno.h>
#include <keel/types.h>
#include <asm/uaccess.h>

/*
 * If *@uaddr is @oldval, make it @newval; either way *@uval is what was
 * there.  0, or -EFAULT when the word cannot be reached (the caller has
 * checked the range; in atomic context a missing page is not faulted in).
 */
static inline int futex_atomic_cmpxchg_inatomic(u32 *uval, u32 __user *uaddr,
						u32 oldval, u32 newval)
{
	int err = 0;

	stac();
	__asm__ __volatile__("1:	lock cmpxchgl %3, %2\n"
			     "	jmp 3f\n"
			     "2:	movl %4, %0\n"
			     "3:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+r"(err), "+a"(oldval), "+m"(__m(uaddr))
			     : "r"(newval), "i"(-EFAULT)
			     : "memory");
	clac();
	*uval = oldval;
	return err;
}

#endif /* _ASM_X86_FUTEX_H */
