/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What both kmalloc variants (slab.c, slab_pages.c) share from
 * slab_common.c: kmalloc()s served straight from the page allocator, with
 * their order kept in the first page.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <keel/gfp.h>
#include <keel/mm_types.h>
#include <keel/types.h>

void *kmalloc_large(size_t size, gfp_t gfp);
void kfree_large(struct page *page);
size_t ksize_large(const struct page *page);

#endif /* _MM_SLAB_H */
