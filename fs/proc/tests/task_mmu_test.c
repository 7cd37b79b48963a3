// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/maps lines (show_map_vma()) against Linux's exact text,
 * for an address space built with the kernel's mapping calls: the heap,
 * a stack, anonymous private and shared memory, a shared file mapping
 * at an offset and an executable one.  Also seq_pad()'s columns.
 */
#include <keel/err.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/ktest.h>
#include <keel/mm.h>
#include <keel/mman.h>
#include <keel/mmap_lock.h>
#include <keel/proc_fs.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <keel/seq_file.h>
#include <keel/slab.h>
#include <keel/sprintf.h>
#include <keel/string.h>
#include <keel/syscalls.h>

#define TM_FILE		"/task_mmu_test"
#define TM_BUF_SIZE	2048

static void seq_pad_pads_to_the_width(struct ktest *t)
{
	char buf[32];
	struct seq_file m;

	seq_init(&m, buf, sizeof(buf));
	seq_puts(&m, "ab");
	seq_setwidth(&m, 6);
	seq_puts(&m, "cd");
	seq_pad(&m, '|');
	seq_puts(&m, "0123456789");
	seq_setwidth(&m, 2);
	seq_puts(&m, "xyz");
	seq_pad(&m, 0);
	KTEST_EXPECT_EQ(t, m.count, 22UL);
	KTEST_EXPECT_MEMEQ(t, buf, "abcd    |0123456789xyz", 22);
	seq_setwidth(&m, 20);
	seq_pad(&m, 0);
	KTEST_EXPECT_TRUE(t, seq_has_overflowed(&m));
}

/* "%-73s" puts the name where Linux's seq_pad() does, in column 73. */
static void expect_line(char **at, const char *prefix, const char *name)
{
	if (name)
		*at += sprintf(*at, "%-73s%s\n", prefix, name);
	else
		*at += sprintf(*at, "%s \n", prefix);
}

static void maps_lines_exact(struct ktest *t)
{
	char *got = kzalloc(TM_BUF_SIZE, GFP_KERNEL);
	char *want = kzalloc(TM_BUF_SIZE, GFP_KERNEL), *at = want;
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	char prefix[96], page[PAGE_SIZE / 4] = "";
	struct seq_file m;
	struct file *file;
	struct inode *inode;
	loff_t pos = 0;
	long fd;

	KTEST_ASSERT_NOT_NULL(t, got);
	KTEST_ASSERT_NOT_NULL(t, want);
	KTEST_ASSERT_NOT_NULL(t, mm);
	fd = ksys_openat(AT_FDCWD, TM_FILE, O_RDWR | O_CREAT | O_TRUNC, 0644);
	KTEST_ASSERT_GE(t, fd, 0L);
	file = fget(fd);
	for (pos = 0; pos < 2 * PAGE_SIZE; )
		kernel_write(file, page, sizeof(page), &pos);
	inode = file_inode(file);

	kthread_use_mm(mm);
	mm->start_brk = mm->brk = 0x600000;
	KTEST_EXPECT_EQ(t, vm_brk_flags(0x600000, 2 * PAGE_SIZE, 0), 0);
	mm->brk += 2 * PAGE_SIZE;
	KTEST_EXPECT_EQ(t, vm_mmap(file, 0x400000, PAGE_SIZE,
				   PROT_READ | PROT_EXEC, MAP_PRIVATE, 0),
			0x400000UL);
	KTEST_EXPECT_EQ(t, vm_mmap(file, 0x10000000, PAGE_SIZE, PROT_READ,
				   MAP_SHARED, PAGE_SIZE), 0x10000000UL);
	KTEST_EXPECT_EQ(t, vm_mmap(NULL, 0x20000000, PAGE_SIZE, PROT_NONE,
				   MAP_PRIVATE | MAP_ANONYMOUS, 0),
			0x20000000UL);
	KTEST_EXPECT_EQ(t, vm_mmap(NULL, 0x30000000, PAGE_SIZE,
				   PROT_READ | PROT_WRITE,
				   MAP_SHARED | MAP_ANONYMOUS, 0),
			0x30000000UL);
	KTEST_EXPECT_EQ(t, vm_mmap(NULL, 0x7ff000000000, 4 * PAGE_SIZE,
				   PROT_READ | PROT_WRITE, MAP_PRIVATE |
				   MAP_ANONYMOUS | MAP_GROWSDOWN, 0),
			0x7ff000000000UL);
	mm->start_stack = 0x7ff000003ff0;

	seq_init(&m, got, TM_BUF_SIZE);
	mmap_read_lock(mm);
	for (vma = vma_first(&mm->mm_rb); vma; vma = vma_next(vma))
		show_map_vma(&m, vma);
	mmap_read_unlock(mm);
	KTEST_ASSERT_FALSE(t, seq_has_overflowed(&m));

	sprintf(prefix, "00400000-00401000 r-xp 00000000 %02x:%02x %lu",
		MAJOR(inode->i_sb->s_dev), MINOR(inode->i_sb->s_dev),
		inode->i_ino);
	expect_line(&at, prefix, TM_FILE);
	expect_line(&at, "00600000-00602000 rw-p 00000000 00:00 0", "[heap]");
	sprintf(prefix, "10000000-10001000 r--s 00001000 %02x:%02x %lu",
		MAJOR(inode->i_sb->s_dev), MINOR(inode->i_sb->s_dev),
		inode->i_ino);
	expect_line(&at, prefix, TM_FILE);
	expect_line(&at, "20000000-20001000 ---p 00000000 00:00 0", NULL);
	expect_line(&at, "30000000-30001000 rw-s 00000000 00:00 0", NULL);
	expect_line(&at, "7ff000000000-7ff000004000 rw-p 00000000 00:00 0",
		    "[stack]");
	KTEST_EXPECT_EQ(t, m.count, strlen(want));
	KTEST_EXPECT_STREQ(t, got, want);

	kthread_unuse_mm(mm);
	mmput(mm);
	fput(file);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0L);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, TM_FILE, 0), 0L);
	kfree(got);
	kfree(want);
}

static struct ktest_case task_mmu_cases[] = {
	KTEST_CASE(seq_pad_pads_to_the_width),
	KTEST_CASE(maps_lines_exact),
	{}
};

static struct ktest_suite task_mmu_suite = {
	.name = "task_mmu",
	.cases = task_mmu_cases,
};
ktest_register_suite(task_mmu_suite);
