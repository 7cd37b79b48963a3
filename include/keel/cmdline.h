/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for parsing the kernel command line and option strings
 * (lib/cmdline.c), with Linux's semantics.
 */
#ifndef _KEEL_CMDLINE_H
#define _KEEL_CMDLINE_H

#include <keel/types.h>

char *next_arg(char *args, char **param, char **val);
bool parameqn(const char *a, const char *b, size_t n);
bool parameq(const char *a, const char *b);
int get_option(char **str, int *pint);
unsigned long long memparse(const char *ptr, char **retptr);

#endif /* _KEEL_CMDLINE_H */
