/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks: struct task_struct, its run states, and the calls that block,
 * wake and switch them (kernel/sched/core.c).  A task is a kernel thread
 * (mm NULL) or a user thread; user threads of one process share a thread
 * group (tgid, group_leader) and, by clone flags, their address space,
 * files, fs and signal handlers.  init_task (PID 0, "swapper" as in
 * Linux) is the boot CPU's idle task once the boot has started PID 1.
 *
 * Fields:  [I] set before the task runs, then immutable
 *          [c] only the task itself touches them (current)
 *          [s] __state: written by the task and, with wake_up_process(),
 *              by a waker; read with READ_ONCE
 *          [rq] the run queue's lock
 *          [T] tasklist_lock
 */
#ifndef _KEEL_SCHED_H
#define _KEEL_SCHED_H

#include <keel/atomic.h>
#include <keel/compiler.h>
#include <keel/fs_types.h>
#include <keel/gfp.h>
#include <keel/list.h>
#include <keel/nmi.h>
#include <keel/preempt.h>
#include <keel/restart_block.h>
#include <keel/signal_types.h>
#include <keel/types.h>
#include <uapi/linux/sched.h>
#include <asm/current.h>
#include <asm/page.h>
#include <asm/processor.h>

struct completion;
struct cred;
struct files_struct;
struct fs_struct;
struct mm_struct;
struct pt_regs;
struct signal_struct;
struct sighand_struct;
struct robust_list_head;

/* A task's link in a wake_q (<keel/sched/wake_q.h>); NULL when on none. */
struct wake_q_node {
	struct wake_q_node *next;
};

/* Linux's values: they show in /proc/<pid>/stat and wake masks. */
#define TASK_RUNNING		0x00000000
#define TASK_INTERRUPTIBLE	0x00000001
#define TASK_UNINTERRUPTIBLE	0x00000002
#define __TASK_STOPPED		0x00000004
#define __TASK_TRACED		0x00000008
#define EXIT_DEAD		0x00000010
#define EXIT_ZOMBIE		0x00000020
#define TASK_DEAD		0x00000080
#define TASK_WAKEKILL		0x00000100
#define TASK_NOLOAD		0x00000400
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED		(TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_IDLE		(TASK_UNINTERRUPTIBLE | TASK_NOLOAD)

/* task->flags (Linux's PF_* values). */
#define PF_IDLE			0x00000002	/* the idle task */
#define PF_EXITING		0x00000004	/* in do_exit() */
#define PF_FORKNOEXEC		0x00000040	/* forked, has not exec'd */
#define PF_SIGNALED		0x00000400	/* killed by a signal */
#define PF_KTHREAD		0x00200000	/* a kernel thread */

/*
 * task->thread_flags: work for the return to user mode
 * (arch/x86/entry/common.c), set by others with set_tsk_thread_flag().
 */
#define TIF_SIGPENDING		2	/* a signal is pending */
#define TIF_NEED_RESCHED	3	/* the scheduler wants the CPU */
#define _TIF_SIGPENDING		(1UL << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED	(1UL << TIF_NEED_RESCHED)
#define EXIT_TO_USER_WORK	(_TIF_SIGPENDING | _TIF_NEED_RESCHED)

/*
 * Priorities as Linux numbers them: 0..99 real time (99 - rt_priority),
 * 100..139 the nice values -20..19 of the other policies.
 */
#define MAX_RT_PRIO		100
#define MAX_PRIO		140
#define DEFAULT_PRIO		(MAX_RT_PRIO + 20)
#define NICE_TO_PRIO(nice)	((nice) + DEFAULT_PRIO)
#define PRIO_TO_NICE(prio)	((prio) - DEFAULT_PRIO)
#define MIN_NICE		(-20)
#define MAX_NICE		19

#define TASK_COMM_LEN		16

struct task_struct {
	unsigned int __state;			/* [s] TASK_* */
	unsigned long thread_flags;		/* TIF_*, atomic bit ops */
	void *stack;				/* [I] THREAD_SIZE, aligned */
	atomic_t usage;				/* references to the struct */
	unsigned int flags;			/* [c] PF_* */

	/* Scheduling [rq]. */
	int prio;				/* effective: 0..139 */
	int static_prio;			/* from the nice value */
	unsigned int policy;			/* SCHED_* */
	unsigned int rt_priority;		/* 1..99 for FIFO and RR */
	bool sched_reset_on_fork;		/* SCHED_RESET_ON_FORK */
	bool on_rq;				/* queued or running */
	struct list_head run_list;		/* on its priority's queue */
	u64 slice_ns;				/* left of the time slice */

	/* Accounting, in nanoseconds and counts. */
	u64 utime, stime;			/* user and system time */
	u64 start_time;				/* ktime_get_ns() at fork */
	unsigned long nvcsw, nivcsw;		/* context switches */
	unsigned long min_flt, maj_flt;		/* page faults */

	/* Identity and family [T]. */
	pid_t pid;				/* [I] the thread's ID */
	pid_t tgid;				/* [I] the process's ID */
	char comm[TASK_COMM_LEN];		/* [c] */
	struct task_struct *real_parent;	/* who forked us, or init */
	struct task_struct *parent;		/* who gets SIGCHLD */
	struct list_head children;		/* our children */
	struct list_head sibling;		/* in parent's children */
	struct task_struct *group_leader;	/* the thread-group leader */
	struct list_head thread_node;		/* in signal->thread_head */
	struct list_head tasks;			/* in init_task.tasks */
	struct list_head pid_chain;		/* in the PID hash */
	int exit_state;				/* EXIT_ZOMBIE, EXIT_DEAD */
	int exit_code;				/* wait status to report */
	int exit_signal;			/* to the parent; -1 thread */
	int pdeath_signal;			/* prctl(PR_SET_PDEATHSIG) */
	/*
	 * prctl(PR_SET_NO_NEW_PRIVS), inherited by fork; and "no core
	 * dumps" (PR_SET_DUMPABLE 0, or ids changed), set on every thread
	 * of the process, inherited by fork [T].
	 */
	bool no_new_privs;
	bool undumpable;
	struct completion *vfork_done;		/* vfork parent waits */
	int __user *set_child_tid;		/* CLONE_CHILD_SETTID */
	int __user *clear_child_tid;		/* CLONE_CHILD_CLEARTID */
	/* set_robust_list(): the locks to release at exit [c]. */
	struct robust_list_head __user *robust_list;
	struct wake_q_node wake_q;		/* cmpxchg: one waker's list */

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
	struct signal_struct *signal;		/* shared by the thread group */
	struct sighand_struct *sighand;		/* shared with CLONE_SIGHAND */

	/*
	 * Signals (kernel/signal.c).  [S] sighand->siglock; current alone
	 * writes blocked, and reads it without the lock.
	 */
	sigset_t blocked;			/* [S] masked signals */
	sigset_t real_blocked;			/* [S] rt_sigtimedwait's old mask */
	sigset_t saved_sigmask;			/* [c] restored after a handler */
	bool restore_sigmask;			/* [c] saved_sigmask is due back */
	struct sigpending pending;		/* [S] sent to this thread */
	unsigned int jobctl;			/* [S] JOBCTL_* */
	unsigned long sas_ss_sp;		/* [c] sigaltstack() */
	size_t sas_ss_size;			/* [c] */
	unsigned int sas_ss_flags;		/* [c] SS_AUTODISARM */
	struct restart_block restart_block;	/* [c] restart_syscall() */

	struct thread_struct thread;		/* CPU state: last member */
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

/* Thread flags: atomic, since an interrupt or another task sets them. */
static inline void set_tsk_thread_flag(struct task_struct *tsk, int flag)
{
	__atomic_fetch_or(&tsk->thread_flags, 1UL << flag, __ATOMIC_SEQ_CST);
}

static inline void clear_tsk_thread_flag(struct task_struct *tsk, int flag)
{
	__atomic_fetch_and(&tsk->thread_flags, ~(1UL << flag),
			   __ATOMIC_SEQ_CST);
}

static inline bool test_tsk_thread_flag(const struct task_struct *tsk,
					int flag)
{
	return READ_ONCE(tsk->thread_flags) & (1UL << flag);
}

static inline void set_tsk_need_resched(struct task_struct *tsk)
{
	set_tsk_thread_flag(tsk, TIF_NEED_RESCHED);
}

static inline bool need_resched(void)
{
	return test_tsk_thread_flag(current, TIF_NEED_RESCHED);
}

static inline bool is_idle_task(const struct task_struct *p)
{
	return p->flags & PF_IDLE;
}

/*
 * Give up the CPU: to another task if the current one is no longer
 * runnable (it set its state and sleeps until woken) or its turn is over.
 * Must not be called in atomic context ("BUG: scheduling while atomic").
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

/* The run queue; start_kernel() calls it before any task is made. */
void sched_init(void);

/* The idle task's loop: halt until there is something to run. */
__noreturn void cpu_startup_entry(void);

/*
 * A scheduling point in long-running kernel code: gives the CPU to a task
 * the scheduler wants to run, when the caller may sleep.
 */
void __cond_resched(void);
static inline void cond_resched(void)
{
	touch_softlockup_watchdog();
	__cond_resched();
}

/* Give the CPU to another runnable task of the same priority, if any. */
void yield(void);

/* Make @task runnable if its state is in @state; true if it was woken. */
bool try_to_wake_up(struct task_struct *task, unsigned int state);
bool wake_up_process(struct task_struct *task);
bool wake_up_state(struct task_struct *task, unsigned int state);

/* The scheduler's part of fork: the child's policy, priority and slice. */
void sched_fork(struct task_struct *p);
/* Queue a new task for the first time. */
void wake_up_new_task(struct task_struct *p);
/* A new task's first code after its first switch (ret_from_fork). */
void schedule_tail(struct task_struct *prev);
/* The tick: account time to current and end its slice when due. */
void scheduler_tick(bool user_tick);

void set_user_nice(struct task_struct *p, long nice);
/*
 * Give @p @policy (SCHED_NORMAL, BATCH, IDLE with @rt_priority 0; FIFO
 * or RR with 1..99), requeued: 0, or -EINVAL for anything else.  No
 * permission check: the system calls make theirs first.
 */
int sched_setscheduler(struct task_struct *p, int policy, int rt_priority);
/* The length of @p's turn (sched_rr_get_interval(2)): 0 for FIFO. */
u64 sched_task_slice(const struct task_struct *p);
static inline int task_nice(const struct task_struct *p)
{
	return PRIO_TO_NICE(p->static_prio);
}

/* References to a task_struct (kernel/fork.c); the last frees it. */
static inline void get_task_struct(struct task_struct *t)
{
	atomic_inc(&t->usage);
}

void __put_task_struct(struct task_struct *t);
static inline void put_task_struct(struct task_struct *t)
{
	if (atomic_dec_and_test(&t->usage))
		__put_task_struct(t);
}

/* The register frame at the top of @task's kernel stack. */
#define task_pt_regs(task)						\
	((struct pt_regs *)((unsigned long)(task)->stack + THREAD_SIZE) - 1)
#define current_pt_regs()	task_pt_regs(current)

/* The thread-group (process) ID and the thread's own, as user space sees. */
static inline pid_t task_tgid_vnr(const struct task_struct *t)
{
	return t->tgid;
}

static inline pid_t task_pid_vnr(const struct task_struct *t)
{
	return t->pid;
}

/* PID 1, whose death ends the system. */
static inline bool is_global_init(const struct task_struct *p)
{
	return p->tgid == 1;
}

static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->exit_signal >= 0;
}

/* The task with thread ID @nr, or NULL; call under tasklist_lock or RCU. */
struct task_struct *find_task_by_vpid(pid_t nr);
/* The same with a reference taken (put_task_struct()), or NULL. */
struct task_struct *find_get_task_by_vpid(pid_t nr);

void set_task_comm(struct task_struct *tsk, const char *from);

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
