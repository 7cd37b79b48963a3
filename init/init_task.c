// SPDX-License-Identifier: GPL-2.0
/*
 * init_task: the boot CPU's thread of control, PID 0 ("swapper" as in
 * Linux), built statically because it runs before any allocator.  It
 * owns the boot stack and the first fd table, fs_struct and credentials.
 */
#include <keel/cred.h>
#include <keel/fdtable.h>
#include <keel/fs_struct.h>
#include <keel/mm_types.h>
#include <keel/sched.h>
#include <asm/setup.h>

struct task_struct init_task = {
	.__state	= TASK_RUNNING,
	.stack		= init_stack,
	.pid		= 0,
	.comm		= "swapper",
	.real_cred	= &init_cred,
	.cred		= &init_cred,
	.fs		= &init_fs,
	.files		= &init_files,
	.mm		= NULL,		/* a kernel thread */
	.active_mm	= &init_mm,
};
