/* SPDX-License-Identifier: GPL-2.0 */
/*
 * String to integer conversion (lib/kstrtox.c).
 *
 * kstrto*() take the whole string: an optional sign ('-' only for signed
 * types), digits in @base (0 detects "0x" and "0" prefixes) and at most
 * one trailing newline.  They return 0, -EINVAL for anything else, or
 * -ERANGE if the value does not fit; *res is written only on success.
 *
 * simple_strto*() stop at the first invalid character, report it through
 * @endp and neither detect overflow nor fail: prefer kstrto*().
 */
#ifndef _KEEL_KSTRTOX_H
#define _KEEL_KSTRTOX_H

#include <keel/types.h>

int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtou64(const char *s, unsigned int base, u64 *res);
int kstrtos64(const char *s, unsigned int base, s64 *res);
int kstrtou32(const char *s, unsigned int base, u32 *res);
int kstrtos32(const char *s, unsigned int base, s32 *res);
int kstrtou16(const char *s, unsigned int base, u16 *res);
int kstrtos16(const char *s, unsigned int base, s16 *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
int kstrtos8(const char *s, unsigned int base, s8 *res);
int kstrtobool(const char *s, bool *res);

unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);

#endif /* _KEEL_KSTRTOX_H */
