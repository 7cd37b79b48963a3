// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a task, as in Linux's kernel/exit.c: do_exit() lets go of
 * everything the task holds, gives its children to init, and leaves a
 * zombie holding the exit status; the parent's wait4()/waitid() reaps it
 * (release_task()).  A thread that is not its group's leader reaps itself
 * at once; a leader stays a zombie until its whole group has exited.
 *
 * Wait status encoding, as Linux and every libc's W* macros read it:
 * an exit is (code & 0xff) << 8, a kill by a signal is the signal number
 * (| 0x80 if it dumped core), a stop (sig << 8) | 0x7f, a continue 0xffff.
 */
#include <keel/bug.h>
#include <keel/completion.h>
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/fs_struct.h>
#include <keel/futex.h>
#include <keel/kernel.h>
#include <keel/limits.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <uapi/asm-generic/siginfo.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/wait.h>

/*
 * Wake a vfork() parent and, for CLONE_CHILD_CLEARTID, clear the TID
 * word and wake a futex waiter on it (pthread_join()): the address
 * space is about to go or to be replaced (exec).
 */
void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	struct completion *vfork_done = tsk->vfork_done;

	if (tsk->clear_child_tid) {
		if (atomic_read(&mm->mm_users) > 1 &&
		    !put_user(0, tsk->clear_child_tid))
			futex_wake_tid(tsk->clear_child_tid);
		tsk->clear_child_tid = NULL;
	}
	if (vfork_done) {
		tsk->vfork_done = NULL;
		complete(vfork_done);
	}
}

/*
 * The task keeps running on the page tables until its last switch, so it
 * holds mm_count (as active_mm) while mm_users goes.
 */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	mm_release(tsk, mm);
	mmgrab(mm);
	tsk->mm = NULL;
	mmput(mm);
}

static void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		tsk->files = NULL;
		put_files_struct(files);
	}
}

static void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (fs) {
		tsk->fs = NULL;
		put_fs_struct(fs);
	}
}

/* A live thread of @father's group to inherit its children, or init. */
static struct task_struct *find_new_reaper(struct task_struct *father)
{
	struct task_struct *t;

	list_for_each_entry(t, &father->signal->thread_head, thread_node)
		if (!(t->flags & PF_EXITING))
			return t;
	return find_task_by_vpid(1);
}

/* A leader whose threads have not all exited cannot be reaped yet. */
static bool delay_group_leader(const struct task_struct *p)
{
	return thread_group_leader(p) && p->signal->nr_threads > 1;
}

/*
 * Under tasklist_lock: @father's children become the reaper's, and hear
 * of it by their parent-death signal.  A zombie the new parent will not
 * wait for (it ignores SIGCHLD) moves to @dead, for the caller to reap.
 */
static void forget_original_parent(struct task_struct *father,
				   struct list_head *dead)
{
	struct task_struct *child, *tmp, *reaper, *t;

	if (list_empty(&father->children))
		return;
	reaper = find_new_reaper(father);
	list_for_each_entry_safe(child, tmp, &father->children, sibling) {
		child->real_parent = reaper;
		child->parent = reaper;
		list_move_tail(&child->sibling, &reaper->children);
		list_for_each_entry(t, &child->signal->thread_head,
				    thread_node)
			if (t->pdeath_signal)
				__group_send_sig_info(t->pdeath_signal,
						      SEND_SIG_NOINFO, t);
		/* Another process's child: its own signal would not do. */
		if (reaper->signal != father->signal)
			child->exit_signal = SIGCHLD;
		if (child->exit_state == EXIT_ZOMBIE &&
		    !delay_group_leader(child) &&
		    do_notify_parent(child, child->exit_signal)) {
			child->exit_state = EXIT_DEAD;
			list_move_tail(&child->sibling, dead);
		}
	}
}

/*
 * Under tasklist_lock: become a zombie and tell the parent, or mark
 * ourselves for reaping now (a thread; a child whose parent ignores
 * SIGCHLD).  True when the caller must release us.  The last thread of
 * a group whose leader is a zombie already puts the leader on @dead when
 * its parent will not wait.
 */
static bool exit_notify(struct task_struct *tsk, struct list_head *dead)
{
	struct task_struct *leader = tsk->group_leader;

	forget_original_parent(tsk, dead);
	if (!thread_group_leader(tsk)) {
		tsk->exit_state = EXIT_DEAD;
		/* The last thread out lets the parent reap a waiting leader. */
		if (leader->exit_state == EXIT_ZOMBIE &&
		    tsk->signal->nr_threads == 2 &&
		    do_notify_parent(leader, leader->exit_signal)) {
			leader->exit_state = EXIT_DEAD;
			list_move_tail(&leader->sibling, dead);
		}
		return true;
	}
	tsk->exit_state = EXIT_ZOMBIE;
	if (!delay_group_leader(tsk) &&
	    do_notify_parent(tsk, tsk->exit_signal)) {
		tsk->exit_state = EXIT_DEAD;
		return true;
	}
	return false;
}

__noreturn void do_exit(long code)
{
	struct task_struct *tsk = current;
	unsigned long flags;
	struct task_struct *p, *n;
	bool group_dead, autoreap;
	LIST_HEAD(dead);

	WARN_ON(irqs_disabled());
	if (tsk->flags & PF_EXITING) {
		pr_alert("Fixing recursive fault but reboot is needed!\n");
		for (;;) {
			set_current_state(TASK_UNINTERRUPTIBLE);
			schedule();
		}
	}
	exit_signals(tsk);		/* sets PF_EXITING */
	group_dead = atomic_dec_and_test(&tsk->signal->live);
	if (group_dead && is_global_init(tsk))
		panic("Attempted to kill init! exitcode=0x%08lx\n", code);
	tsk->exit_code = code;
	exit_mm(tsk);
	exit_files(tsk);
	exit_fs(tsk);

	spin_lock_irqsave(&tasklist_lock, flags);
	autoreap = exit_notify(tsk, &dead);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	list_for_each_entry_safe(p, n, &dead, sibling)
		release_task(p);
	if (autoreap)
		release_task(tsk);

	/* finish_task_switch() drops the task's own reference. */
	local_irq_disable();
	WRITE_ONCE(tsk->__state, TASK_DEAD);
	local_irq_enable();
	schedule();
	BUG();
}

__noreturn void do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	bool zap = false;

	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&current->sighand->siglock);
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		exit_code = sig->group_exit_code;
	} else {
		sig->group_exit_code = exit_code;
		sig->flags = SIGNAL_GROUP_EXIT;
		zap = true;
	}
	spin_unlock(&current->sighand->siglock);
	if (zap)
		zap_other_threads(current);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	do_exit(exit_code);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

void release_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	detach_pid(p);
	list_del_init(&p->thread_node);
	p->signal->nr_threads--;
	if (thread_group_leader(p)) {
		list_del_init(&p->tasks);
		list_del_init(&p->sibling);
	} else {
		/* The dead thread's time stays with the process. */
		p->signal->utime += p->utime;
		p->signal->stime += p->stime;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	free_pid(p->pid);
	exit_sighand(p);
	put_task_struct(p);
}

struct wait_opts {
	int type;			/* P_ALL, P_PID, P_PGID */
	pid_t pid;
	int options;
	siginfo_t __user *infop;
	int __user *stat_addr;
	int *kstat;			/* kernel_wait4(): a kernel pointer */
	struct rusage __user *rusage;
	int notask_error;
};

static bool eligible_child(const struct wait_opts *wo,
			   const struct task_struct *p)
{
	if (wo->type == P_PID && p->pid != wo->pid)
		return false;
	if (wo->type == P_PGID && p->signal->pgrp != wo->pid)
		return false;
	if (wo->options & __WALL)
		return true;
	/* A "clone" child is one that reports with another signal. */
	return (p->exit_signal != SIGCHLD) == !!(wo->options & __WCLONE);
}

static void ns_to_timeval(u64 ns, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = ns % NSEC_PER_SEC / 1000;
}

/* What a reaped child's rusage reports: it and its reaped descendants. */
struct child_times {
	u64 utime, stime;
	unsigned long nvcsw, nivcsw, min_flt, maj_flt;
};

static void fill_rusage(struct rusage *ru, const struct child_times *ct)
{
	memset(ru, 0, sizeof(*ru));
	ns_to_timeval(ct->utime, &ru->ru_utime);
	ns_to_timeval(ct->stime, &ru->ru_stime);
	ru->ru_nvcsw = ct->nvcsw;
	ru->ru_nivcsw = ct->nivcsw;
	ru->ru_minflt = ct->min_flt;
	ru->ru_majflt = ct->maj_flt;
}

static int wait_report(const struct wait_opts *wo, pid_t pid, uid_t uid,
		       int status, int why, const struct child_times *ct)
{
	siginfo_t info;
	struct rusage ru;

	if (wo->rusage) {
		fill_rusage(&ru, ct);
		if (copy_to_user(wo->rusage, &ru, sizeof(ru)))
			return -EFAULT;
	}
	if (wo->kstat)
		*wo->kstat = status;
	else if (wo->stat_addr && put_user(status, wo->stat_addr))
		return -EFAULT;
	if (wo->infop) {
		memset(&info, 0, sizeof(info));
		info.si_signo = SIGCHLD;
		info.si_code = why;
		info.si_pid = pid;
		info.si_uid = uid;
		if (why == CLD_EXITED)
			info.si_status = (status >> 8) & 0xff;
		else if (why == CLD_CONTINUED)
			info.si_status = SIGCONT;
		else if (why == CLD_STOPPED)
			info.si_status = (status >> 8) & 0xff;
		else
			info.si_status = status & 0x7f;
		if (copy_to_user(wo->infop, &info, sizeof(info)))
			return -EFAULT;
	}
	return pid;
}

/* Under tasklist_lock, which it drops: reap (or peek at) zombie @p. */
static int wait_task_zombie(struct wait_opts *wo, struct task_struct *p,
			    unsigned long flags)
{
	struct signal_struct *psig = current->signal, *sig = p->signal;
	struct child_times ct;
	int status, why;
	pid_t pid = p->pid;
	uid_t uid = p->real_cred->uid;
	bool reap = !(wo->options & WNOWAIT);

	status = (sig->flags & SIGNAL_GROUP_EXIT) ? sig->group_exit_code :
						    p->exit_code;
	ct.utime = p->utime + sig->utime + sig->cutime;
	ct.stime = p->stime + sig->stime + sig->cstime;
	ct.nvcsw = p->nvcsw + sig->cnvcsw;
	ct.nivcsw = p->nivcsw + sig->cnivcsw;
	ct.min_flt = p->min_flt + sig->cmin_flt;
	ct.maj_flt = p->maj_flt + sig->cmaj_flt;
	if (reap) {
		p->exit_state = EXIT_DEAD;
		psig->cutime += ct.utime;
		psig->cstime += ct.stime;
		psig->cnvcsw += ct.nvcsw;
		psig->cnivcsw += ct.nivcsw;
		psig->cmin_flt += ct.min_flt;
		psig->cmaj_flt += ct.maj_flt;
	}
	get_task_struct(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);

	if (status & 0x7f)
		why = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
	else
		why = CLD_EXITED;
	pid = wait_report(wo, pid, uid, status, why, &ct);
	if (reap)
		release_task(p);
	put_task_struct(p);
	return pid;
}

/* A live child's own times, for the rusage of a stop or continue. */
static void live_child_times(const struct task_struct *p,
			     struct child_times *ct)
{
	ct->utime = p->utime;
	ct->stime = p->stime;
	ct->nvcsw = p->nvcsw;
	ct->nivcsw = p->nivcsw;
	ct->min_flt = p->min_flt;
	ct->maj_flt = p->maj_flt;
}

/*
 * Under tasklist_lock, which they drop when they report: a stop not yet
 * reported (WUNTRACED/WSTOPPED), a continue (WCONTINUED).
 */
static int wait_task_stopped(struct wait_opts *wo, struct task_struct *p,
			     unsigned long flags)
{
	struct child_times ct;
	pid_t pid = p->pid;
	uid_t uid = p->real_cred->uid;
	int code;

	if (!(wo->options & WUNTRACED))
		return 0;
	code = task_stopped_code(p, wo->options & WNOWAIT);
	if (!code)
		return 0;
	live_child_times(p, &ct);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return wait_report(wo, pid, uid, (code << 8) | 0x7f, CLD_STOPPED, &ct);
}

static int wait_task_continued(struct wait_opts *wo, struct task_struct *p,
			       unsigned long flags)
{
	struct child_times ct;
	pid_t pid = p->pid;
	uid_t uid = p->real_cred->uid;

	if (!(wo->options & WCONTINUED))
		return 0;
	if (!task_continued(p, wo->options & WNOWAIT))
		return 0;
	live_child_times(p, &ct);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return wait_report(wo, pid, uid, 0xffff, CLD_CONTINUED, &ct);
}

/*
 * Under tasklist_lock.  0: nothing to report from @p (notask_error says
 * whether it could report later); else a PID or -errno, with the lock
 * dropped.
 */
static int wait_consider_task(struct wait_opts *wo, struct task_struct *p,
			      unsigned long flags)
{
	int ret;

	if (!eligible_child(wo, p) || p->exit_state == EXIT_DEAD)
		return 0;
	if (p->exit_state == EXIT_ZOMBIE) {
		if (delay_group_leader(p)) {
			wo->notask_error = 0;
			return 0;
		}
		wo->notask_error = 0;
		if (!(wo->options & WEXITED))
			return 0;
		return wait_task_zombie(wo, p, flags);
	}
	wo->notask_error = 0;
	ret = wait_task_stopped(wo, p, flags);
	if (ret)
		return ret;
	return wait_task_continued(wo, p, flags);
}

/* Under tasklist_lock: the children of @tsk, the first one to report. */
static int do_wait_thread(struct wait_opts *wo, struct task_struct *tsk,
			  unsigned long flags)
{
	struct task_struct *p;
	int ret;

	list_for_each_entry(p, &tsk->children, sibling) {
		ret = wait_consider_task(wo, p, flags);
		if (ret)
			return ret;
	}
	return 0;
}

static long do_wait(struct wait_opts *wo)
{
	struct signal_struct *sig = current->signal;
	DEFINE_WAIT(wait);
	struct task_struct *t;
	unsigned long flags;
	long ret;

	add_wait_queue(&sig->wait_chldexit, &wait);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		wo->notask_error = -ECHILD;
		spin_lock_irqsave(&tasklist_lock, flags);
		ret = 0;
		list_for_each_entry(t, &sig->thread_head, thread_node) {
			if ((wo->options & __WNOTHREAD) && t != current)
				continue;
			ret = do_wait_thread(wo, t, flags);
			if (ret)
				goto out;	/* the lock is dropped */
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		ret = wo->notask_error;
		if (ret || (wo->options & WNOHANG))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
out:
	__set_current_state(TASK_RUNNING);
	remove_wait_queue(&sig->wait_chldexit, &wait);
	return ret;
}

static long do_wait4(struct wait_opts *wo, pid_t upid)
{
	if (wo->options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			    __WCLONE | __WALL))
		return -EINVAL;
	wo->options |= WEXITED;
	/* -INT_MIN has no positive counterpart. */
	if (upid == INT_MIN)
		return -ESRCH;
	if (upid == -1) {
		wo->type = P_ALL;
	} else if (upid < 0) {
		wo->type = P_PGID;
		wo->pid = -upid;
	} else if (upid == 0) {
		wo->type = P_PGID;
		wo->pid = current->signal->pgrp;
	} else {
		wo->type = P_PID;
		wo->pid = upid;
	}
	return do_wait(wo);
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	struct wait_opts wo = {
		.options	= options,
		.stat_addr	= stat_addr,
		.rusage		= ru,
	};

	return do_wait4(&wo, upid);
}

long kernel_wait4(pid_t upid, int *status, int options)
{
	struct wait_opts wo = {
		.options	= options,
		.kstat		= status,
	};

	return do_wait4(&wo, upid);
}

SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, siginfo_t __user *, infop,
		int, options, struct rusage __user *, ru)
{
	struct wait_opts wo = {
		.type		= which,
		.pid		= upid,
		.options	= options,
		.infop		= infop,
		.rusage		= ru,
	};
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
			__WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		if (!upid)
			wo.pid = current->signal->pgrp;
		break;
	default:
		/* P_PIDFD: Keel has no pidfds. */
		return -EINVAL;
	}
	ret = do_wait(&wo);
	/* Nothing to report with WNOHANG: the siginfo reads all zero. */
	if (!ret && infop && clear_user(infop, sizeof(*infop)))
		return -EFAULT;
	return ret > 0 ? 0 : ret;
}
