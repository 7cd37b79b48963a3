/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ->poll file operation, as in Linux.  A file's ->poll calls
 * poll_wait() on every wait queue whose wake-up may change its answer,
 * then returns the POLL* events that hold now; it must not sleep.
 * poll(), select() and their variants (fs/select.c) pass a poll_table
 * that queues the caller on those wait queues the first time round, so
 * a wake_up() on any of them ends the wait, and NULL (or a table with no
 * queueing function) when they only ask again.  A file without ->poll is
 * always ready to read and write (DEFAULT_POLLMASK): regular files,
 * /dev/null, /dev/zero.
 */
#ifndef _KEEL_POLL_H
#define _KEEL_POLL_H

#include <keel/compiler.h>
#include <keel/fs.h>
#include <keel/wait.h>
#include <uapi/asm-generic/poll.h>

struct poll_table_struct;

typedef void (*poll_queue_proc)(struct file *file, wait_queue_head_t *head,
				struct poll_table_struct *pt);

typedef struct poll_table_struct {
	poll_queue_proc _qproc;		/* NULL: do not queue */
} poll_table;

static inline void poll_wait(struct file *file, wait_queue_head_t *head,
			     poll_table *pt)
{
	if (pt && pt->_qproc && head)
		pt->_qproc(file, head, pt);
}

#define DEFAULT_POLLMASK	(POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

static inline __poll_t vfs_poll(struct file *file, poll_table *pt)
{
	if (!file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

#endif /* _KEEL_POLL_H */
