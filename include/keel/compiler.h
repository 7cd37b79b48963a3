/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Compiler attributes and helpers, spelled the way Linux spells them.
 */
#ifndef _KEEL_COMPILER_H
#define _KEEL_COMPILER_H

#include <keel/compiler_types.h>

#define __always_inline	inline __attribute__((__always_inline__))
#define noinline	__attribute__((__noinline__))
#define __noreturn	__attribute__((__noreturn__))
#define __packed	__attribute__((__packed__))
#define __aligned(x)	__attribute__((__aligned__(x)))
#define __section(s)	__attribute__((__section__(s)))
#define __used		__attribute__((__used__))
#define __maybe_unused	__attribute__((__unused__))
#define __printf(a, b)	__attribute__((__format__(printf, a, b)))
#define __weak		__attribute__((__weak__))
/* Marks a switch case that falls through to the next on purpose. */
#define fallthrough	__attribute__((__fallthrough__))

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define barrier()	__asm__ __volatile__("" ::: "memory")

/* Stringify after macro expansion. */
#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

/* Reads and writes the compiler may neither tear, fuse nor elide. */
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	(*(volatile __typeof__(x) *)&(x) = (val))

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON: " #cond)

#endif /* _KEEL_COMPILER_H */
