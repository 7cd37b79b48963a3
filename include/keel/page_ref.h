/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A struct page's reference count (_refcount), with Linux's accessors.
 * A free page counts 0; alloc_pages() gives the first page of the block
 * 1; whoever drops the last reference (put_page(), __free_pages())
 * frees the block.  Plain atomics: the checks that a count never goes
 * below zero are in put_page() (mm/page_alloc.c).
 */
#ifndef _KEEL_PAGE_REF_H
#define _KEEL_PAGE_REF_H

#include <keel/atomic.h>
#include <keel/mm_types.h>

static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline int page_count(const struct page *page)
{
	return page_ref_count(page);
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

/* A newly allocated page: one reference, its allocator's. */
static inline void set_page_refcounted(struct page *page)
{
	set_page_count(page, 1);
}

static inline void page_ref_add(struct page *page, int nr)
{
	atomic_add(nr, &page->_refcount);
}

static inline void page_ref_sub(struct page *page, int nr)
{
	atomic_sub(nr, &page->_refcount);
}

static inline void page_ref_inc(struct page *page)
{
	atomic_inc(&page->_refcount);
}

static inline void page_ref_dec(struct page *page)
{
	atomic_dec(&page->_refcount);
}

static inline bool page_ref_dec_and_test(struct page *page)
{
	return atomic_dec_and_test(&page->_refcount);
}

static inline int page_ref_dec_return(struct page *page)
{
	return atomic_dec_return(&page->_refcount);
}

#endif /* _KEEL_PAGE_REF_H */
