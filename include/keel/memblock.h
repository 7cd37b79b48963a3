/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time physical memory manager, as in Linux.  Two
 * sorted lists of non-overlapping, non-adjacent ranges: "memory" (usable
 * RAM from the firmware's map) and "reserved" (in use: the kernel image,
 * the boot information, modules, low memory, early allocations).  Free
 * memory is memory minus reserved; mm_init() hands it to the buddy
 * allocator.  memblock has no lock: it is used while one CPU boots.
 *
 * The range arithmetic works on any struct memblock, so tests build their
 * own instances; the memblock_*() calls below act on the kernel's one.
 */
#ifndef _KEEL_MEMBLOCK_H
#define _KEEL_MEMBLOCK_H

#include <keel/types.h>

#define INIT_MEMBLOCK_REGIONS	128

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned int cnt;		/* regions in use, sorted by base */
	unsigned int max;		/* capacity of regions[] */
	struct memblock_region *regions;
};

struct memblock {
	phys_addr_t current_limit;	/* allocations end below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

/*
 * Add [base, base + size) to @type, merging it with the regions it
 * overlaps or touches.  0, -EINVAL for an empty or wrapping range, or
 * -ENOSPC when @type has no room left (nothing changed then).
 */
int memblock_add_range(struct memblock_type *type, phys_addr_t base,
		       phys_addr_t size);

/* Is any part of [base, base + size) in @type? */
bool memblock_overlaps_region(const struct memblock_type *type,
			      phys_addr_t base, phys_addr_t size);

/*
 * Find the highest @align-aligned (a power of two) free range of @size
 * bytes in @mb ending at or below mb->current_limit, and reserve it.
 * Returns its base, or 0 when there is none.
 */
phys_addr_t memblock_alloc_range(struct memblock *mb, phys_addr_t size,
				 phys_addr_t align);

/*
 * Iterate @mb's free ranges (memory minus reserved) in ascending order:
 * start with *idx == 0; each call stores the next range and returns true.
 */
bool memblock_next_free_range(const struct memblock *mb, unsigned int *idx,
			      phys_addr_t *start, phys_addr_t *end);

int memblock_add(phys_addr_t base, phys_addr_t size);      /* usable RAM */
int memblock_reserve(phys_addr_t base, phys_addr_t size);  /* in use, never handed out */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align); /* 0 when out of memory */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);  /* zeroed, via __va(); NULL when out */
phys_addr_t memblock_end_of_DRAM(void);	/* end of the highest usable RAM */
phys_addr_t memblock_phys_mem_size(void);	/* bytes of usable RAM */

/* Iterate usable RAM ranges [*start, *end), starting with *idx == 0. */
bool memblock_next_range(unsigned int *idx, phys_addr_t *start,
			 phys_addr_t *end);

/* Log the ranges of usable RAM memblock holds. */
void memblock_print_ranges(void);

#endif /* _KEEL_MEMBLOCK_H */
