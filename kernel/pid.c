// SPDX-License-Identifier: GPL-2.0
/*
 * Process IDs: a bitmap of the PIDs in use, handed out in increasing
 * order and wrapping past the top to RESERVED_PIDS, as Linux does (so a
 * recently freed PID is not reused at once), and a hash from PID to task.
 * PID 0 is the idle task's and never allocated; PID 1 goes to the first
 * task started, init.  tasklist_lock guards both.
 */
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/list.h>
#include <keel/sched.h>
#include <keel/sched/task.h>

#define PID_MAX			32768	/* /proc/sys/kernel/pid_max */
#define RESERVED_PIDS		300
#define PIDHASH_SIZE		256
#define BITS_PER_LONG		64

static unsigned long pid_bitmap[PID_MAX / BITS_PER_LONG];
static pid_t last_pid;
static struct list_head pid_hash[PIDHASH_SIZE];

static struct list_head *pid_bucket(pid_t nr)
{
	return &pid_hash[nr & (PIDHASH_SIZE - 1)];
}

static bool pid_test_and_set(pid_t nr)
{
	unsigned long *word = &pid_bitmap[nr / BITS_PER_LONG];
	unsigned long bit = 1UL << (nr % BITS_PER_LONG);

	if (*word & bit)
		return false;
	*word |= bit;
	return true;
}

pid_t alloc_pid(void)
{
	unsigned long flags;
	pid_t nr = -EAGAIN, next;
	int tries;

	spin_lock_irqsave(&tasklist_lock, flags);
	next = last_pid;
	for (tries = 0; tries < PID_MAX; tries++) {
		if (++next >= PID_MAX)
			next = RESERVED_PIDS;
		if (pid_test_and_set(next)) {
			nr = last_pid = next;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return nr;
}

pid_t last_allocated_pid(void)
{
	return READ_ONCE(last_pid);
}

void free_pid(pid_t nr)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	pid_bitmap[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void attach_pid(struct task_struct *p)
{
	list_add(&p->pid_chain, pid_bucket(p->pid));
}

void detach_pid(struct task_struct *p)
{
	list_del_init(&p->pid_chain);
}

struct task_struct *find_task_by_vpid(pid_t nr)
{
	struct task_struct *p;

	if (nr <= 0)
		return NULL;
	list_for_each_entry(p, pid_bucket(nr), pid_chain)
		if (p->pid == nr)
			return p;
	return NULL;
}

struct task_struct *find_get_task_by_vpid(pid_t nr)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(nr);
	if (p)
		get_task_struct(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

void pid_init(void)
{
	unsigned int i;

	for (i = 0; i < PIDHASH_SIZE; i++)
		INIT_LIST_HEAD(&pid_hash[i]);
	pid_test_and_set(0);	/* the idle task's */
}
