// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for thread groups as pthread_create() makes them: a thread's
 * IDs and family; a leader that exits first stays an unreapable zombie
 * until its last thread is gone; exit_group() from a thread ends them
 * all with its status; exec's de_thread() from a thread that is not the
 * leader ends the others and takes the leader's PID; and the errors of
 * clone(2) and clone3(2) for bad flags and arguments.  The threads are
 * kernel threads sharing a user address space (uthread.h).
 */
#include <keel/atomic.h>
#include <keel/errno.h>
#include <keel/jiffies.h>
#include <keel/ktest.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/string.h>
#include <keel/uaccess.h>
#include <asm/unistd.h>
#include <uapi/linux/sched.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/wait.h>
#include "uthread.h"
#include "../../mm/tests/mmap_test.h"

/* glibc's and musl's pthread_create(). */
#define PTHREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS |	    \
			 CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

#define TID_WORD	0x000
#define TIMESPEC	0x040
#define ARGS		0x100	/* struct clone_args and room after it */

static struct ut_space space;

static unsigned long at(unsigned long off)
{
	return space.base + off;
}

static int group_suite_init(struct ktest *t)
{
	return ut_enter(t, &space);
}

static void group_suite_exit(struct ktest *t)
{
	ut_leave(&space);
}

/* Poll @cond every tick, for at most 10 s; its last value. */
#define wait_until(cond)						\
	({								\
		int __i;						\
		for (__i = 0; !(cond) && __i < 10 * HZ; __i++)		\
			schedule_timeout_uninterruptible(1);		\
		(cond);							\
	})

/*
 * A thread that waits to be told to go by zap_other_threads() (exit_group,
 * exec), as a thread in user mode would be killed, and exits.
 */
static int victim_fn(void *arg)
{
	atomic_t *zapped = arg;
	int i;

	for (i = 0; i < 10 * HZ && !signal_pending(current); i++)
		schedule_timeout_interruptible(1);
	if (signal_pending(current))
		atomic_inc(zapped);
	do_exit(0);
}

struct ids {
	pid_t pid, tgid, parent_tid;
	struct task_struct *leader, *real_parent;
	int exit_signal, nr_threads, nr_after, joined;
	bool ready, go;
};

static int ids_thread_fn(void *arg)
{
	struct ids *ids = arg;

	ids->pid = current->pid;
	ids->tgid = current->tgid;
	ids->parent_tid = ut_get(at(TID_WORD));
	ids->leader = current->group_leader;
	ids->real_parent = current->real_parent;
	ids->exit_signal = current->exit_signal;
	ids->nr_threads = current->signal->nr_threads;
	WRITE_ONCE(ids->ready, true);
	wait_until(READ_ONCE(ids->go));
	do_exit(0);
}

static int ids_leader_fn(void *arg)
{
	struct ids *ids = arg;

	if (ut_spawn(ids_thread_fn, ids, PTHREAD_FLAGS, at(TID_WORD)) < 0)
		do_exit(1 << 8);
	ids->joined = ut_join(at(TID_WORD), at(TIMESPEC));
	ids->nr_after = current->signal->nr_threads;
	do_exit(3 << 8);
}

static void test_thread_ids(struct ktest *t)
{
	struct ids ids = {};
	struct task_struct *leader;
	int status;
	pid_t pid;

	pid = ut_spawn(ids_leader_fn, &ids, CLONE_VM | SIGCHLD, 0);
	KTEST_ASSERT_GE(t, pid, 1);
	leader = find_get_task_by_vpid(pid);
	KTEST_ASSERT_NOT_NULL(t, leader);
	KTEST_EXPECT_TRUE(t, wait_until(READ_ONCE(ids.ready)));
	/* gettid() != getpid(); the thread is the leader's sibling. */
	KTEST_EXPECT_NE(t, ids.pid, pid);
	KTEST_EXPECT_EQ(t, ids.tgid, pid);
	KTEST_EXPECT_EQ(t, ids.parent_tid, ids.pid);
	KTEST_EXPECT_PTR_EQ(t, ids.leader, leader);
	KTEST_EXPECT_PTR_EQ(t, ids.real_parent, current);
	KTEST_EXPECT_EQ(t, ids.exit_signal, -1);
	KTEST_EXPECT_EQ(t, ids.nr_threads, 2);
	/* A thread is nobody's child: wait4() does not see it. */
	KTEST_EXPECT_EQ(t, kernel_wait4(ids.pid, &status, WNOHANG | __WALL),
			-ECHILD);
	WRITE_ONCE(ids.go, true);
	KTEST_EXPECT_EQ(t, ut_reap(pid), 0x300);
	KTEST_EXPECT_EQ(t, ids.joined, 0);
	KTEST_EXPECT_EQ(t, ids.nr_after, 1);
	/* The thread reaped itself. */
	KTEST_EXPECT_NULL(t, find_get_task_by_vpid(ids.pid));
	put_task_struct(leader);
}

struct first {
	bool go;
	pid_t tid;
};

static int waiting_thread_fn(void *arg)
{
	struct first *f = arg;

	wait_until(READ_ONCE(f->go));
	do_exit(0);
}

static int leaving_leader_fn(void *arg)
{
	struct first *f = arg;

	f->tid = ut_spawn(waiting_thread_fn, f, PTHREAD_FLAGS, at(TID_WORD));
	do_exit(5 << 8);
}

/* The leader exits first: its status waits for the last thread. */
static void test_leader_exits_first(struct ktest *t)
{
	struct first f = {};
	struct task_struct *leader;
	int status = -1;
	pid_t pid;

	pid = ut_spawn(leaving_leader_fn, &f, CLONE_VM | SIGCHLD, 0);
	KTEST_ASSERT_GE(t, pid, 1);
	leader = find_get_task_by_vpid(pid);
	KTEST_ASSERT_NOT_NULL(t, leader);
	KTEST_EXPECT_TRUE(t, wait_until(READ_ONCE(leader->exit_state) ==
					EXIT_ZOMBIE));
	KTEST_EXPECT_GE(t, f.tid, 1);
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, WNOHANG), 0);
	KTEST_EXPECT_EQ(t, leader->signal->nr_threads, 2);
	WRITE_ONCE(f.go, true);
	/* Blocks until the thread's exit tells us. */
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, status, 0x500);
	put_task_struct(leader);
}

static int group_exit_fn(void *arg)
{
	do_group_exit(7 << 8);
}

static int group_exit_leader_fn(void *arg)
{
	ut_spawn(victim_fn, arg, PTHREAD_FLAGS, at(TID_WORD));
	ut_spawn(group_exit_fn, arg, PTHREAD_FLAGS, at(TID_WORD + 4));
	victim_fn(arg);
	return 0;
}

/* exit_group() from a thread: the others go, with its status. */
static void test_exit_group_from_thread(struct ktest *t)
{
	atomic_t zapped = ATOMIC_INIT(0);
	pid_t pid;

	pid = ut_spawn(group_exit_leader_fn, &zapped, CLONE_VM | SIGCHLD,
		       0);
	KTEST_ASSERT_GE(t, pid, 1);
	KTEST_EXPECT_EQ(t, ut_reap(pid), 0x700);
	KTEST_EXPECT_EQ(t, atomic_read(&zapped), 2);
}

struct exec {
	atomic_t zapped;
	pid_t old_pid, pid, tgid;
	int ret, nr_threads, exit_signal;
	bool leader;
};

static int exec_thread_fn(void *arg)
{
	struct exec *e = arg;

	e->old_pid = current->pid;
	e->ret = de_thread(current);
	e->pid = current->pid;
	e->tgid = current->tgid;
	e->leader = current->group_leader == current &&
		    thread_group_leader(current);
	e->nr_threads = current->signal->nr_threads;
	e->exit_signal = current->exit_signal;
	do_exit(4 << 8);
}

static int exec_leader_fn(void *arg)
{
	struct exec *e = arg;

	ut_spawn(victim_fn, &e->zapped, PTHREAD_FLAGS, at(TID_WORD));
	ut_spawn(exec_thread_fn, e, PTHREAD_FLAGS, at(TID_WORD + 4));
	victim_fn(&e->zapped);
	return 0;
}

/* execve() in a thread: it becomes the process, with the leader's PID. */
static void test_de_thread(struct ktest *t)
{
	struct exec e = { .ret = 1, .zapped = ATOMIC_INIT(0) };
	pid_t pid;

	pid = ut_spawn(exec_leader_fn, &e, CLONE_VM | SIGCHLD, 0);
	KTEST_ASSERT_GE(t, pid, 1);
	KTEST_EXPECT_EQ(t, ut_reap(pid), 0x400);
	KTEST_EXPECT_EQ(t, e.ret, 0);
	KTEST_EXPECT_NE(t, e.old_pid, pid);
	KTEST_EXPECT_EQ(t, e.pid, pid);
	KTEST_EXPECT_EQ(t, e.tgid, pid);
	KTEST_EXPECT_TRUE(t, e.leader);
	KTEST_EXPECT_EQ(t, e.nr_threads, 1);
	KTEST_EXPECT_EQ(t, e.exit_signal, SIGCHLD);
	KTEST_EXPECT_EQ(t, atomic_read(&e.zapped), 2);
	/* The old leader went with the thread's old PID. */
	KTEST_EXPECT_NULL(t, find_get_task_by_vpid(e.old_pid));
	KTEST_EXPECT_EQ(t, kernel_wait4(-1, NULL, WNOHANG | __WALL), -ECHILD);
}

static int exec_alone_fn(void *arg)
{
	struct exec *e = arg;

	e->ret = de_thread(current);
	e->exit_signal = current->exit_signal;
	do_exit(0);
}

/* A process of one thread: nothing to end; it reports by SIGCHLD now. */
static void test_de_thread_alone(struct ktest *t)
{
	struct exec e = { .ret = 1 };
	pid_t pid;

	pid = ut_spawn(exec_alone_fn, &e, CLONE_VM, 0);
	KTEST_ASSERT_GE(t, pid, 1);
	KTEST_EXPECT_EQ(t, ut_reap(pid), 0);
	KTEST_EXPECT_EQ(t, e.ret, 0);
	KTEST_EXPECT_EQ(t, e.exit_signal, SIGCHLD);
}

static long clone(unsigned long flags)
{
	return ktest_syscall(__NR_clone, flags, 0, 0, 0, 0, 0);
}

static void test_clone_flag_errors(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, clone(CLONE_THREAD | CLONE_VM), -EINVAL);
	KTEST_EXPECT_EQ(t, clone(CLONE_SIGHAND), -EINVAL);
	KTEST_EXPECT_EQ(t, clone(CLONE_THREAD | CLONE_SIGHAND), -EINVAL);
	KTEST_EXPECT_EQ(t, clone(CLONE_NEWNS | CLONE_FS), -EINVAL);
	KTEST_EXPECT_EQ(t, clone(CLONE_NEWPID | SIGCHLD), -EINVAL);
}

/* clone3() with @args (then zeros) in @size bytes of user memory. */
static long clone3(const struct clone_args *args, size_t size)
{
	char __user *uargs = (char __user *)at(ARGS);

	if (clear_user(uargs, PAGE_SIZE) ||
	    copy_to_user(uargs, args, min(size, sizeof(*args))))
		return -1000;
	return ktest_syscall(__NR_clone3, at(ARGS), size, 0, 0, 0, 0);
}

static void test_clone3_errors(struct ktest *t)
{
	struct clone_args a = { .flags = CLONE_THREAD };
	char one = 1;

	/* Sizes: too small, over a page, a non-zero byte past the end. */
	KTEST_EXPECT_EQ(t, clone3(&a, CLONE_ARGS_SIZE_VER0 - 1), -EINVAL);
	KTEST_EXPECT_EQ(t, clone3(&a, PAGE_SIZE + 1), -E2BIG);
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a) + 8), -EINVAL);
	KTEST_ASSERT_EQ(t, copy_to_user((char __user *)at(ARGS) + sizeof(a) + 3,
					&one, 1), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_clone3, at(ARGS), sizeof(a) + 8, 0,
				      0, 0, 0), -E2BIG);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_clone3, at(UT_PAGES * PAGE_SIZE),
				      sizeof(a), 0, 0, 0, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall(__NR_clone3, at(UT_PAGES * PAGE_SIZE) -
				      CLONE_ARGS_SIZE_VER0 / 2,
				      CLONE_ARGS_SIZE_VER0, 0, 0, 0, 0),
			-EFAULT);

	/* Flags: the combinations clone() refuses too. */
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);
	a.flags = CLONE_SIGHAND;
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);
	a.flags = CLONE_PIDFD;
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);
	/* ... and clone3()'s own. */
	a.flags = 1ULL << 40;
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);
	a.flags = SIGCHLD;
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);
	a.flags = CLONE_DETACHED;
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);
	a.flags = CLONE_VM | CLONE_SIGHAND | CLONE_CLEAR_SIGHAND;
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);
	a.flags = CLONE_INTO_CGROUP;
	KTEST_EXPECT_EQ(t, clone3(&a, CLONE_ARGS_SIZE_VER1), -EINVAL);
	KTEST_EXPECT_EQ(t, clone3(&a, CLONE_ARGS_SIZE_VER2), -EINVAL);

	/* The exit signal: a signal number, none for a thread. */
	a = (struct clone_args) { .exit_signal = _NSIG + 1 };
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);
	a.exit_signal = (1ULL << 32) | SIGCHLD;
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);
	a = (struct clone_args) {
		.flags = CLONE_VM | CLONE_SIGHAND | CLONE_THREAD,
		.exit_signal = SIGCHLD,
	};
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);
	a = (struct clone_args) { .flags = CLONE_PARENT, .exit_signal = 1 };
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);

	/* The stack: both or neither, and in user memory. */
	a = (struct clone_args) { .stack = at(PAGE_SIZE) };
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);
	a = (struct clone_args) { .stack_size = PAGE_SIZE };
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);
	a = (struct clone_args) {
		.stack = (unsigned long)&a, .stack_size = PAGE_SIZE,
	};
	KTEST_EXPECT_EQ(t, clone3(&a, sizeof(a)), -EINVAL);

	/* No PID namespaces: set_tid in any form. */
	a = (struct clone_args) { .set_tid = at(TID_WORD), .set_tid_size = 1 };
	KTEST_EXPECT_EQ(t, clone3(&a, CLONE_ARGS_SIZE_VER1), -EINVAL);
	a = (struct clone_args) { .set_tid_size = 1 };
	KTEST_EXPECT_EQ(t, clone3(&a, CLONE_ARGS_SIZE_VER1), -EINVAL);
}

static struct ktest_case group_cases[] = {
	KTEST_CASE(test_thread_ids),
	KTEST_CASE(test_leader_exits_first),
	KTEST_CASE(test_exit_group_from_thread),
	KTEST_CASE(test_de_thread),
	KTEST_CASE(test_de_thread_alone),
	KTEST_CASE(test_clone_flag_errors),
	KTEST_CASE(test_clone3_errors),
	{}
};

static struct ktest_suite group_suite = {
	.name = "thread_group",
	.init = group_suite_init,
	.exit = group_suite_exit,
	.cases = group_cases,
};
ktest_register_suite(group_suite);
