// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for iov_iter (lib/iov_iter.c): copies across kernel
 * segments (empty ones skipped), advance and truncate, zeroing, copies
 * into user memory that stop at the unmapped page after the KTEST user
 * window, a kernel address in a user iterator refused, and
 * import_iovec()'s checks in Linux's order.  Kernel only: it needs the
 * user window.
 */
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <keel/uio.h>

static void kvec_segments(struct ktest *t)
{
	char a[3], b[5], c[4] = "ccc";
	struct kvec kv[] = { { a, 3 }, { c, 0 }, { b, 5 } };
	struct iov_iter it;

	iov_iter_kvec(&it, ITER_DEST, kv, 3, 8);
	KTEST_EXPECT_EQ(t, copy_to_iter("abcdefghij", 10, &it), 8);
	KTEST_EXPECT_MEMEQ(t, a, "abc", 3);
	KTEST_EXPECT_MEMEQ(t, b, "defgh", 5);
	KTEST_EXPECT_STREQ(t, c, "ccc");
	KTEST_EXPECT_EQ(t, iov_iter_count(&it), 0);
	KTEST_EXPECT_EQ(t, copy_to_iter("x", 1, &it), 0);

	/* Advance, truncate, then copy out of the rest. */
	iov_iter_kvec(&it, ITER_SOURCE, kv, 3, 8);
	iov_iter_advance(&it, 2);
	iov_iter_truncate(&it, 4);
	KTEST_EXPECT_EQ(t, iov_iter_count(&it), 4);
	memset(c, 0, sizeof(c));
	KTEST_EXPECT_EQ(t, copy_from_iter(c, sizeof(c), &it), 4);
	KTEST_EXPECT_MEMEQ(t, c, "cdef", 4);

	iov_iter_kvec(&it, ITER_DEST, kv, 3, 8);
	iov_iter_advance(&it, 1);
	KTEST_EXPECT_EQ(t, iov_iter_zero(3, &it), 3);
	KTEST_EXPECT_MEMEQ(t, a, "a\0\0", 3);
	KTEST_EXPECT_MEMEQ(t, b, "\0efgh", 5);
	KTEST_EXPECT_EQ(t, iov_iter_count(&it), 4);
}

static void user_buffers(struct ktest *t)
{
	char __user *u = ktest_ubuf();
	char *k = ktest_ubuf_kaddr();
	char __user *end = u + KTEST_UBUF_SIZE;
	char kbuf[8] = "kernel!";
	struct iov_iter it;
	char buf[8];

	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_EQ(t, import_ubuf(ITER_DEST, end - 3, 8, &it), 0);
	KTEST_EXPECT_EQ(t, copy_to_iter("abcdefgh", 8, &it), 3);
	KTEST_EXPECT_MEMEQ(t, k + KTEST_UBUF_SIZE - 3, "abc", 3);
	KTEST_EXPECT_EQ(t, iov_iter_count(&it), 5);
	KTEST_EXPECT_EQ(t, iov_iter_zero(5, &it), 0);

	memcpy(k, "userdata", 8);
	KTEST_EXPECT_EQ(t, import_ubuf(ITER_SOURCE, u, 8, &it), 0);
	KTEST_EXPECT_EQ(t, copy_from_iter(buf, 8, &it), 8);
	KTEST_EXPECT_MEMEQ(t, buf, "userdata", 8);

	/* import_ubuf() refuses a kernel address; a forged iterator copies nothing. */
	KTEST_EXPECT_EQ(t, import_ubuf(ITER_DEST, (void __user *)kbuf, 8, &it),
			-EFAULT);
	iov_iter_ubuf(&it, ITER_DEST, (void __user *)kbuf, 8);
	KTEST_EXPECT_EQ(t, copy_to_iter("XXXXXXXX", 8, &it), 0);
	KTEST_EXPECT_STREQ(t, kbuf, "kernel!");
	KTEST_EXPECT_EQ(t, import_ubuf(ITER_DEST, u, MAX_RW_COUNT + 1, &it), 0);
	KTEST_EXPECT_EQ(t, iov_iter_count(&it), MAX_RW_COUNT);
}

static void import_checks(struct ktest *t)
{
	struct iovec stack[UIO_FASTIOV], *iov;
	char __user *u = ktest_ubuf();
	struct iovec *uv = (struct iovec *)ktest_ubuf_kaddr();
	const struct iovec __user *uvec = (const struct iovec __user *)u;
	char kbuf[4];
	struct iov_iter it;
	int i;

	KTEST_ASSERT_NOT_NULL(t, uv);
	uv[0] = (struct iovec){ u + 4096, 10 };
	uv[1] = (struct iovec){ u + 8192, 0 };
	uv[2] = (struct iovec){ u + 8192, 5 };
	iov = stack;
	KTEST_EXPECT_EQ(t, import_iovec(ITER_DEST, uvec, 3, UIO_FASTIOV, &iov,
					&it), 15);
	KTEST_EXPECT_NULL(t, iov);
	KTEST_EXPECT_EQ(t, iov_iter_count(&it), 15);
	KTEST_EXPECT_EQ(t, it.nr_segs, 3);

	/* A kernel segment is -EFAULT, but a negative length wins. */
	uv[1] = (struct iovec){ (void __user *)kbuf, 4 };
	iov = stack;
	KTEST_EXPECT_EQ(t, import_iovec(ITER_DEST, uvec, 3, UIO_FASTIOV, &iov,
					&it), -EFAULT);
	uv[2].iov_len = (size_t)-1;
	KTEST_EXPECT_EQ(t, import_iovec(ITER_DEST, uvec, 3, UIO_FASTIOV, &iov,
					&it), -EINVAL);
	KTEST_EXPECT_EQ(t, import_iovec(ITER_DEST, uvec, UIO_MAXIOV + 1,
					UIO_FASTIOV, &iov, &it), -EINVAL);
	KTEST_EXPECT_EQ(t, import_iovec(ITER_DEST,
					(const struct iovec __user *)kbuf, 1,
					UIO_FASTIOV, &iov, &it), -EFAULT);

	/* More than fit on the stack: a kmalloc'd array; totals clamped. */
	for (i = 0; i < 10; i++)
		uv[i] = (struct iovec){ u, MAX_RW_COUNT / 4 };
	iov = stack;
	KTEST_EXPECT_EQ(t, import_iovec(ITER_SOURCE, uvec, 10, UIO_FASTIOV,
					&iov, &it), MAX_RW_COUNT);
	KTEST_EXPECT_NOT_NULL(t, iov);
	KTEST_EXPECT_TRUE(t, iov != stack);
	if (iov && iov != stack) {
		KTEST_EXPECT_EQ(t, iov[4].iov_len, 0);
		kfree(iov);
	}
}

static struct ktest_case iov_iter_cases[] = {
	KTEST_CASE(kvec_segments),
	KTEST_CASE(user_buffers),
	KTEST_CASE(import_checks),
	{}
};

static struct ktest_suite iov_iter_suite = {
	.name = "iov_iter",
	.cases = iov_iter_cases,
};
ktest_register_suite(iov_iter_suite);
