/* SPDX-License-Identifier: GPL-2.0 */
/* The ranges of the C integer types (Linux's <linux/limits.h> names). */
#ifndef _KEEL_LIMITS_H
#define _KEEL_LIMITS_H

#define INT_MAX		__INT_MAX__
#define INT_MIN		(-INT_MAX - 1)
#define UINT_MAX	(INT_MAX * 2U + 1)
#define LONG_MAX	__LONG_MAX__
#define LONG_MIN	(-LONG_MAX - 1)
#define ULONG_MAX	(LONG_MAX * 2UL + 1)
#define LLONG_MAX	__LONG_LONG_MAX__
#define LLONG_MIN	(-LLONG_MAX - 1)
#define ULLONG_MAX	(LLONG_MAX * 2ULL + 1)
#define U64_MAX		ULLONG_MAX
#define S64_MAX		LLONG_MAX
#define U32_MAX		UINT_MAX

#endif /* _KEEL_LIMITS_H */
