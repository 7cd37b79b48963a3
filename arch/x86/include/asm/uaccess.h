/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86_64 user-memory access: the user half of the address space, SMAP's
 * stac/clac brackets, and get_user()/put_user() as single moves with an
 * exception-table fix-up.  The generic API is <keel/uaccess.h>.
 */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

#include <keel/compiler.h>
#include <keel/errno.h>
#include <keel/types.h>
#include <asm/extable.h>
#include <asm/page.h>

/* Whether [addr, addr + size) lies entirely in the user half. */
static inline bool __access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}

/* True once the CPU enforces SMAP (cpu_init()). */
extern bool smap_enabled;

/* Open and close a window in which the kernel may touch user pages. */
static __always_inline void stac(void)
{
	if (smap_enabled)
		__asm__ __volatile__("stac" ::: "memory");
}

static __always_inline void clac(void)
{
	if (smap_enabled)
		__asm__ __volatile__("clac" ::: "memory");
}

/* Never defined: a get_user()/put_user() of another size fails to link. */
int __bad_user_size(void);

/*
 * The memory operand: its C type only tells the compiler where; the
 * instruction's suffix gives the size.
 */
#define __m(x) (*(char __force *)(x))

/* One instruction that may fault: 0, or -EFAULT with @val zeroed. */
#define __get_user_asm(insn, val, addr, err)				\
	__asm__ __volatile__("1:	" insn "\n"			\
			     "	xorl %0, %0\n"				\
			     "	jmp 3f\n"				\
			     "2:	movl %3, %0\n"			\
			     "	xorl %k1, %k1\n"			\
			     "3:\n"					\
			     _ASM_EXTABLE(1b, 2b)			\
			     : "=r"(err), "=r"(val)			\
			     : "m"(__m(addr)), "i"(-EFAULT))

/*
 * One load of *@ptr into @x, 0 or -EFAULT (then @x is 0).  The access is
 * already checked; the size comes from the pointer's type.
 */
#define __get_user_nocheck(x, ptr)					\
	({								\
		unsigned long __gu_val;					\
		int __gu_err;						\
		stac();							\
		switch (sizeof(*(ptr))) {				\
		case 1:							\
			__get_user_asm("movzbl %2, %k1", __gu_val, ptr, __gu_err); \
			break;						\
		case 2:							\
			__get_user_asm("movzwl %2, %k1", __gu_val, ptr, __gu_err); \
			break;						\
		case 4:							\
			__get_user_asm("movl %2, %k1", __gu_val, ptr, __gu_err); \
			break;						\
		case 8:							\
			__get_user_asm("movq %2, %1", __gu_val, ptr, __gu_err); \
			break;						\
		default:						\
			__gu_val = 0;					\
			__gu_err = __bad_user_size();			\
		}							\
		clac();							\
		(x) = (__force __typeof__(*(ptr)))__gu_val;		\
		__gu_err;						\
	})

#define __put_user_asm(insn, val, addr, err)				\
	__asm__ __volatile__("1:	" insn "\n"			\
			     "	xorl %0, %0\n"				\
			     "	jmp 3f\n"				\
			     "2:	movl %3, %0\n"			\
			     "3:\n"					\
			     _ASM_EXTABLE(1b, 2b)			\
			     : "=r"(err)				\
			     : "r"(val), "m"(__m(addr)), "i"(-EFAULT)	\
			     : "memory")

#define __put_user_nocheck(x, ptr)					\
	({								\
		unsigned long __pu_val = (unsigned long)(x);		\
		int __pu_err;						\
		stac();							\
		switch (sizeof(*(ptr))) {				\
		case 1:							\
			__put_user_asm("movb %b1, %2", __pu_val, ptr, __pu_err); \
			break;						\
		case 2:							\
			__put_user_asm("movw %w1, %2", __pu_val, ptr, __pu_err); \
			break;						\
		case 4:							\
			__put_user_asm("movl %k1, %2", __pu_val, ptr, __pu_err); \
			break;						\
		case 8:							\
			__put_user_asm("movq %1, %2", __pu_val, ptr, __pu_err); \
			break;						\
		default:						\
			__pu_err = __bad_user_size();			\
		}							\
		clac();							\
		__pu_err;						\
	})

/*
 * Copy with rep movsb/stosb inside stac/clac: the byte count left when a
 * fault stops the string instruction is exactly what was not done.
 */
unsigned long raw_copy_user(void *dst, const void *src, unsigned long n);
unsigned long raw_clear_user(void __user *dst, unsigned long n);

#endif /* _ASM_X86_UACCESS_H */
