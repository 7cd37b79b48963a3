// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for lib/kstrtox.c: base detection, the exact overflow
 * boundaries of every kstrto*() type, what counts as garbage, that *res
 * is left alone on failure, and where simple_strto*() stop.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/kstrtox.h>
#include <keel/limits.h>
#include <keel/ktest.h>

/* Any value a failed call might wrongly leave behind. */
#define UNTOUCHED	0x5a5a

#define EXPECT_ULL(t, s, base, want)					\
	do {								\
		unsigned long long __res = UNTOUCHED;			\
		KTEST_EXPECT_EQ(t, kstrtoull(s, base, &__res), 0);	\
		KTEST_EXPECT_EQ(t, __res, want);			\
	} while (0)

#define EXPECT_ULL_ERR(t, s, base, err)					\
	do {								\
		unsigned long long __res = UNTOUCHED;			\
		KTEST_EXPECT_EQ(t, kstrtoull(s, base, &__res), err);	\
		KTEST_EXPECT_EQ(t, __res, UNTOUCHED);			\
	} while (0)

#define EXPECT_LL(t, s, base, want)					\
	do {								\
		long long __res = UNTOUCHED;				\
		KTEST_EXPECT_EQ(t, kstrtoll(s, base, &__res), 0);	\
		KTEST_EXPECT_EQ(t, __res, want);			\
	} while (0)

#define EXPECT_LL_ERR(t, s, base, err)					\
	do {								\
		long long __res = UNTOUCHED;				\
		KTEST_EXPECT_EQ(t, kstrtoll(s, base, &__res), err);	\
		KTEST_EXPECT_EQ(t, __res, UNTOUCHED);			\
	} while (0)

/* For the narrow types: the last value that fits, and one past it. */
#define EXPECT_EDGE(t, fn, type, ok, want, too_far)			\
	do {								\
		type __res = 0;						\
		KTEST_EXPECT_EQ(t, fn(ok, 0, &__res), 0);		\
		KTEST_EXPECT_EQ(t, __res, want);			\
		KTEST_EXPECT_EQ(t, fn(too_far, 0, &__res), -ERANGE);	\
		KTEST_EXPECT_EQ(t, __res, want);			\
	} while (0)

static void unsigned_decimal(struct ktest *t)
{
	EXPECT_ULL(t, "0", 10, 0);
	EXPECT_ULL(t, "123", 10, 123);
	EXPECT_ULL(t, "+123", 10, 123);
	EXPECT_ULL(t, "123\n", 10, 123);
	EXPECT_ULL(t, "000123", 10, 123);
	EXPECT_ULL_ERR(t, "", 10, -EINVAL);
	EXPECT_ULL_ERR(t, "\n", 10, -EINVAL);
	EXPECT_ULL_ERR(t, "+", 10, -EINVAL);
	EXPECT_ULL_ERR(t, "123\n\n", 10, -EINVAL);
	EXPECT_ULL_ERR(t, " 123", 10, -EINVAL);
	EXPECT_ULL_ERR(t, "123 ", 10, -EINVAL);
	EXPECT_ULL_ERR(t, "12a", 10, -EINVAL);
	EXPECT_ULL_ERR(t, "-1", 10, -EINVAL);
	EXPECT_ULL_ERR(t, "++1", 10, -EINVAL);
}

static void bases(struct ktest *t)
{
	EXPECT_ULL(t, "0x1f", 0, 31);
	EXPECT_ULL(t, "0X1F", 0, 31);
	EXPECT_ULL(t, "017", 0, 15);
	EXPECT_ULL(t, "0", 0, 0);
	EXPECT_ULL(t, "17", 0, 17);
	EXPECT_ULL(t, "ff", 16, 255);
	EXPECT_ULL(t, "0xff", 16, 255);
	EXPECT_ULL(t, "17", 8, 15);
	EXPECT_ULL(t, "1010", 2, 10);
	EXPECT_ULL_ERR(t, "08", 0, -EINVAL);
	EXPECT_ULL_ERR(t, "0x", 0, -EINVAL);
	EXPECT_ULL_ERR(t, "0xg", 0, -EINVAL);
	EXPECT_ULL_ERR(t, "0x", 16, -EINVAL);
	EXPECT_ULL_ERR(t, "0x1f", 10, -EINVAL);
	EXPECT_ULL_ERR(t, "8", 8, -EINVAL);
	EXPECT_ULL_ERR(t, "2", 2, -EINVAL);
	EXPECT_ULL_ERR(t, "g", 16, -EINVAL);
}

static void unsigned_overflow(struct ktest *t)
{
	EXPECT_ULL(t, "18446744073709551615", 10, ~0ull);
	EXPECT_ULL_ERR(t, "18446744073709551616", 10, -ERANGE);
	EXPECT_ULL_ERR(t, "99999999999999999999999", 10, -ERANGE);
	EXPECT_ULL(t, "0xffffffffffffffff", 0, ~0ull);
	EXPECT_ULL(t, "0x0000ffffffffffffffff", 0, ~0ull);
	EXPECT_ULL_ERR(t, "0x10000000000000000", 0, -ERANGE);
	EXPECT_ULL(t, "01777777777777777777777", 0, ~0ull);
	EXPECT_ULL_ERR(t, "02000000000000000000000", 0, -ERANGE);
	/* Overflow is reported even when garbage follows. */
	EXPECT_ULL_ERR(t, "18446744073709551616x", 10, -ERANGE);
}

static void signed_ranges(struct ktest *t)
{
	EXPECT_LL(t, "-9223372036854775808", 10, LLONG_MIN);
	EXPECT_LL_ERR(t, "-9223372036854775809", 10, -ERANGE);
	EXPECT_LL(t, "9223372036854775807", 10, LLONG_MAX);
	EXPECT_LL_ERR(t, "9223372036854775808", 10, -ERANGE);
	EXPECT_LL_ERR(t, "-18446744073709551616", 10, -ERANGE);
	EXPECT_LL(t, "-0", 10, 0);
	EXPECT_LL(t, "+5", 10, 5);
	EXPECT_LL(t, "-5\n", 10, -5);
	EXPECT_LL(t, "-0x10", 0, -16);
	EXPECT_LL(t, "-010", 0, -8);
	EXPECT_LL_ERR(t, "-", 10, -EINVAL);
	EXPECT_LL_ERR(t, "-+5", 10, -EINVAL);
	EXPECT_LL_ERR(t, "+-5", 10, -EINVAL);
	EXPECT_LL_ERR(t, "--5", 10, -EINVAL);
	EXPECT_LL_ERR(t, "- 5", 10, -EINVAL);
}

static void narrow_types(struct ktest *t)
{
	EXPECT_EDGE(t, kstrtouint, unsigned int, "4294967295", 4294967295u,
		    "4294967296");
	EXPECT_EDGE(t, kstrtoint, int, "2147483647", __INT_MAX__,
		    "2147483648");
	EXPECT_EDGE(t, kstrtoint, int, "-2147483648", INT_MIN,
		    "-2147483649");
	EXPECT_EDGE(t, kstrtou32, u32, "0xffffffff", 0xffffffffu,
		    "0x100000000");
	EXPECT_EDGE(t, kstrtos32, s32, "-2147483648", INT_MIN,
		    "-2147483649");
	EXPECT_EDGE(t, kstrtou16, u16, "65535", 65535, "65536");
	EXPECT_EDGE(t, kstrtos16, s16, "32767", 32767, "32768");
	EXPECT_EDGE(t, kstrtos16, s16, "-32768", -32768, "-32769");
	EXPECT_EDGE(t, kstrtou8, u8, "255", 255, "256");
	EXPECT_EDGE(t, kstrtou8, u8, "0xff", 255, "0x100");
	EXPECT_EDGE(t, kstrtos8, s8, "127", 127, "128");
	EXPECT_EDGE(t, kstrtos8, s8, "-128", -128, "-129");
	EXPECT_EDGE(t, kstrtoul, unsigned long, "18446744073709551615",
		    ~0ul, "18446744073709551616");
	EXPECT_EDGE(t, kstrtol, long, "-9223372036854775808", LLONG_MIN,
		    "-9223372036854775809");
	EXPECT_EDGE(t, kstrtou64, u64, "18446744073709551615", ~0ull,
		    "18446744073709551616");
	EXPECT_EDGE(t, kstrtos64, s64, "9223372036854775807", LLONG_MAX,
		    "9223372036854775808");
}

static void narrow_garbage(struct ktest *t)
{
	unsigned int u = UNTOUCHED;
	u8 b = 7;

	KTEST_EXPECT_EQ(t, kstrtouint("-1", 10, &u), -EINVAL);
	KTEST_EXPECT_EQ(t, kstrtouint("1x", 10, &u), -EINVAL);
	KTEST_EXPECT_EQ(t, u, UNTOUCHED);
	KTEST_EXPECT_EQ(t, kstrtou8("", 10, &b), -EINVAL);
	KTEST_EXPECT_EQ(t, b, 7);
	KTEST_EXPECT_EQ(t, kstrtou8("12\n", 10, &b), 0);
	KTEST_EXPECT_EQ(t, b, 12);
}

static void booleans(struct ktest *t)
{
	static const char *const yes[] = { "y", "Y", "t", "T", "1", "on",
					   "ON", "oN", "yes", "true\n" };
	static const char *const no[] = { "n", "N", "f", "F", "0", "off",
					  "OFF", "no", "false" };
	static const char *const bad[] = { "", "o", "x", "2", "-1", " y" };
	unsigned int i;
	bool res;

	for (i = 0; i < ARRAY_SIZE(yes); i++) {
		res = false;
		KTEST_EXPECT_EQ(t, kstrtobool(yes[i], &res), 0);
		KTEST_EXPECT_TRUE(t, res);
	}
	for (i = 0; i < ARRAY_SIZE(no); i++) {
		res = true;
		KTEST_EXPECT_EQ(t, kstrtobool(no[i], &res), 0);
		KTEST_EXPECT_FALSE(t, res);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		res = true;
		KTEST_EXPECT_EQ(t, kstrtobool(bad[i], &res), -EINVAL);
		KTEST_EXPECT_TRUE(t, res);
	}
}

static void simple_strto(struct ktest *t)
{
	static const char dec[] = "123abc", hex[] = "0x1fg", oct[] = "0xg";
	static const char none[] = "  5", neg[] = "-42,";
	char *end;

	KTEST_EXPECT_EQ(t, simple_strtoull(dec, &end, 10), 123);
	KTEST_EXPECT_PTR_EQ(t, end, dec + 3);
	KTEST_EXPECT_EQ(t, simple_strtoull(dec, &end, 16), 0x123abc);
	KTEST_EXPECT_PTR_EQ(t, end, dec + 6);
	KTEST_EXPECT_EQ(t, simple_strtoull(hex, &end, 0), 0x1f);
	KTEST_EXPECT_PTR_EQ(t, end, hex + 4);
	/* "0x" without a hex digit after it is an octal 0 in base 0... */
	KTEST_EXPECT_EQ(t, simple_strtoull(oct, &end, 0), 0);
	KTEST_EXPECT_PTR_EQ(t, end, oct + 1);
	/* ...but a prefix to skip in base 16, as in Linux. */
	KTEST_EXPECT_EQ(t, simple_strtoull(oct, &end, 16), 0);
	KTEST_EXPECT_PTR_EQ(t, end, oct + 2);
	/* No white space is skipped. */
	KTEST_EXPECT_EQ(t, simple_strtoull(none, &end, 10), 0);
	KTEST_EXPECT_PTR_EQ(t, end, none);
	/* Overflow wraps silently. */
	KTEST_EXPECT_EQ(t, simple_strtoull("18446744073709551617", NULL, 10),
			1);
	KTEST_EXPECT_EQ(t, simple_strtoul("4294967296", NULL, 0),
			4294967296ul);

	KTEST_EXPECT_EQ(t, simple_strtol(neg, &end, 10), -42);
	KTEST_EXPECT_PTR_EQ(t, end, neg + 3);
	KTEST_EXPECT_EQ(t, simple_strtoll("-9223372036854775808", NULL, 10),
			LLONG_MIN);
	KTEST_EXPECT_EQ(t, simple_strtoll("-0x10", NULL, 0), -16);
}

static struct ktest_case kstrtox_cases[] = {
	KTEST_CASE(unsigned_decimal),
	KTEST_CASE(bases),
	KTEST_CASE(unsigned_overflow),
	KTEST_CASE(signed_ranges),
	KTEST_CASE(narrow_types),
	KTEST_CASE(narrow_garbage),
	KTEST_CASE(booleans),
	KTEST_CASE(simple_strto),
	{}
};

static struct ktest_suite kstrtox_suite = {
	.name = "kstrtox",
	.cases = kstrtox_cases,
};
ktest_register_suite(kstrtox_suite);
