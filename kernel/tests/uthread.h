/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the futex and thread-group suites: kernel threads that
 * share a fresh user address space, as the threads of a process do.
 * The suite's task borrows the space (kthread_use_mm()); the threads it
 * starts with CLONE_VM get it as their own mm (without, a copy), so they
 * fault user pages in, key private futexes by it and run mm_release()
 * when they exit.
 */
#ifndef _KERNEL_TESTS_UTHREAD_H
#define _KERNEL_TESTS_UTHREAD_H

#include <keel/types.h>

struct ktest;
struct mm_struct;

struct ut_space {
	struct mm_struct *mm;
	unsigned long base;		/* UT_PAGES of private memory */
};

#define UT_PAGES	4

/*
 * Enter a new address space with UT_PAGES mapped (mm/tests' mt_enter()
 * and mt_anon()): 0 or -errno.
 */
int ut_enter(struct ktest *t, struct ut_space *s);
void ut_leave(struct ut_space *s);

/* The u32 at user address @addr (0xdeadbeef if it cannot be read). */
u32 ut_get(unsigned long addr);
void ut_put(unsigned long addr, u32 val);

/*
 * Start @fn(@arg) in a task created with @flags (the exit signal in
 * CSIGNAL; CLONE_VM for a thread of this address space, else a copy of
 * it, as fork() makes) and @tid for CLONE_CHILD_SETTID/CLEARTID and
 * CLONE_PARENT_SETTID: its PID or -errno.
 */
pid_t ut_spawn(int (*fn)(void *), void *arg, u64 flags, unsigned long tid);

/* Wait (at most 5 s) until task @pid sleeps interruptibly: true if so. */
bool ut_wait_sleeping(pid_t pid);

/*
 * pthread_join(): wait (FUTEX_WAIT, at most 10 s, the timespec at user
 * address @ts_addr) until the CLONE_CHILD_CLEARTID word at @tid_addr is
 * 0: 0, or -ETIMEDOUT.
 */
int ut_join(unsigned long tid_addr, unsigned long ts_addr);

/* Reap child @pid: its wait status, or -1. */
int ut_reap(pid_t pid);

#endif /* _KERNEL_TESTS_UTHREAD_H */
