// SPDX-License-Identifier: GPL-2.0
/*
 * Counts the kernel's non-fatal bug reports by kind and hands each to
 * KTEST, which fails the running case unless it expects the report.
 * Called from the report paths, possibly under their locks or with
 * interrupts off: it only counts and calls ktest_debug_report().
 */
#include <keel/compiler.h>
#include <keel/debug_report.h>
#include <keel/ktest.h>

static unsigned long report_counts[NR_DEBUG_REPORTS];

void debug_report(enum debug_report kind)
{
	WRITE_ONCE(report_counts[kind], report_counts[kind] + 1);
	if (IS_ENABLED(CONFIG_KTEST))
		ktest_debug_report(kind);
}

unsigned long debug_reports(enum debug_report kind)
{
	return READ_ONCE(report_counts[kind]);
}
