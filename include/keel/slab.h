/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel object allocation, with Linux's interface: kmem_cache_* for many
 * objects of one type, kmalloc() and friends for anything else.  With
 * CONFIG_SLAB, objects are carved out of slabs (mm/slab.c); without it,
 * every object gets pages of its own (mm/slab_pages.c).  Both return NULL
 * when memory runs out; kmalloc(0) returns ZERO_SIZE_PTR, which kfree()
 * accepts, like NULL.
 */
#ifndef _KEEL_SLAB_H
#define _KEEL_SLAB_H

#include <keel/gfp.h>
#include <keel/types.h>

typedef unsigned int slab_flags_t;

/* Align objects to the cache line (64 bytes). */
#define SLAB_HWCACHE_ALIGN	0x1u

#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/* Largest kmalloc() served by a slab cache; bigger ones get pages. */
#define KMALLOC_MAX_CACHE_SIZE	8192

struct kmem_cache;

/* /proc/slabinfo's columns. */
struct kmem_cache_stats {
	unsigned long active_objs;	/* allocated */
	unsigned long num_objs;		/* allocated + free in the slabs */
	unsigned long active_slabs;	/* slabs with an object allocated */
	unsigned long num_slabs;
	unsigned int objsize;		/* what ksize() returns */
	unsigned int objperslab;
	unsigned int pagesperslab;
};

/*
 * @name must outlive the cache.  @align is 0 or a power of two; @ctor,
 * if given, runs once on each object when it is created, and freed objects
 * must be returned in their constructed state.  NULL on failure.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
/* All objects must have been freed. */
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *obj);
void kmem_cache_get_stats(struct kmem_cache *s, struct kmem_cache_stats *st);

/*
 * Give the page allocator the slabs a cache keeps empty for its next
 * allocations (one per cache, or every object's pages without CONFIG_SLAB:
 * none); 0.  kmem_cache_shrink_all() does it for every cache, so that a
 * count of free pages shows only what is really in use.
 */
int kmem_cache_shrink(struct kmem_cache *s);
void kmem_cache_shrink_all(void);

/*
 * Free pages after kmem_cache_shrink_all(): what leak checks compare, so
 * that an empty slab left by earlier work does not look like a leak.
 */
unsigned long nr_free_pages_shrunk(void);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

void *kmalloc(size_t size, gfp_t gfp);
void *krealloc(const void *p, size_t new_size, gfp_t gfp);
void kfree(const void *p);
/* Usable size of a kmalloc()ed object: at least what was asked for. */
size_t ksize(const void *p);

static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kzalloc(bytes, gfp);
}


/* Called by mm_init() once the page allocator works. */
void kmem_cache_init(void);

/* A kmalloc()ed copy of the string @s, or NULL. */
char *kstrdup(const char *s, gfp_t gfp);

#endif /* _KEEL_SLAB_H */
