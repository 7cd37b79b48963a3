// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for lib/string.c and <keel/ctype.h>: exact return values,
 * bytes written (and not written past the end), and Linux's edge cases
 * such as strscpy() truncation and strsep() on empty tokens.
 */
#include <keel/ctype.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/string.h>

static void memset_memcpy(struct ktest *t)
{
	u8 buf[16], src[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	static const u8 want[16] = {
		0xff, 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 0xff, 0xff,
		0x00, 0x00, 0x00, 0xff,
	};

	KTEST_EXPECT_PTR_EQ(t, memset(buf, 0x1ff, sizeof(buf)), buf);
	KTEST_EXPECT_PTR_EQ(t, memcpy(buf + 2, src, sizeof(src)), buf + 2);
	memset(buf + 12, 0, 3);
	memset(buf + 15, 0, 0);
	memcpy(buf, src, 0);
	KTEST_EXPECT_MEMEQ(t, buf, want, sizeof(want));
}

static void memmove_overlap(struct ktest *t)
{
	char fwd[] = "abcdefgh", back[] = "abcdefgh";

	KTEST_EXPECT_PTR_EQ(t, memmove(fwd + 2, fwd, 5), fwd + 2);
	KTEST_EXPECT_STREQ(t, fwd, "ababcdeh");
	KTEST_EXPECT_PTR_EQ(t, memmove(back, back + 2, 5), back);
	KTEST_EXPECT_STREQ(t, back, "cdefgfgh");
	memmove(back, back, 8);
	KTEST_EXPECT_STREQ(t, back, "cdefgfgh");
}

static void memcmp_sign(struct ktest *t)
{
	static const u8 a[] = { 1, 2, 0x7f }, b[] = { 1, 2, 0x80 };

	KTEST_EXPECT_EQ(t, memcmp(a, a, 3), 0);
	/* Bytes compare as unsigned: 0x80 sorts after 0x7f. */
	KTEST_EXPECT_LT(t, memcmp(a, b, 3), 0);
	KTEST_EXPECT_GT(t, memcmp(b, a, 3), 0);
	KTEST_EXPECT_EQ(t, memcmp(a, b, 2), 0);
	KTEST_EXPECT_EQ(t, memcmp(a, b, 0), 0);
}

static void memchr_and_inv(struct ktest *t)
{
	static const char s[] = "abcabc";
	static const u8 poison[6] = { 0x6b, 0x6b, 0x6b, 0x6b, 0x00, 0x6b };

	KTEST_EXPECT_PTR_EQ(t, memchr(s, 'c', 6), s + 2);
	KTEST_EXPECT_PTR_EQ(t, memchr(s, 0x100 + 'b', 6), s + 1);
	KTEST_EXPECT_PTR_EQ(t, memchr(s, '\0', 7), s + 6);
	KTEST_EXPECT_NULL(t, memchr(s, 'c', 2));
	KTEST_EXPECT_NULL(t, memchr(s, 'x', 6));

	KTEST_EXPECT_NULL(t, memchr_inv(poison, 0x6b, 4));
	KTEST_EXPECT_PTR_EQ(t, memchr_inv(poison, 0x6b, 6), poison + 4);
	KTEST_EXPECT_PTR_EQ(t, memchr_inv(poison, 0x00, 6), poison);
	KTEST_EXPECT_NULL(t, memchr_inv(poison, 0x00, 0));
}

static void strlen_strnlen(struct ktest *t)
{
	static const char unterminated[3] = { 'a', 'b', 'c' };

	KTEST_EXPECT_EQ(t, strlen(""), 0);
	KTEST_EXPECT_EQ(t, strlen("hello"), 5);
	KTEST_EXPECT_EQ(t, strlen("hel\0lo"), 3);
	KTEST_EXPECT_EQ(t, strnlen("hello", 3), 3);
	KTEST_EXPECT_EQ(t, strnlen("hello", 10), 5);
	KTEST_EXPECT_EQ(t, strnlen("hello", 0), 0);
	/* Must not read past @maxlen: the host build's ASan would notice. */
	KTEST_EXPECT_EQ(t, strnlen(unterminated, 3), 3);
}

static void strcmp_strncmp(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, strcmp("abc", "abc"), 0);
	KTEST_EXPECT_EQ(t, strcmp("abc", "abd"), -1);
	KTEST_EXPECT_EQ(t, strcmp("abd", "abc"), 1);
	KTEST_EXPECT_EQ(t, strcmp("ab", "abc"), -1);
	KTEST_EXPECT_EQ(t, strcmp("abc", "ab"), 1);
	KTEST_EXPECT_EQ(t, strcmp("", ""), 0);
	KTEST_EXPECT_EQ(t, strcmp("\x80", "a"), 1);

	KTEST_EXPECT_EQ(t, strncmp("abcx", "abcy", 3), 0);
	KTEST_EXPECT_EQ(t, strncmp("abcx", "abcy", 4), -1);
	KTEST_EXPECT_EQ(t, strncmp("abc", "abc", 100), 0);
	KTEST_EXPECT_EQ(t, strncmp("a", "b", 0), 0);
	KTEST_EXPECT_EQ(t, strncmp("ab", "a", 5), 1);
}

static void strchr_family(struct ktest *t)
{
	static const char s[] = "hello";

	KTEST_EXPECT_PTR_EQ(t, strchr(s, 'l'), s + 2);
	KTEST_EXPECT_PTR_EQ(t, strchr(s, '\0'), s + 5);
	KTEST_EXPECT_NULL(t, strchr(s, 'z'));
	KTEST_EXPECT_PTR_EQ(t, strrchr(s, 'l'), s + 3);
	KTEST_EXPECT_PTR_EQ(t, strrchr(s, 'h'), s);
	KTEST_EXPECT_PTR_EQ(t, strrchr(s, '\0'), s + 5);
	KTEST_EXPECT_NULL(t, strrchr(s, 'z'));

	KTEST_EXPECT_PTR_EQ(t, strnchr(s, 3, 'l'), s + 2);
	KTEST_EXPECT_NULL(t, strnchr(s, 2, 'l'));
	KTEST_EXPECT_NULL(t, strnchr(s, 10, '\0'));
	KTEST_EXPECT_NULL(t, strnchr(s, 10, 'z'));
}

static void strstr_cases(struct ktest *t)
{
	static const char s[] = "abababc";

	KTEST_EXPECT_PTR_EQ(t, strstr(s, "abc"), s + 4);
	KTEST_EXPECT_PTR_EQ(t, strstr(s, "bab"), s + 1);
	KTEST_EXPECT_PTR_EQ(t, strstr(s, ""), s);
	KTEST_EXPECT_PTR_EQ(t, strstr(s, s), s);
	KTEST_EXPECT_NULL(t, strstr(s, "abcd"));
	KTEST_EXPECT_NULL(t, strstr(s, "abababcx"));
	KTEST_EXPECT_NULL(t, strstr("", "a"));
}

static void span_family(struct ktest *t)
{
	static const char s[] = "  \tkey=value";

	KTEST_EXPECT_EQ(t, strspn(s, " \t"), 3);
	KTEST_EXPECT_EQ(t, strspn(s, "x"), 0);
	KTEST_EXPECT_EQ(t, strspn("aaa", "a"), 3);
	KTEST_EXPECT_EQ(t, strcspn(s, "="), 6);
	KTEST_EXPECT_EQ(t, strcspn(s, "#"), 12);
	KTEST_EXPECT_EQ(t, strcspn(s, ""), 12);
	KTEST_EXPECT_PTR_EQ(t, strpbrk(s, "=e"), s + 4);
	KTEST_EXPECT_NULL(t, strpbrk(s, "#!"));
	KTEST_EXPECT_NULL(t, strpbrk(s, ""));
}

static void strsep_tokens(struct ktest *t)
{
	char buf[] = "a,b;;c";
	char *s = buf;

	KTEST_EXPECT_STREQ(t, strsep(&s, ",;"), "a");
	KTEST_EXPECT_PTR_EQ(t, s, buf + 2);
	KTEST_EXPECT_STREQ(t, strsep(&s, ",;"), "b");
	KTEST_EXPECT_STREQ(t, strsep(&s, ",;"), "");
	KTEST_EXPECT_STREQ(t, strsep(&s, ",;"), "c");
	KTEST_EXPECT_NULL(t, s);
	KTEST_EXPECT_NULL(t, strsep(&s, ",;"));
	KTEST_EXPECT_NULL(t, s);
}

static void strscpy_cases(struct ktest *t)
{
	static const char unterminated[4] = { 'w', 'x', 'y', 'z' };
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	KTEST_EXPECT_EQ(t, strscpy(buf, "abc", 8), 3);
	KTEST_EXPECT_MEMEQ(t, buf, "abc\0XXXX", 8);

	memset(buf, 'X', sizeof(buf));
	KTEST_EXPECT_EQ(t, strscpy(buf, "abc", 4), 3);
	KTEST_EXPECT_MEMEQ(t, buf, "abc\0XXXX", 8);

	memset(buf, 'X', sizeof(buf));
	KTEST_EXPECT_EQ(t, strscpy(buf, "abcdef", 4), -E2BIG);
	KTEST_EXPECT_MEMEQ(t, buf, "abc\0XXXX", 8);

	memset(buf, 'X', sizeof(buf));
	KTEST_EXPECT_EQ(t, strscpy(buf, "abc", 1), -E2BIG);
	KTEST_EXPECT_MEMEQ(t, buf, "\0XXXXXXX", 8);
	KTEST_EXPECT_EQ(t, strscpy(buf, "", 1), 0);

	memset(buf, 'X', sizeof(buf));
	KTEST_EXPECT_EQ(t, strscpy(buf, "abc", 0), -E2BIG);
	KTEST_EXPECT_MEMEQ(t, buf, "XXXXXXXX", 8);

	/* Reads no more than @size bytes of the source. */
	KTEST_EXPECT_EQ(t, strscpy(buf, unterminated, 4), -E2BIG);
	KTEST_EXPECT_STREQ(t, buf, "wxy");
}

static void strim_skip_spaces(struct ktest *t)
{
	char a[] = " \t\n hello world \v\f\r ", b[] = "   ", c[] = "";
	char d[] = "x";

	KTEST_EXPECT_STREQ(t, skip_spaces("  \tx y"), "x y");
	KTEST_EXPECT_STREQ(t, skip_spaces("x"), "x");
	KTEST_EXPECT_STREQ(t, strim(a), "hello world");
	KTEST_EXPECT_PTR_EQ(t, strim(a), a + 4);
	KTEST_EXPECT_STREQ(t, strim(b), "");
	KTEST_EXPECT_PTR_EQ(t, strim(c), c);
	KTEST_EXPECT_STREQ(t, strim(d), "x");
}

static void ctype_classes(struct ktest *t)
{
	static const char spaces[] = " \t\n\v\f\r";
	size_t i;

	for (i = 0; i < sizeof(spaces) - 1; i++)
		KTEST_EXPECT_TRUE(t, isspace(spaces[i]));
	KTEST_EXPECT_FALSE(t, isspace('\0'));
	KTEST_EXPECT_FALSE(t, isspace('\b'));
	KTEST_EXPECT_FALSE(t, isspace((char)0xa0));
	KTEST_EXPECT_TRUE(t, isdigit('0'));
	KTEST_EXPECT_TRUE(t, isdigit('9'));
	KTEST_EXPECT_FALSE(t, isdigit('/') || isdigit(':') || isdigit('a'));
	KTEST_EXPECT_TRUE(t, isxdigit('a'));
	KTEST_EXPECT_TRUE(t, isxdigit('F'));
	KTEST_EXPECT_TRUE(t, isxdigit('7'));
	KTEST_EXPECT_FALSE(t, isxdigit('g') || isxdigit('G') || isxdigit('@'));
	KTEST_EXPECT_TRUE(t, isalpha('a'));
	KTEST_EXPECT_TRUE(t, isalpha('Z'));
	KTEST_EXPECT_FALSE(t, isalpha('@') || isalpha('[') || isalpha('`'));
	KTEST_EXPECT_TRUE(t, isalnum('q'));
	KTEST_EXPECT_TRUE(t, isalnum('5'));
	KTEST_EXPECT_FALSE(t, isalnum('_'));
	KTEST_EXPECT_TRUE(t, isupper('Q'));
	KTEST_EXPECT_TRUE(t, islower('q'));
	KTEST_EXPECT_FALSE(t, isupper('q') || islower('Q'));
	KTEST_EXPECT_TRUE(t, isprint(' '));
	KTEST_EXPECT_TRUE(t, isprint('~'));
	KTEST_EXPECT_FALSE(t, isprint('\x7f') || isprint('\n'));
	KTEST_EXPECT_EQ(t, tolower('A'), 'a');
	KTEST_EXPECT_EQ(t, tolower('z'), 'z');
	KTEST_EXPECT_EQ(t, tolower('@'), '@');
	KTEST_EXPECT_EQ(t, toupper('a'), 'A');
	KTEST_EXPECT_EQ(t, toupper('{'), '{');
}

static struct ktest_case string_cases[] = {
	KTEST_CASE(memset_memcpy),
	KTEST_CASE(memmove_overlap),
	KTEST_CASE(memcmp_sign),
	KTEST_CASE(memchr_and_inv),
	KTEST_CASE(strlen_strnlen),
	KTEST_CASE(strcmp_strncmp),
	KTEST_CASE(strchr_family),
	KTEST_CASE(strstr_cases),
	KTEST_CASE(span_family),
	KTEST_CASE(strsep_tokens),
	KTEST_CASE(strscpy_cases),
	KTEST_CASE(strim_skip_spaces),
	KTEST_CASE(ctype_classes),
	{}
};

static struct ktest_suite string_suite = {
	.name = "string",
	.cases = string_cases,
};
ktest_register_suite(string_suite);
