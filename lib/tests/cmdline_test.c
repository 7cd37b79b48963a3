// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for lib/cmdline.c: splitting a command line with next_arg()
 * (quoting included), parameter name comparison, get_option()'s return
 * codes and memparse()'s suffixes.
 */
#include <keel/cmdline.h>
#include <keel/ktest.h>

static void next_arg_words(struct ktest *t)
{
	char line[] = "console=ttyS0,115200 quiet  loglevel=7\n";
	char *rest = line, *param, *val;

	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "console");
	KTEST_EXPECT_STREQ(t, val, "ttyS0,115200");
	KTEST_EXPECT_STREQ(t, rest, "quiet  loglevel=7\n");

	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "quiet");
	KTEST_EXPECT_NULL(t, val);
	KTEST_EXPECT_STREQ(t, rest, "loglevel=7\n");

	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "loglevel");
	KTEST_EXPECT_STREQ(t, val, "7");
	KTEST_EXPECT_STREQ(t, rest, "");
	KTEST_EXPECT_PTR_EQ(t, rest, line + sizeof(line) - 1);
}

static void next_arg_quotes(struct ktest *t)
{
	char line[] = "init=\"/bin/sh -x\" \"name=a b\" \"flag\" k=\"\" x=";
	char *rest = line, *param, *val;

	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "init");
	KTEST_EXPECT_STREQ(t, val, "/bin/sh -x");

	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "name");
	KTEST_EXPECT_STREQ(t, val, "a b");

	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "flag");
	KTEST_EXPECT_NULL(t, val);

	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "k");
	KTEST_EXPECT_STREQ(t, val, "");

	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "x");
	KTEST_EXPECT_STREQ(t, val, "");
	KTEST_EXPECT_STREQ(t, rest, "");
}

static void next_arg_equals(struct ktest *t)
{
	char line[] = "a=b=c =x =y=z";
	char *rest = line, *param, *val;

	/* Only the first '=' splits. */
	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "a");
	KTEST_EXPECT_STREQ(t, val, "b=c");

	/* An '=' in first place is part of the name, as in Linux. */
	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "=x");
	KTEST_EXPECT_NULL(t, val);

	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(t, param, "=y");
	KTEST_EXPECT_STREQ(t, val, "z");
	KTEST_EXPECT_STREQ(t, rest, "");
}

static void param_names(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, parameq("log-level", "log_level"));
	KTEST_EXPECT_TRUE(t, parameq("log_level", "log-level"));
	KTEST_EXPECT_TRUE(t, parameq("quiet", "quiet"));
	KTEST_EXPECT_FALSE(t, parameq("quiet", "quieter"));
	KTEST_EXPECT_FALSE(t, parameq("quieter", "quiet"));
	KTEST_EXPECT_FALSE(t, parameq("a-b", "a.b"));
	KTEST_EXPECT_TRUE(t, parameqn("foo-bar", "foo_baz", 6));
	KTEST_EXPECT_FALSE(t, parameqn("foo-bar", "foo_baz", 7));
	KTEST_EXPECT_TRUE(t, parameqn("ab", "ab", 10));
	KTEST_EXPECT_TRUE(t, parameqn("x", "y", 0));
}

static void get_option_codes(struct ktest *t)
{
	char list[] = "12,-3,0x10-5", bad[] = "abc", empty[] = "";
	char *s = list, *none = NULL;
	int v = 0;

	KTEST_EXPECT_EQ(t, get_option(&s, &v), 2);
	KTEST_EXPECT_EQ(t, v, 12);
	KTEST_EXPECT_EQ(t, get_option(&s, &v), 2);
	KTEST_EXPECT_EQ(t, v, -3);
	KTEST_EXPECT_EQ(t, get_option(&s, &v), 3);
	KTEST_EXPECT_EQ(t, v, 16);
	KTEST_EXPECT_STREQ(t, s, "-5");
	KTEST_EXPECT_EQ(t, get_option(&s, NULL), 1);
	KTEST_EXPECT_STREQ(t, s, "");
	KTEST_EXPECT_EQ(t, get_option(&s, &v), 0);

	s = bad;
	KTEST_EXPECT_EQ(t, get_option(&s, &v), 0);
	KTEST_EXPECT_PTR_EQ(t, s, bad);
	s = empty;
	KTEST_EXPECT_EQ(t, get_option(&s, &v), 0);
	KTEST_EXPECT_EQ(t, get_option(&none, &v), 0);
}

static void memparse_suffixes(struct ktest *t)
{
	static const char at[] = "4k@0x100000", plain[] = "100", odd[] = "12x";
	char *end;

	KTEST_EXPECT_EQ(t, memparse("64K", NULL), 64ull << 10);
	KTEST_EXPECT_EQ(t, memparse("16m", NULL), 16ull << 20);
	KTEST_EXPECT_EQ(t, memparse("1G", NULL), 1ull << 30);
	KTEST_EXPECT_EQ(t, memparse("2t", NULL), 2ull << 40);
	KTEST_EXPECT_EQ(t, memparse("3P", NULL), 3ull << 50);
	KTEST_EXPECT_EQ(t, memparse("1e", NULL), 1ull << 60);
	KTEST_EXPECT_EQ(t, memparse("0x1000", NULL), 0x1000);
	KTEST_EXPECT_EQ(t, memparse("010K", NULL), 8 << 10);

	KTEST_EXPECT_EQ(t, memparse(at, &end), 4096);
	KTEST_EXPECT_PTR_EQ(t, end, at + 2);
	KTEST_EXPECT_EQ(t, memparse(end + 1, &end), 0x100000);
	KTEST_EXPECT_PTR_EQ(t, end, at + sizeof(at) - 1);
	KTEST_EXPECT_EQ(t, memparse(plain, &end), 100);
	KTEST_EXPECT_PTR_EQ(t, end, plain + 3);
	KTEST_EXPECT_EQ(t, memparse(odd, &end), 12);
	KTEST_EXPECT_PTR_EQ(t, end, odd + 2);
}

static struct ktest_case cmdline_cases[] = {
	KTEST_CASE(next_arg_words),
	KTEST_CASE(next_arg_quotes),
	KTEST_CASE(next_arg_equals),
	KTEST_CASE(param_names),
	KTEST_CASE(get_option_codes),
	KTEST_CASE(memparse_suffixes),
	{}
};

static struct ktest_suite cmdline_suite = {
	.name = "cmdline",
	.cases = cmdline_cases,
};
ktest_register_suite(cmdline_suite);
