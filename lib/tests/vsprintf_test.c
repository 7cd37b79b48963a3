// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for lib/vsprintf.c: every conversion, flag and length
 * modifier, the extreme values of each type, truncation and the return
 * values of the snprintf and scnprintf families.
 */
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/sprintf.h>
#include <keel/string.h>

#define LLONG_MAX	__LONG_LONG_MAX__
#define LLONG_MIN	(-LLONG_MAX - 1)
#define INT_MIN		(-__INT_MAX__ - 1)

static char buf[128];

/*
 * For formats the compiler would rightly warn about ('0' with '-', NULL
 * for %s, an unknown conversion, a value too wide for "hh"): without a
 * __printf attribute nothing is checked (and W=1 must not suggest one).
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-format-attribute"
static int format_unchecked(char *dst, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(dst, size, fmt, args);
	va_end(args);
	return len;
}
#pragma GCC diagnostic pop

/*
 * Format into buf and check both the text and the returned length.  The
 * locals keep '%' out of the KTEST macros' arguments, whose text those
 * macros paste into a format string of their own.
 */
#define __EXPECT_FMT(t, format_fn, want, fmt, ...)			\
	do {								\
		const char *__want = (want);				\
		int __len = format_fn(buf, sizeof(buf), fmt, ##__VA_ARGS__); \
		KTEST_EXPECT_STREQ(t, buf, __want);			\
		KTEST_EXPECT_EQ(t, __len, strlen(__want));		\
	} while (0)

#define EXPECT_FMT(t, want, fmt, ...) \
	__EXPECT_FMT(t, snprintf, want, fmt, ##__VA_ARGS__)
#define EXPECT_FMT_UNCHECKED(t, want, fmt, ...) \
	__EXPECT_FMT(t, format_unchecked, want, fmt, ##__VA_ARGS__)

static void integers(struct ktest *t)
{
	EXPECT_FMT(t, "0", "%d", 0);
	EXPECT_FMT(t, "42 -42", "%d %i", 42, -42);
	EXPECT_FMT(t, "4294967295", "%u", 4294967295u);
	EXPECT_FMT(t, "deadbeef", "%x", 0xdeadbeefu);
	EXPECT_FMT(t, "DEADBEEF", "%X", 0xdeadbeefu);
	EXPECT_FMT(t, "755", "%o", 0755);
	EXPECT_FMT(t, "a42b-7c", "a%db%dc", 42, -7);
	EXPECT_FMT(t, "100%", "%d%%", 100);
	EXPECT_FMT(t, "plain", "plain");
}

static void extremes(struct ktest *t)
{
	EXPECT_FMT(t, "-2147483648", "%d", INT_MIN);
	EXPECT_FMT(t, "2147483647", "%d", __INT_MAX__);
	EXPECT_FMT(t, "-9223372036854775808", "%lld", LLONG_MIN);
	EXPECT_FMT(t, "9223372036854775807", "%lld", LLONG_MAX);
	EXPECT_FMT(t, "-9223372036854775808", "%ld", (long)LLONG_MIN);
	EXPECT_FMT(t, "18446744073709551615", "%llu", ~0ull);
	EXPECT_FMT(t, "ffffffffffffffff", "%llx", ~0ull);
	EXPECT_FMT(t, "1777777777777777777777", "%llo", ~0ull);
	EXPECT_FMT(t, "8000000000000000", "%lx", 1ul << 63);
}

static void length_modifiers(struct ktest *t)
{
	/* hh and h cut the promoted int down; clang warns of the loss. */
	EXPECT_FMT_UNCHECKED(t, "-1 255", "%hhd %hhu", 0x1ff, 0x1ff);
	EXPECT_FMT_UNCHECKED(t, "-128", "%hhd", 0x80);
	EXPECT_FMT_UNCHECKED(t, "-32768 65535", "%hd %hu", 0x18000, -1);
	EXPECT_FMT_UNCHECKED(t, "ffff", "%hx", 0xfffff);
	EXPECT_FMT(t, "-5 200", "%hhd %hhu", (signed char)-5,
		   (unsigned char)200);
	EXPECT_FMT(t, "-300 60000", "%hd %hu", (short)-300,
		   (unsigned short)60000);
	EXPECT_FMT(t, "18446744073709551615", "%zu", (size_t)-1);
	EXPECT_FMT(t, "-5", "%zd", (ssize_t)-5);
	EXPECT_FMT(t, "-7", "%td", (ptrdiff_t)-7);
	EXPECT_FMT(t, "-9223372036854775808", "%jd", (intmax_t)LLONG_MIN);
	EXPECT_FMT(t, "18446744073709551615", "%ju", (uintmax_t)-1);
	EXPECT_FMT(t, "1 2 3", "%hhd %lld %d", (signed char)1, 2ll, 3);
}

static void flags(struct ktest *t)
{
	EXPECT_FMT(t, "42   |", "%-5d|", 42);
	EXPECT_FMT(t, "   42|", "%5d|", 42);
	EXPECT_FMT(t, "-0042", "%05d", -42);
	EXPECT_FMT(t, "000ab", "%05x", 0xab);
	EXPECT_FMT(t, "+5 -5", "%+d %+d", 5, -5);
	EXPECT_FMT(t, " 5 -5", "% d % d", 5, -5);
	EXPECT_FMT_UNCHECKED(t, "+5", "%+ d", 5);
	EXPECT_FMT(t, "+0", "%+d", 0);
	EXPECT_FMT(t, "  +42", "%+5d", 42);
	EXPECT_FMT(t, "+0042", "%+05d", 42);
	EXPECT_FMT(t, "0xff 0XFF", "%#x %#X", 0xff, 0xff);
	EXPECT_FMT(t, "010", "%#o", 8);
	EXPECT_FMT(t, "0", "%#o", 0);
	EXPECT_FMT(t, "0", "%#x", 0);
	EXPECT_FMT(t, "0x0000ff", "%#08x", 0xff);
	EXPECT_FMT(t, "0xff    |", "%-#8x|", 0xff);
	EXPECT_FMT(t, "12", "%1d", 12);
	EXPECT_FMT_UNCHECKED(t, "42   |", "%-05d|", 42);
}

static void precision(struct ktest *t)
{
	EXPECT_FMT(t, "007", "%.3d", 7);
	EXPECT_FMT(t, "-007", "%.3d", -7);
	EXPECT_FMT(t, "12345", "%.3d", 12345);
	EXPECT_FMT(t, "", "%.0d", 0);
	EXPECT_FMT(t, "     |", "%5.0d|", 0);
	EXPECT_FMT(t, "", "%.d", 0);
	EXPECT_FMT(t, "00a", "%.3x", 0xa);
	EXPECT_FMT(t, "0x00a", "%#.3x", 0xa);
	EXPECT_FMT(t, "010", "%#.3o", 8);
	EXPECT_FMT(t, "0", "%#.0o", 0);
	EXPECT_FMT(t, "+007  |", "%-+6.3d|", 7);
	/* A precision turns off '0' padding. */
	EXPECT_FMT_UNCHECKED(t, "     007", "%08.3d", 7);
}

static void star_arguments(struct ktest *t)
{
	EXPECT_FMT(t, "   42", "%*d", 5, 42);
	EXPECT_FMT(t, "42   |", "%*d|", -5, 42);
	EXPECT_FMT(t, "   007", "%*.*d", 6, 3, 7);
	EXPECT_FMT(t, "abc", "%.*s", 3, "abcdef");
	EXPECT_FMT(t, "42", "%.*d", -1, 42);
	EXPECT_FMT(t, "ab  |", "%-*s|", 4, "ab");
	EXPECT_FMT(t, "  x", "%*c", 3, 'x');
}

static void strings_and_chars(struct ktest *t)
{
	static const char unterminated[3] = { 'x', 'y', 'z' };
	int len;

	EXPECT_FMT(t, "hi", "%s", "hi");
	EXPECT_FMT(t, "   ab|", "%5s|", "ab");
	EXPECT_FMT(t, "ab   |", "%-5s|", "ab");
	EXPECT_FMT(t, "abcdef", "%2s", "abcdef");
	EXPECT_FMT(t, "ab", "%.10s", "ab");
	EXPECT_FMT(t, "", "%s", "");
	EXPECT_FMT_UNCHECKED(t, "(null)", "%s", NULL);
	EXPECT_FMT_UNCHECKED(t, "(n", "%.2s", NULL);
	EXPECT_FMT_UNCHECKED(t, "[  (null)]", "[%8s]", NULL);
	/* With a precision the string need not be terminated. */
	EXPECT_FMT(t, "xyz", "%.3s", unterminated);
	EXPECT_FMT(t, "A", "%c", 'A');
	EXPECT_FMT(t, "  x|x  |", "%3c|%-3c|", 'x', 'x');

	/* %c of 0 stores a NUL inside the output and counts it. */
	memset(buf, 'X', 4);
	len = snprintf(buf, sizeof(buf), "a%cb", 0);
	KTEST_EXPECT_EQ(t, len, 3);
	KTEST_EXPECT_MEMEQ(t, buf, "a\0b\0", 4);
}

static void pointers(struct ktest *t)
{
	EXPECT_FMT(t, "0x1234", "%p", (void *)0x1234);
	EXPECT_FMT(t, "0x0", "%p", NULL);
	EXPECT_FMT(t, "0xffffffff81000000", "%p", (void *)0xffffffff81000000ul);
	EXPECT_FMT(t, "  0xabc|0xabc  |", "%7p|%-7p|", (void *)0xabc,
		   (void *)0xabc);
}

static void truncation(struct ktest *t)
{
	char small[8];
	int len;

	memset(small, 'X', sizeof(small));
	len = snprintf(small, 5, "%s", "hello world");
	KTEST_EXPECT_EQ(t, len, 11);
	KTEST_EXPECT_MEMEQ(t, small, "hell\0XXX", 8);

	memset(small, 'X', sizeof(small));
	len = snprintf(small, 1, "abc");
	KTEST_EXPECT_EQ(t, len, 3);
	KTEST_EXPECT_MEMEQ(t, small, "\0XXXXXXX", 8);

	len = snprintf(NULL, 0, "%d-%s", -123, "ab");
	KTEST_EXPECT_EQ(t, len, 7);

	memset(small, 'X', sizeof(small));
	len = snprintf(small, 4, "%d", -12345);
	KTEST_EXPECT_EQ(t, len, 6);
	KTEST_EXPECT_MEMEQ(t, small, "-12\0XXXX", 8);

	memset(small, 'X', sizeof(small));
	len = snprintf(small, 8, "%7s", "ab");
	KTEST_EXPECT_EQ(t, len, 7);
	KTEST_EXPECT_MEMEQ(t, small, "     ab\0", 8);

	memset(small, 'X', sizeof(small));
	len = snprintf(small, 7, "%7s", "ab");
	KTEST_EXPECT_EQ(t, len, 7);
	KTEST_EXPECT_MEMEQ(t, small, "     a\0X", 8);
}

static void scnprintf_counts(struct ktest *t)
{
	static const struct {
		size_t size;
		int len;
	} sizes[] = { { 8, 2 }, { 3, 2 }, { 2, 1 }, { 1, 0 } };
	char small[8];
	unsigned int i;
	int len;

	len = scnprintf(small, 5, "%s", "hello world");
	KTEST_EXPECT_EQ(t, len, 4);
	KTEST_EXPECT_STREQ(t, small, "hell");
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		len = scnprintf(small, sizes[i].size, "%d", 42);
		KTEST_EXPECT_EQ(t, len, sizes[i].len);
	}
	len = scnprintf(NULL, 0, "%d", 42);
	KTEST_EXPECT_EQ(t, len, 0);

	/* The reason scnprintf exists: appending never runs past the end. */
	len = 0;
	len += scnprintf(small + len, sizeof(small) - len, "%s", "abc");
	len += scnprintf(small + len, sizeof(small) - len, "%s", "defgh");
	len += scnprintf(small + len, sizeof(small) - len, "%s", "ijk");
	KTEST_EXPECT_EQ(t, len, 7);
	KTEST_EXPECT_STREQ(t, small, "abcdefg");
}

static void sprintf_unbounded(struct ktest *t)
{
	int len;

	memset(buf, 'X', 16);
	len = sprintf(buf, "%s=%#x", "val", 0x10);
	KTEST_EXPECT_EQ(t, len, 8);
	KTEST_EXPECT_MEMEQ(t, buf, "val=0x10\0X", 10);
}

static void bad_formats(struct ktest *t)
{
	/* An unknown conversion ends the output, as in Linux. */
	EXPECT_FMT_UNCHECKED(t, "ab", "ab%yc%d", 1);
	EXPECT_FMT_UNCHECKED(t, "ab", "ab%n", NULL);
	EXPECT_FMT_UNCHECKED(t, "abc", "abc%", 1);
	EXPECT_FMT_UNCHECKED(t, "%|", "%-5%|", 1);
}

static struct ktest_case vsprintf_cases[] = {
	KTEST_CASE(integers),
	KTEST_CASE(extremes),
	KTEST_CASE(length_modifiers),
	KTEST_CASE(flags),
	KTEST_CASE(precision),
	KTEST_CASE(star_arguments),
	KTEST_CASE(strings_and_chars),
	KTEST_CASE(pointers),
	KTEST_CASE(truncation),
	KTEST_CASE(scnprintf_counts),
	KTEST_CASE(sprintf_unbounded),
	KTEST_CASE(bad_formats),
	{}
};

static struct ktest_suite vsprintf_suite = {
	.name = "vsprintf",
	.cases = vsprintf_cases,
};
ktest_register_suite(vsprintf_suite);
