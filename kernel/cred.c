// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials (<keel/cred.h>): copy-on-write, reference-counted, as in
 * Linux's kernel/cred.c.  Only the task itself changes its own pointers
 * (commit_creds(), override_creds()), so they need no lock; the objects
 * they point to never change once installed.
 */
#include <keel/bug.h>
#include <keel/cred.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/spinlock.h>
#include <keel/slab.h>

/* init_task's real_cred and cred hold a reference each; never freed. */
struct cred init_cred = {
	.usage = ATOMIC_INIT(2),
	.group_info = &init_groups,
};

const struct cred *current_cred(void)
{
	return current->cred;
}

const struct cred *override_creds(const struct cred *new)
{
	const struct cred *old = current->cred;

	current->cred = new;
	return old;
}

void revert_creds(const struct cred *old)
{
	current->cred = old;
}

void __put_cred(struct cred *cred)
{
	BUG_ON(cred == &init_cred);
	if (cred->group_info)
		put_group_info(cred->group_info);
	kfree(cred);
}

struct cred *prepare_creds(void)
{
	struct cred *new = kmalloc(sizeof(*new), GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *current->cred;
	atomic_set(&new->usage, 1);
	if (new->group_info)
		get_group_info(new->group_info);
	return new;
}

/*
 * Both pointers now refer to @new: it gains a second reference, and the
 * old credentials lose theirs.  Not while overriding: the override would
 * be lost.
 */
void commit_creds(struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old = task->real_cred;

	BUG_ON(task->cred != old);
	/* As in Linux (suid_dumpable 0): a changed identity dumps no core. */
	if (new->euid != old->euid || new->egid != old->egid ||
	    new->fsuid != old->fsuid || new->fsgid != old->fsgid)
		set_dumpable(task, false);
	get_cred(new);
	task->real_cred = new;
	task->cred = new;
	put_cred(old);
	put_cred(old);
}

void set_dumpable(struct task_struct *p, bool dumpable)
{
	struct task_struct *t;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &p->signal->thread_head, thread_node)
		t->undumpable = !dumpable;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void abort_creds(struct cred *new)
{
	put_cred(new);
}
