/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's reports of its own bugs that let it carry on: slab and
 * page-allocator corruption, misused frees, WARN(), spinlock debugging and
 * sleeping in atomic context.
 * Each report path calls debug_report() once per report, which counts it
 * and lets KTEST fail the running test case unless the case said it
 * expects that kind (KTEST_EXPECT_REPORT in <keel/ktest.h>).
 */
#ifndef _KEEL_DEBUG_REPORT_H
#define _KEEL_DEBUG_REPORT_H

enum debug_report {
	DEBUG_REPORT_SLAB,		/* "BUG <cache> (Not tainted): ..." */
	DEBUG_REPORT_BAD_PAGE,		/* "BUG: Bad page state ..." */
	DEBUG_REPORT_PAGE_POISON,	/* "pagealloc: memory corruption ..." */
	DEBUG_REPORT_WARN,		/* "WARNING: CPU: ..." */
	DEBUG_REPORT_SPINLOCK,		/* "BUG: spinlock ..." */
	DEBUG_REPORT_SLEEP,		/* "BUG: sleeping function called ..." */
	NR_DEBUG_REPORTS,
};

void debug_report(enum debug_report kind);

/* Reports of @kind since boot. */
unsigned long debug_reports(enum debug_report kind);

#endif /* _KEEL_DEBUG_REPORT_H */
