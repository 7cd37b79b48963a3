/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Formatted output into buffers (lib/vsprintf.c).  vsnprintf and snprintf
 * return the length the whole output would have had; the scnprintf pair
 * returns what was actually stored, so results can be summed safely.
 */
#ifndef _KEEL_SPRINTF_H
#define _KEEL_SPRINTF_H

#include <keel/compiler.h>
#include <keel/types.h>

#include <stdarg.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
	__printf(3, 0);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
	__printf(3, 0);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);

#endif /* _KEEL_SPRINTF_H */
