// SPDX-License-Identifier: GPL-2.0
/*
 * Memory and string routines with Linux's semantics, in plain C that the
 * host sanitizers can instrument.  memcpy() and memset(), which clear and
 * copy whole pages, move eight bytes a step once the pointers are
 * aligned: the rest are byte loops, short and obviously correct.
 */
#include <keel/ctype.h>
#include <keel/errno.h>
#include <keel/string.h>

/* A 64-bit word that may alias anything, for the word loops. */
typedef u64 __attribute__((__may_alias__)) word_t;

#define WORD_MASK	(sizeof(word_t) - 1)

void *memcpy(void *dest, const void *src, size_t n)
{
	u8 *d = dest;
	const u8 *s = src;

	/* Words only when both can be aligned at once. */
	if ((((unsigned long)d ^ (unsigned long)s) & WORD_MASK) == 0) {
		while (n && ((unsigned long)d & WORD_MASK)) {
			*d++ = *s++;
			n--;
		}
		for (; n >= sizeof(word_t); n -= sizeof(word_t)) {
			*(word_t *)d = *(const word_t *)s;
			d += sizeof(word_t);
			s += sizeof(word_t);
		}
	}
	while (n--)
		*d++ = *s++;
	return dest;
}

void *memmove(void *dest, const void *src, size_t n)
{
	u8 *d = dest;
	const u8 *s = src;

	/*
	 * Copy away from the overlap: forwards when dest is below src,
	 * backwards when it is above.  Not via memcpy(), which an
	 * architecture may replace with a copy in any order.
	 */
	if (d <= s) {
		while (n--)
			*d++ = *s++;
	} else {
		while (n--)
			d[n] = s[n];
	}
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	word_t pattern = 0x0101010101010101ULL * (u8)c;
	u8 *p = s;

	while (n && ((unsigned long)p & WORD_MASK)) {
		*p++ = (u8)c;
		n--;
	}
	for (; n >= sizeof(word_t); n -= sizeof(word_t)) {
		*(word_t *)p = pattern;
		p += sizeof(word_t);
	}
	while (n--)
		*p++ = (u8)c;
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const u8 *pa = a, *pb = b;

	for (; n; n--, pa++, pb++)
		if (*pa != *pb)
			return *pa - *pb;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const u8 *p = s;

	for (; n; n--, p++)
		if (*p == (u8)c)
			return (void *)p;
	return NULL;
}

/* Finds the first byte that is not @c: checks that a range is all poison. */
void *memchr_inv(const void *s, int c, size_t n)
{
	const u8 *p = s;

	for (; n; n--, p++)
		if (*p != (u8)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}

/* Compares as unsigned char and returns -1, 0 or 1, as Linux does. */
int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		u8 ca = *a, cb = *b;

		if (ca != cb)
			return ca < cb ? -1 : 1;
		if (!ca)
			break;
	}
	return 0;
}

int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, (size_t)-1);
}

/* As in C, the terminating NUL is part of the string: strchr(s, 0) works. */
char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++)
		if (!*s)
			return NULL;
	return (char *)s;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

/* Looks at no more than @n bytes and, unlike strchr, never finds the NUL. */
char *strnchr(const char *s, size_t n, int c)
{
	for (; n && *s; n--, s++)
		if (*s == (char)c)
			return (char *)s;
	return NULL;
}

char *strstr(const char *haystack, const char *needle)
{
	size_t hlen = strlen(haystack), nlen = strlen(needle);

	for (; hlen >= nlen; hlen--, haystack++)
		if (!memcmp(haystack, needle, nlen))
			return (char *)haystack;
	return NULL;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

/*
 * Splits *@s at the first byte from @delim, which it overwrites with a NUL.
 * Returns the token and leaves *@s after it, or NULL at the last token.
 */
char *strsep(char **s, const char *delim)
{
	char *token = *s, *end;

	if (!token)
		return NULL;
	end = strpbrk(token, delim);
	if (end)
		*end++ = '\0';
	*s = end;
	return token;
}

/*
 * Copies the string @src into a buffer of @size bytes, always terminating
 * it unless @size is 0.  Returns the length copied, or -E2BIG if @src did
 * not fit; either way dest holds as much of it as fits.
 */
ssize_t strscpy(char *dest, const char *src, size_t size)
{
	size_t len;

	if (!size)
		return -E2BIG;
	len = strnlen(src, size);
	if (len == size) {
		memcpy(dest, src, size - 1);
		dest[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return len;
}

char *skip_spaces(const char *s)
{
	while (isspace(*s))
		s++;
	return (char *)s;
}

/* Cuts trailing white space in place and returns @s past leading space. */
char *strim(char *s)
{
	size_t len = strlen(s);

	while (len && isspace(s[len - 1]))
		len--;
	s[len] = '\0';
	return skip_spaces(s);
}
