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
 * ktest_syscall() goes through the system-call table itself.
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
/*
 * getdents64 into @buf through the window: @buf's bytes are staged first,
 * so what the call leaves alone (the records' padding) stays as it was.
 */
long ktest_getdents64(unsigned int fd, void *buf, unsigned int count);

/*
 * System-call arguments in user memory: a bump allocator over the
 * window's data pages, from the top down so that ktest_read() and friends
 * (which stage from the bottom) leave them alone; reset before each case
 * (ktest_ureset()), 8-byte aligned and zeroed.  Past the end it returns
 * 0x10, a pointer every call refuses with -EFAULT.  ktest_ukaddr() is
 * the kernel's view of a pointer into the window.
 */
void ktest_ureset(void);
void __user *ktest_ualloc(size_t len);
void __user *ktest_uput(const void *data, size_t len);
char __user *ktest_ustr(const char *s);
void *ktest_ukaddr(const void __user *p);

/*
 * Calls system call @nr through sys_call_table[] with the six argument
 * registers of a struct pt_regs, as the entry code does: what a user
 * program would see in rax.
 */
long ktest_syscall(unsigned int nr, unsigned long a0, unsigned long a1,
		   unsigned long a2, unsigned long a3, unsigned long a4,
		   unsigned long a5);
#define ktest_syscall0(nr)		ktest_syscall(nr, 0, 0, 0, 0, 0, 0)
#define ktest_syscall1(nr, a)						\
	ktest_syscall(nr, (unsigned long)(a), 0, 0, 0, 0, 0)
#define ktest_syscall2(nr, a, b)					\
	ktest_syscall(nr, (unsigned long)(a), (unsigned long)(b), 0, 0, 0, 0)
#define ktest_syscall3(nr, a, b, c)					\
	ktest_syscall(nr, (unsigned long)(a), (unsigned long)(b),	\
		      (unsigned long)(c), 0, 0, 0)
#define ktest_syscall4(nr, a, b, c, d)					\
	ktest_syscall(nr, (unsigned long)(a), (unsigned long)(b),	\
		      (unsigned long)(c), (unsigned long)(d), 0, 0)
#define ktest_syscall5(nr, a, b, c, d, e)				\
	ktest_syscall(nr, (unsigned long)(a), (unsigned long)(b),	\
		      (unsigned long)(c), (unsigned long)(d),		\
		      (unsigned long)(e), 0)

/*
 * Run @fn in a new process (a kernel thread forked with SIGCHLD: its own
 * signal_struct, limits and credentials) and reap it, so a case can
 * change ids, limits or timers without changing the suites' PID 1.
 * Expectations @fn records go to @t.
 */
struct ktest;
void ktest_run_in_child(struct ktest *t, void (*fn)(struct ktest *t));

#endif /* _KEEL_KTEST_USER_H */
