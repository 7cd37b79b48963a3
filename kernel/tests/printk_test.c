// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for printk's two locks: a record printed while someone holds the
 * console lock is stored at once and printed by that holder's
 * console_unlock(), not before; consoles write with interrupts as the
 * caller had them; a console registered late first gets what the others
 * printed; and /dev/kmsg's record lookup returns the right record in any
 * order (it reads on from its last position).
 */
#include <keel/console.h>
#include <keel/errno.h>
#include <keel/kmsg.h>
#include <keel/ktest.h>
#include <keel/printk.h>
#include <keel/sprintf.h>
#include <keel/string.h>
#include <asm/processor.h>

static const char *watch;		/* the text the test console looks for */
static unsigned int seen;
static bool irqs_off_when_seen;

static void test_console_write(struct console *con, const char *s,
			       unsigned int len)
{
	if (watch && len == strlen(watch) && !memcmp(s, watch, len)) {
		seen++;
		irqs_off_when_seen = irqs_disabled();
	}
}

static struct console test_console = {
	.name = "ktest",
	.write = test_console_write,
};

/* Comes enabled, so it prints whatever console= says. */
static void register_test_console(void)
{
	test_console.flags = CON_ENABLED;
	register_console(&test_console);
}

static int printk_test_init(struct ktest *t)
{
	watch = NULL;
	seen = 0;
	register_test_console();
	return 0;
}

static void printk_test_exit(struct ktest *t)
{
	unregister_console(&test_console);
}

static void test_held_console_lock_defers(struct ktest *t)
{
	watch = "ktest: printed while the console lock is held";
	console_lock();
	pr_info("%s\n", watch);
	KTEST_EXPECT_EQ(t, seen, 0);
	console_unlock();
	KTEST_EXPECT_EQ(t, seen, 1);
}

static void test_console_writes_with_irqs_on(struct ktest *t)
{
	unsigned long flags;

	if (irqs_disabled()) {
		ktest_skip(t, "interrupts are not enabled in this kernel yet");
		return;
	}
	watch = "ktest: interrupts stay on";
	pr_info("%s\n", watch);
	KTEST_EXPECT_EQ(t, seen, 1);
	KTEST_EXPECT_FALSE(t, irqs_off_when_seen);

	/* A caller with interrupts off keeps them off. */
	watch = "ktest: interrupts stay off";
	local_irq_save(flags);
	pr_info("%s\n", watch);
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, seen, 2);
	KTEST_EXPECT_TRUE(t, irqs_off_when_seen);
}

/* Registered late, a console first gets what was printed before it. */
static void test_late_console_replays(struct ktest *t)
{
	watch = "ktest: printed before the console";
	unregister_console(&test_console);
	pr_info("%s\n", watch);
	KTEST_EXPECT_EQ(t, seen, 0);
	register_test_console();
	KTEST_EXPECT_EQ(t, seen, 1);
}

static void test_kmsg_lookup_any_order(struct ktest *t)
{
	static struct kmsg_record rec;
	static const u64 order[] = { 0, 1, 2, 3, 1, 3, 0, 2 };
	char want[32];
	u64 first, next;
	unsigned int i;

	pr_info("ktest: kmsg 0\n");
	printk_seq_range(&first, &next);
	for (i = 1; i < 4; i++)
		pr_info("ktest: kmsg %u\n", i);
	for (i = 0; i < ARRAY_SIZE(order); i++) {
		KTEST_ASSERT_EQ(t, printk_get_record(next - 1 + order[i], &rec), 0);
		snprintf(want, sizeof(want), "ktest: kmsg %llu",
			 (unsigned long long)order[i]);
		KTEST_EXPECT_EQ(t, rec.seq, next - 1 + order[i]);
		KTEST_EXPECT_EQ(t, rec.text_len, strlen(want));
		KTEST_EXPECT_MEMEQ(t, rec.text, want, strlen(want));
	}
	KTEST_EXPECT_EQ(t, printk_get_record(next + 3, &rec), -EAGAIN);
}

static struct ktest_case printk_cases[] = {
	KTEST_CASE(test_held_console_lock_defers),
	KTEST_CASE(test_console_writes_with_irqs_on),
	KTEST_CASE(test_late_console_replays),
	KTEST_CASE(test_kmsg_lookup_any_order),
	{}
};

static struct ktest_suite printk_suite = {
	.name = "printk",
	.init = printk_test_init,
	.exit = printk_test_exit,
	.cases = printk_cases,
};
ktest_register_suite(printk_suite);
