// SPDX-License-Identifier: GPL-2.0
/*
 * memblock's range arithmetic and its top-down allocator: pure logic over
 * the sorted region arrays, with no printing and no page tables, so the
 * same file is tested on the host.  Filling memblock from the boot loader's
 * map and memblock_alloc() (which needs the direct map) are in
 * memblock_boot.c.  No locks: memblock is used only while one CPU boots.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/memblock.h>
#include <keel/string.h>

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.memory = { .max = INIT_MEMBLOCK_REGIONS, .regions = memory_regions },
	.reserved = { .max = INIT_MEMBLOCK_REGIONS,
		      .regions = reserved_regions },
};

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

int memblock_add_range(struct memblock_type *type, phys_addr_t base,
		       phys_addr_t size)
{
	struct memblock_region *r = type->regions;
	phys_addr_t end = base + size;
	unsigned int i, j;

	if (!size || end < base)
		return -EINVAL;

	/* Regions [i, j) overlap or touch the new range: they merge into it. */
	for (i = 0; i < type->cnt && region_end(&r[i]) < base; i++)
		;
	for (j = i; j < type->cnt && r[j].base <= end; j++) {
		base = min(base, r[j].base);
		end = max(end, region_end(&r[j]));
	}

	if (i == j) {
		if (type->cnt == type->max)
			return -ENOSPC;
		memmove(&r[i + 1], &r[i], (type->cnt - i) * sizeof(*r));
		type->cnt++;
	} else if (j - i > 1) {
		memmove(&r[i + 1], &r[j], (type->cnt - j) * sizeof(*r));
		type->cnt -= j - i - 1;
	}
	r[i].base = base;
	r[i].size = end - base;
	return 0;
}

bool memblock_overlaps_region(const struct memblock_type *type,
			      phys_addr_t base, phys_addr_t size)
{
	unsigned int i;

	for (i = 0; i < type->cnt; i++)
		if (type->regions[i].base < base + size &&
		    base < region_end(&type->regions[i]))
			return true;
	return false;
}

/* The highest reserved region overlapping [base, end), or NULL. */
static const struct memblock_region *
highest_reserved_overlap(const struct memblock *mb, phys_addr_t base,
			 phys_addr_t end)
{
	unsigned int i = mb->reserved.cnt;

	while (i--) {
		const struct memblock_region *r = &mb->reserved.regions[i];

		if (r->base < end && base < region_end(r))
			return r;
	}
	return NULL;
}

/*
 * Top-down, as Linux does: early allocations then stay away from the low
 * memory that devices and the boot loader care about.
 */
phys_addr_t memblock_alloc_range(struct memblock *mb, phys_addr_t size,
				 phys_addr_t align)
{
	unsigned int i = mb->memory.cnt;

	if (!size || !align || (align & (align - 1)))
		return 0;

	while (i--) {
		const struct memblock_region *m = &mb->memory.regions[i];
		phys_addr_t end = min(region_end(m), mb->current_limit);

		while (end > m->base && end - m->base >= size) {
			phys_addr_t cand = ALIGN_DOWN(end - size, align);
			const struct memblock_region *r;

			/* 0 means failure to the caller: never hand it out. */
			if (cand < m->base || !cand)
				break;
			r = highest_reserved_overlap(mb, cand, cand + size);
			if (!r) {
				if (memblock_add_range(&mb->reserved, cand, size))
					return 0;
				return cand;
			}
			end = r->base;
		}
	}
	return 0;
}

bool memblock_next_free_range(const struct memblock *mb, unsigned int *idx,
			      phys_addr_t *start, phys_addr_t *end)
{
	/*
	 * *idx counts free ranges already returned; walking the lists from
	 * the start each time keeps the iterator a single integer.  The
	 * lists are short and this runs a handful of times at boot.
	 */
	unsigned int n = 0, mi, ri = 0;

	for (mi = 0; mi < mb->memory.cnt; mi++) {
		const struct memblock_region *m = &mb->memory.regions[mi];
		phys_addr_t pos = m->base, mend = region_end(m);

		while (pos < mend) {
			phys_addr_t fend = mend;

			while (ri < mb->reserved.cnt &&
			       region_end(&mb->reserved.regions[ri]) <= pos)
				ri++;
			if (ri < mb->reserved.cnt) {
				const struct memblock_region *r =
					&mb->reserved.regions[ri];

				if (r->base <= pos) {
					pos = min(region_end(r), mend);
					continue;
				}
				fend = min(fend, r->base);
			}
			if (n++ == *idx) {
				*start = pos;
				*end = fend;
				(*idx)++;
				return true;
			}
			pos = fend;
		}
	}
	return false;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_range(&memblock, size, align);
}

phys_addr_t memblock_end_of_DRAM(void)
{
	if (!memblock.memory.cnt)
		return 0;
	return region_end(&memblock.memory.regions[memblock.memory.cnt - 1]);
}

phys_addr_t memblock_phys_mem_size(void)
{
	phys_addr_t sum = 0;
	unsigned int i;

	for (i = 0; i < memblock.memory.cnt; i++)
		sum += memblock.memory.regions[i].size;
	return sum;
}

bool memblock_next_range(unsigned int *idx, phys_addr_t *start,
			 phys_addr_t *end)
{
	const struct memblock_region *r;

	if (*idx >= memblock.memory.cnt)
		return false;
	r = &memblock.memory.regions[(*idx)++];
	*start = r->base;
	*end = region_end(r);
	return true;
}
