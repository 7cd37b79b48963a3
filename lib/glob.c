// SPDX-License-Identifier: GPL-2.0
/*
 * glob_match() with Linux's semantics: '*' matches any run of characters
 * ('/' and leading '.' included), '?' any one, "[a-z0]" a class and
 * "[!...]" its complement; '\' makes the next character literal.  A ']'
 * first in a class is a member, and a '[' with no closing ']' is literal.
 *
 * Only the most recent '*' is ever retried, which suffices because a later
 * '*' can absorb whatever an earlier one could.  That keeps the matcher
 * non-recursive and its time at most strlen(pat) * strlen(str).
 */
#include <keel/glob.h>

/*
 * Matches @c against the class whose '[' is at *@pat and on success moves
 * *@pat past its ']'.  Returns false, leaving *@pat, if the class has no
 * ']', so that the caller can match the '[' literally.
 */
static bool parse_class(const char **pat, unsigned char c, bool *matched)
{
	const char *p = *pat + 1;
	bool inverted = *p == '!';
	bool hit = false;

	p += inverted;
	/* The first member may be ']': the test is at the bottom. */
	do {
		unsigned char lo = *p, hi = lo;

		if (!lo)
			return false;
		if (p[1] == '-' && p[2] != ']') {
			hi = p[2];
			if (!hi)
				return false;
			p += 2;
		}
		hit |= lo <= c && c <= hi;
		p++;
	} while (*p != ']');

	*matched = hit != inverted;
	*pat = p + 1;
	return true;
}

/*
 * Matches the one pattern element at *@pat (anything but '*') against @c,
 * which may be the terminating NUL, and moves *@pat past the element.
 */
static bool match_element(const char **pat, unsigned char c)
{
	unsigned char d = **pat;
	bool matched;

	switch (d) {
	case '?':
		(*pat)++;
		return c != '\0';
	case '[':
		if (c != '\0' && parse_class(pat, c, &matched))
			return matched;
		break;
	case '\\':
		/* As in Linux, a trailing '\' matches only the end of @str. */
		d = *++*pat;
		break;
	}
	(*pat)++;
	return c == d;
}

bool glob_match(const char *pat, const char *str)
{
	const char *star_pat = NULL, *star_str = NULL;

	for (;;) {
		if (*pat == '*') {
			pat++;
			if (!*pat)
				return true;
			/* Try matching nothing first; widen on failure. */
			star_pat = pat;
			star_str = str;
			continue;
		}
		if (match_element(&pat, *str)) {
			if (!*str)
				return true;
			str++;
			continue;
		}
		if (!*str || !star_pat)
			return false;
		pat = star_pat;
		str = ++star_str;
	}
}
