// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for pipes and FIFOs: pipe2 flags, data through the ring,
 * EOF and -EPIPE, O_NONBLOCK's -EAGAIN, the 64 KiB capacity, PIPE_BUF
 * atomicity, -ESPIPE for positions, FIFO open rules, and memory back to
 * its baseline after closing, and pipe->mutex released whatever read or
 * write returns.  Nothing here blocks: no second task exists.
 */
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/pipe_fs_i.h>
#include <keel/stat.h>
#include <keel/string.h>
#include "file_test.h"

#define PIPE_CAPACITY	(16 * 4096)

static char chunk[8192];

static void pipe2_flags(struct ktest *t)
{
	struct stat st;
	int fds[2];

	KTEST_EXPECT_EQ(t, ksys_pipe2(fds, O_APPEND), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_pipe2(fds, O_DIRECT), -EINVAL);
	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, O_CLOEXEC | O_NONBLOCK), 0);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fds[0], F_GETFL, 0),
			O_RDONLY | O_NONBLOCK);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fds[1], F_GETFL, 0),
			O_WRONLY | O_NONBLOCK);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fds[0], F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, ksys_fcntl(fds[1], F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, ksys_fstat(fds[0], &st), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFIFO | 0600);
	KTEST_EXPECT_EQ(t, st.st_size, 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);
}

static void data_eof_epipe(struct ktest *t)
{
	unsigned long before;
	char buf[16];
	int fds[2];

	/* Warm the caches once so the baseline below is steady. */
	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, O_NONBLOCK), 0);
	ksys_close(fds[0]);
	ksys_close(fds[1]);
	before = ftest_free_pages();

	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, O_NONBLOCK), 0);
	KTEST_EXPECT_EQ(t, ktest_read(fds[0], buf, 4), -EAGAIN);
	KTEST_EXPECT_EQ(t, ktest_write(fds[0], "x", 1), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_read(fds[1], buf, 1), -EBADF);
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], "abcdef", 6), 6);
	KTEST_EXPECT_EQ(t, ktest_read(fds[0], buf, 4), 4);
	KTEST_EXPECT_MEMEQ(t, buf, "abcd", 4);
	KTEST_EXPECT_EQ(t, ksys_lseek(fds[0], 0, SEEK_SET), -ESPIPE);
	KTEST_EXPECT_EQ(t, ktest_pread64(fds[0], buf, 1, 0), -ESPIPE);
	KTEST_EXPECT_EQ(t, ktest_pwrite64(fds[1], buf, 1, 0), -ESPIPE);
	/* Data still buffered is read before EOF. */
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);
	KTEST_EXPECT_EQ(t, ktest_read(fds[0], buf, 16), 2);
	KTEST_EXPECT_MEMEQ(t, buf, "ef", 2);
	KTEST_EXPECT_EQ(t, ktest_read(fds[0], buf, 16), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);

	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], "x", 1), -EPIPE);
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);
	KTEST_EXPECT_EQ(t, ftest_free_pages(), before);
}

static void capacity_and_atomicity(struct ktest *t)
{
	unsigned long before = ftest_baseline();
	long total = 0, ret;
	unsigned int i;
	int fds[2];

	for (i = 0; i < sizeof(chunk); i++)
		chunk[i] = i * 7;
	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, O_NONBLOCK), 0);
	while ((ret = ktest_write(fds[1], chunk, 1000)) > 0)
		total += ret;
	KTEST_EXPECT_EQ(t, ret, -EAGAIN);
	/* 65 writes of 1000, then the last 536 bytes refuse a 1000-byte
	 * atomic write. */
	KTEST_EXPECT_EQ(t, total, 65000);
	/* A big (non-atomic) write takes what fits. */
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], chunk, 8192),
			PIPE_CAPACITY - 65000);
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], chunk, 8192), -EAGAIN);

	/* Make 100 bytes of room: PIPE_BUF-sized writes still refuse. */
	KTEST_EXPECT_EQ(t, ktest_read(fds[0], chunk, 100), 100);
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], chunk, 200), -EAGAIN);
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], chunk, 4096), -EAGAIN);
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], chunk, 4097), 100);
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);

	total = 0;
	while ((ret = ktest_read(fds[0], chunk, sizeof(chunk))) > 0)
		total += ret;
	KTEST_EXPECT_EQ(t, ret, 0);
	KTEST_EXPECT_EQ(t, total, PIPE_CAPACITY);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);
	KTEST_EXPECT_EQ(t, ftest_free_pages(), before);
}

/* Bytes keep their order across the ring's wrap-around. */
static void ring_wraps(struct ktest *t)
{
	static char in[3000], out[3000];
	unsigned int i, round;
	int fds[2];

	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, O_NONBLOCK), 0);
	for (round = 0; round < 60; round++) {
		for (i = 0; i < sizeof(in); i++)
			in[i] = round + i;
		KTEST_ASSERT_EQ(t, ktest_write(fds[1], in, sizeof(in)), 3000);
		KTEST_ASSERT_EQ(t, ktest_read(fds[0], out, sizeof(out)), 3000);
		KTEST_ASSERT_EQ(t, memcmp(in, out, sizeof(in)), 0);
	}
	ksys_close(fds[0]);
	ksys_close(fds[1]);
}

/* Every return from read and write, data or error, drops pipe->mutex. */
static void mutex_released_on_return(struct ktest *t)
{
	struct pipe_inode_info *pipe;
	struct file *file;
	char buf[8];
	int fds[2];

	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, O_NONBLOCK), 0);
	file = fget(fds[0]);
	KTEST_ASSERT_NOT_NULL(t, file);
	pipe = get_pipe_info(file);
	KTEST_ASSERT_NOT_NULL(t, pipe);
	KTEST_EXPECT_EQ(t, ktest_read(fds[0], buf, 8), -EAGAIN);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&pipe->mutex));
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], "abc", 3), 3);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&pipe->mutex));
	KTEST_EXPECT_EQ(t, ktest_read(fds[0], buf, 8), 3);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&pipe->mutex));
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);
	KTEST_EXPECT_EQ(t, ktest_read(fds[0], buf, 8), 0);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&pipe->mutex));
	fput(file);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);

	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, O_NONBLOCK), 0);
	file = fget(fds[1]);
	KTEST_ASSERT_NOT_NULL(t, file);
	pipe = get_pipe_info(file);
	KTEST_ASSERT_NOT_NULL(t, pipe);
	while (ktest_write(fds[1], chunk, sizeof(chunk)) > 0)
		;
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], "x", 1), -EAGAIN);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&pipe->mutex));
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);
	KTEST_EXPECT_EQ(t, ktest_write(fds[1], "x", 1), -EPIPE);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&pipe->mutex));
	fput(file);
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);
}

static void fifo_opens(struct ktest *t)
{
	char buf[4];
	long rd, wr;

	KTEST_ASSERT_EQ(t, ksys_mknodat(AT_FDCWD, "/pipe_fifo", S_IFIFO | 0644,
					0), 0);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/pipe_fifo",
				       O_WRONLY | O_NONBLOCK, 0), -ENXIO);
	rd = ksys_openat(AT_FDCWD, "/pipe_fifo", O_RDONLY | O_NONBLOCK, 0);
	KTEST_ASSERT_GE(t, rd, 0);
	/* With no writer at all, a read sees end of file. */
	KTEST_EXPECT_EQ(t, ktest_read(rd, buf, 4), 0);
	wr = ksys_openat(AT_FDCWD, "/pipe_fifo", O_WRONLY | O_NONBLOCK, 0);
	KTEST_ASSERT_GE(t, wr, 0);
	KTEST_EXPECT_EQ(t, ktest_read(rd, buf, 4), -EAGAIN);
	KTEST_EXPECT_EQ(t, ktest_write(wr, "fifo", 4), 4);
	KTEST_EXPECT_EQ(t, ktest_read(rd, buf, 4), 4);
	KTEST_EXPECT_MEMEQ(t, buf, "fifo", 4);
	KTEST_EXPECT_EQ(t, ksys_close(wr), 0);
	KTEST_EXPECT_EQ(t, ksys_close(rd), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/pipe_fifo", 0), 0);
}

static struct ktest_case pipe_cases[] = {
	KTEST_CASE(pipe2_flags),
	KTEST_CASE(data_eof_epipe),
	KTEST_CASE(mutex_released_on_return),
	KTEST_CASE(capacity_and_atomicity),
	KTEST_CASE(ring_wraps),
	KTEST_CASE(fifo_opens),
	{}
};

static struct ktest_suite pipe_suite = {
	.name = "pipe",
	.cases = pipe_cases,
};
ktest_register_suite(pipe_suite);
