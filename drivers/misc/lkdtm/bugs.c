// SPDX-License-Identifier: GPL-2.0
/*
 * LKDTM crash types for faults the CPU raises and the kernel's own
 * reports: panics, BUG and WARN, bad accesses, bad instructions, running
 * off the end of the stack, lockups, overwriting a stack canary and
 * corrupting a list.
 */
#include "lkdtm.h"

#include <keel/bug.h>
#include <keel/list.h>
#include <keel/panic.h>
#include <keel/string.h>
#include <asm/processor.h>

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
noinline int recurse_deep(int depth)
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

/* Never reaches a point that touches the watchdog; the tick still runs. */
static void lkdtm_SOFTLOCKUP(void)
{
	for (;;)
		cpu_relax();
}

/* Not even the tick runs: only an NMI can see this. */
static void lkdtm_HARDLOCKUP(void)
{
	local_irq_disable();
	for (;;)
		cpu_relax();
}

/* Runs over @stack's canary, saved frame pointer and return address. */
static noinline void corrupt_stack(void *stack)
{
	memset(stack, 0xff, 64);
}

/* A char array gets a canary with plain -fstack-protector. */
static noinline void lkdtm_CORRUPT_STACK(void)
{
	char data[8] __aligned(sizeof(void *));

	pr_info("Corrupting stack containing char array ...\n");
	corrupt_stack(data);
}

/* Only -fstack-protector-strong protects a frame with no char array. */
static noinline void lkdtm_CORRUPT_STACK_STRONG(void)
{
	union {
		unsigned short shorts[4];
		unsigned long *ptr;
	} data __aligned(sizeof(void *));

	pr_info("Corrupting stack containing union ...\n");
	corrupt_stack(&data);
}

struct lkdtm_list {
	struct list_head node;
};

/*
 * A corrupt "next" pointer turns list_add() into a write of the new
 * entry's address wherever it points: here, into target[].
 */
static void lkdtm_CORRUPT_LIST_ADD(void)
{
	LIST_HEAD(test_head);
	struct lkdtm_list good, bad;
	void *target[2] = { };

	pr_info("attempting good list addition\n");
	list_add(&good.node, &test_head);
	pr_info("attempting corrupted list addition\n");
	test_head.next = (struct list_head *)target;
	list_add(&bad.node, &test_head);
	if (!target[0] && !target[1])
		pr_err("Overwrite did not happen, but no BUG?!\n");
	else
		pr_err("list_add() corruption not detected!\n");
}

static void lkdtm_CORRUPT_LIST_DEL(void)
{
	LIST_HEAD(test_head);
	struct lkdtm_list item;
	void *target[2] = { };

	list_add(&item.node, &test_head);
	pr_info("attempting good list removal\n");
	list_del(&item.node);
	pr_info("attempting corrupted list removal\n");
	list_add(&item.node, &test_head);
	item.node.next = (struct list_head *)target;
	list_del(&item.node);
	if (!target[0] && !target[1])
		pr_err("Overwrite did not happen, but no BUG?!\n");
	else
		pr_err("list_del() corruption not detected!\n");
}

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
	CRASHTYPE(SOFTLOCKUP),
	CRASHTYPE(HARDLOCKUP),
	CRASHTYPE(CORRUPT_STACK),
	CRASHTYPE(CORRUPT_STACK_STRONG),
	CRASHTYPE(CORRUPT_LIST_ADD),
	CRASHTYPE(CORRUPT_LIST_DEL),
};

CRASHTYPE_CATEGORY(bugs_crashtypes, crashtypes);
