/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KBENCH: in-kernel micro-benchmarks (CONFIG_KBENCH).  A benchmark is a
 * function that performs its operation @iters times; the framework picks
 * the iteration count, times the run with local_clock() and prints
 * "kbench: <name>: <N> ns/op (<iterations> iterations)".  Benchmarks
 * register themselves into the kbench_benchmarks section, like KTEST
 * suites, and run at the end of the boot only when the command line has
 * "kbench" ("kbench=<glob>" selects by name).
 */
#ifndef _KEEL_KBENCH_H
#define _KEEL_KBENCH_H

#include <keel/compiler.h>

struct kbench {
	const char *name;
	void (*run)(unsigned long iters);
};

#define KBENCH(bname, fn)						\
	static const struct kbench __kbench_##fn = {			\
		.name = bname, .run = fn,				\
	};								\
	static const struct kbench *__kbench_ptr_##fn			\
	__used __section("kbench_benchmarks") __aligned(sizeof(void *)) = \
		&__kbench_##fn

#endif /* _KEEL_KBENCH_H */
