// SPDX-License-Identifier: GPL-2.0
/*
 * init_task: the boot CPU's thread of control, PID 0 ("swapper" as in
 * Linux), built statically because it runs before any allocator.  It
 * owns the boot stack and the first fd table, fs_struct, credentials and
 * signal_struct, which PID 1 and so every process inherits; once the
 * boot has started PID 1 it is the idle task.
 */
#include <keel/cred.h>
#include <keel/fdtable.h>
#include <keel/fs_struct.h>
#include <keel/mm_types.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <asm/setup.h>
#include <uapi/linux/signal.h>

/* Linux's defaults (INIT_RLIMITS); RLIMIT_NPROC is set from memory. */
#define RLIM_INF	{ RLIM_INFINITY, RLIM_INFINITY }

static struct signal_struct init_signals = {
	.sigcnt		= ATOMIC_INIT(1),
	.live		= ATOMIC_INIT(1),
	.nr_threads	= 1,
	.thread_head	= LIST_HEAD_INIT(init_task.thread_node),
	.wait_chldexit	= __WAIT_QUEUE_HEAD_INITIALIZER(init_signals.wait_chldexit),
	.rlim = {
		[RLIMIT_CPU]		= RLIM_INF,
		[RLIMIT_FSIZE]		= RLIM_INF,
		[RLIMIT_DATA]		= RLIM_INF,
		[RLIMIT_STACK]		= { 8 * 1024 * 1024, RLIM_INFINITY },
		[RLIMIT_CORE]		= { 0, RLIM_INFINITY },
		[RLIMIT_RSS]		= RLIM_INF,
		[RLIMIT_NPROC]		= { 0, 0 },
		[RLIMIT_NOFILE]		= { 1024, 4096 },
		[RLIMIT_MEMLOCK]	= { 8 * 1024 * 1024, 8 * 1024 * 1024 },
		[RLIMIT_AS]		= RLIM_INF,
		[RLIMIT_LOCKS]		= RLIM_INF,
		[RLIMIT_SIGPENDING]	= { 0, 0 },
		[RLIMIT_MSGQUEUE]	= { 819200, 819200 },
		[RLIMIT_NICE]		= { 0, 0 },
		[RLIMIT_RTPRIO]		= { 0, 0 },
		[RLIMIT_RTTIME]		= RLIM_INF,
	},
};

struct task_struct init_task = {
	.__state	= TASK_RUNNING,
	.stack		= init_stack,
	.usage		= ATOMIC_INIT(2),
	.flags		= PF_KTHREAD,
	.prio		= DEFAULT_PRIO,
	.static_prio	= DEFAULT_PRIO,
	.policy		= SCHED_NORMAL,
	.on_rq		= true,
	.run_list	= LIST_HEAD_INIT(init_task.run_list),
	.pid		= 0,
	.tgid		= 0,
	.comm		= "swapper",
	.real_parent	= &init_task,
	.parent		= &init_task,
	.children	= LIST_HEAD_INIT(init_task.children),
	.sibling	= LIST_HEAD_INIT(init_task.sibling),
	.group_leader	= &init_task,
	.thread_node	= LIST_HEAD_INIT(init_signals.thread_head),
	.tasks		= LIST_HEAD_INIT(init_task.tasks),
	.pid_chain	= LIST_HEAD_INIT(init_task.pid_chain),
	.exit_signal	= SIGCHLD,
	.real_cred	= &init_cred,
	.cred		= &init_cred,
	.fs		= &init_fs,
	.files		= &init_files,
	.mm		= NULL,		/* a kernel thread */
	.active_mm	= &init_mm,
	.signal		= &init_signals,
};
