// SPDX-License-Identifier: GPL-2.0
/*
 * String to integer conversion with Linux's rules: kstrto*() accept exactly
 * one number and fail on anything else; simple_strto*() parse a prefix and
 * report where they stopped.  Digits go up to base 16, as in Linux.
 */
#include <keel/ctype.h>
#include <keel/errno.h>
#include <keel/kstrtox.h>

/*
 * Resolves base 0 to 16 ("0x" followed by a hex digit), 8 (a leading "0")
 * or 10, and steps over a "0x" prefix in base 16.
 */
static const char *fixup_radix(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] != '0')
			*base = 10;
		else if (tolower(s[1]) == 'x' && isxdigit(s[2]))
			*base = 16;
		else
			*base = 8;
	}
	if (*base == 16 && s[0] == '0' && tolower(s[1]) == 'x')
		s += 2;
	return s;
}

static unsigned int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	if (isxdigit(c))
		return tolower(c) - 'a' + 10;
	return 16;	/* not a digit in any supported base */
}

/*
 * Accumulates the digits at @s into *@res and returns how many there were.
 * On overflow it carries on (the value wraps) but sets *@overflow, so the
 * callers that care can fail and the others still find the end.
 */
static size_t parse_digits(const char *s, unsigned int base,
			   unsigned long long *res, bool *overflow)
{
	unsigned long long value = 0;
	unsigned int digit;
	size_t n;

	*overflow = false;
	for (n = 0; (digit = digit_value(s[n])) < base; n++) {
		if (value > (~0ull - digit) / base)
			*overflow = true;
		value = value * base + digit;
	}
	*res = value;
	return n;
}

/* Parses all of @s as one unsigned number, allowing a trailing newline. */
static int parse_ull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long value;
	bool overflow;
	size_t n;

	s = fixup_radix(s, &base);
	n = parse_digits(s, base, &value, &overflow);
	if (overflow)
		return -ERANGE;
	if (!n)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = value;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return parse_ull(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long value;
	int ret;

	if (s[0] == '-') {
		ret = parse_ull(s + 1, base, &value);
		if (ret)
			return ret;
		/* The magnitude of LLONG_MIN is one more than LLONG_MAX. */
		if (value > (unsigned long long)__LONG_LONG_MAX__ + 1)
			return -ERANGE;
		*res = (long long)(0ull - value);
		return 0;
	}
	ret = kstrtoull(s, base, &value);
	if (ret)
		return ret;
	if (value > __LONG_LONG_MAX__)
		return -ERANGE;
	*res = value;
	return 0;
}

/* The narrower types parse at full width, then check that the value fits. */
#define DEFINE_KSTRTO(name, type, wide_type, wide_fn)			\
int name(const char *s, unsigned int base, type *res)			\
{									\
	wide_type value;						\
	int ret = wide_fn(s, base, &value);				\
									\
	if (ret)							\
		return ret;						\
	if (value != (type)value)					\
		return -ERANGE;						\
	*res = value;							\
	return 0;							\
}

DEFINE_KSTRTO(kstrtoul, unsigned long, unsigned long long, kstrtoull)
DEFINE_KSTRTO(kstrtol, long, long long, kstrtoll)
DEFINE_KSTRTO(kstrtouint, unsigned int, unsigned long long, kstrtoull)
DEFINE_KSTRTO(kstrtoint, int, long long, kstrtoll)
DEFINE_KSTRTO(kstrtou64, u64, unsigned long long, kstrtoull)
DEFINE_KSTRTO(kstrtos64, s64, long long, kstrtoll)
DEFINE_KSTRTO(kstrtou32, u32, unsigned long long, kstrtoull)
DEFINE_KSTRTO(kstrtos32, s32, long long, kstrtoll)
DEFINE_KSTRTO(kstrtou16, u16, unsigned long long, kstrtoull)
DEFINE_KSTRTO(kstrtos16, s16, long long, kstrtoll)
DEFINE_KSTRTO(kstrtou8, u8, unsigned long long, kstrtoull)
DEFINE_KSTRTO(kstrtos8, s8, long long, kstrtoll)

/*
 * Linux's boolean spellings: y/Y/t/T/1 and "on" are true, n/N/f/F/0 and
 * "off" are false; only the first one or two characters are looked at.
 */
int kstrtobool(const char *s, bool *res)
{
	switch (s[0]) {
	case 'y': case 'Y': case 't': case 'T': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case 'f': case 'F': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (tolower(s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (tolower(s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base)
{
	unsigned long long value;
	bool overflow;

	cp = fixup_radix(cp, &base);
	cp += parse_digits(cp, base, &value, &overflow);
	if (endp)
		*endp = (char *)cp;
	return value;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}

long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return (long long)(0ull - simple_strtoull(cp + 1, endp, base));
	return simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoll(cp, endp, base);
}
