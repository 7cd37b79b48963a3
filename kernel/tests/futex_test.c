// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for futex(2), set_robust_list(2) and get_robust_list(2), through
 * the system-call table, with kernel threads sharing a user address
 * space as a process's threads do (uthread.h): waiters sleep until
 * woken, requeued, timed out; the errors are Linux's; a thread's exit
 * releases its robust locks and its CLONE_CHILD_CLEARTID word.
 */
#include <keel/bug.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/jiffies.h>
#include <keel/ktest.h>
#include <keel/limits.h>
#include <keel/mman.h>
#include <keel/sched.h>
#include <keel/sched/task.h>
#include <keel/timekeeping.h>
#include <keel/uaccess.h>
#include <asm/syscall.h>
#include <uapi/linux/futex.h>
#include <uapi/linux/sched.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/time_types.h>
#include <uapi/linux/wait.h>
#include "uthread.h"
#include "../../mm/tests/mmap_test.h"

/* Where things lie in the test's address space, from its base. */
#define WORD_A		0x000
#define WORD_B		0x040
#define TIMESPEC	0x080
#define ROBUST_HEAD	0x100
#define ROBUST_LOCKS	0x200	/* struct robust_list, then the word */
#define TID_WORD	0x400

static struct ut_space space;

static unsigned long at(unsigned long off)
{
	return space.base + off;
}

static long futex(unsigned long uaddr, int op, u32 val, unsigned long utime,
		  unsigned long uaddr2, u32 val3)
{
	return ktest_syscall(__NR_futex, uaddr, op, val, utime, uaddr2, val3);
}

/* The timespec at TIMESPEC, and its address. */
static unsigned long timespec_at(s64 sec, long long nsec)
{
	struct __kernel_timespec ts = { .tv_sec = sec, .tv_nsec = nsec };

	WARN_ON(copy_to_user((void __user *)at(TIMESPEC), &ts, sizeof(ts)));
	return at(TIMESPEC);
}

/* A thread in futex(2) until woken; ret is its result. */
struct waiter {
	unsigned long uaddr;
	int op;
	u32 val, val3;
	unsigned long timeout;		/* a struct __kernel_timespec, or 0 */
	long ret;
	pid_t pid;
};

static int waiter_fn(void *arg)
{
	struct waiter *w = arg;

	w->ret = futex(w->uaddr, w->op, w->val, w->timeout, 0, w->val3);
	do_exit(0);
}

/* Start a waiter created with @flags, let it sleep: 0 or -errno. */
static int spawn_waiter(struct waiter *w, u64 flags)
{
	w->ret = 1;
	w->pid = ut_spawn(waiter_fn, w, flags, 0);
	if (w->pid < 0)
		return w->pid;
	return ut_wait_sleeping(w->pid) ? 0 : -ETIMEDOUT;
}

/* A waiter in the same address space, as a thread. */
static int start_waiter(struct waiter *w, unsigned long uaddr, int op,
			u32 val, u32 val3)
{
	*w = (struct waiter) {
		.uaddr = uaddr, .op = op, .val = val, .val3 = val3,
	};
	return spawn_waiter(w, CLONE_VM | SIGCHLD);
}

/* What a signal does to a waiter: flag it and wake it, as delivery does. */
static void signal_waiter(struct waiter *w)
{
	struct task_struct *p = find_get_task_by_vpid(w->pid);

	if (p) {
		set_tsk_thread_flag(p, TIF_SIGPENDING);
		wake_up_state(p, TASK_INTERRUPTIBLE);
		put_task_struct(p);
	}
}

/*
 * Reap a waiter that has been woken: its futex() result.  One still
 * asleep after 5 s is a failure (-1000), which a signal then ends, so
 * that the suite goes on.
 */
static long stop_waiter(struct waiter *w)
{
	int i, status = -1;

	for (i = 0; i < 5 * HZ; i++) {
		if (kernel_wait4(w->pid, &status, WNOHANG) == w->pid)
			return status ? -1000 : w->ret;
		schedule_timeout_uninterruptible(1);
	}
	signal_waiter(w);
	ut_reap(w->pid);
	return -1000;
}

static int futex_suite_init(struct ktest *t)
{
	return ut_enter(t, &space);
}

static void futex_suite_exit(struct ktest *t)
{
	ut_leave(&space);
}

static void test_errors(struct ktest *t)
{
	ut_put(at(WORD_A), 1);
	/* The word differs from the value: no sleep. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAIT, 0, 0, 0, 0), -EAGAIN);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAIT_PRIVATE, 2, 0, 0, 0),
			-EAGAIN);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A) + 1, FUTEX_WAIT, 1, 0, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A) + 2, FUTEX_WAKE, 1, 0, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAIT_BITSET, 1, 0, 0, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE_BITSET, 1, 0, 0, 0),
			-EINVAL);
	/* Kernel memory, and user memory that is not mapped. */
	KTEST_EXPECT_EQ(t, futex((unsigned long)&space, FUTEX_WAIT, 0, 0, 0,
				 0), -EFAULT);
	KTEST_EXPECT_EQ(t, futex(at(UT_PAGES * PAGE_SIZE), FUTEX_WAIT, 0, 0,
				 0, 0), -EFAULT);
	/* Waking a private word that was never mapped wakes nobody. */
	KTEST_EXPECT_EQ(t, futex(at(UT_PAGES * PAGE_SIZE), FUTEX_WAKE_PRIVATE,
				 1, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE, 1, 0, 0, 0), 0);
	/* Timeouts: a bad one, one that cannot be read. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAIT, 1,
				 timespec_at(0, NSEC_PER_SEC), 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAIT, 1,
				 timespec_at(-1, 0), 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAIT, 1,
				 at(UT_PAGES * PAGE_SIZE), 0, 0), -EFAULT);
	/* Requeue counts are signed. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_REQUEUE, -1, 1,
				 at(WORD_B), 0), -EINVAL);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_CMP_REQUEUE, 1,
				 (unsigned long)-1, at(WORD_B), 1), -EINVAL);
	/* CLOCK_REALTIME only for the waits with an absolute timeout. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE | FUTEX_CLOCK_REALTIME,
				 1, 0, 0, 0), -ENOSYS);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAIT | FUTEX_CLOCK_REALTIME,
				 0, 0, 0, 0), -ENOSYS);
	/* PI futexes, FUTEX_FD and numbers past the last: not there. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_LOCK_PI, 0, 0, 0, 0),
			-ENOSYS);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_UNLOCK_PI, 0, 0, 0, 0),
			-ENOSYS);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_FD, 0, 0, 0, 0), -ENOSYS);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), 14, 0, 0, 0, 0), -ENOSYS);
	/* An unknown FUTEX_WAKE_OP operation; the word is unchanged. */
	ut_put(at(WORD_B), 5);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE_OP, 1, 1, at(WORD_B),
				 FUTEX_OP(7, 1, FUTEX_OP_CMP_EQ, 0)), -ENOSYS);
	KTEST_EXPECT_EQ(t, ut_get(at(WORD_B)), 5);
}

#define NR_WAITERS	3

static void test_wait_wake(struct ktest *t)
{
	struct waiter w[NR_WAITERS];
	int i, woken = 0;

	ut_put(at(WORD_A), 7);
	for (i = 0; i < NR_WAITERS; i++)
		KTEST_ASSERT_EQ(t, start_waiter(&w[i], at(WORD_A),
						i ? FUTEX_WAIT_PRIVATE :
						    FUTEX_WAIT, 7, 0), 0);
	/* Private and shared keys of private memory are the same. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE, 1, 0, 0, 0), 1);
	/* nr_wake 0 wakes one, as in Linux. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE_PRIVATE, 0, 0, 0, 0),
			1);
	for (i = 0; i < NR_WAITERS; i++)
		woken += READ_ONCE(w[i].ret) == 0;
	KTEST_EXPECT_LE(t, woken, 2);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE, INT_MAX, 0, 0, 0), 1);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE, INT_MAX, 0, 0, 0), 0);
	for (i = 0; i < NR_WAITERS; i++)
		KTEST_EXPECT_EQ(t, stop_waiter(&w[i]), 0);
}

/* Nanoseconds since @start. */
static u64 since(u64 start)
{
	return ktime_get_ns() - start;
}

static void test_timeouts(struct ktest *t)
{
	u64 start, real;

	ut_put(at(WORD_A), 3);
	start = ktime_get_ns();
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAIT, 3,
				 timespec_at(0, 50 * NSEC_PER_MSEC), 0, 0),
			-ETIMEDOUT);
	KTEST_EXPECT_GE(t, since(start), 50 * NSEC_PER_MSEC);
	/* A zero timeout times out at once; a differing value is -EAGAIN. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAIT, 3, timespec_at(0, 0),
				 0, 0), -ETIMEDOUT);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAIT, 4, timespec_at(0, 0),
				 0, 0), -EAGAIN);

	/* FUTEX_WAIT_BITSET: absolute, on the monotonic clock... */
	start = ktime_get_ns();
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAIT_BITSET_PRIVATE, 3,
				 timespec_at((start + 30 * NSEC_PER_MSEC) /
					     NSEC_PER_SEC,
					     (start + 30 * NSEC_PER_MSEC) %
					     NSEC_PER_SEC), 0,
				 FUTEX_BITSET_MATCH_ANY), -ETIMEDOUT);
	KTEST_EXPECT_GE(t, since(start), 30 * NSEC_PER_MSEC);
	/* ... one in the past ends at once ... */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAIT_BITSET, 3,
				 timespec_at(0, 0), 0, FUTEX_BITSET_MATCH_ANY),
			-ETIMEDOUT);
	/* ... or on the wall clock. */
	start = ktime_get_ns();
	real = ktime_get_real_ns() + 30 * NSEC_PER_MSEC;
	KTEST_EXPECT_EQ(t, futex(at(WORD_A),
				 FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 3,
				 timespec_at(real / NSEC_PER_SEC,
					     real % NSEC_PER_SEC), 0,
				 FUTEX_BITSET_MATCH_ANY), -ETIMEDOUT);
	KTEST_EXPECT_GE(t, since(start), 30 * NSEC_PER_MSEC);
	KTEST_EXPECT_LT(t, since(start), 5 * NSEC_PER_SEC);
}

/* A wake-up before the timeout: 0, well before it. */
static void test_wake_before_timeout(struct ktest *t)
{
	struct waiter w = {
		.uaddr = at(WORD_B), .op = FUTEX_WAIT, .val = 9,
		.timeout = timespec_at(10, 0),
	};
	u64 start = ktime_get_ns();

	ut_put(at(WORD_B), 9);
	KTEST_ASSERT_EQ(t, spawn_waiter(&w, CLONE_VM | SIGCHLD), 0);
	KTEST_EXPECT_EQ(t, futex(at(WORD_B), FUTEX_WAKE, 1, 0, 0, 0), 1);
	KTEST_EXPECT_EQ(t, stop_waiter(&w), 0);
	KTEST_EXPECT_LT(t, since(start), 5 * NSEC_PER_SEC);
}

/* A signal ends a wait: restartable without a timeout, -EINTR with. */
static void test_signal_interrupts(struct ktest *t)
{
	struct waiter w;

	ut_put(at(WORD_A), 6);
	KTEST_ASSERT_EQ(t, start_waiter(&w, at(WORD_A), FUTEX_WAIT, 6, 0), 0);
	signal_waiter(&w);
	KTEST_EXPECT_EQ(t, stop_waiter(&w), -ERESTARTSYS);
	w = (struct waiter) {
		.uaddr = at(WORD_A), .op = FUTEX_WAIT, .val = 6,
		.timeout = timespec_at(10, 0),
	};
	KTEST_ASSERT_EQ(t, spawn_waiter(&w, CLONE_VM | SIGCHLD), 0);
	signal_waiter(&w);
	KTEST_EXPECT_EQ(t, stop_waiter(&w), -EINTR);
	/* Neither is left queued. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE, INT_MAX, 0, 0, 0), 0);
}

/* Timeouts too far to count in nanoseconds do not wrap to the past. */
static void test_huge_timeouts(struct ktest *t)
{
	static const int ops[] = {
		FUTEX_WAIT, FUTEX_WAIT_BITSET,
		FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME,
	};
	struct waiter w;
	int i;

	ut_put(at(WORD_A), 2);
	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		w = (struct waiter) {
			.uaddr = at(WORD_A), .op = ops[i], .val = 2,
			.val3 = FUTEX_BITSET_MATCH_ANY,
			.timeout = timespec_at(S64_MAX, NSEC_PER_SEC - 1),
		};
		KTEST_ASSERT_EQ(t, spawn_waiter(&w, CLONE_VM | SIGCHLD), 0);
		KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE, 1, 0, 0, 0),
				1);
		KTEST_EXPECT_EQ(t, stop_waiter(&w), 0);
	}
}

static void test_bitset(struct ktest *t)
{
	struct waiter w1, w2;

	ut_put(at(WORD_A), 0);
	KTEST_ASSERT_EQ(t, start_waiter(&w1, at(WORD_A), FUTEX_WAIT_BITSET, 0,
					0x1), 0);
	KTEST_ASSERT_EQ(t, start_waiter(&w2, at(WORD_A), FUTEX_WAIT_BITSET, 0,
					0x6), 0);
	/* Only the waiter whose bits meet the waker's. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE_BITSET, 2, 0, 0, 0x8),
			0);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE_BITSET, 2, 0, 0, 0x4),
			1);
	KTEST_EXPECT_EQ(t, stop_waiter(&w2), 0);
	KTEST_EXPECT_EQ(t, READ_ONCE(w1.ret), 1);
	/* Plain FUTEX_WAKE matches any bitset. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE, 2, 0, 0, 0), 1);
	KTEST_EXPECT_EQ(t, stop_waiter(&w1), 0);
}

static void test_requeue(struct ktest *t)
{
	struct waiter w[NR_WAITERS];
	int i;

	ut_put(at(WORD_A), 1);
	ut_put(at(WORD_B), 2);
	for (i = 0; i < NR_WAITERS; i++)
		KTEST_ASSERT_EQ(t, start_waiter(&w[i], at(WORD_A), FUTEX_WAIT,
						1, 0), 0);
	/* CMP_REQUEUE checks the first word: it moved on, so nothing. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_CMP_REQUEUE, 1, 1,
				 at(WORD_B), 0), -EAGAIN);
	/* One woken, one moved to B: two counted; one stays on A. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_CMP_REQUEUE, 1, 1,
				 at(WORD_B), 1), 2);
	KTEST_EXPECT_EQ(t, futex(at(WORD_B), FUTEX_WAKE, 0, 0, 0, 0), 1);
	/* Plain REQUEUE: nothing woken, the last moved to B. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_REQUEUE, 0, 5, at(WORD_B),
				 0), 1);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE, INT_MAX, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, futex(at(WORD_B), FUTEX_WAKE, INT_MAX, 0, 0, 0), 1);
	for (i = 0; i < NR_WAITERS; i++)
		KTEST_EXPECT_EQ(t, stop_waiter(&w[i]), 0);
}

/* A requeued waiter that times out leaves B's queue empty. */
static void test_requeue_then_timeout(struct ktest *t)
{
	struct waiter w = {
		.uaddr = at(WORD_A), .op = FUTEX_WAIT, .val = 4,
		.timeout = timespec_at(10, 0),
	};

	ut_put(at(WORD_A), 4);
	KTEST_ASSERT_EQ(t, spawn_waiter(&w, CLONE_VM | SIGCHLD), 0);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_REQUEUE, 0, 1, at(WORD_B),
				 0), 1);
	KTEST_EXPECT_EQ(t, futex(at(WORD_B), FUTEX_WAKE, 1, 0, 0, 0), 1);
	KTEST_EXPECT_EQ(t, stop_waiter(&w), 0);
	KTEST_EXPECT_EQ(t, futex(at(WORD_B), FUTEX_WAKE, 1, 0, 0, 0), 0);
}

static void test_wake_op(struct ktest *t)
{
	struct waiter wa, wb;

	ut_put(at(WORD_A), 0);
	ut_put(at(WORD_B), 5);
	KTEST_ASSERT_EQ(t, start_waiter(&wa, at(WORD_A), FUTEX_WAIT, 0, 0), 0);
	KTEST_ASSERT_EQ(t, start_waiter(&wb, at(WORD_B), FUTEX_WAIT, 5, 0), 0);
	/* B += 3, and B was 5 == 5: wake on both. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE_OP, 1, 1, at(WORD_B),
				 FUTEX_OP(FUTEX_OP_ADD, 3, FUTEX_OP_CMP_EQ,
					  5)), 2);
	KTEST_EXPECT_EQ(t, ut_get(at(WORD_B)), 8);
	KTEST_EXPECT_EQ(t, stop_waiter(&wa), 0);
	KTEST_EXPECT_EQ(t, stop_waiter(&wb), 0);
	/* B |= 1 << 4, and B was 8, not > 8: the first futex only. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE_OP, 1, 1, at(WORD_B),
				 FUTEX_OP(FUTEX_OP_OR | FUTEX_OP_OPARG_SHIFT, 4,
					  FUTEX_OP_CMP_GT, 8)), 0);
	KTEST_EXPECT_EQ(t, ut_get(at(WORD_B)), 24);
	/* Signed comparison, ANDN, SET, XOR. */
	ut_put(at(WORD_B), (u32)-2);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE_OP, 1, 1, at(WORD_B),
				 FUTEX_OP(FUTEX_OP_ANDN, 1, FUTEX_OP_CMP_LT,
					  0)), 0);
	KTEST_EXPECT_EQ(t, ut_get(at(WORD_B)), (u32)-2);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE_OP, 1, 1, at(WORD_B),
				 FUTEX_OP(FUTEX_OP_SET, 0x7ff, FUTEX_OP_CMP_NE,
					  0)), 0);
	KTEST_EXPECT_EQ(t, ut_get(at(WORD_B)), 0x7ff);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE_OP, 1, 1, at(WORD_B),
				 FUTEX_OP(FUTEX_OP_XOR, 0xf, FUTEX_OP_CMP_GE,
					  0)), 0);
	KTEST_EXPECT_EQ(t, ut_get(at(WORD_B)), 0x7f0);
	/* An unknown comparison: the operation is done, then -ENOSYS. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE_OP, 1, 1, at(WORD_B),
				 FUTEX_OP(FUTEX_OP_SET, 1, 9, 0)), -ENOSYS);
	KTEST_EXPECT_EQ(t, ut_get(at(WORD_B)), 1);
	/* The second word must be writable user memory. */
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE_OP, 1, 1,
				 at(UT_PAGES * PAGE_SIZE),
				 FUTEX_OP(FUTEX_OP_SET, 1, 0, 0)), -EFAULT);
}

/*
 * Two threads hand a token back and forth through one word, each
 * waiting (with a timeout that must never fire) until it is its turn:
 * a lost wake-up shows as a timeout.
 */
#define PINGPONG_ROUNDS	500

struct pingpong {
	unsigned long uaddr;
	unsigned long timeout;		/* a struct __kernel_timespec */
	int timeouts;
};

static void play(struct pingpong *pp, u32 me, u32 other)
{
	int i;
	u32 v;

	for (i = 0; i < PINGPONG_ROUNDS; i++) {
		while ((v = ut_get(pp->uaddr)) != me)
			if (futex(pp->uaddr, FUTEX_WAIT_PRIVATE, v,
				  pp->timeout, 0, 0) == -ETIMEDOUT)
				pp->timeouts++;
		ut_put(pp->uaddr, other);
		futex(pp->uaddr, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
	}
}

static int ponger_fn(void *arg)
{
	play(arg, 2, 1);
	do_exit(0);
}

static void test_no_lost_wakeups(struct ktest *t)
{
	struct pingpong pp = {
		.uaddr = at(WORD_A),
		.timeout = timespec_at(2, 0),
	};
	pid_t pid;

	ut_put(at(WORD_A), 1);
	pid = ut_spawn(ponger_fn, &pp, CLONE_VM | SIGCHLD, 0);
	KTEST_ASSERT_GE(t, pid, 1);
	play(&pp, 1, 2);
	KTEST_EXPECT_EQ(t, ut_reap(pid), 0);
	KTEST_EXPECT_EQ(t, pp.timeouts, 0);
	KTEST_EXPECT_EQ(t, ut_get(at(WORD_A)), 1);
}

static void test_robust_list_calls(struct ktest *t)
{
	unsigned long head = at(ROBUST_HEAD);

	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_set_robust_list, head, 23, 0, 0, 0,
				      0), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_set_robust_list, head,
				      sizeof(struct robust_list_head), 0, 0, 0,
				      0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_get_robust_list, 0, at(WORD_A),
				      at(WORD_B), 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, ut_get(at(WORD_A)), (u32)head);
	KTEST_EXPECT_EQ(t, ut_get(at(WORD_A) + 4), (u32)(head >> 32));
	KTEST_EXPECT_EQ(t, ut_get(at(WORD_B)), 24);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_get_robust_list, current->pid,
				      at(WORD_A), at(WORD_B), 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_get_robust_list, INT_MAX,
				      at(WORD_A), at(WORD_B), 0, 0, 0), -ESRCH);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_get_robust_list, 0,
				      at(UT_PAGES * PAGE_SIZE), at(WORD_B), 0,
				      0, 0), -EFAULT);
	current->robust_list = NULL;
}

/* Robust list: head, then NR_LOCKS locks of 16 bytes (next, word). */
#define NR_LOCKS	3

static unsigned long lock_entry(int i)
{
	return at(ROBUST_LOCKS + 16 * i);
}

static void put_ptr(unsigned long addr, unsigned long val)
{
	WARN_ON(put_user(val, (unsigned long __user *)addr));
}

/*
 * A thread that holds three robust locks (one with waiters, one being
 * taken: list_op_pending) and one it does not own, and exits.
 */
static int robust_owner_fn(void *arg)
{
	u32 tid = current->pid;
	int i;

	put_ptr(at(ROBUST_HEAD), lock_entry(0));
	put_ptr(at(ROBUST_HEAD) + 8, 8);		/* futex_offset */
	put_ptr(at(ROBUST_HEAD) + 16, lock_entry(NR_LOCKS));
	for (i = 0; i < NR_LOCKS; i++)
		put_ptr(lock_entry(i), i + 1 < NR_LOCKS ? lock_entry(i + 1) :
							  at(ROBUST_HEAD));
	ut_put(lock_entry(0) + 8, tid | FUTEX_WAITERS);
	ut_put(lock_entry(1) + 8, tid);
	ut_put(lock_entry(2) + 8, (tid + 1) | FUTEX_WAITERS);	/* not ours */
	ut_put(lock_entry(NR_LOCKS) + 8, tid);			/* pending */
	ktest_syscall(__NR_set_robust_list, at(ROBUST_HEAD),
		   sizeof(struct robust_list_head), 0, 0, 0, 0);
	/* Let the test queue its waiter on lock 0. */
	while (ut_get(at(WORD_A)) != 1)
		futex(at(WORD_A), FUTEX_WAIT, 0, 0, 0, 0);
	do_exit(0);
}

static void test_robust_exit(struct ktest *t)
{
	struct waiter w;
	pid_t pid;
	u32 tid;

	ut_put(at(WORD_A), 0);
	pid = ut_spawn(robust_owner_fn, NULL, CLONE_VM | SIGCHLD, 0);
	KTEST_ASSERT_GE(t, pid, 1);
	KTEST_ASSERT_TRUE(t, ut_wait_sleeping(pid));
	tid = pid;
	KTEST_ASSERT_EQ(t, start_waiter(&w, lock_entry(0) + 8, FUTEX_WAIT,
					tid | FUTEX_WAITERS, 0), 0);
	ut_put(at(WORD_A), 1);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE, 1, 0, 0, 0), 1);
	KTEST_EXPECT_EQ(t, ut_reap(pid), 0);
	/* Woken by the owner's death, and told so by the word. */
	KTEST_EXPECT_EQ(t, stop_waiter(&w), 0);
	KTEST_EXPECT_EQ(t, ut_get(lock_entry(0) + 8),
			FUTEX_OWNER_DIED | FUTEX_WAITERS);
	KTEST_EXPECT_EQ(t, ut_get(lock_entry(1) + 8), FUTEX_OWNER_DIED);
	KTEST_EXPECT_EQ(t, ut_get(lock_entry(2) + 8),
			(tid + 1) | FUTEX_WAITERS);
	KTEST_EXPECT_EQ(t, ut_get(lock_entry(NR_LOCKS) + 8), FUTEX_OWNER_DIED);
}

/* CLONE_CHILD_SETTID writes the TID; CLEARTID clears it and wakes. */
static int tid_fn(void *arg)
{
	u32 *seen = arg;

	*seen = ut_get(at(TID_WORD));
	do_exit(0);
}

static void test_child_tid(struct ktest *t)
{
	u32 seen = 0;
	pid_t pid;

	/* The child writes its TID before it runs its code. */
	ut_put(at(TID_WORD), 0);
	pid = ut_spawn(tid_fn, &seen, CLONE_VM | SIGCHLD | CLONE_CHILD_SETTID,
		       at(TID_WORD));
	KTEST_ASSERT_GE(t, pid, 1);
	KTEST_EXPECT_EQ(t, ut_reap(pid), 0);
	KTEST_EXPECT_EQ(t, seen, (u32)pid);
	KTEST_EXPECT_EQ(t, ut_get(at(TID_WORD)), (u32)pid);

	/* The parent's copy is there at once; the exit clears and wakes. */
	ut_put(at(TID_WORD), 0);
	pid = ut_spawn(tid_fn, &seen, CLONE_VM | SIGCHLD |
		       CLONE_PARENT_SETTID |
		       CLONE_CHILD_CLEARTID, at(TID_WORD));
	KTEST_ASSERT_GE(t, pid, 1);
	KTEST_EXPECT_EQ(t, ut_join(at(TID_WORD), at(TIMESPEC)), 0);
	KTEST_EXPECT_EQ(t, ut_reap(pid), 0);
	KTEST_EXPECT_EQ(t, seen, (u32)pid);
}

/*
 * A MAP_SHARED word is the same futex in a forked child, whose address
 * space is a copy; a private word is the child's own.
 */
static void test_shared_mapping(struct ktest *t)
{
	long shm = mt_mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	struct waiter w = { .op = FUTEX_WAIT, .val = 5 };

	KTEST_ASSERT_FALSE(t, IS_ERR_VALUE(shm));
	ut_put(shm, 5);
	w.uaddr = shm;
	KTEST_ASSERT_EQ(t, spawn_waiter(&w, SIGCHLD), 0);
	/* Keyed by our address space, a private futex is another one. */
	KTEST_EXPECT_EQ(t, futex(shm, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, futex(shm, FUTEX_WAKE, 1, 0, 0, 0), 1);
	KTEST_EXPECT_EQ(t, stop_waiter(&w), 0);

	ut_put(at(WORD_A), 5);
	w = (struct waiter) {
		.uaddr = at(WORD_A), .op = FUTEX_WAIT, .val = 5,
		.timeout = timespec_at(0, 50 * NSEC_PER_MSEC),
	};
	KTEST_ASSERT_EQ(t, spawn_waiter(&w, SIGCHLD), 0);
	KTEST_EXPECT_EQ(t, futex(at(WORD_A), FUTEX_WAKE, 1, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, stop_waiter(&w), -ETIMEDOUT);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_munmap, shm, PAGE_SIZE, 0, 0, 0,
				      0), 0);
}

static struct ktest_case futex_cases[] = {
	KTEST_CASE(test_errors),
	KTEST_CASE(test_wait_wake),
	KTEST_CASE(test_timeouts),
	KTEST_CASE(test_wake_before_timeout),
	KTEST_CASE(test_signal_interrupts),
	KTEST_CASE(test_huge_timeouts),
	KTEST_CASE(test_bitset),
	KTEST_CASE(test_requeue),
	KTEST_CASE(test_requeue_then_timeout),
	KTEST_CASE(test_wake_op),
	KTEST_CASE(test_no_lost_wakeups),
	KTEST_CASE(test_robust_list_calls),
	KTEST_CASE(test_robust_exit),
	KTEST_CASE(test_child_tid),
	KTEST_CASE(test_shared_mapping),
	{}
};

static struct ktest_suite futex_suite = {
	.name = "futex",
	.init = futex_suite_init,
	.exit = futex_suite_exit,
	.cases = futex_cases,
};
ktest_register_suite(futex_suite);
