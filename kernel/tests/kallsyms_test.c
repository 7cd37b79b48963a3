// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the kernel symbol table: name to address, address to name with
 * offset and size, and addresses that are not kernel text.
 */
#include <keel/init.h>
#include <keel/kallsyms.h>
#include <keel/ktest.h>
#include <keel/sprintf.h>
#include <keel/string.h>

static void test_lookup_name(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("start_kernel"),
			(unsigned long)start_kernel);
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("no_such_symbol_anywhere"), 0);
}

static void test_lookup_address(struct ktest *t)
{
	unsigned long addr = (unsigned long)start_kernel, size = 0, off = 99;
	const char *name = kallsyms_lookup(addr, &size, &off);

	KTEST_ASSERT_NOT_NULL(t, name);
	KTEST_EXPECT_STREQ(t, name, "start_kernel");
	KTEST_EXPECT_EQ(t, off, 0);
	KTEST_EXPECT_GT(t, size, 0);

	name = kallsyms_lookup(addr + 1, &size, &off);
	KTEST_ASSERT_NOT_NULL(t, name);
	KTEST_EXPECT_STREQ(t, name, "start_kernel");
	KTEST_EXPECT_EQ(t, off, 1);
}

static void test_sprint_symbol(struct ktest *t)
{
	char buf[KSYM_SYMBOL_LEN];
	unsigned long size, off;

	KTEST_ASSERT_NOT_NULL(t, kallsyms_lookup((unsigned long)start_kernel,
						 &size, &off));
	sprint_symbol(buf, (unsigned long)start_kernel + 4);
	KTEST_EXPECT_EQ(t, strncmp(buf, "start_kernel+0x4/0x", 19), 0);
}

/*
 * A return address just past the last instruction of its caller (a call to
 * a noreturn function) still names the caller, with the offset it has.
 * _etext is such an address for the last function in the text.
 */
static void test_sprint_backtrace(struct ktest *t)
{
	extern const char _etext[];
	unsigned long end = (unsigned long)_etext, size, off;
	char buf[KSYM_SYMBOL_LEN], want[KSYM_SYMBOL_LEN];
	const char *name = kallsyms_lookup(end - 1, &size, &off);

	KTEST_ASSERT_NOT_NULL(t, name);
	snprintf(want, sizeof(want), "%s+0x%lx/0x%lx", name, off + 1, size);
	sprint_backtrace(buf, end);
	KTEST_EXPECT_STREQ(t, buf, want);

	sprint_backtrace(buf, (unsigned long)start_kernel + 4);
	KTEST_EXPECT_EQ(t, strncmp(buf, "start_kernel+0x4/0x", 19), 0);
}

static void test_not_text(struct ktest *t)
{
	static int data_object;
	unsigned long size, off;
	char buf[KSYM_SYMBOL_LEN];

	KTEST_EXPECT_NULL(t, kallsyms_lookup((unsigned long)&data_object,
					     &size, &off));
	KTEST_EXPECT_NULL(t, kallsyms_lookup(0x1000, &size, &off));
	sprint_symbol(buf, 0x1000);
	KTEST_EXPECT_STREQ(t, buf, "0x1000");
}

static struct ktest_case kallsyms_cases[] = {
	KTEST_CASE(test_lookup_name),
	KTEST_CASE(test_lookup_address),
	KTEST_CASE(test_sprint_symbol),
	KTEST_CASE(test_sprint_backtrace),
	KTEST_CASE(test_not_text),
	{}
};

static struct ktest_suite kallsyms_suite = {
	.name = "kallsyms",
	.cases = kallsyms_cases,
};
ktest_register_suite(kallsyms_suite);
