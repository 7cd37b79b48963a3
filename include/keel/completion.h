/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Completions, as in Linux: a one-way "this has happened" a task can wait
 * for, counted so that a complete() before the wait is not lost.
 */
#ifndef _KEEL_COMPLETION_H
#define _KEEL_COMPLETION_H

#include <keel/wait.h>

struct completion {
	unsigned int done;		/* completions not yet consumed */
	wait_queue_head_t wait;
};

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

/* Wake one waiter (or let the next wait return at once). */
void complete(struct completion *x);
/* Wake every waiter, now and later. */
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
/* 0, or -ERESTARTSYS if a fatal signal came first. */
int wait_for_completion_killable(struct completion *x);

#endif /* _KEEL_COMPLETION_H */
