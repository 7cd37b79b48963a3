/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error values carried inside pointers, as in Linux: the top 4095 values
 * of the address space are never valid objects, so they encode -errno.
 */
#ifndef _KEEL_ERR_H
#define _KEEL_ERR_H

#include <keel/compiler.h>
#include <keel/types.h>

#define MAX_ERRNO	4095

#define IS_ERR_VALUE(x)	unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR_VALUE((unsigned long)ptr);
}

#endif /* _KEEL_ERR_H */
