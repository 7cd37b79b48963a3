/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User memory for KTEST suites that call the file system calls, whose
 * data buffers are user memory (__user): a window of KTEST_UBUF_SIZE
 * bytes mapped at the user address KTEST_UBUF with _PAGE_USER before the
 * suites run (lib/ktest/user.c), the page after it left unmapped.  The
 * kernel reaches the same bytes through ktest_ubuf_kaddr().
 *
 * ktest_read() and friends take kernel buffers: they stage the data in
 * the window, call ksys_read() and friends on it, and copy the result
 * back, so a suite checks the real system-call path with plain arrays.
 */
#ifndef _KEEL_KTEST_USER_H
#define _KEEL_KTEST_USER_H

#include <keel/compiler.h>
#include <keel/fs_types.h>
#include <keel/types.h>
#include <asm/page.h>

#define KTEST_UBUF		0x50000000UL	/* no other user mapping there */
#define KTEST_UBUF_ORDER	5
#define KTEST_UBUF_SIZE		(PAGE_SIZE << KTEST_UBUF_ORDER)
/* The window's last page holds ktest_readv()/ktest_writev()'s iovecs. */
#define KTEST_UBUF_DATA		(KTEST_UBUF_SIZE - PAGE_SIZE)

struct kvec;

/* Map the window: 0 or -errno.  The executor calls it before the suites. */
int ktest_user_setup(void);
/* The window (NULL if it could not be mapped) and its kernel alias. */
char __user *ktest_ubuf(void);
char *ktest_ubuf_kaddr(void);

/* Through the window; -E2BIG for more than KTEST_UBUF_DATA bytes. */
ssize_t ktest_read(unsigned int fd, void *buf, size_t count);
ssize_t ktest_write(unsigned int fd, const void *buf, size_t count);
ssize_t ktest_pread64(unsigned int fd, void *buf, size_t count, loff_t pos);
ssize_t ktest_pwrite64(unsigned int fd, const void *buf, size_t count,
		       loff_t pos);
/*
 * The segments laid out one after another in the window.  A count the
 * kernel must refuse (negative, more than fit in a page) is passed on
 * as it is with the iovecs left unwritten; so is a segment too long for
 * the window.
 */
ssize_t ktest_readv(unsigned int fd, const struct kvec *kv, int cnt);
ssize_t ktest_writev(unsigned int fd, const struct kvec *kv, int cnt);

#endif /* _KEEL_KTEST_USER_H */
