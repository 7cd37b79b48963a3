/* SPDX-License-Identifier: GPL-2.0 */
/*
 * open() and *at() flags, openat2()'s how, renameat2() and lseek()
 * arguments: the user ABI headers, and the timestamps utimensat() takes.
 */
#ifndef _KEEL_FCNTL_H
#define _KEEL_FCNTL_H

#include <uapi/linux/fcntl.h>
#include <uapi/linux/fs.h>
#include <uapi/linux/openat2.h>

#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)

#endif /* _KEEL_FCNTL_H */
