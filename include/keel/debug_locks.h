/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The sleeping locks' debug checks (CONFIG_DEBUG_MUTEXES,
 * CONFIG_DEBUG_RWSEMS) report a broken rule as Linux does,
 * "DEBUG_LOCKS_WARN_ON(<condition>)" and a warning with a backtrace (a
 * DEBUG_REPORT_WARN for the tests).  The operation is then skipped, not
 * performed on a lock the caller does not own.
 */
#ifndef _KEEL_DEBUG_LOCKS_H
#define _KEEL_DEBUG_LOCKS_H

#include <keel/bug.h>
#include <keel/compiler.h>
#include <keel/printk.h>

#define DEBUG_LOCKS_WARN_ON(cond)					\
	({								\
		bool __cond = (cond);					\
		if (unlikely(__cond)) {					\
			pr_err("DEBUG_LOCKS_WARN_ON(%s)\n", #cond);	\
			WARN_ON(1);					\
		}							\
		__cond;							\
	})

#endif /* _KEEL_DEBUG_LOCKS_H */
