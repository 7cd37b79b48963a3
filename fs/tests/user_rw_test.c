// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for reads and writes into and out of user memory: read,
 * write, pread64, pwrite64, readv and writev of ramfs files, /dev/zero,
 * /dev/null and pipes on the KTEST user window (<keel/ktest_user.h>),
 * whose next page is unmapped.  A transfer that runs into that page
 * returns the bytes moved before it; one that starts there is -EFAULT and
 * leaves the file position alone; a kernel address is -EFAULT at once.
 * kernel_read()/kernel_write() move kernel buffers.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uio.h>

#define URW_FILE	"/user_rw_test"

/* The window's first byte, its kernel alias, and the unmapped page after. */
struct uwin {
	char __user *u;
	char *k;
	char __user *end;
};

static bool uwin_get(struct ktest *t, struct uwin *w)
{
	w->u = ktest_ubuf();
	w->k = ktest_ubuf_kaddr();
	w->end = w->u + KTEST_UBUF_SIZE;
	KTEST_EXPECT_NOT_NULL(t, w->k);
	return w->k;
}

static long open_file(struct ktest *t, const char *data, size_t len)
{
	long fd = ksys_openat(AT_FDCWD, URW_FILE, O_RDWR | O_CREAT | O_TRUNC,
			      0644);
	loff_t pos = 0;
	struct file *file;

	KTEST_EXPECT_GE(t, fd, 0);
	if (fd < 0)
		return fd;
	file = fget(fd);
	KTEST_EXPECT_EQ(t, kernel_write(file, data, len, &pos), (ssize_t)len);
	fput(file);
	return fd;
}

static void close_file(struct ktest *t, long fd)
{
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, URW_FILE, 0), 0);
}

static void ramfs_user_buffers(struct ktest *t)
{
	struct iovec *iov;
	struct uwin w;
	long fd;

	if (!uwin_get(t, &w))
		return;
	fd = open_file(t, "", 0);
	if (fd < 0)
		return;
	memcpy(w.k, "hello, world", 12);
	KTEST_EXPECT_EQ(t, ksys_write(fd, w.u, 12), 12);
	KTEST_EXPECT_EQ(t, ksys_pwrite64(fd, w.u + 7, 5, 20), 5);
	memset(w.k, 'x', 64);
	KTEST_EXPECT_EQ(t, ksys_pread64(fd, w.u, 64, 0), 25);
	KTEST_EXPECT_MEMEQ(t, w.k, "hello, world\0\0\0\0\0\0\0\0worldx", 26);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 12);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, ksys_read(fd, w.u + 100, 5), 5);
	KTEST_EXPECT_MEMEQ(t, w.k + 100, "hello", 5);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 5);

	/* readv/writev: the iovec array is user memory too. */
	iov = (struct iovec *)(w.k + 512);
	iov[0] = (struct iovec){ w.u + 200, 2 };
	iov[1] = (struct iovec){ w.u + 300, 0 };
	iov[2] = (struct iovec){ w.u + 400, 4 };
	KTEST_EXPECT_EQ(t, ksys_readv(fd, (struct iovec __user *)(w.u + 512),
				      3), 6);
	KTEST_EXPECT_MEMEQ(t, w.k + 200, ", ", 2);
	KTEST_EXPECT_MEMEQ(t, w.k + 400, "worl", 4);
	memcpy(w.k + 200, "AB", 2);
	memcpy(w.k + 400, "CDEF", 4);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, ksys_writev(fd, (struct iovec __user *)(w.u + 512),
				       3), 6);
	KTEST_EXPECT_EQ(t, ksys_pread64(fd, w.u, 8, 0), 8);
	KTEST_EXPECT_MEMEQ(t, w.k, "ABCDEF w", 8);
	close_file(t, fd);
}

static void ramfs_faults(struct ktest *t)
{
	static char data[100];
	char kbuf[8] = "kernel!";
	struct iovec *iov;
	struct stat st;
	struct uwin w;
	long fd;
	int i;

	if (!uwin_get(t, &w))
		return;
	for (i = 0; i < 100; i++)
		data[i] = 'a' + i % 26;
	fd = open_file(t, data, sizeof(data));
	if (fd < 0)
		return;
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_SET), 0);
	/* Ten bytes fit before the unmapped page. */
	KTEST_EXPECT_EQ(t, ksys_read(fd, w.end - 10, 100), 10);
	KTEST_EXPECT_MEMEQ(t, w.k + KTEST_UBUF_SIZE - 10, data, 10);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 10);
	/* Nothing fits: -EFAULT, the position stays. */
	KTEST_EXPECT_EQ(t, ksys_read(fd, w.end, 50), -EFAULT);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 10);
	KTEST_EXPECT_EQ(t, ksys_read(fd, (char __user *)kbuf, 4), -EFAULT);
	KTEST_EXPECT_STREQ(t, kbuf, "kernel!");
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 10);
	KTEST_EXPECT_EQ(t, ksys_pread64(fd, w.end - 3, 8, 50), 3);
	KTEST_EXPECT_MEMEQ(t, w.k + KTEST_UBUF_SIZE - 3, data + 50, 3);
	KTEST_EXPECT_EQ(t, ksys_pread64(fd, w.end, 8, 50), -EFAULT);

	/* Writes: what was there before the fault goes in. */
	memcpy(w.k + KTEST_UBUF_SIZE - 4, "WXYZ", 4);
	KTEST_EXPECT_EQ(t, ksys_write(fd, w.end - 4, 20), 4);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 14);
	KTEST_EXPECT_EQ(t, ksys_write(fd, w.end, 20), -EFAULT);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 14);
	KTEST_EXPECT_EQ(t, ksys_pwrite64(fd, w.end - 2, 20, 98), 2);
	KTEST_EXPECT_EQ(t, ksys_pwrite64(fd, w.end, 20, 200), -EFAULT);
	/* No page is left behind past the end: still one page, 100 bytes. */
	KTEST_EXPECT_EQ(t, ksys_pwrite64(fd, w.end, 20, 3 * 4096 + 5), -EFAULT);
	KTEST_EXPECT_EQ(t, ksys_pwrite64(fd, w.end - 1, 20, 2 * 4096), 1);
	KTEST_EXPECT_EQ(t, ksys_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(t, st.st_size, 2 * 4096 + 1);
	KTEST_EXPECT_EQ(t, st.st_blocks, 16);
	KTEST_EXPECT_EQ(t, ksys_ftruncate(fd, 100), 0);
	KTEST_EXPECT_EQ(t, ksys_write(fd, (const char __user *)kbuf, 4),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_END), 100);
	KTEST_EXPECT_EQ(t, ksys_pread64(fd, w.u, 16, 8), 16);
	KTEST_EXPECT_MEMEQ(t, w.k, "ijWXYZopqrstuvwx", 16);
	KTEST_EXPECT_EQ(t, ksys_pread64(fd, w.u, 16, 96), 4);
	KTEST_EXPECT_MEMEQ(t, w.k, "stYZ", 4);

	/* readv stops at the fault in its second segment. */
	iov = (struct iovec *)w.k;
	iov[0] = (struct iovec){ w.u + 64, 5 };
	iov[1] = (struct iovec){ w.end - 2, 10 };
	iov[2] = (struct iovec){ w.u + 128, 5 };
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, ksys_readv(fd, (struct iovec __user *)w.u, 3), 7);
	KTEST_EXPECT_MEMEQ(t, w.k + 64, "abcde", 5);
	KTEST_EXPECT_MEMEQ(t, w.k + KTEST_UBUF_SIZE - 2, "fg", 2);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 7);
	/* The array itself unmapped, or a segment in kernel memory. */
	KTEST_EXPECT_EQ(t, ksys_readv(fd, (struct iovec __user *)(w.end - 8),
				      1), -EFAULT);
	iov[1] = (struct iovec){ (void __user *)kbuf, 4 };
	KTEST_EXPECT_EQ(t, ksys_writev(fd, (struct iovec __user *)w.u, 2),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 7);
	iov[1] = (struct iovec){ w.end - 1, 10 };
	KTEST_EXPECT_EQ(t, ksys_writev(fd, (struct iovec __user *)w.u, 3), 6);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 13);
	close_file(t, fd);
}

static void dev_zero_null(struct ktest *t)
{
	struct iovec *iov;
	struct uwin w;
	long zero, null;

	if (!IS_ENABLED(CONFIG_DEVFS)) {
		ktest_skip(t, "CONFIG_DEVFS is off: no /dev/zero");
		return;
	}
	if (!uwin_get(t, &w))
		return;
	zero = ksys_openat(AT_FDCWD, "/dev/zero", O_RDWR, 0);
	null = ksys_openat(AT_FDCWD, "/dev/null", O_RDWR, 0);
	KTEST_ASSERT_GE(t, zero, 0);
	KTEST_ASSERT_GE(t, null, 0);
	memset(w.k, 0xff, 64);
	memset(w.k + KTEST_UBUF_SIZE - 64, 0xff, 64);
	KTEST_EXPECT_EQ(t, ksys_read(zero, w.u + 8, 16), 16);
	KTEST_EXPECT_EQ(t, (u8)w.k[7], 0xff);
	KTEST_EXPECT_EQ(t, w.k[8] | w.k[23], 0);
	KTEST_EXPECT_EQ(t, (u8)w.k[24], 0xff);
	KTEST_EXPECT_EQ(t, ksys_read(zero, w.end - 6, 4096), 6);
	KTEST_EXPECT_EQ(t, (u8)w.k[KTEST_UBUF_SIZE - 7], 0xff);
	KTEST_EXPECT_EQ(t, w.k[KTEST_UBUF_SIZE - 6] | w.k[KTEST_UBUF_SIZE - 1],
			0);
	KTEST_EXPECT_EQ(t, ksys_read(zero, w.end, 16), -EFAULT);
	KTEST_EXPECT_EQ(t, ksys_pread64(zero, w.end - 1, 16, 0), 1);
	KTEST_EXPECT_EQ(t, ksys_write(zero, w.u, 100), 100);
	KTEST_EXPECT_EQ(t, ksys_pwrite64(zero, w.u, 100, 5), 100);

	/* /dev/null never looks at the data, so any user address is taken. */
	KTEST_EXPECT_EQ(t, ksys_read(null, w.u, 16), 0);
	KTEST_EXPECT_EQ(t, ksys_write(null, w.u, 16), 16);
	KTEST_EXPECT_EQ(t, ksys_write(null, w.end, 16), 16);
	KTEST_EXPECT_EQ(t, ksys_pwrite64(null, w.end - 4, 16, 3), 16);
	KTEST_EXPECT_EQ(t, ksys_write(null, (const char __user *)&w, 16),
			-EFAULT);

	iov = (struct iovec *)w.k;
	iov[0] = (struct iovec){ w.u + 256, 3 };
	iov[1] = (struct iovec){ w.end - 2, 8 };
	memset(w.k + 256, 0xff, 3);
	KTEST_EXPECT_EQ(t, ksys_readv(zero, (struct iovec __user *)w.u, 2), 5);
	KTEST_EXPECT_EQ(t, w.k[256] | w.k[258], 0);
	KTEST_EXPECT_EQ(t, ksys_writev(null, (struct iovec __user *)w.u, 2),
			11);
	KTEST_EXPECT_EQ(t, ksys_readv(null, (struct iovec __user *)w.u, 2), 0);
	KTEST_EXPECT_EQ(t, ksys_close(zero), 0);
	KTEST_EXPECT_EQ(t, ksys_close(null), 0);
}

static void pipe_faults(struct ktest *t)
{
	struct iovec *iov;
	struct uwin w;
	int fds[2], i;

	if (!uwin_get(t, &w))
		return;
	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, O_NONBLOCK), 0);
	memcpy(w.k, "0123456789", 10);
	KTEST_EXPECT_EQ(t, ksys_write(fds[1], w.u, 10), 10);
	/*
	 * A read into the edge copies what fits but, as Linux copies a pipe
	 * buffer whole or not at all, consumes nothing: -EFAULT.
	 */
	KTEST_EXPECT_EQ(t, ksys_read(fds[0], w.end - 4, 10), -EFAULT);
	KTEST_EXPECT_MEMEQ(t, w.k + KTEST_UBUF_SIZE - 4, "0123", 4);
	KTEST_EXPECT_EQ(t, ksys_read(fds[0], w.end, 10), -EFAULT);
	KTEST_EXPECT_EQ(t, ksys_read(fds[0], w.u + 100, 10), 10);
	KTEST_EXPECT_MEMEQ(t, w.k + 100, "0123456789", 10);
	KTEST_EXPECT_EQ(t, ksys_read(fds[0], w.u, 10), -EAGAIN);

	/* A write that faults half-way leaves its first half in the pipe. */
	for (i = 0; i < 200; i++)
		w.k[KTEST_UBUF_SIZE - 200 + i] = i;
	KTEST_EXPECT_EQ(t, ksys_write(fds[1], w.end - 100, 200), 100);
	KTEST_EXPECT_EQ(t, ksys_write(fds[1], w.end, 200), -EFAULT);
	KTEST_EXPECT_EQ(t, ksys_write(fds[1], (const char __user *)&w, 8),
			-EFAULT);
	memset(w.k, 0, 300);
	KTEST_EXPECT_EQ(t, ksys_read(fds[0], w.u, 300), 100);
	KTEST_EXPECT_MEMEQ(t, w.k, w.k + KTEST_UBUF_SIZE - 100, 100);
	KTEST_EXPECT_EQ(t, ksys_read(fds[0], w.u, 300), -EAGAIN);

	/* writev then readv across segments; the second readv faults. */
	iov = (struct iovec *)(w.k + 1024);
	memcpy(w.k, "abcdefgh", 8);
	iov[0] = (struct iovec){ w.u, 3 };
	iov[1] = (struct iovec){ w.u + 5, 3 };
	KTEST_EXPECT_EQ(t, ksys_writev(fds[1],
				       (struct iovec __user *)(w.u + 1024), 2),
			6);
	iov[0] = (struct iovec){ w.u + 200, 2 };
	iov[1] = (struct iovec){ w.end - 1, 4 };
	/*
	 * As Linux copies a pipe buffer whole or not at all, the fault
	 * leaves all six bytes in the pipe: -EFAULT, though three landed.
	 */
	KTEST_EXPECT_EQ(t, ksys_readv(fds[0],
				      (struct iovec __user *)(w.u + 1024), 2),
			-EFAULT);
	KTEST_EXPECT_MEMEQ(t, w.k + 200, "ab", 2);
	KTEST_EXPECT_EQ(t, w.k[KTEST_UBUF_SIZE - 1], 'c');
	KTEST_EXPECT_EQ(t, ksys_read(fds[0], w.u, 8), 6);
	KTEST_EXPECT_MEMEQ(t, w.k, "abcfgh", 6);
	KTEST_EXPECT_EQ(t, ksys_pread64(fds[0], w.u, 1, 0), -ESPIPE);
	KTEST_EXPECT_EQ(t, ksys_pwrite64(fds[1], w.u, 1, 0), -ESPIPE);
	KTEST_EXPECT_EQ(t, ksys_close(fds[0]), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fds[1]), 0);
}

/* kernel_read()/kernel_write() take kernel buffers, at the position given. */
static void kernel_buffers(struct ktest *t)
{
	struct file *file;
	char buf[8] = "";
	loff_t pos = 0;
	long fd;

	fd = open_file(t, "kernel", 6);
	if (fd < 0)
		return;
	file = fget(fd);
	KTEST_EXPECT_EQ(t, kernel_read(file, buf, sizeof(buf), &pos), 6);
	KTEST_EXPECT_STREQ(t, buf, "kernel");
	KTEST_EXPECT_EQ(t, pos, 6);
	KTEST_EXPECT_EQ(t, kernel_read(file, buf, sizeof(buf), &pos), 0);
	pos = -1;
	KTEST_EXPECT_EQ(t, kernel_read(file, buf, sizeof(buf), &pos), -EINVAL);
	pos = 2;
	KTEST_EXPECT_EQ(t, kernel_write(file, "RN", 2, &pos), 2);
	KTEST_EXPECT_EQ(t, pos, 4);
	/* The fd's position is the system calls', not kernel_read()'s. */
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_CUR), 0);
	pos = 0;
	KTEST_EXPECT_EQ(t, kernel_read(file, buf, 6, &pos), 6);
	KTEST_EXPECT_STREQ(t, buf, "keRNel");
	fput(file);
	close_file(t, fd);
}

static struct ktest_case user_rw_cases[] = {
	KTEST_CASE(ramfs_user_buffers),
	KTEST_CASE(ramfs_faults),
	KTEST_CASE(dev_zero_null),
	KTEST_CASE(pipe_faults),
	KTEST_CASE(kernel_buffers),
	{}
};

static struct ktest_suite user_rw_suite = {
	.name = "user_rw",
	.cases = user_rw_cases,
};
ktest_register_suite(user_rw_suite);
