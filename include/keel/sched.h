/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks: struct task_struct, its run states, and the calls that block and
 * wake one.  Today there is one task, init_task (the boot CPU's thread of
 * control, PID 0, "swapper" as in Linux), and schedule() can only idle
 * until an interrupt wakes it; the scheduler adds more tasks behind the
 * same calls.  The task's files, fs and credentials are what the VFS and
 * permission checks use (current_files(), current_fs(), current_cred()).
 *
 * Fields:  [I] set before the task runs, then immutable
 *          [c] only the task itself touches them (current)
 *          [s] __state: written by the task and, with wake_up_process(),
 *              by a waker; read with READ_ONCE
 */
#ifndef _KEEL_SCHED_H
#define _KEEL_SCHED_H

#include <keel/compiler.h>
#include <keel/fs_types.h>
#include <keel/gfp.h>
#include <keel/nmi.h>
#include <keel/preempt.h>
#include <keel/types.h>
#include <asm/current.h>

struct cred;
struct files_struct;
struct fs_struct;
struct mm_struct;

/* Linux's values: they show in /proc/<pid>/stat and wake masks. */
#define TASK_RUNNING		0x00000000
#define TASK_INTERRUPTIBLE	0x00000001
#define TASK_UNINTERRUPTIBLE	0x00000002
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define TASK_COMM_LEN		16

struct task_struct {
	unsigned int __state;			/* [s] TASK_* */
	void *stack;				/* [I] THREAD_SIZE, aligned */
	pid_t pid;				/* [I] */
	char comm[TASK_COMM_LEN];		/* [c] */
	const struct cred *real_cred;		/* [c] objective: who we are */
	const struct cred *cred;		/* [c] subjective: how we act */
	struct fs_struct *fs;			/* [c] root, cwd, umask */
	struct files_struct *files;		/* [c] the fd table */
	/*
	 * The address space, NULL for a kernel thread; and the one whose
	 * page tables are loaded, which a kernel thread borrows (init_mm
	 * for init_task).
	 */
	struct mm_struct *mm;
	struct mm_struct *active_mm;
};

extern struct task_struct init_task;

#define task_is_running(task)	(READ_ONCE((task)->__state) == TASK_RUNNING)

/* Plain store: for the task itself when no waker can race (back to run). */
#define __set_current_state(state)	WRITE_ONCE(current->__state, (state))

/*
 * The store is ordered before the caller's condition check, so a waker
 * that makes the condition true after the check sees the new state and
 * wakes us: no lost wake-up between "check" and "sleep".
 */
#define set_current_state(state)					\
	do {								\
		WRITE_ONCE(current->__state, (state));			\
		__atomic_thread_fence(__ATOMIC_SEQ_CST);		\
	} while (0)

/*
 * Give up the CPU until the current task is TASK_RUNNING again.  A task
 * that calls it in TASK_RUNNING returns at once.  Must not be called in
 * atomic context ("BUG: scheduling while atomic").
 */
void schedule(void);

/* schedule_timeout()'s "no timeout": sleep until woken. */
#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))

/*
 * schedule() for at most @timeout jiffies (kernel/time/sleep_timeout.c),
 * in the state the caller set (the _interruptible and _uninterruptible
 * forms set it).  Returns the jiffies left when woken early, 0 when the
 * time ran out.  Must not be called in atomic context.
 */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);

/*
 * A scheduling point in long-running kernel code.  With one task nothing
 * else can run yet, so it only tells the soft lockup detector that the
 * CPU is making progress, as the stopper thread a reschedule lets run
 * does in Linux.
 */
static inline void cond_resched(void)
{
	touch_softlockup_watchdog();
}

/* Make @task runnable if its state is in @state; true if it was woken. */
bool try_to_wake_up(struct task_struct *task, unsigned int state);
bool wake_up_process(struct task_struct *task);

#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
void __might_sleep(const char *file, int line);
/*
 * Annotates a function that may sleep: calling it in atomic context (a
 * spinlock held, interrupts off, in an interrupt) is reported at once,
 * whether or not this call actually sleeps.
 */
#define might_sleep()	__might_sleep(__FILE__, __LINE__)
#else
#define might_sleep()	do { } while (0)
#endif

#define might_sleep_if(cond)	do { if (cond) might_sleep(); } while (0)

/*
 * Annotates an allocation with @gfp (Linux's might_alloc()): one that may
 * reclaim may sleep, so it is reported in atomic context even when memory
 * is plentiful and this call would not have slept.
 */
#define might_alloc(gfp)	might_sleep_if(gfpflags_allow_blocking(gfp))

#endif /* _KEEL_SCHED_H */
