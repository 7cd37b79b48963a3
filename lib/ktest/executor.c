// SPDX-License-Identifier: GPL-2.0
/*
 * Runs the built-in KTEST suites at the end of the boot and prints their
 * KTAP on the console.  ktest.filter=<glob> selects suites or cases
 * ("string", "string.test_strscpy*").
 */
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/mm.h>
#include <keel/param.h>
#include <keel/printk.h>
#include <keel/sprintf.h>
#include <keel/string.h>

#include <stdarg.h>

extern struct ktest_suite *const __start_ktest_suites[];
extern struct ktest_suite *const __stop_ktest_suites[];

static char ktest_filter[128];

static int ktest_filter_setup(const char *val)
{
	if (!val || strscpy(ktest_filter, val, sizeof(ktest_filter)) < 0)
		return -EINVAL;
	return 0;
}
kernel_param("ktest.filter", ktest_filter_setup);

void ktest_printf(const char *fmt, ...)
{
	char buf[512];
	va_list args;

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_INFO "%s", buf);
}

static int ktest_run_all(void)
{
	struct ktest_totals totals;
	int err = ktest_user_setup();

	if (err)
		pr_warn("ktest: no user window (%d): suites using it fail\n",
			err);
	ktest_run_suites(__start_ktest_suites, __stop_ktest_suites,
			 ktest_filter, &totals);
	return 0;
}
late_initcall(ktest_run_all);

bool ktest_skip_memory_exhaustion(struct ktest *t)
{
	if ((nr_free_pages() << PAGE_SHIFT) <= KTEST_EXHAUST_MAX)
		return false;
	ktest_skip(t, "more than 256 MiB to exhaust");
	return true;
}
