// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for poll, ppoll, select and pselect6 through the system-call
 * table: a pipe's readiness before and after a write and after its other
 * end closes, files without ->poll always ready, /dev/kmsg and ttyS0, POLLNVAL and -EBADF for
 * closed fds, timeouts of zero (no wait) and 20 ms (slept through the
 * timer, then the time left written back as zero), and the argument
 * errors.  No other task writes while a call sleeps, so every sleeping
 * case ends by its timeout.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/ktest.h>
#include <keel/poll.h>
#include <keel/printk.h>
#include <keel/sched/signal.h>
#include <keel/string.h>
#include <keel/timekeeping.h>
#include <asm/unistd.h>
#include <uapi/linux/time_types.h>
#include "file_test.h"

#define WAIT_MS		20

static int poll_init(struct ktest *t)
{
	ktest_ureset();
	return ktest_ubuf() ? 0 : -ENOMEM;
}

/* Poll @n entries at @u with @timeout ms; the results stay in @u. */
static long do_poll(struct pollfd __user *u, unsigned int n, int timeout)
{
	return ktest_syscall3(__NR_poll, u, n, timeout);
}

static void pipe_readiness(struct ktest *t)
{
	struct pollfd __user *u = ktest_ualloc(4 * sizeof(struct pollfd));
	struct pollfd *p = ktest_ukaddr(u);
	int fds[2];
	long fd;

	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, 0), 0);
	p[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	p[1] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	/* Nothing to read yet: only the write end is ready. */
	KTEST_EXPECT_EQ(t, do_poll(u, 1, 0), 0);
	KTEST_EXPECT_EQ(t, p[0].revents, 0);
	KTEST_EXPECT_EQ(t, do_poll(u, 2, 0), 1);
	KTEST_EXPECT_EQ(t, p[0].revents, 0);
	KTEST_EXPECT_EQ(t, p[1].revents, POLLOUT);
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], "x", 1), 1);
	KTEST_EXPECT_EQ(t, do_poll(u, 2, 0), 2);
	KTEST_EXPECT_EQ(t, p[0].revents, POLLIN);
	p[0].events = POLLIN | POLLRDNORM | POLLOUT;
	KTEST_EXPECT_EQ(t, do_poll(u, 1, -1), 1);
	KTEST_EXPECT_EQ(t, p[0].revents, POLLIN | POLLRDNORM);

	/* A negative fd is skipped, a closed one is POLLNVAL and counts. */
	p[2] = (struct pollfd){ .fd = -1, .events = POLLIN, .revents = 7 };
	p[3] = (struct pollfd){ .fd = 999, .events = POLLIN };
	KTEST_EXPECT_EQ(t, do_poll(u + 2, 2, 0), 1);
	KTEST_EXPECT_EQ(t, p[2].revents, 0);
	KTEST_EXPECT_EQ(t, p[3].revents, POLLNVAL);

	/* The writer gone: readable (the byte) and hung up, unasked. */
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);
	p[0].events = 0;
	KTEST_EXPECT_EQ(t, do_poll(u, 1, 0), 1);
	KTEST_EXPECT_EQ(t, p[0].revents, POLLHUP);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);

	/* A file without ->poll is ready both ways: a ramfs file. */
	KTEST_ASSERT_EQ(t, ftest_put_file("/poll_f", "", 0), 0);
	fd = ksys_openat(AT_FDCWD, "/poll_f", O_RDONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	p[0] = (struct pollfd){ .fd = fd, .events = POLLIN | POLLOUT };
	KTEST_EXPECT_EQ(t, do_poll(u, 1, 0), 1);
	KTEST_EXPECT_EQ(t, p[0].revents, POLLIN | POLLOUT);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/poll_f", 0), 0);
}

/*
 * Devices: /dev/null has no ->poll (always ready), /dev/kmsg is readable
 * while a record is unread, ttyS0 always writable.
 */
static void device_files(struct ktest *t)
{
	struct pollfd __user *u = ktest_ualloc(sizeof(struct pollfd));
	struct pollfd *p = ktest_ukaddr(u);
	long fd;

	fd = ksys_openat(AT_FDCWD, "/dev/null", O_RDWR, 0);
	if (fd < 0) {
		ktest_skip(t, "needs /dev/null");
		return;
	}
	*p = (struct pollfd){ .fd = fd, .events = POLLIN | POLLOUT };
	KTEST_EXPECT_EQ(t, do_poll(u, 1, 0), 1);
	KTEST_EXPECT_EQ(t, p->revents, POLLIN | POLLOUT);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);

	fd = ksys_openat(AT_FDCWD, "/dev/kmsg", O_RDONLY, 0);
	if (fd >= 0) {
		*p = (struct pollfd){ .fd = fd, .events = POLLIN };
		/* The boot's records are there from the oldest kept on. */
		KTEST_EXPECT_EQ(t, do_poll(u, 1, 0), 1);
		KTEST_EXPECT_EQ(t, p->revents, POLLIN);
		KTEST_EXPECT_GE(t, ksys_lseek(fd, 0, SEEK_END), 0);
		KTEST_EXPECT_EQ(t, do_poll(u, 1, 0), 0);
		pr_info("poll_test: a record for /dev/kmsg\n");
		KTEST_EXPECT_EQ(t, do_poll(u, 1, 0), 1);
		KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	}
	fd = ksys_openat(AT_FDCWD, "/dev/ttyS0", O_RDWR | O_NONBLOCK, 0);
	if (fd >= 0) {
		*p = (struct pollfd){ .fd = fd, .events = POLLOUT };
		KTEST_EXPECT_EQ(t, do_poll(u, 1, 0), 1);
		KTEST_EXPECT_EQ(t, p->revents, POLLOUT);
		KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	}
}

static void poll_errors(struct ktest *t)
{
	struct pollfd __user *u = ktest_ualloc(sizeof(struct pollfd));
	struct __kernel_timespec __user *uts = ktest_ualloc(sizeof(*uts));
	struct __kernel_timespec *ts = ktest_ukaddr(uts);
	sigset_t __user *mask = ktest_ualloc(sizeof(sigset_t));
	struct pollfd *p = ktest_ukaddr(u);

	KTEST_EXPECT_EQ(t, sizeof(struct pollfd), 8);
	KTEST_EXPECT_EQ(t, sizeof(sigset_t), 8);
	KTEST_EXPECT_EQ(t, do_poll((void __user *)0x10, 1, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, do_poll(u, 1025, 0), -EINVAL);
	/* Nothing to poll, no time to wait: 0 at once. */
	KTEST_EXPECT_EQ(t, do_poll(NULL, 0, 0), 0);
	p->fd = -1;
	ts->tv_nsec = 1000000000;
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_ppoll, u, 1, uts, NULL, 0),
			-EINVAL);
	ts->tv_nsec = 0;
	ts->tv_sec = -1;
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_ppoll, u, 1, uts, NULL, 0),
			-EINVAL);
	ts->tv_sec = 0;
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_ppoll, u, 1, 0x10, NULL, 0),
			-EFAULT);
	/* The signal mask must be a whole sigset_t. */
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_ppoll, u, 1, uts, mask, 4),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_ppoll, u, 1, uts, 0x10,
					  sizeof(sigset_t)), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_ppoll, u, 1, uts, mask,
					  sizeof(sigset_t)), 0);
}

/* A timed wait on an empty pipe lasts its timeout and no less. */
static void timeouts(struct ktest *t)
{
	struct pollfd __user *u = ktest_ualloc(sizeof(struct pollfd));
	struct __kernel_timespec __user *uts = ktest_ualloc(sizeof(*uts));
	struct __kernel_timespec *ts = ktest_ukaddr(uts);
	struct pollfd *p = ktest_ukaddr(u);
	int fds[2];
	u64 start;

	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, 0), 0);
	p->fd = fds[0];
	p->events = POLLIN;
	start = ktime_get_ns();
	KTEST_EXPECT_EQ(t, do_poll(u, 1, WAIT_MS), 0);
	KTEST_EXPECT_GE(t, ktime_get_ns() - start, WAIT_MS * NSEC_PER_MSEC);
	/* ppoll writes back the time left: none. */
	ts->tv_nsec = WAIT_MS * NSEC_PER_MSEC;
	start = ktime_get_ns();
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_ppoll, u, 1, uts, NULL, 0), 0);
	KTEST_EXPECT_GE(t, ktime_get_ns() - start, WAIT_MS * NSEC_PER_MSEC);
	KTEST_EXPECT_EQ(t, ts->tv_sec, 0);
	KTEST_EXPECT_EQ(t, ts->tv_nsec, 0);
	/* Ready at once: almost all the time is left. */
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], "x", 1), 1);
	ts->tv_sec = 5;
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_ppoll, u, 1, uts, NULL, 0), 1);
	KTEST_EXPECT_LE(t, ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec,
			5 * NSEC_PER_SEC);
	KTEST_EXPECT_GT(t, ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec,
			4 * NSEC_PER_SEC);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);
}

static void select_calls(struct ktest *t)
{
	unsigned long __user *urd = ktest_ualloc(sizeof(long));
	unsigned long __user *uwr = ktest_ualloc(sizeof(long));
	struct __kernel_old_timeval __user *utv = ktest_ualloc(sizeof(*utv));
	struct __kernel_old_timeval *tv = ktest_ukaddr(utv);
	unsigned long *rd = ktest_ukaddr(urd), *wr = ktest_ukaddr(uwr);
	unsigned long __user *argpack = ktest_ualloc(2 * sizeof(long));
	int fds[2];
	u64 start;
	char c;

	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, 0), 0);
	KTEST_ASSERT_LT(t, fds[1], 64);
	/* Empty pipe, zero timeout: nothing, and the sets come back empty. */
	*rd = 1UL << fds[0];
	*wr = 1UL << fds[1];
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_select, fds[1] + 1, urd, NULL,
					  NULL, utv), 0);
	KTEST_EXPECT_EQ(t, *rd, 0);
	*rd = 1UL << fds[0];
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_select, fds[1] + 1, urd, uwr,
					  NULL, utv), 1);
	KTEST_EXPECT_EQ(t, *rd, 0);
	KTEST_EXPECT_EQ(t, *wr, 1UL << fds[1]);
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], "x", 1), 1);
	*rd = 1UL << fds[0];
	*wr = 1UL << fds[1];
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_select, fds[1] + 1, urd, uwr,
					  NULL, NULL), 2);
	KTEST_EXPECT_EQ(t, *rd, 1UL << fds[0]);
	KTEST_EXPECT_EQ(t, *wr, 1UL << fds[1]);
	KTEST_EXPECT_EQ(t, ktest_read(fds[0], &c, 1), 1);

	/* Errors: a closed fd, a negative n, a bad timeout or set. */
	*rd = 1UL << 60;
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_select, 61, urd, NULL, NULL,
					  utv), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_select, -1, urd, NULL, NULL,
					  utv), -EINVAL);
	tv->tv_usec = -1;
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_select, 1, NULL, NULL, NULL,
					  utv), -EINVAL);
	tv->tv_usec = 0;
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_select, fds[1] + 1, 0x10, NULL,
					  NULL, utv), -EFAULT);

	/* A timed wait: at least its timeout, then zero left. */
	*rd = 1UL << fds[0];
	tv->tv_usec = WAIT_MS * 1000;
	start = ktime_get_ns();
	KTEST_EXPECT_EQ(t, ktest_syscall5(__NR_select, fds[1] + 1, urd, NULL,
					  NULL, utv), 0);
	KTEST_EXPECT_GE(t, ktime_get_ns() - start, WAIT_MS * NSEC_PER_MSEC);
	KTEST_EXPECT_EQ(t, tv->tv_sec, 0);
	KTEST_EXPECT_EQ(t, tv->tv_usec, 0);

	/* pselect6: the mask comes as {pointer, size}; NULL is none. */
	*wr = 1UL << fds[1];
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_pselect6, fds[1] + 1, 0,
					 (unsigned long)uwr, 0, 0,
					 (unsigned long)argpack), 1);
	((unsigned long *)ktest_ukaddr(argpack))[0] =
		(unsigned long)ktest_ualloc(sizeof(sigset_t));
	((unsigned long *)ktest_ukaddr(argpack))[1] = 4;
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_pselect6, fds[1] + 1, 0,
					 (unsigned long)uwr, 0, 0,
					 (unsigned long)argpack), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_pselect6, fds[1] + 1, 0,
					 (unsigned long)uwr, 0, 0, 0x10),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);
}

static struct ktest_case poll_cases[] = {
	KTEST_CASE(pipe_readiness),
	KTEST_CASE(device_files),
	KTEST_CASE(poll_errors),
	KTEST_CASE(timeouts),
	KTEST_CASE(select_calls),
	{}
};

static struct ktest_suite poll_suite = {
	.name = "poll",
	.init = poll_init,
	.cases = poll_cases,
};
ktest_register_suite(poll_suite);
