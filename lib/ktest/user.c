// SPDX-License-Identifier: GPL-2.0
/*
 * The KTEST user window (<keel/ktest_user.h>): KTEST_UBUF_SIZE bytes of
 * user-mapped memory for suites that call the file system calls, mapped
 * once before any suite runs and kept, so no suite sees its pages or page
 * tables come and go.  Also the way into the system-call table and the
 * child processes for suites that change a process's state.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/mm.h>
#include <keel/sched/task.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uio.h>
#include <asm/pgtable.h>
#include <asm/syscall.h>
#include <uapi/linux/signal.h>

static char *window;	/* kernel alias; NULL until mapped */

int ktest_user_setup(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO,
					KTEST_UBUF_ORDER);
	int ret;

	if (!page)
		return -ENOMEM;
	ret = map_pages(&init_mm, KTEST_UBUF, __pa(page_address(page)),
			KTEST_UBUF_SIZE, PAGE_SHARED, PG_LEVEL_4K);
	if (ret) {
		__free_pages(page, KTEST_UBUF_ORDER);
		return ret;
	}
	window = page_address(page);
	return 0;
}

char __user *ktest_ubuf(void)
{
	return window ? (char __user *)KTEST_UBUF : NULL;
}

char *ktest_ubuf_kaddr(void)
{
	return window;
}

ssize_t ktest_read(unsigned int fd, void *buf, size_t count)
{
	ssize_t ret;

	if (!window || count > KTEST_UBUF_DATA)
		return -E2BIG;
	ret = ksys_read(fd, ktest_ubuf(), count);
	if (ret > 0)
		memcpy(buf, window, ret);
	return ret;
}

ssize_t ktest_write(unsigned int fd, const void *buf, size_t count)
{
	if (!window || count > KTEST_UBUF_DATA)
		return -E2BIG;
	memcpy(window, buf, count);
	return ksys_write(fd, ktest_ubuf(), count);
}

ssize_t ktest_pread64(unsigned int fd, void *buf, size_t count, loff_t pos)
{
	ssize_t ret;

	if (!window || count > KTEST_UBUF_DATA)
		return -E2BIG;
	ret = ksys_pread64(fd, ktest_ubuf(), count, pos);
	if (ret > 0)
		memcpy(buf, window, ret);
	return ret;
}

ssize_t ktest_pwrite64(unsigned int fd, const void *buf, size_t count,
		       loff_t pos)
{
	if (!window || count > KTEST_UBUF_DATA)
		return -E2BIG;
	memcpy(window, buf, count);
	return ksys_pwrite64(fd, ktest_ubuf(), count, pos);
}

#define KTEST_UBUF_NR_IOV	(PAGE_SIZE / sizeof(struct iovec))

/* Lay @kv out in the window; @write stages the data too. */
static struct iovec __user *stage_iovec(const struct kvec *kv, int cnt,
					bool write)
{
	struct iovec *iov = (struct iovec *)(window + KTEST_UBUF_DATA);
	size_t at = 0;
	int i;

	if (cnt < 0 || cnt > (int)KTEST_UBUF_NR_IOV)
		return (struct iovec __user *)(ktest_ubuf() + KTEST_UBUF_DATA);
	for (i = 0; i < cnt; i++) {
		size_t len = kv[i].iov_len;

		iov[i].iov_len = len;
		iov[i].iov_base = ktest_ubuf() + at;
		if (len > KTEST_UBUF_DATA - at)
			continue;	/* to be refused, never copied */
		if (write)
			memcpy(window + at, kv[i].iov_base, len);
		at += len;
	}
	return (struct iovec __user *)(ktest_ubuf() + KTEST_UBUF_DATA);
}

ssize_t ktest_readv(unsigned int fd, const struct kvec *kv, int cnt)
{
	ssize_t ret, left;
	size_t at = 0, n;
	int i;

	if (!window)
		return -E2BIG;
	ret = ksys_readv(fd, stage_iovec(kv, cnt, false), cnt);
	for (i = 0, left = ret; left > 0 && i < cnt; i++) {
		n = min((size_t)left, kv[i].iov_len);
		memcpy(kv[i].iov_base, window + at, n);
		at += n;
		left -= n;
	}
	return ret;
}

ssize_t ktest_writev(unsigned int fd, const struct kvec *kv, int cnt)
{
	if (!window)
		return -E2BIG;
	return ksys_writev(fd, stage_iovec(kv, cnt, true), cnt);
}

long ktest_getdents64(unsigned int fd, void *buf, unsigned int count)
{
	long ret;

	if (!window || count > KTEST_UBUF_DATA)
		return -E2BIG;
	memcpy(window, buf, count);
	ret = ksys_getdents64(fd, ktest_ubuf(), count);
	if (ret > 0)
		memcpy(buf, window, ret);
	return ret;
}

/*
 * Bytes ktest_ualloc() handed out, from the top of the data pages down:
 * ktest_read() and friends stage their data from the bottom up.
 */
static size_t ubuf_used;

void ktest_ureset(void)
{
	ubuf_used = 0;
}

void *ktest_ukaddr(const void __user *p)
{
	return window + ((const char __force *)p -
			 (const char __force *)ktest_ubuf());
}

void __user *ktest_ualloc(size_t len)
{
	char __user *p;

	if (!window || len > KTEST_UBUF_DATA - ubuf_used)
		return (void __user *)0x10;
	ubuf_used += ALIGN(len, 8);
	p = ktest_ubuf() + KTEST_UBUF_DATA - ubuf_used;
	memset(ktest_ukaddr(p), 0, len);
	return p;
}

void __user *ktest_uput(const void *data, size_t len)
{
	void __user *p = ktest_ualloc(len);

	if (p != (void __user *)0x10)
		memcpy(ktest_ukaddr(p), data, len);
	return p;
}

char __user *ktest_ustr(const char *s)
{
	return ktest_uput(s, strlen(s) + 1);
}

long ktest_syscall(unsigned int nr, unsigned long a0, unsigned long a1,
		   unsigned long a2, unsigned long a3, unsigned long a4,
		   unsigned long a5)
{
	struct pt_regs regs = {
		.di = a0, .si = a1, .dx = a2, .r10 = a3, .r8 = a4, .r9 = a5,
		.orig_ax = nr, .ax = -ENOSYS,
	};

	if (nr >= NR_syscalls)
		return -ENOSYS;
	return sys_call_table[nr](&regs);
}

struct ktest_child {
	struct ktest *t;
	void (*fn)(struct ktest *t);
};

static int ktest_child_fn(void *arg)
{
	struct ktest_child *c = arg;

	c->fn(c->t);
	do_exit(0);
}

void ktest_run_in_child(struct ktest *t, void (*fn)(struct ktest *t))
{
	struct ktest_child c = { .t = t, .fn = fn };
	int status = -1;
	pid_t pid = kernel_thread(ktest_child_fn, &c, "ktest-child", SIGCHLD);

	KTEST_ASSERT_GE(t, pid, 2);
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, status, 0);
}
