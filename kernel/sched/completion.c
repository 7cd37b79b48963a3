// SPDX-License-Identifier: GPL-2.0
/*
 * Completions (<keel/completion.h>).  done is guarded by the wait
 * queue's lock; complete_all() sets it to UINT_MAX, which nothing
 * consumes.
 */
#include <keel/completion.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/limits.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>

static void add_done(struct completion *x, unsigned int n)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (n == UINT_MAX || x->done == UINT_MAX)
		x->done = UINT_MAX;
	else
		x->done++;
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

void complete(struct completion *x)
{
	add_done(x, 1);
	wake_up(&x->wait);
}

void complete_all(struct completion *x)
{
	add_done(x, UINT_MAX);
	wake_up_all(&x->wait);
}

static bool try_consume(struct completion *x)
{
	unsigned long flags;
	bool done;

	spin_lock_irqsave(&x->wait.lock, flags);
	done = x->done;
	if (done && x->done != UINT_MAX)
		x->done--;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return done;
}

static int do_wait_for_common(struct completion *x, unsigned int state)
{
	DEFINE_WAIT(wait);
	int ret = 0;

	might_sleep();
	for (;;) {
		prepare_to_wait_exclusive(&x->wait, &wait, state);
		if (try_consume(x))
			break;
		if (signal_pending_state(state, current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&x->wait, &wait);
	return ret;
}

void wait_for_completion(struct completion *x)
{
	do_wait_for_common(x, TASK_UNINTERRUPTIBLE);
}

int wait_for_completion_killable(struct completion *x)
{
	return do_wait_for_common(x, TASK_KILLABLE);
}
