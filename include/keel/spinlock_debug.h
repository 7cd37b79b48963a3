/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What CONFIG_DEBUG_SPINLOCK exposes to its tests: the report counter and
 * the check made before acquiring (which cannot be tested by actually
 * deadlocking).
 */
#ifndef _KEEL_SPINLOCK_DEBUG_H
#define _KEEL_SPINLOCK_DEBUG_H

#include <keel/spinlock.h>

enum spin_bug_kind {
	SPIN_BUG_NONE,
	SPIN_BUG_BAD_MAGIC,
	SPIN_BUG_RECURSION,
};

extern unsigned int spinlock_debug_reports;

enum spin_bug_kind spin_debug_check_lock(spinlock_t *lock);

#endif /* _KEEL_SPINLOCK_DEBUG_H */
