// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for lib/glob.c: a table of patterns and strings with the
 * answer Linux's glob_match() gives for each, malformed patterns included.
 */
#include <keel/glob.h>
#include <keel/kernel.h>
#include <keel/ktest.h>

struct glob_case {
	const char *pat;
	const char *str;
	bool match;
};

static void check_cases(struct ktest *t, const struct glob_case *cases,
			size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (glob_match(cases[i].pat, cases[i].str) != cases[i].match)
			ktest_fail_at(t, __FILE__, __LINE__,
				      "glob_match(\"%s\", \"%s\") should be %s",
				      cases[i].pat, cases[i].str,
				      cases[i].match ? "true" : "false");
}

static void literals_and_wildcards(struct ktest *t)
{
	static const struct glob_case cases[] = {
		{ "", "", true },
		{ "", "a", false },
		{ "a", "", false },
		{ "abc", "abc", true },
		{ "abc", "abd", false },
		{ "abc", "ab", false },
		{ "ab", "abc", false },
		{ "?", "", false },
		{ "?", "a", true },
		{ "??", "a", false },
		{ "a?c", "abc", true },
		{ "*", "", true },
		{ "*", "anything", true },
		{ "**", "x", true },
		{ "a*", "a", true },
		{ "a*", "abc", true },
		{ "a*", "ba", false },
		{ "*c", "abc", true },
		{ "*c", "abcd", false },
		{ "a*c", "ac", true },
		{ "a*c", "abcbc", true },
		{ "a*c", "abcb", false },
		{ "a*b*c", "axxbyyc", true },
		{ "a*b*c", "axxcyyb", false },
		{ "*a*b", "aaab", true },
		{ "a*?", "a", false },
		{ "a*?", "ab", true },
		{ "*?*", "", false },
		/* Neither '/' nor a leading '.' is special. */
		{ "*/*", "a/b", true },
		{ "*", ".hidden", true },
		{ "string.*", "string.strscpy_cases", true },
		{ "*.strscpy*", "string.strscpy_cases", true },
		/* Quadratic at worst, never exponential. */
		{ "*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaa", false },
	};

	check_cases(t, cases, ARRAY_SIZE(cases));
}

static void classes(struct ktest *t)
{
	static const struct glob_case cases[] = {
		{ "[abc]", "b", true },
		{ "[abc]", "d", false },
		{ "[abc]", "", false },
		{ "[a-c]x", "bx", true },
		{ "[a-c]x", "dx", false },
		{ "[a-cx-z]", "y", true },
		{ "[a-cx-z]", "m", false },
		{ "[!a-c]", "d", true },
		{ "[!a-c]", "a", false },
		{ "[!a-c]", "", false },
		{ "[]]", "]", true },
		{ "[]a]", "a", true },
		{ "[!]]", "a", true },
		{ "[!]]", "]", false },
		{ "[a-]", "-", true },
		{ "[-a]", "-", true },
		{ "[a-]", "b", false },
		/* A reversed range matches nothing. */
		{ "[z-a]", "m", false },
		{ "[z-a]", "z", false },
		{ "[^a]", "^", true },
		{ "[^a]", "b", false },
		{ "*[0-9]", "cpu7", true },
		{ "*[0-9]", "cpu", false },
	};

	check_cases(t, cases, ARRAY_SIZE(cases));
}

static void malformed_and_escapes(struct ktest *t)
{
	static const struct glob_case cases[] = {
		/* A '[' that never closes is an ordinary character. */
		{ "[abc", "[abc", true },
		{ "[abc", "a", false },
		{ "[", "[", true },
		{ "[!", "[!", true },
		{ "[]", "[]", true },
		{ "[a-", "[a-", true },
		{ "*[", "ab[", true },
		{ "\\*", "*", true },
		{ "\\*", "a", false },
		{ "a\\?c", "a?c", true },
		{ "a\\?c", "abc", false },
		{ "\\[a]", "[a]", true },
		{ "\\\\", "\\", true },
		/* A trailing '\' matches the end of the string. */
		{ "abc\\", "abc", true },
		{ "abc\\", "abc\\", false },
	};

	check_cases(t, cases, ARRAY_SIZE(cases));
}

static struct ktest_case glob_cases[] = {
	KTEST_CASE(literals_and_wildcards),
	KTEST_CASE(classes),
	KTEST_CASE(malformed_and_escapes),
	{}
};

static struct ktest_suite glob_suite = {
	.name = "glob",
	.cases = glob_cases,
};
ktest_register_suite(glob_suite);
