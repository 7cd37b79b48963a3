// SPDX-License-Identifier: GPL-2.0
/*
 * The shared state of a process (struct signal_struct) and how a parent
 * learns of its children's ends.  Signal delivery itself (handlers,
 * masks, queues) builds on these; until it exists, a fault in user mode
 * ends the process as the default action of its signal does, and no
 * signal is ever pending.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/printk.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <keel/uaccess.h>
#include <asm/ptrace.h>
#include <uapi/linux/signal.h>

int copy_signal(unsigned long clone_flags, struct task_struct *p)
{
	struct signal_struct *sig, *cur = current->signal;

	if (clone_flags & CLONE_THREAD)
		return 0;		/* link_task() takes the references */
	sig = kzalloc(sizeof(*sig), GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	atomic_set(&sig->sigcnt, 1);
	atomic_set(&sig->live, 1);
	sig->nr_threads = 1;
	INIT_LIST_HEAD(&sig->thread_head);
	init_waitqueue_head(&sig->wait_chldexit);
	sig->pgrp = cur->pgrp;
	sig->session = cur->session;
	memcpy(sig->rlim, cur->rlim, sizeof(sig->rlim));
	p->signal = sig;
	return 0;
}

void put_signal_struct(struct signal_struct *sig)
{
	if (atomic_dec_and_test(&sig->sigcnt))
		kfree(sig);
}

int copy_sighand(unsigned long clone_flags, struct task_struct *p)
{
	p->sighand = NULL;
	return 0;
}

void exit_sighand(struct task_struct *p)
{
}

bool fatal_signal_pending(const struct task_struct *p)
{
	return false;
}

void arch_do_signal(struct pt_regs *regs)
{
	clear_tsk_thread_flag(current, TIF_SIGPENDING);
}

void do_notify_parent(struct task_struct *p, int sig)
{
	wake_up_all(&p->parent->signal->wait_chldexit);
}

void zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;

	list_for_each_entry(t, &p->signal->thread_head, thread_node)
		if (t != p) {
			set_tsk_thread_flag(t, TIF_SIGPENDING);
			wake_up_state(t, TASK_INTERRUPTIBLE | TASK_WAKEKILL);
		}
}

int wait_task_stopped_continued(int options, struct task_struct *p,
				int __user *stat_addr, void __user *infop,
				unsigned long flags)
{
	return 0;
}

/* The default action of a fault's signal: the process ends by it. */
int force_sig_fault(int sig, int code, void __user *addr)
{
	struct pt_regs *regs = current_pt_regs();

	pr_info("%s[%d]: signal %d (code %d) at %lx ip %lx sp %lx\n",
		current->comm, current->pid, sig, code, (unsigned long)addr,
		regs->ip, regs->sp);
	do_group_exit(sig);
}

/* No blocked set to install the mask in until signals are delivered. */
int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize)
{
	sigset_t kmask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&kmask, umask, sizeof(kmask)))
		return -EFAULT;
	return 0;
}

void restore_saved_sigmask_unless(bool interrupted)
{
}

/* exec: handlers go back to SIG_DFL; there are none to reset yet. */
void flush_signal_handlers(struct task_struct *t, int force_default)
{
}
