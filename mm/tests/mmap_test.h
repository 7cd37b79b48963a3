/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the user-address-space suites (mmap_test.c,
 * mmap_file_test.c, mremap_test.c): a fresh mm_struct to run in, the
 * system calls through the table with a register frame, and one-byte
 * user accesses returning the byte or -EFAULT.
 */
#ifndef _MM_TESTS_MMAP_TEST_H
#define _MM_TESTS_MMAP_TEST_H

#include <keel/ktest_user.h>
#include <keel/types.h>

struct ktest;
struct mm_struct;

/* mm_alloc() and kthread_use_mm(), or NULL (an expectation failed). */
struct mm_struct *mt_enter(struct ktest *t);
/* kthread_unuse_mm() and mmput(). */
void mt_leave(struct mm_struct *mm);
void mt_switch(struct mm_struct *from, struct mm_struct *to);
long mt_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	     unsigned long flags, long fd, unsigned long off);
/* Private anonymous memory anywhere. */
long mt_anon(unsigned long len, unsigned long prot);
int mt_peek(unsigned long addr);
int mt_poke(unsigned long addr, unsigned char c);

#endif /* _MM_TESTS_MMAP_TEST_H */
