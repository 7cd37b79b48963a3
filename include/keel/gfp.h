/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GFP ("get free pages") flags: how an allocation may behave.  The names
 * and combinations are Linux's.  An allocation with the reclaim bit may
 * call the shrinkers (which may sleep) when memory runs out; without it
 * it succeeds at once or returns NULL.  Allocating with it from a hard
 * interrupt handler is reported.
 */
#ifndef _KEEL_GFP_H
#define _KEEL_GFP_H

#include <keel/types.h>

typedef unsigned int gfp_t;

#define __GFP_DIRECT_RECLAIM	0x01u	/* the caller may sleep */
#define __GFP_ZERO		0x02u	/* return zeroed memory */
#define __GFP_NOWARN		0x04u	/* failure is expected: no warning */

#define GFP_ATOMIC	0u
#define GFP_NOWAIT	0u
#define GFP_KERNEL	__GFP_DIRECT_RECLAIM

/* May an allocation with @gfp sleep (reclaim, once that can wait)? */
static inline bool gfpflags_allow_blocking(gfp_t gfp)
{
	return gfp & __GFP_DIRECT_RECLAIM;
}

#endif /* _KEEL_GFP_H */
