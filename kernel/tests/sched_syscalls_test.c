// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the scheduling system calls (kernel/sched/syscalls.c)
 * through the system-call table: the policy and priority calls and
 * their permission rules as root and as uid 1000, SCHED_RESET_ON_FORK,
 * the priority range, the time slice, and the one-CPU affinity masks.
 * Policy changes happen in child processes.
 */
#include <keel/errno.h>
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/timekeeping.h>
#include <asm/unistd.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/sched.h>
#include <uapi/linux/sched/types.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/time_types.h>

#define U(off)		((void __user *)(ktest_ubuf() + (off)))
#define K(off)		((void *)(ktest_ubuf_kaddr() + (off)))
#define BAD		((void __user *)(KTEST_UBUF + KTEST_UBUF_SIZE))

static int sched_sys_init(struct ktest *t)
{
	return ktest_ubuf() ? 0 : -ENOMEM;
}

static long set_sched(pid_t pid, int policy, int prio)
{
	((struct sched_param *)K(0))->sched_priority = prio;
	return ktest_syscall3(__NR_sched_setscheduler, pid, policy, U(0));
}

static int get_prio(pid_t pid)
{
	((struct sched_param *)K(0))->sched_priority = -1;
	if (ktest_syscall2(__NR_sched_getparam, pid, U(0)))
		return -1;
	return ((struct sched_param *)K(0))->sched_priority;
}

static u64 rr_interval(pid_t pid)
{
	struct __kernel_timespec *ts = K(64);

	if (ktest_syscall2(__NR_sched_rr_get_interval, pid, U(64)))
		return ~0ULL;
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

static void test_priority_range(struct ktest *t)
{
	static const struct {
		int policy;
		long min, max;
	} ranges[] = {
		{ SCHED_FIFO, 1, 99 },
		{ SCHED_RR, 1, 99 },
		{ SCHED_NORMAL, 0, 0 },
		{ SCHED_BATCH, 0, 0 },
		{ SCHED_IDLE, 0, 0 },
		{ 4, -EINVAL, -EINVAL },
		{ -1, -EINVAL, -EINVAL },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ranges); i++) {
		KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_sched_get_priority_min,
						  ranges[i].policy),
				ranges[i].min);
		KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_sched_get_priority_max,
						  ranges[i].policy),
				ranges[i].max);
	}
}

static void test_getters(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_sched_getscheduler, 0),
			SCHED_NORMAL);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_sched_getscheduler, 1),
			SCHED_NORMAL);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_sched_getscheduler, -1),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_sched_getscheduler, 99999),
			-ESRCH);
	KTEST_EXPECT_EQ(t, get_prio(0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_sched_getparam, 0, NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_sched_getparam, 0, BAD),
			-EFAULT);
	/* A nice 0 task's turn is the base slice, 10 ms. */
	KTEST_EXPECT_EQ(t, rr_interval(0), 10 * NSEC_PER_MSEC);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_sched_rr_get_interval, -1,
					  U(64)), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_sched_rr_get_interval, 0, BAD),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_sched_yield), 0);
}

static int child_policy;

static int report_policy(void *arg)
{
	child_policy = current->policy | (current->static_prio << 8);
	do_exit(0);
}

static void child_root_policies(struct ktest *t)
{
	int status;
	pid_t pid;

	KTEST_ASSERT_EQ(t, set_sched(0, SCHED_FIFO, 50), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_sched_getscheduler, 0),
			SCHED_FIFO);
	KTEST_EXPECT_EQ(t, get_prio(0), 50);
	KTEST_EXPECT_EQ(t, current->prio, 49);
	KTEST_EXPECT_EQ(t, rr_interval(0), 0);
	/* sched_setparam keeps the policy. */
	((struct sched_param *)K(0))->sched_priority = 60;
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_sched_setparam, 0, U(0)), 0);
	KTEST_EXPECT_EQ(t, get_prio(0), 60);
	KTEST_EXPECT_EQ(t, current->policy, SCHED_FIFO);
	((struct sched_param *)K(0))->sched_priority = 0;
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_sched_setparam, 0, U(0)),
			-EINVAL);
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_RR, 10), 0);
	KTEST_EXPECT_EQ(t, rr_interval(0), 100 * NSEC_PER_MSEC);
	/* Priorities outside the policy's range, unknown policies. */
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_RR, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_RR, 100), -EINVAL);
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_NORMAL, 5), -EINVAL);
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_DEADLINE, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, set_sched(0, 4, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, set_sched(0, -1, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, set_sched(-1, SCHED_NORMAL, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, set_sched(99999, SCHED_NORMAL, 0), -ESRCH);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_sched_setscheduler, 0,
					  SCHED_NORMAL, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_sched_setscheduler, 0,
					  SCHED_NORMAL, BAD), -EFAULT);
	KTEST_EXPECT_EQ(t, current->policy, SCHED_RR);

	/* A reset-on-fork RR task forks a normal, nice 0 child. */
	set_user_nice(current, -3);
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_RR | SCHED_RESET_ON_FORK, 20),
			0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_sched_getscheduler, 0),
			SCHED_RR | SCHED_RESET_ON_FORK);
	pid = kernel_thread(report_policy, NULL, "policy", SIGCHLD);
	KTEST_ASSERT_GE(t, pid, 2);
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, child_policy, SCHED_NORMAL | (DEFAULT_PRIO << 8));

	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_NORMAL | SCHED_RESET_ON_FORK, 0),
			0);
	KTEST_EXPECT_EQ(t, current->prio, current->static_prio);
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_BATCH, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_sched_getscheduler, 0),
			SCHED_BATCH);
}

static void test_root_policies(struct ktest *t)
{
	ktest_run_in_child(t, child_root_policies);
	KTEST_EXPECT_EQ(t, current->policy, SCHED_NORMAL);
}

/* sched_{get,set}affinity() on a mask at K(128) holding @mask. */
static long affinity(int nr, pid_t pid, unsigned int len, unsigned long mask)
{
	*(unsigned long *)K(128) = mask;
	return ktest_syscall3(nr, pid, len, U(128));
}

static void child_unprivileged(struct ktest *t)
{
	KTEST_ASSERT_EQ(t, set_sched(0, SCHED_RR | SCHED_RESET_ON_FORK, 10),
			0);
	KTEST_ASSERT_EQ(t, ktest_syscall3(__NR_setresuid, 1000, 1000, 1000),
			0);
	/* RLIMIT_RTPRIO 0: no real time, but lowering within it is fine. */
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_FIFO, 5), -EPERM);
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_RR | SCHED_RESET_ON_FORK, 11),
			-EPERM);
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_RR | SCHED_RESET_ON_FORK, 5),
			0);
	/* Clearing reset-on-fork takes privilege. */
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_RR, 5), -EPERM);
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_NORMAL | SCHED_RESET_ON_FORK, 0),
			0);
	/* With RLIMIT_RTPRIO 20, up to priority 20. */
	current->signal->rlim[RLIMIT_RTPRIO].rlim_cur = 20;
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_FIFO | SCHED_RESET_ON_FORK, 20),
			0);
	KTEST_EXPECT_EQ(t, set_sched(0, SCHED_FIFO | SCHED_RESET_ON_FORK, 21),
			-EPERM);
	/* init is root's. */
	KTEST_EXPECT_EQ(t, set_sched(1, SCHED_NORMAL, 0), -EPERM);
	KTEST_EXPECT_EQ(t, affinity(__NR_sched_setaffinity, 1, 8, 1), -EPERM);
	KTEST_EXPECT_EQ(t, affinity(__NR_sched_setaffinity, 0, 8, 1), 0);
}

static void test_unprivileged(struct ktest *t)
{
	ktest_run_in_child(t, child_unprivileged);
}

static void test_affinity(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, affinity(__NR_sched_getaffinity, 0, 8, 0), 8);
	KTEST_EXPECT_EQ(t, *(unsigned long *)K(128), 1);
	KTEST_EXPECT_EQ(t, affinity(__NR_sched_getaffinity, 0, 64, 0), 8);
	KTEST_EXPECT_EQ(t, affinity(__NR_sched_getaffinity, 0, 4, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, affinity(__NR_sched_getaffinity, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, affinity(__NR_sched_getaffinity, 99999, 8, 0),
			-ESRCH);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_sched_getaffinity, 0, 8, BAD),
			-EFAULT);

	KTEST_EXPECT_EQ(t, affinity(__NR_sched_setaffinity, 0, 8, 1), 0);
	KTEST_EXPECT_EQ(t, affinity(__NR_sched_setaffinity, 0, 8, ~0UL), 0);
	/* No online CPU in the mask, or a mask too short to hold CPU 0's. */
	KTEST_EXPECT_EQ(t, affinity(__NR_sched_setaffinity, 0, 8, 2), -EINVAL);
	KTEST_EXPECT_EQ(t, affinity(__NR_sched_setaffinity, 0, 4, 1), -EINVAL);
	KTEST_EXPECT_EQ(t, affinity(__NR_sched_setaffinity, 99999, 8, 1),
			-ESRCH);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_sched_setaffinity, 0, 8, BAD),
			-EFAULT);
}

static struct ktest_case sched_sys_cases[] = {
	KTEST_CASE(test_priority_range),
	KTEST_CASE(test_getters),
	KTEST_CASE(test_root_policies),
	KTEST_CASE(test_unprivileged),
	KTEST_CASE(test_affinity),
	{}
};

static struct ktest_suite sched_sys_suite = {
	.name = "sched_syscalls",
	.init = sched_sys_init,
	.cases = sched_sys_cases,
};
ktest_register_suite(sched_sys_suite);
