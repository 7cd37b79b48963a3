// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes: pipe2 flags, end of file when the last writer goes, EPIPE and
 * SIGPIPE when the last reader goes, O_NONBLOCK and the pipe's capacity,
 * the readiness poll, ppoll, select and pselect6 report and their
 * timeouts, and PIPE_BUF atomicity between concurrent writers.
 */
#include "kselftest.h"

#include <limits.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <time.h>

#ifndef F_GETPIPE_SZ
#define F_GETPIPE_SZ	1032
#endif

static void pipe2_flags(void)
{
	int fds[2];

	KS_ASSERT_RET(pipe2(fds, O_CLOEXEC | O_NONBLOCK), 0);
	KS_ASSERT_EQ(fcntl(fds[0], F_GETFD), FD_CLOEXEC);
	KS_ASSERT_EQ(fcntl(fds[1], F_GETFD), FD_CLOEXEC);
	KS_ASSERT_EQ(fcntl(fds[0], F_GETFL) & (O_ACCMODE | O_NONBLOCK),
		     O_RDONLY | O_NONBLOCK);
	KS_ASSERT_EQ(fcntl(fds[1], F_GETFL) & (O_ACCMODE | O_NONBLOCK),
		     O_WRONLY | O_NONBLOCK);
	KS_ASSERT_RET(pipe2(fds, 0), 0);
	KS_ASSERT_EQ(fcntl(fds[0], F_GETFD), 0);
	KS_ASSERT_EQ(fcntl(fds[0], F_GETFL) & O_NONBLOCK, 0);
	KS_ASSERT_ERRNO(pipe2(fds, O_APPEND), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_pipe2, (int *)8, 0), EFAULT);
	KS_ASSERT_ERRNO(syscall(SYS_pipe, (int *)8), EFAULT);
	/* The ends go one way. */
	KS_ASSERT_ERRNO(write(fds[0], "x", 1), EBADF);
	KS_ASSERT_ERRNO(read(fds[1], (char[1]){ 0 }, 1), EBADF);
}

static void eof_after_last_writer_closes(void)
{
	char buf[16];
	int fds[2], avail = -1;
	pid_t pid;

	KS_ASSERT_OK(pipe(fds));
	KS_ASSERT_RET(write(fds[1], "abc", 3), 3);
	KS_ASSERT_RET(ioctl(fds[0], FIONREAD, &avail), 0);
	KS_ASSERT_EQ(avail, 3);
	/* A read takes what is there, without waiting for more. */
	KS_ASSERT_RET(read(fds[0], buf, sizeof(buf)), 3);
	/* A child still holds a write end: no EOF until it exits. */
	KS_CHILD(pid, {
		close(fds[0]);
		usleep(50000);
		write(fds[1], "late", 4);
	});
	KS_ASSERT_RET(close(fds[1]), 0);
	KS_ASSERT_RET(ks_read_all(fds[0], buf, sizeof(buf)), 4);
	KS_ASSERT_MEMEQ(buf, "late", 4);
	KS_ASSERT_RET(read(fds[0], buf, sizeof(buf)), 0);
	KS_WAIT(pid, 0);
}

static volatile int sigpipes;

static void count_sigpipe(int sig)
{
	sigpipes++;
}

static void epipe_and_sigpipe(void)
{
	int fds[2];
	pid_t pid;

	KS_ASSERT_OK(pipe(fds));
	KS_ASSERT_RET(close(fds[0]), 0);
	/* By default SIGPIPE kills the writer. */
	KS_CHILD(pid, {
		write(fds[1], "x", 1);
		_exit(0);
	});
	KS_WAIT(pid, KS_W_SIGNALED(SIGPIPE));
	/* Caught, it is delivered, and write fails with EPIPE. */
	KS_ASSERT_TRUE(signal(SIGPIPE, count_sigpipe) != SIG_ERR);
	KS_ASSERT_ERRNO(write(fds[1], "x", 1), EPIPE);
	KS_ASSERT_EQ(sigpipes, 1);
	KS_ASSERT_TRUE(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	KS_ASSERT_ERRNO(write(fds[1], "x", 1), EPIPE);
	KS_ASSERT_EQ(sigpipes, 1);
}

static void nonblock_eagain_and_capacity(void)
{
	char buf[PIPE_BUF];
	int fds[2], size;
	long total = 0, n;

	KS_ASSERT_RET(pipe2(fds, O_NONBLOCK), 0);
	KS_ASSERT_ERRNO(read(fds[0], buf, 1), EAGAIN);
	size = fcntl(fds[0], F_GETPIPE_SZ);
	KS_ASSERT_EQ(size, 65536);
	memset(buf, 'c', sizeof(buf));
	while ((n = write(fds[1], buf, sizeof(buf))) > 0)
		total += n;
	KS_ASSERT_EQ(n, -1);
	KS_ASSERT_EQ(errno, EAGAIN);
	KS_ASSERT_EQ(total, size);
	KS_ASSERT_ERRNO(write(fds[1], buf, 1), EAGAIN);
	/* After a PIPE_BUF read there is room for one PIPE_BUF write. */
	KS_ASSERT_RET(read(fds[0], buf, sizeof(buf)), sizeof(buf));
	KS_ASSERT_RET(write(fds[1], buf, sizeof(buf)), sizeof(buf));
	KS_ASSERT_ERRNO(write(fds[1], buf, 1), EAGAIN);
	/* Drained with the writer gone: EOF, not EAGAIN. */
	KS_ASSERT_RET(close(fds[1]), 0);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0)
		total -= n;
	KS_ASSERT_EQ(n, 0);
	KS_ASSERT_EQ(total, 0);
}

static void poll_reports_readiness(void)
{
	struct rlimit rl;
	struct pollfd p[2];
	struct timespec start;
	int fds[2];

	KS_ASSERT_OK(pipe(fds));
	p[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	p[1] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	KS_ASSERT_RET(poll(p, 2, 0), 1);
	KS_ASSERT_EQ(p[0].revents, 0);
	KS_ASSERT_EQ(p[1].revents, POLLOUT);
	KS_ASSERT_RET(write(fds[1], "x", 1), 1);
	KS_ASSERT_RET(poll(p, 2, 0), 2);
	KS_ASSERT_EQ(p[0].revents, POLLIN);
	/* The writer gone: POLLHUP, with POLLIN while data is left. */
	KS_ASSERT_RET(close(fds[1]), 0);
	KS_ASSERT_RET(poll(p, 1, 0), 1);
	KS_ASSERT_EQ(p[0].revents, POLLIN | POLLHUP);
	KS_ASSERT_RET(read(fds[0], (char[1]){ 0 }, 1), 1);
	KS_ASSERT_RET(poll(p, 1, 0), 1);
	KS_ASSERT_EQ(p[0].revents, POLLHUP);
	/* The reader gone: POLLERR on the write end. */
	KS_ASSERT_OK(pipe(fds));
	KS_ASSERT_RET(close(fds[0]), 0);
	p[1].fd = fds[1];
	KS_ASSERT_RET(poll(&p[1], 1, 0), 1);
	KS_ASSERT_EQ(p[1].revents, POLLOUT | POLLERR);
	/* A closed descriptor is POLLNVAL; a negative one is skipped. */
	p[0].fd = 99;
	p[1].fd = -1;
	KS_ASSERT_RET(poll(p, 2, 0), 1);
	KS_ASSERT_EQ(p[0].revents, POLLNVAL);
	KS_ASSERT_EQ(p[1].revents, 0);
	/* Nothing ready: the timeout, at least. */
	KS_ASSERT_OK(pipe(fds));
	p[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	clock_gettime(CLOCK_MONOTONIC, &start);
	KS_ASSERT_RET(poll(p, 1, 50), 0);
	KS_ASSERT_GE(ks_elapsed_ms(&start), 50);
	/* More descriptors than RLIMIT_NOFILE allows is EINVAL. */
	KS_ASSERT_RET(getrlimit(RLIMIT_NOFILE, &rl), 0);
	KS_ASSERT_ERRNO(syscall(SYS_poll, p, rl.rlim_cur + 1, 0), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_poll, (struct pollfd *)8, 1, 0), EFAULT);
}

static void poll_wakes_on_write(void)
{
	struct pollfd p;
	int fds[2];
	pid_t pid;

	KS_ASSERT_OK(pipe(fds));
	KS_CHILD(pid, {
		usleep(50000);
		write(fds[1], "w", 1);
	});
	p = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	KS_ASSERT_RET(poll(&p, 1, 10000), 1);
	KS_ASSERT_EQ(p.revents, POLLIN);
	KS_WAIT(pid, 0);
}

static void ppoll_and_pselect6_timeouts(void)
{
	struct timespec ts = { 0, 40 * 1000000 }, start;
	struct pollfd p;
	fd_set rd;
	int fds[2];

	KS_ASSERT_OK(pipe(fds));
	p = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	clock_gettime(CLOCK_MONOTONIC, &start);
	KS_ASSERT_RET(ppoll(&p, 1, &ts, NULL), 0);
	KS_ASSERT_GE(ks_elapsed_ms(&start), 40);
	/* The kernel writes back what is left of the timeout: nothing. */
	KS_ASSERT_RET(syscall(SYS_ppoll, &p, 1, &ts, NULL, 8), 0);
	KS_ASSERT_EQ(ts.tv_sec, 0);
	KS_ASSERT_EQ(ts.tv_nsec, 0);
	ts.tv_nsec = 1000000000;
	KS_ASSERT_ERRNO(ppoll(&p, 1, &ts, NULL), EINVAL);
	ts.tv_nsec = -1;
	KS_ASSERT_ERRNO(ppoll(&p, 1, &ts, NULL), EINVAL);

	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	ts = (struct timespec){ 0, 40 * 1000000 };
	clock_gettime(CLOCK_MONOTONIC, &start);
	KS_ASSERT_RET(syscall(SYS_pselect6, fds[0] + 1, &rd, NULL, NULL, &ts,
			      NULL), 0);
	KS_ASSERT_GE(ks_elapsed_ms(&start), 40);
	KS_ASSERT_EQ(FD_ISSET(fds[0], &rd), 0);
	KS_ASSERT_EQ(ts.tv_nsec, 0);
	KS_ASSERT_RET(write(fds[1], "x", 1), 1);
	FD_SET(fds[0], &rd);
	ts = (struct timespec){ 5, 0 };
	KS_ASSERT_RET(syscall(SYS_pselect6, fds[0] + 1, &rd, NULL, NULL, &ts,
			      NULL), 1);
	KS_ASSERT_NE(FD_ISSET(fds[0], &rd), 0);
	ts.tv_nsec = 1000000000;
	KS_ASSERT_ERRNO(syscall(SYS_pselect6, fds[0] + 1, &rd, NULL, NULL,
				&ts, NULL), EINVAL);
}

static void select_readiness(void)
{
	struct timeval tv = { 0, 30000 };
	fd_set rd, wr;
	int fds[2];

	KS_ASSERT_OK(pipe(fds));
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(fds[0], &rd);
	FD_SET(fds[1], &wr);
	KS_ASSERT_RET(select(fds[1] + 1, &rd, &wr, NULL, &tv), 1);
	KS_ASSERT_EQ(FD_ISSET(fds[0], &rd), 0);
	KS_ASSERT_NE(FD_ISSET(fds[1], &wr), 0);
	FD_SET(fds[0], &rd);
	tv = (struct timeval){ 0, 30000 };
	KS_ASSERT_RET(syscall(SYS_select, fds[0] + 1, &rd, NULL, NULL, &tv), 0);
	/* Linux writes back the time left (musl's select() hides that). */
	KS_ASSERT_EQ(tv.tv_sec, 0);
	KS_ASSERT_EQ(tv.tv_usec, 0);
	KS_ASSERT_RET(close(fds[1]), 0);
	FD_SET(fds[0], &rd);
	KS_ASSERT_RET(select(fds[0] + 1, &rd, NULL, NULL, NULL), 1);
	KS_ASSERT_NE(FD_ISSET(fds[0], &rd), 0);
	FD_ZERO(&rd);
	FD_SET(fds[1], &rd);
	KS_ASSERT_ERRNO(select(fds[1] + 1, &rd, NULL, NULL, &tv), EBADF);
	KS_ASSERT_ERRNO(syscall(SYS_select, -1, NULL, NULL, NULL, &tv),
			EINVAL);
	tv.tv_usec = -1;
	KS_ASSERT_ERRNO(syscall(SYS_select, 1, NULL, NULL, NULL, &tv), EINVAL);
}

#define WRITERS		4
#define MESSAGES	32

static void pipe_buf_writes_are_atomic(void)
{
	char buf[PIPE_BUF];
	int fds[2], i, j, counts[WRITERS] = { 0 };
	pid_t pids[WRITERS];

	KS_ASSERT_OK(pipe(fds));
	for (i = 0; i < WRITERS; i++) {
		KS_CHILD(pids[i], {
			memset(buf, 'a' + i, sizeof(buf));
			close(fds[0]);
			for (j = 0; j < MESSAGES; j++)
				if (write(fds[1], buf, sizeof(buf)) !=
				    sizeof(buf))
					_exit(1);
		});
	}
	close(fds[1]);
	for (;;) {
		long n = ks_read_all(fds[0], buf, sizeof(buf));

		if (n == 0)
			break;
		KS_ASSERT_EQ(n, PIPE_BUF);
		for (j = 1; j < PIPE_BUF; j++)
			KS_ASSERT_EQ(buf[j], buf[0]);
		KS_ASSERT_TRUE(buf[0] >= 'a' && buf[0] < 'a' + WRITERS);
		counts[buf[0] - 'a']++;
	}
	for (i = 0; i < WRITERS; i++) {
		KS_ASSERT_EQ(counts[i], MESSAGES);
		KS_WAIT(pids[i], 0);
	}
}

static void large_write_blocks_until_read(void)
{
	static char out[200000], in[200000];
	int fds[2];
	size_t i;
	pid_t pid;

	for (i = 0; i < sizeof(out); i++)
		out[i] = i * 13;
	KS_ASSERT_OK(pipe(fds));
	KS_CHILD(pid, {
		close(fds[0]);
		if (write(fds[1], out, sizeof(out)) != sizeof(out))
			_exit(1);
	});
	close(fds[1]);
	KS_ASSERT_RET(ks_read_all(fds[0], in, sizeof(in)), sizeof(in));
	KS_ASSERT_MEMEQ(in, out, sizeof(out));
	KS_WAIT(pid, 0);
}

static const struct ks_case cases[] = {
	KS_CASE(pipe2_flags),
	KS_CASE(eof_after_last_writer_closes),
	KS_CASE(epipe_and_sigpipe),
	KS_CASE(nonblock_eagain_and_capacity),
	KS_CASE(poll_reports_readiness),
	KS_CASE(poll_wakes_on_write),
	KS_CASE(ppoll_and_pselect6_timeouts),
	KS_CASE(select_readiness),
	KS_CASE(pipe_buf_writes_are_atomic),
	KS_CASE(large_write_blocks_until_read),
};

KS_MAIN("pipes", cases)
