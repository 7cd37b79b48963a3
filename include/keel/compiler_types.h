/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Annotations for the source checker (sparse, "make C=1"), as in Linux's
 * include/linux/compiler_types.h.  The compiler sees none of them; sparse,
 * which defines __CHECKER__, checks them:
 *
 *   __user, __iomem, __percpu, __rcu   pointers into another address space,
 *                                      not to be dereferenced directly
 *   __kernel                           the normal address space
 *   __force                            a cast that may change either of these
 *   __bitwise                          a type that mixes only with itself
 *   __must_hold, __acquires, __releases
 *                                      the lock context a function expects
 *                                      on entry and leaves on return
 */
#ifndef _KEEL_COMPILER_TYPES_H
#define _KEEL_COMPILER_TYPES_H

#ifdef __CHECKER__
# define __user		__attribute__((noderef, address_space(__user)))
# define __iomem	__attribute__((noderef, address_space(__iomem)))
# define __percpu	__attribute__((noderef, address_space(__percpu)))
# define __rcu		__attribute__((noderef, address_space(__rcu)))
# define __kernel	__attribute__((address_space(0)))
# define __force	__attribute__((force))
# define __nocast	__attribute__((nocast))
# define __safe		__attribute__((safe))
# define __bitwise	__attribute__((bitwise))
# define __must_hold(x)	__attribute__((context(x, 1, 1)))
# define __acquires(x)	__attribute__((context(x, 0, 1)))
# define __releases(x)	__attribute__((context(x, 1, 0)))
# define __acquire(x)	__context__(x, 1)
# define __release(x)	__context__(x, -1)
# define __cond_lock(x, c)	((c) ? ({ __acquire(x); 1; }) : 0)
#else
# define __user
# define __iomem
# define __percpu
# define __rcu
# define __kernel
# define __force
# define __nocast
# define __safe
# define __bitwise
# define __must_hold(x)
# define __acquires(x)
# define __releases(x)
# define __acquire(x)	(void)0
# define __release(x)	(void)0
# define __cond_lock(x, c)	(c)
#endif

#endif /* _KEEL_COMPILER_TYPES_H */
