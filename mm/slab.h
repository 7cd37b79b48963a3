/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What both kmalloc variants (slab.c, slab_pages.c) share from
 * slab_common.c: kmalloc()s served straight from the page allocator, with
 * their order kept in the first page, the checks of kmem_cache_free() and
 * kmem_cache_destroy().
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <keel/gfp.h>
#include <keel/mm_types.h>
#include <keel/types.h>

void *kmalloc_large(size_t size, gfp_t gfp);
size_t ksize_large(const struct page *page);

/* Checks before a free; each reports what is wrong with the pointer. */
bool cache_owns_object(struct kmem_cache *s, const void *object);

/* Each variant's own struct kmem_cache knows its name. */
const char *kmem_cache_name(const struct kmem_cache *s);

/* Frees an empty cache and what it keeps (kmem_cache_destroy()'s end). */
void __kmem_cache_release(struct kmem_cache *s);

#endif /* _MM_SLAB_H */
