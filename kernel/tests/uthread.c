// SPDX-License-Identifier: GPL-2.0
/* Helpers for the futex and thread-group suites (uthread.h). */
#include <keel/bug.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/jiffies.h>
#include <keel/mm.h>
#include <keel/mman.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <keel/sched/task.h>
#include <keel/uaccess.h>
#include <asm/unistd.h>
#include <uapi/linux/futex.h>
#include <uapi/linux/time_types.h>
#include <uapi/linux/wait.h>
#include "uthread.h"
#include "../../mm/tests/mmap_test.h"

int ut_enter(struct ktest *t, struct ut_space *s)
{
	s->mm = mt_enter(t);
	if (!s->mm)
		return -ENOMEM;
	s->base = mt_anon(UT_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE);
	if (IS_ERR_VALUE(s->base)) {
		ut_leave(s);
		return -ENOMEM;
	}
	return 0;
}

void ut_leave(struct ut_space *s)
{
	mt_leave(s->mm);
	s->mm = NULL;
}

u32 ut_get(unsigned long addr)
{
	u32 val;

	if (get_user(val, (u32 __user *)addr))
		return 0xdeadbeef;
	return val;
}

void ut_put(unsigned long addr, u32 val)
{
	WARN_ON(put_user(val, (u32 __user *)addr));
}

pid_t ut_spawn(int (*fn)(void *), void *arg, u64 flags, unsigned long tid)
{
	struct kernel_clone_args args = {
		.flags		= flags & ~CSIGNAL,
		.exit_signal	= flags & CSIGNAL,
		.child_tid	= (int __user *)tid,
		.parent_tid	= (int __user *)tid,
		.fn		= fn,
		.fn_arg		= arg,
		.name		= "uthread",
	};

	return kernel_clone(&args);
}

bool ut_wait_sleeping(pid_t pid)
{
	struct task_struct *p = find_get_task_by_vpid(pid);
	int i;
	bool ret = false;

	if (!p)
		return false;
	for (i = 0; i < 5 * HZ && !ret; i++) {
		ret = READ_ONCE(p->__state) == TASK_INTERRUPTIBLE;
		if (!ret)
			schedule_timeout_uninterruptible(1);
	}
	put_task_struct(p);
	return ret;
}

int ut_reap(pid_t pid)
{
	int status = -1;

	if (kernel_wait4(pid, &status, __WALL) != pid)
		return -1;
	return status;
}

int ut_join(unsigned long tid_addr, unsigned long ts_addr)
{
	struct __kernel_timespec ts = { .tv_sec = 10 };
	long ret = 0;
	u32 tid;

	if (copy_to_user((void __user *)ts_addr, &ts, sizeof(ts)))
		return -EFAULT;
	while ((tid = ut_get(tid_addr)) != 0 && ret != -ETIMEDOUT)
		ret = ktest_syscall(__NR_futex, tid_addr, FUTEX_WAIT, tid,
				 ts_addr, 0, 0);
	return tid ? -ETIMEDOUT : 0;
}
