/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LKDTM internals: each file defines the crash types of one area (bugs.c
 * for faults and panics, printk.c for faults inside printk, heap.c for
 * allocator misuse, perms.c for memory permissions) as a crashtype_category
 * that core.c lists.
 */
#ifndef _DRIVERS_MISC_LKDTM_H
#define _DRIVERS_MISC_LKDTM_H

#define pr_fmt(fmt) "lkdtm: " fmt

#include <keel/kernel.h>
#include <keel/printk.h>

struct crashtype {
	const char *name;
	void (*func)(void);
};

#define CRASHTYPE(name)	{ #name, lkdtm_##name }

struct crashtype_category {
	const struct crashtype *list;
	size_t len;
};

#define CRASHTYPE_CATEGORY(var, array) \
	const struct crashtype_category var = { array, ARRAY_SIZE(array) }

extern const struct crashtype_category bugs_crashtypes;
extern const struct crashtype_category printk_crashtypes;
extern const struct crashtype_category heap_crashtypes;
extern const struct crashtype_category perms_crashtypes;

/* Recurses with a kilobyte of stack a level until the guard page. */
int recurse_deep(int depth);

#endif /* _DRIVERS_MISC_LKDTM_H */
