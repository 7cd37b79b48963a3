// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mapping ramfs files: MAP_SHARED maps the file's own pages,
 * so the mapping, read() and write() see the same bytes, even a write()
 * from the mapping into its own file; MAP_PRIVATE reads the file until
 * the first write copies the page; past the end of the file is SIGBUS
 * (-EFAULT for the kernel); the file's open mode limits the mapping
 * (EACCES); what cannot be mapped is ENODEV.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/ktest.h>
#include <keel/mm.h>
#include <keel/mman.h>
#include <keel/sched/mm.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <asm/syscall.h>

#include "../internal.h"
#include "mmap_test.h"

#define MF_FILE		"/mmap_file_test"

/* A file of two pages: "page0..." then "page1...", opened with @flags. */
static long make_file(struct ktest *t, int flags)
{
	char *buf = kzalloc(2 * PAGE_SIZE, GFP_KERNEL);
	struct file *file;
	loff_t pos = 0;
	long fd;

	KTEST_EXPECT_NOT_NULL(t, buf);
	if (!buf)
		return -ENOMEM;
	fd = ksys_openat(AT_FDCWD, MF_FILE, O_RDWR | O_CREAT | O_TRUNC, 0644);
	KTEST_EXPECT_GE(t, fd, 0L);
	if (fd >= 0) {
		memcpy(buf, "page0", 5);
		memcpy(buf + PAGE_SIZE, "page1", 5);
		file = fget(fd);
		KTEST_EXPECT_EQ(t, kernel_write(file, buf, 2 * PAGE_SIZE, &pos),
				(ssize_t)(2 * PAGE_SIZE));
		fput(file);
		if (flags != O_RDWR) {
			ksys_close(fd);
			fd = ksys_openat(AT_FDCWD, MF_FILE, flags, 0);
		}
	}
	kfree(buf);
	return fd;
}

static void drop_file(struct ktest *t, long fd)
{
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0L);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, MF_FILE, 0), 0L);
}

static ssize_t file_pread(long fd, void *buf, size_t n, loff_t pos)
{
	struct file *file = fget(fd);
	ssize_t ret = kernel_read(file, buf, n, &pos);

	fput(file);
	return ret;
}

static ssize_t file_pwrite(long fd, const void *buf, size_t n, loff_t pos)
{
	struct file *file = fget(fd);
	ssize_t ret = kernel_write(file, buf, n, &pos);

	fput(file);
	return ret;
}

static void shared_mapping_is_the_file(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	char buf[8] = "";
	long fd, addr;

	if (!mm)
		return;
	fd = make_file(t, O_RDWR);
	addr = mt_mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
		       fd, 0);
	KTEST_ASSERT_GE(t, addr, 0L);
	KTEST_EXPECT_EQ(t, mt_peek(addr + PAGE_SIZE + 4), '1');
	KTEST_EXPECT_EQ(t, mt_poke(addr + 4, 'X'), 0);
	KTEST_EXPECT_EQ(t, file_pread(fd, buf, 5, 0), 5L);
	KTEST_EXPECT_MEMEQ(t, buf, "pageX", 5);
	KTEST_EXPECT_EQ(t, file_pwrite(fd, "Y", 1, PAGE_SIZE + 4), 1L);
	KTEST_EXPECT_EQ(t, mt_peek(addr + PAGE_SIZE + 4), 'Y');
	/* write() from the mapping into its own file: no lock cycle. */
	KTEST_EXPECT_EQ(t, ksys_pwrite64(fd, (const char __user *)addr, 5,
					 PAGE_SIZE), 5L);
	KTEST_EXPECT_EQ(t, mt_peek(addr + PAGE_SIZE + 4), 'X');
	/* The mapping keeps the file: closing the fd changes nothing. */
	drop_file(t, fd);
	KTEST_EXPECT_EQ(t, mt_peek(addr + 4), 'X');
	KTEST_EXPECT_EQ(t, find_vma(mm, addr)->vm_pgoff, 0UL);
	mt_leave(mm);
}

static void private_mapping_copies_on_write(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	struct page *file_page;
	char buf[8] = "";
	long fd, addr;

	if (!mm)
		return;
	fd = make_file(t, O_RDONLY);
	/* A private writable mapping of a read-only file is allowed. */
	addr = mt_mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd,
		       PAGE_SIZE);
	KTEST_ASSERT_GE(t, addr, 0L);
	KTEST_EXPECT_EQ(t, mt_peek(addr + 4), '1');
	file_page = follow_page(mm, addr);
	KTEST_EXPECT_NOT_NULL(t, file_page);
	KTEST_EXPECT_EQ(t, mt_poke(addr + 4, 'P'), 0);
	KTEST_EXPECT_PTR_NE(t, follow_page(mm, addr), file_page);
	KTEST_EXPECT_EQ(t, mt_peek(addr + 4), 'P');
	KTEST_EXPECT_EQ(t, file_pread(fd, buf, 5, PAGE_SIZE), 5L);
	KTEST_EXPECT_MEMEQ(t, buf, "page1", 5);
	drop_file(t, fd);
	mt_leave(mm);
}

/* Whole pages past the end of the file fault (SIGBUS; -EFAULT here). */
static void past_the_end_is_sigbus(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	long fd, addr;

	if (!mm)
		return;
	fd = make_file(t, O_RDWR);
	addr = mt_mmap(0, 3 * PAGE_SIZE, PROT_READ, MAP_SHARED, fd, 0);
	KTEST_ASSERT_GE(t, addr, 0L);
	KTEST_EXPECT_EQ(t, mt_peek(addr + 2 * PAGE_SIZE - 1), 0);
	KTEST_EXPECT_EQ(t, mt_peek(addr + 2 * PAGE_SIZE), -EFAULT);
	KTEST_EXPECT_EQ(t, ksys_ftruncate(fd, 3 * PAGE_SIZE), 0L);
	KTEST_EXPECT_EQ(t, mt_peek(addr + 2 * PAGE_SIZE), 0);
	drop_file(t, fd);
	mt_leave(mm);
}

static void file_mode_limits_the_mapping(struct ktest *t)
{
	struct mm_struct *mm = mt_enter(t);
	long fd, dir, addr;

	if (!mm)
		return;
	fd = make_file(t, O_RDONLY);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE,
				   MAP_SHARED, fd, 0), (long)-EACCES);
	addr = mt_mmap(0, PAGE_SIZE, PROT_READ, MAP_SHARED, fd, 0);
	KTEST_ASSERT_GE(t, addr, 0L);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_mprotect, addr, PAGE_SIZE,
				      PROT_READ | PROT_WRITE, 0, 0, 0),
			(long)-EACCES);
	KTEST_EXPECT_EQ(t, mt_poke(addr, 1), -EFAULT);
	/* Linux's LEGACY_MAP_MASK leaves MAP_FIXED_NOREPLACE out. */
	KTEST_EXPECT_EQ(t, mt_mmap(0x10000000, PAGE_SIZE, PROT_READ,
				   MAP_SHARED_VALIDATE | MAP_FIXED_NOREPLACE,
				   fd, 0), (long)-EOPNOTSUPP);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, PROT_READ,
				   MAP_PRIVATE | MAP_GROWSDOWN, fd, 0),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, PROT_READ, MAP_PRIVATE |
				   MAP_HUGETLB, fd, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0L);
	fd = ksys_openat(AT_FDCWD, MF_FILE, O_WRONLY, 0);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, PROT_WRITE, MAP_SHARED, fd, 0),
			(long)-EACCES);
	drop_file(t, fd);
	dir = ksys_openat(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT_EQ(t, mt_mmap(0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, dir, 0),
			(long)-ENODEV);
	ksys_close(dir);
	mt_leave(mm);
}

/* A mapped file's pages stay the file's: nothing more, nothing less. */
static void file_mappings_leave_nothing(struct ktest *t)
{
	unsigned long before = nr_free_pages_shrunk();
	struct mm_struct *mm = mt_enter(t), *child;
	long fd, shared, priv;

	if (!mm)
		return;
	fd = make_file(t, O_RDWR);
	shared = mt_mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
			 fd, 0);
	priv = mt_mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE,
		       fd, 0);
	KTEST_EXPECT_EQ(t, mt_poke(shared, 's'), 0);
	KTEST_EXPECT_EQ(t, mt_poke(priv + PAGE_SIZE, 'p'), 0);
	KTEST_EXPECT_EQ(t, mt_peek(priv), 's');
	child = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, dup_mmap(child, mm), 0);
	mt_switch(mm, child);
	KTEST_EXPECT_EQ(t, mt_poke(shared + PAGE_SIZE, 'c'), 0);
	KTEST_EXPECT_EQ(t, mt_peek(priv + PAGE_SIZE), 'p');
	mt_switch(child, mm);
	KTEST_EXPECT_EQ(t, mt_peek(shared + PAGE_SIZE), 'c');
	mmput(child);
	drop_file(t, fd);
	mt_leave(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages_shrunk(), before);
}

static struct ktest_case mmap_file_cases[] = {
	KTEST_CASE(shared_mapping_is_the_file),
	KTEST_CASE(private_mapping_copies_on_write),
	KTEST_CASE(past_the_end_is_sigbus),
	KTEST_CASE(file_mode_limits_the_mapping),
	KTEST_CASE(file_mappings_leave_nothing),
	{}
};

static struct ktest_suite mmap_file_suite = {
	.name = "mmap_file",
	.cases = mmap_file_cases,
};
ktest_register_suite(mmap_file_suite);
