// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the command-line parser: parameters with and without values,
 * quoting, '-' versus '_', the early/normal split, "--", errors and the
 * unknown-parameter callback.  Uses a private parameter table.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/param.h>
#include <keel/string.h>

static char last_alpha[32], last_beta[32], unknown_seen[64];
static int alpha_calls, beta_calls, early_calls;

static void record(char *dst, const char *val)
{
	strscpy(dst, val ? val : "(none)", 32);
}

static int set_alpha(const char *val)
{
	alpha_calls++;
	record(last_alpha, val);
	return 0;
}

static int set_beta(const char *val)
{
	beta_calls++;
	record(last_beta, val);
	return val && !strcmp(val, "bad") ? -EINVAL : 0;
}

static int set_early(const char *val)
{
	early_calls++;
	return 0;
}

static const struct kernel_param test_params[] = {
	{ .name = "alpha", .set = set_alpha },
	{ .name = "some_beta", .set = set_beta },
	{ .name = "early_one", .set = set_early, .early = true },
};

static void note_unknown(char *param, char *val)
{
	size_t len = strlen(unknown_seen);

	if (len) {
		strscpy(unknown_seen + len, " ", sizeof(unknown_seen) - len);
		len++;
	}
	strscpy(unknown_seen + len, param, sizeof(unknown_seen) - len);
}

static int run(const char *line, bool early)
{
	char buf[128];

	strscpy(buf, line, sizeof(buf));
	return parse_args("test", buf, test_params,
			  test_params + ARRAY_SIZE(test_params), early,
			  note_unknown);
}

static int params_init(struct ktest *t)
{
	alpha_calls = beta_calls = early_calls = 0;
	last_alpha[0] = last_beta[0] = unknown_seen[0] = '\0';
	return 0;
}

static void test_value_and_flag(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, run("alpha some_beta=2", false), 0);
	KTEST_EXPECT_EQ(t, alpha_calls, 1);
	KTEST_EXPECT_STREQ(t, last_alpha, "(none)");
	KTEST_EXPECT_STREQ(t, last_beta, "2");
}

static void test_quoted_value(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, run("some_beta=\"two words\"", false), 0);
	KTEST_EXPECT_STREQ(t, last_beta, "two words");
}

static void test_dash_is_underscore(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, run("some-beta=x", false), 0);
	KTEST_EXPECT_EQ(t, beta_calls, 1);
	KTEST_EXPECT_STREQ(t, last_beta, "x");
}

static void test_early_split(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, run("early_one alpha", true), 0);
	KTEST_EXPECT_EQ(t, early_calls, 1);
	KTEST_EXPECT_EQ(t, alpha_calls, 0);
	KTEST_EXPECT_EQ(t, run("early_one alpha", false), 0);
	KTEST_EXPECT_EQ(t, early_calls, 1);
	KTEST_EXPECT_EQ(t, alpha_calls, 1);
}

static void test_unknown_reported(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, run("foo alpha bar=1", false), 0);
	KTEST_EXPECT_STREQ(t, unknown_seen, "foo bar");
	KTEST_EXPECT_EQ(t, alpha_calls, 1);
}

static void test_double_dash_stops(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, run("alpha -- some_beta=3", false), 0);
	KTEST_EXPECT_EQ(t, alpha_calls, 1);
	KTEST_EXPECT_EQ(t, beta_calls, 0);
}

static void test_invalid_value(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, run("some_beta=bad alpha", false), -EINVAL);
	/* An error does not stop the rest of the line. */
	KTEST_EXPECT_EQ(t, alpha_calls, 1);
}

static void test_empty_line(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, run("   ", false), 0);
	KTEST_EXPECT_EQ(t, alpha_calls + beta_calls + early_calls, 0);
	KTEST_EXPECT_STREQ(t, unknown_seen, "");
}

static struct ktest_case params_cases[] = {
	KTEST_CASE(test_value_and_flag),
	KTEST_CASE(test_quoted_value),
	KTEST_CASE(test_dash_is_underscore),
	KTEST_CASE(test_early_split),
	KTEST_CASE(test_unknown_reported),
	KTEST_CASE(test_double_dash_stops),
	KTEST_CASE(test_invalid_value),
	KTEST_CASE(test_empty_line),
	{}
};

static struct ktest_suite params_suite = {
	.name = "params",
	.init = params_init,
	.cases = params_cases,
};
ktest_register_suite(params_suite);
