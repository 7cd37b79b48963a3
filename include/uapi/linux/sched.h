/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clone(2) and clone3(2) flags, struct clone_args and scheduling
 * policies: Linux's values and layout.
 */
#ifndef _UAPI_LINUX_SCHED_H
#define _UAPI_LINUX_SCHED_H

#include <keel/types.h>

#define CSIGNAL			0x000000ff	/* the exit signal */
#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_PIDFD		0x00001000
#define CLONE_PTRACE		0x00002000
#define CLONE_VFORK		0x00004000
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000
#define CLONE_NEWNS		0x00020000
#define CLONE_SYSVSEM		0x00040000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_DETACHED		0x00400000
#define CLONE_UNTRACED		0x00800000
#define CLONE_CHILD_SETTID	0x01000000
#define CLONE_NEWCGROUP		0x02000000
#define CLONE_NEWUTS		0x04000000
#define CLONE_NEWIPC		0x08000000
#define CLONE_NEWUSER		0x10000000
#define CLONE_NEWPID		0x20000000
#define CLONE_NEWNET		0x40000000
#define CLONE_IO		0x80000000

/* clone3()'s flags beyond clone()'s 32 bits. */
#define CLONE_CLEAR_SIGHAND	0x100000000ULL	/* handlers back to default */
#define CLONE_INTO_CGROUP	0x200000000ULL	/* start in args->cgroup */

/* In clone()'s CSIGNAL byte: the time namespace flag of unshare(). */
#define CLONE_NEWTIME		0x00000080

/*
 * clone3()'s argument, which grows at the end: the size passed says
 * which version (VER0 to VER2) the caller knows.
 */
struct clone_args {
	u64 flags;
	u64 pidfd;
	u64 child_tid;
	u64 parent_tid;
	u64 exit_signal;
	u64 stack;
	u64 stack_size;
	u64 tls;
	u64 set_tid;
	u64 set_tid_size;
	u64 cgroup;
};

#define CLONE_ARGS_SIZE_VER0	64	/* up to tls */
#define CLONE_ARGS_SIZE_VER1	80	/* set_tid, set_tid_size */
#define CLONE_ARGS_SIZE_VER2	88	/* cgroup */

#define SCHED_NORMAL		0
#define SCHED_FIFO		1
#define SCHED_RR		2
#define SCHED_BATCH		3
#define SCHED_IDLE		5
#define SCHED_DEADLINE		6
#define SCHED_RESET_ON_FORK	0x40000000

#endif /* _UAPI_LINUX_SCHED_H */
