/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width types used throughout Keel.  Built on the compiler's own
 * freestanding headers, so the same definitions hold in the kernel and in
 * host tests that compile kernel sources.
 */
#ifndef _KEEL_TYPES_H
#define _KEEL_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <keel/compiler_types.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef long ssize_t;
typedef u64 phys_addr_t;
typedef int pid_t;
typedef unsigned int __poll_t;	/* POLL* events (<keel/poll.h>) */

#endif /* _KEEL_TYPES_H */
