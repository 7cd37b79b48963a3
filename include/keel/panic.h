/* SPDX-License-Identifier: GPL-2.0 */
/*
 * panic() and the oops bookkeeping around it.
 */
#ifndef _KEEL_PANIC_H
#define _KEEL_PANIC_H

#include <keel/compiler.h>

/* Seconds before rebooting after a panic; 0 waits forever, < 0 at once. */
extern int panic_timeout;
extern int oops_in_progress;

__noreturn void panic(const char *fmt, ...) __printf(1, 2);
void oops_begin(void);

#endif /* _KEEL_PANIC_H */
