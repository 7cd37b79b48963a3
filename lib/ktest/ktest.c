// SPDX-License-Identifier: GPL-2.0
/*
 * The KTEST runner: runs suites, records failures and prints KTAP version 1.
 * It is shared by the kernel and the host test harness; the only thing each
 * side supplies is ktest_printf().  It allocates nothing and takes no locks:
 * suites run one after another on the boot CPU.  The kernel's bug reports
 * reach the running case through ktest_debug_report().
 */
#include <keel/glob.h>
#include <keel/ktest.h>
#include <keel/sched.h>
#include <keel/sprintf.h>
#include <keel/string.h>

#include <stdarg.h>

int ktest_strcmp(const char *a, const char *b)
{
	if (!a || !b)
		return a == b ? 0 : (a ? 1 : -1);
	return strcmp(a, b);
}

long ktest_memdiff(const void *a, const void *b, unsigned long n)
{
	const u8 *pa = a, *pb = b;
	unsigned long i;

	for (i = 0; i < n; i++)
		if (pa[i] != pb[i])
			return (long)i;
	return -1;
}

void ktest_fail_at(struct ktest *t, const char *file, int line,
		   const char *fmt, ...)
{
	char msg[512];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);

	t->status = KTEST_FAIL;
	ktest_printf("        # %s: EXPECTATION FAILED at %s:%d\n", t->name,
		     file, line);
	ktest_printf("        %s\n", msg);
}

static struct ktest *current_case;

static const char *const report_names[NR_DEBUG_REPORTS] = {
	[DEBUG_REPORT_SLAB] = "slab",
	[DEBUG_REPORT_BAD_PAGE] = "bad page state",
	[DEBUG_REPORT_PAGE_POISON] = "page poison",
	[DEBUG_REPORT_WARN] = "WARNING",
	[DEBUG_REPORT_SPINLOCK] = "spinlock",
};

void ktest_debug_report(enum debug_report kind)
{
	struct ktest *t = current_case;

	if (!t)
		return;
	t->reports[kind]++;
	if (!(t->expected_reports & (1U << kind)))
		ktest_fail_at(t, __FILE__, __LINE__,
			      "unexpected %s report during the test",
			      report_names[kind]);
}

unsigned long ktest_expect_report_begin(struct ktest *t,
					enum debug_report kind)
{
	t->expected_reports |= 1U << kind;
	return t->reports[kind];
}

void ktest_expect_report_end(struct ktest *t, enum debug_report kind,
			     unsigned long before, const char *file, int line,
			     const char *what)
{
	t->expected_reports &= ~(1U << kind);
	if (t->reports[kind] == before)
		ktest_fail_at(t, file, line,
			      "Expected %s to report %s, but it reported nothing",
			      what, report_names[kind]);
}

void ktest_skip(struct ktest *t, const char *reason)
{
	if (t->status == KTEST_PASS) {
		t->status = KTEST_SKIP;
		t->skip_reason = reason;
	}
}

static bool case_selected(const struct ktest_suite *suite,
			  const struct ktest_case *tc, const char *filter)
{
	char full[128];

	if (!filter || !*filter)
		return true;
	scnprintf(full, sizeof(full), "%s.%s", suite->name, tc->name);
	/* "suite" alone selects every case of that suite, like KUnit. */
	return glob_match(filter, full) || glob_match(filter, suite->name);
}

static unsigned int count_selected(const struct ktest_suite *suite,
				   const char *filter)
{
	const struct ktest_case *tc;
	unsigned int n = 0;

	for (tc = suite->cases; tc->run; tc++)
		n += case_selected(suite, tc, filter);
	return n;
}

static void run_case(const struct ktest_suite *suite,
		     const struct ktest_case *tc, struct ktest *t)
{
	*t = (struct ktest){ .name = tc->name, .status = KTEST_PASS };
	current_case = t;
	if (suite->init && suite->init(t)) {
		ktest_fail_at(t, __FILE__, __LINE__, "suite init failed");
		goto out;
	}
	tc->run(t);
	if (suite->exit)
		suite->exit(t);
out:
	current_case = NULL;
	/* The suites run in one initcall: each case is a scheduling point. */
	cond_resched();
}

/* Runs one suite as a KTAP subtest; returns the suite's own result. */
static enum ktest_status run_suite(const struct ktest_suite *suite,
				   unsigned int nr_cases, const char *filter,
				   struct ktest_totals *totals)
{
	const struct ktest_case *tc;
	unsigned int n = 0, fails = 0, skips = 0;
	struct ktest t;

	ktest_printf("    KTAP version 1\n");
	ktest_printf("    # Subtest: %s\n", suite->name);
	ktest_printf("    1..%u\n", nr_cases);
	for (tc = suite->cases; tc->run; tc++) {
		if (!case_selected(suite, tc, filter))
			continue;
		n++;
		run_case(suite, tc, &t);
		switch (t.status) {
		case KTEST_PASS:
			totals->pass++;
			ktest_printf("    ok %u %s\n", n, tc->name);
			break;
		case KTEST_FAIL:
			totals->fail++;
			fails++;
			ktest_printf("    not ok %u %s\n", n, tc->name);
			break;
		case KTEST_SKIP:
			totals->skip++;
			skips++;
			ktest_printf("    ok %u %s # SKIP %s\n", n, tc->name,
				     t.skip_reason);
			break;
		}
	}
	if (fails)
		return KTEST_FAIL;
	return skips == nr_cases ? KTEST_SKIP : KTEST_PASS;
}

void ktest_run_suites(struct ktest_suite *const *start,
		      struct ktest_suite *const *end, const char *filter,
		      struct ktest_totals *totals)
{
	struct ktest_suite *const *s;
	unsigned int nr_suites = 0, n = 0;

	*totals = (struct ktest_totals){ 0 };
	for (s = start; s < end; s++)
		nr_suites += count_selected(*s, filter) > 0;

	ktest_printf("KTAP version 1\n");
	ktest_printf("1..%u\n", nr_suites);
	for (s = start; s < end; s++) {
		unsigned int nr_cases = count_selected(*s, filter);

		if (!nr_cases)
			continue;
		n++;
		switch (run_suite(*s, nr_cases, filter, totals)) {
		case KTEST_PASS:
			ktest_printf("ok %u %s\n", n, (*s)->name);
			break;
		case KTEST_FAIL:
			ktest_printf("not ok %u %s\n", n, (*s)->name);
			break;
		case KTEST_SKIP:
			ktest_printf("ok %u %s # SKIP\n", n, (*s)->name);
			break;
		}
	}
	ktest_printf("# Totals: pass:%u fail:%u skip:%u total:%u\n",
		     totals->pass, totals->fail, totals->skip,
		     totals->pass + totals->fail + totals->skip);
}
