// SPDX-License-Identifier: GPL-2.0
/*
 * KBENCH's runner: with "kbench" on the command line, time every
 * registered benchmark at the end of the boot.  Each runs with doubling
 * iteration counts until one run lasts KBENCH_MIN_NS, so the figure is not
 * dominated by the clock's resolution; a first short run warms caches
 * and allocator state up.  Not a test: nothing here can fail.
 */
#include <keel/delay.h>
#include <keel/errno.h>
#include <keel/glob.h>
#include <keel/init.h>
#include <keel/kbench.h>
#include <keel/param.h>
#include <keel/printk.h>
#include <keel/sched.h>
#include <keel/string.h>

#define KBENCH_MIN_NS		20000000ULL	/* 20 ms */
#define KBENCH_MAX_ITERS	(1UL << 26)

extern const struct kbench *const __start_kbench_benchmarks[];
extern const struct kbench *const __stop_kbench_benchmarks[];

static bool kbench_enabled;
static char kbench_filter[64] = "*";

static int kbench_setup(const char *val)
{
	kbench_enabled = true;
	if (val && strscpy(kbench_filter, val, sizeof(kbench_filter)) < 0)
		return -EINVAL;
	return 0;
}
kernel_param("kbench", kbench_setup);

static void run_one(const struct kbench *b)
{
	unsigned long iters = 1000;
	u64 start, ns;

	b->run(iters);
	for (;;) {
		start = local_clock();
		b->run(iters);
		ns = local_clock() - start;
		if (ns >= KBENCH_MIN_NS || iters >= KBENCH_MAX_ITERS)
			break;
		iters *= 2;
	}
	pr_info("kbench: %s: %llu ns/op (%lu iterations)\n", b->name,
		(unsigned long long)(ns / iters), iters);
	/* All benchmarks run in one initcall: each is a scheduling point. */
	cond_resched();
}

static int kbench_run_all(void)
{
	const struct kbench *const *b;

	if (!kbench_enabled)
		return 0;
	for (b = __start_kbench_benchmarks; b < __stop_kbench_benchmarks; b++)
		if (glob_match(kbench_filter, (*b)->name))
			run_one(*b);
	return 0;
}
late_initcall(kbench_run_all);
