/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Access to user memory, with Linux's API and return conventions.  Every
 * user pointer the kernel is handed goes through these: they check that
 * the range lies in the user half (access_ok()) and survive faults
 * through the exception table, so a bad pointer gives -EFAULT (or a
 * short count), never an oops.
 *
 *   copy_from_user/copy_to_user   bytes NOT copied (0: all); a short
 *                                 copy_from_user zero-fills the rest
 *   clear_user                    bytes NOT cleared
 *   get_user/put_user             0 or -EFAULT, one 1/2/4/8-byte value
 *   strncpy_from_user             length copied (no NUL), @count when no
 *                                 NUL came in time, or -EFAULT
 *   strnlen_user                  length with the NUL, 0 on a fault, or
 *                                 more than @n when there is none in @n
 *
 * They may fault in user pages (later, demand paging), so they may sleep.
 */
#ifndef _KEEL_UACCESS_H
#define _KEEL_UACCESS_H

#include <keel/compiler.h>
#include <keel/sched.h>
#include <keel/string.h>
#include <keel/types.h>
#include <asm/uaccess.h>

#define access_ok(addr, size)	__access_ok(addr, size)

#define get_user(x, ptr)						\
	({								\
		const __typeof__(*(ptr)) __user *__gp = (ptr);		\
		int __ret = -EFAULT;					\
		might_sleep();						\
		if (access_ok(__gp, sizeof(*__gp)))			\
			__ret = __get_user_nocheck(x, __gp);		\
		else							\
			(x) = 0;					\
		__ret;							\
	})

/*
 * get_user() for atomic context (a spinlock held, as futexes do): it does
 * not sleep, and a page that is not there is not faulted in but fixed up,
 * -EFAULT; the caller drops its lock, faults the page in with get_user()
 * and retries.
 */
#define __get_user(x, ptr)						\
	({								\
		const __typeof__(*(ptr)) __user *__gp = (ptr);		\
		int __ret = -EFAULT;					\
		if (access_ok(__gp, sizeof(*__gp)))			\
			__ret = __get_user_nocheck(x, __gp);		\
		else							\
			(x) = 0;					\
		__ret;							\
	})

#define put_user(x, ptr)						\
	({								\
		__typeof__(*(ptr)) __user *__pp = (ptr);		\
		int __ret = -EFAULT;					\
		might_sleep();						\
		if (access_ok(__pp, sizeof(*__pp)))			\
			__ret = __put_user_nocheck(x, __pp);		\
		__ret;							\
	})

static inline unsigned long copy_from_user(void *to, const void __user *from,
					   unsigned long n)
{
	unsigned long left = n;

	might_sleep();
	if (access_ok(from, n))
		left = raw_copy_user(to, (const void __force *)from, n);
	if (unlikely(left))
		memset(to + (n - left), 0, left);
	return left;
}

static inline unsigned long copy_to_user(void __user *to, const void *from,
					 unsigned long n)
{
	might_sleep();
	if (!access_ok(to, n))
		return n;
	return raw_copy_user((void __force *)to, from, n);
}

static inline unsigned long clear_user(void __user *to, unsigned long n)
{
	might_sleep();
	if (!access_ok(to, n))
		return n;
	return raw_clear_user(to, n);
}

long strncpy_from_user(char *dst, const char __user *src, long count);
long strnlen_user(const char __user *str, long n);

#endif /* _KEEL_UACCESS_H */
