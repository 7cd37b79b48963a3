/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory and string routines with Linux's semantics (lib/string.c).
 * strcpy/strncpy/strlcpy are deliberately absent: use strscpy().
 */
#ifndef _KEEL_STRING_H
#define _KEEL_STRING_H

#include <keel/types.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memchr_inv(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strnchr(const char *s, size_t n, int c);
char *strstr(const char *haystack, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strsep(char **s, const char *delim);
ssize_t strscpy(char *dest, const char *src, size_t size);

char *skip_spaces(const char *s);
char *strim(char *s);

#endif /* _KEEL_STRING_H */
