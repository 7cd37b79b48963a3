// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel timers.  Pending timers sit on one list sorted by expiry (few
 * timers exist; a timer wheel can come when many do).  The tick moves the
 * expired ones to a private list under timer_lock and calls each function
 * with the lock dropped, so a function may add, modify or delete timers,
 * its own included.  Functions run in the tick's hard interrupt context.
 * timer_lock is taken with interrupts off everywhere; it nests inside the
 * tick's desc->lock and protects every pending timer's entry and expires.
 */
#include <keel/bug.h>
#include <keel/jiffies.h>
#include <keel/spinlock.h>
#include <keel/timer.h>

static DEFINE_SPINLOCK(timer_lock);
static LIST_HEAD(timer_list_head);

void timer_setup(struct timer_list *timer,
		 void (*function)(struct timer_list *timer), u32 flags)
{
	timer->entry.next = NULL;
	timer->entry.prev = NULL;
	timer->function = function;
	timer->flags = flags;
}

static void detach_timer(struct timer_list *timer)
{
	list_del(&timer->entry);
	timer->entry.next = NULL;
}

/* After every timer due no later, so equal expiries run in order added. */
static void enqueue_timer(struct timer_list *timer)
{
	struct timer_list *pos;

	list_for_each_entry_reverse(pos, &timer_list_head, entry)
		if (time_before_eq(pos->expires, timer->expires))
			break;
	list_add(&timer->entry, &pos->entry);
}

int mod_timer(struct timer_list *timer, u64 expires)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		detach_timer(timer);
	timer->expires = expires;
	enqueue_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

void add_timer(struct timer_list *timer)
{
	BUG_ON(timer_pending(timer));
	mod_timer(timer, timer->expires);
}

int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		detach_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

void run_local_timers(void)
{
	LIST_HEAD(expired);
	struct timer_list *timer, *next;
	u64 now = get_jiffies_64();

	spin_lock(&timer_lock);
	list_for_each_entry_safe(timer, next, &timer_list_head, entry) {
		if (time_before(now, timer->expires))
			break;
		list_move_tail(&timer->entry, &expired);
	}
	/* A function may delete a timer still on @expired: it never runs. */
	while (!list_empty(&expired)) {
		void (*fn)(struct timer_list *);

		timer = list_first_entry(&expired, struct timer_list, entry);
		detach_timer(timer);
		fn = timer->function;
		spin_unlock(&timer_lock);
		fn(timer);
		spin_lock(&timer_lock);
	}
	spin_unlock(&timer_lock);
}
