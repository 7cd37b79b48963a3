/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shrinkers, with Linux's interface: a cache that can give memory back
 * registers one, and when an allocation that may reclaim
 * (__GFP_DIRECT_RECLAIM) finds no free pages, the page allocator asks
 * every registered shrinker, through shrink_slab(), to free some objects
 * before it retries.
 *
 * count_objects() returns how many objects could be freed now (0 or
 * SHRINK_EMPTY: none); scan_objects() tries to free sc->nr_to_scan of
 * them and returns how many it freed, or SHRINK_STOP when it cannot make
 * progress now (a lock it needs is held).  Both run under a read lock
 * that unregister_shrinker() waits for, may sleep, and must not register
 * or unregister shrinkers.
 */
#ifndef _KEEL_SHRINKER_H
#define _KEEL_SHRINKER_H

#include <keel/gfp.h>
#include <keel/list.h>

struct shrink_control {
	gfp_t gfp_mask;			/* the allocation that reclaims */
	unsigned long nr_to_scan;	/* objects to look at in this call */
	unsigned long nr_scanned;	/* scan_objects() may lower it */
};

#define SHRINK_STOP	(~0UL)
#define SHRINK_EMPTY	(~0UL - 1)

struct shrinker {
	unsigned long (*count_objects)(struct shrinker *,
				       struct shrink_control *sc);
	unsigned long (*scan_objects)(struct shrinker *,
				      struct shrink_control *sc);
	long batch;	/* objects per scan_objects() call; 0: SHRINK_BATCH */
	int seeks;	/* cost to recreate an object; 0: free half of them */
	struct list_head list;		/* [shrinker_rwsem] */
};

#define DEFAULT_SEEKS	2
#define SHRINK_BATCH	128

/* The highest reclaim priority: 1/2^12 of each cache is asked for. */
#define DEF_PRIORITY	12

/* 0, or -EINVAL when a callback is missing. */
int register_shrinker(struct shrinker *shrinker);

/* When it returns, no callback of @shrinker runs any more. */
void unregister_shrinker(struct shrinker *shrinker);

/*
 * Ask every shrinker to free (its objects >> @priority) * 4 / seeks
 * objects (at most twice what it has), in batches; returns how many
 * were freed.  Returns 0 at once if a shrinker is being registered or
 * unregistered (the allocator may be called with the lock held).
 */
unsigned long shrink_slab(gfp_t gfp_mask, int priority);

#endif /* _KEEL_SHRINKER_H */
