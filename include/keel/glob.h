/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shell-style wildcard matching (lib/glob.c), for test filters, boot
 * options and device lists rather than path names.
 */
#ifndef _KEEL_GLOB_H
#define _KEEL_GLOB_H

#include <keel/types.h>

bool glob_match(const char *pat, const char *str);

#endif /* _KEEL_GLOB_H */
