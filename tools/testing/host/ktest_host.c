// SPDX-License-Identifier: GPL-2.0
/*
 * Host side of KTEST: runs every suite linked into the binary (the linker
 * gathers them in the ktest_suites section) and prints KTAP to stdout.
 * Usage: ktest_host [FILTER], where FILTER is a glob over "suite.case" or
 * a suite name.  Exits 1 if any case failed.
 */
#include <keel/ktest.h>
#include <keel/sched.h>

#include <stdarg.h>

/*
 * From libc.  Declared here instead of including <stdio.h>, so that no
 * libc header meets the kernel headers in one translation unit.
 */
int vdprintf(int fd, const char *fmt, va_list args);

/* Made by GNU ld for a section whose name is a C identifier. */
extern struct ktest_suite *const __start_ktest_suites[];
extern struct ktest_suite *const __stop_ktest_suites[];

/*
 * Straight to file descriptor 1, unbuffered, so the output stays in order
 * with sanitizer reports on stderr and survives a sanitizer's abort.
 */
void ktest_printf(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vdprintf(1, fmt, args);
	va_end(args);
}

/* One process runs every suite: a scheduling point has no one to yield to. */
void __cond_resched(void)
{
}

int main(int argc, char **argv)
{
	struct ktest_totals totals;

	if (argc > 2) {
		ktest_printf("usage: %s [FILTER]\n", argv[0]);
		return 2;
	}
	ktest_run_suites(__start_ktest_suites, __stop_ktest_suites,
			 argc > 1 ? argv[1] : NULL, &totals);
	ktest_printf("host tests: %u passed, %u failed", totals.pass,
		     totals.fail);
	if (totals.skip)
		ktest_printf(", %u skipped", totals.skip);
	ktest_printf("\n");
	return totals.fail ? 1 : 0;
}
