// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel timers.  Pending timers sit on one list sorted by expiry (few
 * timers exist; a timer wheel can come when many do).  The tick raises
 * TIMER_SOFTIRQ when the first one is due; the softirq moves the expired
 * ones to a private list under timer_lock and calls each function with
 * the lock dropped, so a function may add, modify or delete timers, its
 * own included.  Functions run in softirq context, as in Linux: interrupts
 * on, no sleeping.  timer_lock is taken with interrupts off everywhere and
 * protects every pending timer's entry and expires, and running_timer,
 * which del_timer_sync() waits on.
 */
#include <keel/bug.h>
#include <keel/hardirq.h>
#include <keel/interrupt.h>
#include <keel/jiffies.h>
#include <keel/spinlock.h>
#include <keel/timer.h>
#include <asm/processor.h>

static DEFINE_SPINLOCK(timer_lock);
static LIST_HEAD(timer_list_head);
static struct timer_list *running_timer;	/* [timer_lock] */

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

/*
 * Stop @timer and wait until its function is not running anywhere.  Not
 * from a hard interrupt, and not from the timer's own function: both would
 * wait forever.
 */
int del_timer_sync(struct timer_list *timer)
{
	unsigned long flags;
	int was_pending;

	WARN_ON(in_hardirq());
	for (;;) {
		spin_lock_irqsave(&timer_lock, flags);
		was_pending = timer_pending(timer);
		if (was_pending)
			detach_timer(timer);
		if (running_timer != timer)
			break;
		spin_unlock_irqrestore(&timer_lock, flags);
		if (WARN_ON(in_serving_softirq()))
			return was_pending;
		cpu_relax();
	}
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

static void run_timer_softirq(void)
{
	LIST_HEAD(expired);
	struct timer_list *timer, *next;
	u64 now = get_jiffies_64();

	spin_lock_irq(&timer_lock);
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
		running_timer = timer;
		spin_unlock_irq(&timer_lock);
		fn(timer);
		spin_lock_irq(&timer_lock);
		running_timer = NULL;
	}
	spin_unlock_irq(&timer_lock);
}

/* From the tick, in hard interrupt context. */
void run_local_timers(void)
{
	struct timer_list *first;

	spin_lock(&timer_lock);
	first = list_first_entry_or_null(&timer_list_head, struct timer_list,
					 entry);
	if (first && !time_before(get_jiffies_64(), first->expires))
		raise_softirq_irqoff(TIMER_SOFTIRQ);
	spin_unlock(&timer_lock);
}

void init_timers(void)
{
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
}
