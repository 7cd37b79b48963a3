// SPDX-License-Identifier: GPL-2.0
/*
 * Shrinkers: the caches that can give memory back, asked by the page
 * allocator when it runs out (mm/page_alloc.c's reclaim loop), as in
 * Linux.  There is no page cache to reclaim and no swap, so this is all
 * of Keel's memory reclaim.
 *
 * Locking: shrinker_rwsem guards shrinker_list.  Registering and
 * unregistering take it for writing; shrink_slab() only trylocks it for
 * reading (a callback that allocates may reclaim again, and a second
 * down_read() behind a waiting writer would deadlock) and keeps it
 * across the callbacks, so unregister_shrinker() waits for a running
 * scan.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/rwsem.h>
#include <keel/sched.h>
#include <keel/shrinker.h>

static LIST_HEAD(shrinker_list);		/* [shrinker_rwsem] */
static DECLARE_RWSEM(shrinker_rwsem);

int register_shrinker(struct shrinker *shrinker)
{
	if (!shrinker->count_objects || !shrinker->scan_objects)
		return -EINVAL;
	down_write(&shrinker_rwsem);
	list_add_tail(&shrinker->list, &shrinker_list);
	up_write(&shrinker_rwsem);
	return 0;
}

void unregister_shrinker(struct shrinker *shrinker)
{
	down_write(&shrinker_rwsem);
	list_del_init(&shrinker->list);
	up_write(&shrinker_rwsem);
}

static unsigned long do_shrink_slab(struct shrinker *shrinker,
				    gfp_t gfp_mask, int priority)
{
	unsigned long batch = shrinker->batch > 0 ? shrinker->batch :
						   SHRINK_BATCH;
	struct shrink_control sc = { .gfp_mask = gfp_mask };
	unsigned long freeable, total_scan, freed = 0;

	freeable = shrinker->count_objects(shrinker, &sc);
	if (freeable == 0 || freeable == SHRINK_EMPTY)
		return 0;
	if (shrinker->seeks) {
		total_scan = (freeable >> priority) * 4 / shrinker->seeks;
	} else {
		total_scan = freeable / 2;
	}
	total_scan = min(total_scan, freeable * 2);

	/* Small caches are only scanned once the whole cache is asked for. */
	while (total_scan >= batch || total_scan >= freeable) {
		unsigned long ret;

		sc.nr_to_scan = min(batch, total_scan);
		sc.nr_scanned = sc.nr_to_scan;
		ret = shrinker->scan_objects(shrinker, &sc);
		if (ret == SHRINK_STOP)
			break;
		freed += ret;
		if (!sc.nr_scanned)
			break;
		total_scan -= min(sc.nr_scanned, total_scan);
		if (!total_scan)
			break;
		cond_resched();
	}
	return freed;
}

unsigned long shrink_slab(gfp_t gfp_mask, int priority)
{
	struct shrinker *shrinker;
	unsigned long freed = 0;

	if (!down_read_trylock(&shrinker_rwsem))
		return 0;
	list_for_each_entry(shrinker, &shrinker_list, list)
		freed += do_shrink_slab(shrinker, gfp_mask, priority);
	up_read(&shrinker_rwsem);
	return freed;
}
