// SPDX-License-Identifier: GPL-2.0
/*
 * LKDTM, after Linux's Kernel Dump Test Module: crash the kernel on purpose,
 * in a chosen way, so the tests can check that each kind of failure is
 * reported properly.  lkdtm.cpoint_type=<TYPE> on the command line fires
 * once the boot reaches the late initcalls.
 */
#define pr_fmt(fmt) "lkdtm: " fmt

#include <keel/bug.h>
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/panic.h>
#include <keel/param.h>
#include <keel/printk.h>
#include <keel/string.h>

static const char *cpoint_type;

static void lkdtm_PANIC(void)
{
	panic("dumptest");
}

static void lkdtm_BUG(void)
{
	BUG();
}

static void lkdtm_WARNING(void)
{
	WARN_ON(1);
}

static void lkdtm_EXCEPTION(void)
{
	*((volatile int *)0) = 0;
}

static void lkdtm_ACCESS_NULL(void)
{
	pr_info("attempting bad read at %p\n", NULL);
	(void)*((volatile int *)0);
}

/* In C, 1 / 0 is undefined and the compiler may fold it away. */
static void lkdtm_DIVIDE_ERROR(void)
{
	unsigned int quotient;

	__asm__ __volatile__("divl %2"
			     : "=a"(quotient)
			     : "a"(1), "r"(0), "d"(0));
	pr_info("result %u\n", quotient);
}

static void lkdtm_INVALID_OPCODE(void)
{
	__asm__ __volatile__("ud2");
}

static void lkdtm_NONCANONICAL(void)
{
	(void)*((volatile int *)0x8000000000000000UL);
}

/*
 * Each level takes a kilobyte of stack, so a THREAD_SIZE stack runs into
 * its guard page after a few levels (long before the depth limit) and the
 * trace stays short.  The buffer is used after the call so the compiler
 * keeps the frames.
 */
static noinline int recurse_deep(int depth)
{
	volatile char buf[1024];

	if (depth == 1 << 20)
		return 0;
	memset((char *)buf, depth, sizeof(buf));
	return recurse_deep(depth + 1) + buf[depth % sizeof(buf)];
}

static void lkdtm_EXHAUST_STACK(void)
{
	pr_info("Calling function with %zu frame size to exhaust the stack\n",
		(size_t)1024);
	pr_info("FAIL: survived: %d\n", recurse_deep(0));
}

struct crashtype {
	const char *name;
	void (*func)(void);
};

#define CRASHTYPE(name)	{ #name, lkdtm_##name }

static const struct crashtype crashtypes[] = {
	CRASHTYPE(PANIC),
	CRASHTYPE(BUG),
	CRASHTYPE(WARNING),
	CRASHTYPE(EXCEPTION),
	CRASHTYPE(ACCESS_NULL),
	CRASHTYPE(DIVIDE_ERROR),
	CRASHTYPE(INVALID_OPCODE),
	CRASHTYPE(NONCANONICAL),
	CRASHTYPE(EXHAUST_STACK),
};

static const struct crashtype *find_crashtype(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(crashtypes); i++)
		if (!strcmp(crashtypes[i].name, name))
			return &crashtypes[i];
	return NULL;
}

static int cpoint_type_setup(const char *val)
{
	if (!val || !find_crashtype(val))
		return -EINVAL;
	cpoint_type = val;
	return 0;
}
kernel_param("lkdtm.cpoint_type", cpoint_type_setup);

static int lkdtm_init(void)
{
	const struct crashtype *ct;

	if (!cpoint_type)
		return 0;
	ct = find_crashtype(cpoint_type);
	pr_info("Performing direct entry %s\n", ct->name);
	ct->func();
	return 0;
}
late_initcall(lkdtm_init);
