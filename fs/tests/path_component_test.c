// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for fs/path_component.c, the pure part of path walking:
 * PATH_MAX and NAME_MAX boundaries, splitting on runs of slashes, "." and
 * ".." detection, trailing slashes and the name hash.  Also runs on the
 * host under ASan/UBSan.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/namei.h>
#include <keel/string.h>

static char long_buf[PATH_MAX + 2];

static const char *repeat(char c, size_t n)
{
	memset(long_buf, c, n);
	long_buf[n] = '\0';
	return long_buf;
}

static void name_len_limits(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, path_name_len(""), -ENOENT);
	KTEST_EXPECT_EQ(t, path_name_len("/"), 1);
	KTEST_EXPECT_EQ(t, path_name_len("a/b"), 3);
	KTEST_EXPECT_EQ(t, path_name_len(repeat('a', PATH_MAX - 1)),
			PATH_MAX - 1);
	KTEST_EXPECT_EQ(t, path_name_len(repeat('a', PATH_MAX)),
			-ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, path_name_len(repeat('a', PATH_MAX + 1)),
			-ENAMETOOLONG);
}

static void components_split(struct ktest *t)
{
	const char *p = "usr//lib/./x/../y";
	unsigned int len;
	bool slash;

	KTEST_EXPECT_EQ(t, path_next_component(&p, &len, &slash), LAST_NORM);
	KTEST_EXPECT_EQ(t, len, 3);
	KTEST_EXPECT_TRUE(t, slash);
	KTEST_EXPECT_STREQ(t, p, "lib/./x/../y");
	KTEST_EXPECT_EQ(t, path_next_component(&p, &len, &slash), LAST_NORM);
	KTEST_EXPECT_EQ(t, len, 3);
	KTEST_EXPECT_EQ(t, path_next_component(&p, &len, &slash), LAST_DOT);
	KTEST_EXPECT_EQ(t, len, 1);
	KTEST_EXPECT_EQ(t, path_next_component(&p, &len, &slash), LAST_NORM);
	KTEST_EXPECT_EQ(t, path_next_component(&p, &len, &slash), LAST_DOTDOT);
	KTEST_EXPECT_EQ(t, len, 2);
	KTEST_EXPECT_EQ(t, path_next_component(&p, &len, &slash), LAST_NORM);
	KTEST_EXPECT_EQ(t, len, 1);
	KTEST_EXPECT_FALSE(t, slash);
	KTEST_EXPECT_STREQ(t, p, "");
}

static void components_dots_in_names(struct ktest *t)
{
	const char *names[] = { "...", ".a", "..a", "a.", "a.." };
	unsigned int i, len;
	bool slash;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		const char *p = names[i];

		KTEST_EXPECT_EQ(t, path_next_component(&p, &len, &slash),
				LAST_NORM);
		KTEST_EXPECT_EQ(t, len, strlen(names[i]));
	}
}

static void components_trailing_slashes(struct ktest *t)
{
	const char *p = "dir///";
	unsigned int len;
	bool slash;

	KTEST_EXPECT_EQ(t, path_next_component(&p, &len, &slash), LAST_NORM);
	KTEST_EXPECT_EQ(t, len, 3);
	KTEST_EXPECT_TRUE(t, slash);
	KTEST_EXPECT_STREQ(t, p, "");
}

static void component_name_max(struct ktest *t)
{
	const char *p;
	unsigned int len;
	bool slash;

	p = repeat('n', NAME_MAX);
	KTEST_EXPECT_EQ(t, path_next_component(&p, &len, &slash), LAST_NORM);
	KTEST_EXPECT_EQ(t, len, NAME_MAX);
	p = repeat('n', NAME_MAX + 1);
	KTEST_EXPECT_EQ(t, path_next_component(&p, &len, &slash),
			-ENAMETOOLONG);
}

static void name_hash(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, full_name_hash("abc", 3), full_name_hash("abcd", 3));
	KTEST_EXPECT_NE(t, full_name_hash("abc", 3), full_name_hash("abd", 3));
	KTEST_EXPECT_NE(t, full_name_hash("ab", 2), full_name_hash("ba", 2));
	/* FNV-1a's offset basis for the empty name. */
	KTEST_EXPECT_EQ(t, full_name_hash("", 0), 2166136261u);
}

static struct ktest_case path_component_cases[] = {
	KTEST_CASE(name_len_limits),
	KTEST_CASE(components_split),
	KTEST_CASE(components_dots_in_names),
	KTEST_CASE(components_trailing_slashes),
	KTEST_CASE(component_name_max),
	KTEST_CASE(name_hash),
	{}
};

static struct ktest_suite path_component_suite = {
	.name = "path_component",
	.cases = path_component_cases,
};
ktest_register_suite(path_component_suite);
