// SPDX-License-Identifier: GPL-2.0
/*
 * LKDTM crash types for faults inside printk, with its log lock held: a
 * console driver whose write() overflows the stack (printk is the deepest
 * stack user) or dereferences NULL.  The oops must still be reported, on
 * the other consoles.  The console comes enabled (CON_ENABLED), so it
 * prints whatever console= says; it drops what it is given until armed.
 */
#include "lkdtm.h"

#include <keel/console.h>

enum console_crash {
	CONSOLE_CRASH_NONE,
	CONSOLE_CRASH_EXHAUST_STACK,
	CONSOLE_CRASH_ACCESS_NULL,
};

static enum console_crash console_crash;

static void lkdtm_console_write(struct console *con, const char *s,
				unsigned int len)
{
	switch (READ_ONCE(console_crash)) {
	case CONSOLE_CRASH_EXHAUST_STACK:
		recurse_deep(0);
		break;
	case CONSOLE_CRASH_ACCESS_NULL:
		(void)*((volatile int *)0);
		break;
	case CONSOLE_CRASH_NONE:
		break;
	}
}

static struct console lkdtm_console = {
	.name = "lkdtm",
	.write = lkdtm_console_write,
	.flags = CON_ENABLED,
};

static void crash_in_printk(enum console_crash crash)
{
	register_console(&lkdtm_console);
	WRITE_ONCE(console_crash, crash);
	pr_info("printing through console [%s%d] with logbuf_lock held\n",
		lkdtm_console.name, lkdtm_console.index);
	pr_info("FAIL: survived a crash inside printk\n");
}

static void lkdtm_EXHAUST_STACK_IN_PRINTK(void)
{
	crash_in_printk(CONSOLE_CRASH_EXHAUST_STACK);
}

static void lkdtm_ACCESS_NULL_IN_PRINTK(void)
{
	crash_in_printk(CONSOLE_CRASH_ACCESS_NULL);
}

static const struct crashtype crashtypes[] = {
	CRASHTYPE(EXHAUST_STACK_IN_PRINTK),
	CRASHTYPE(ACCESS_NULL_IN_PRINTK),
};

CRASHTYPE_CATEGORY(printk_crashtypes, crashtypes);
