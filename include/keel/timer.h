/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel timers: call a function once jiffies reaches a given value.
 * Timers expire from the tick interrupt, so their functions run in hard
 * interrupt context with interrupts disabled: they must not sleep and
 * should be short.  A function may re-arm its own timer with mod_timer().
 * See Documentation/core-api/timers.rst.
 */
#ifndef _KEEL_TIMER_H
#define _KEEL_TIMER_H

#include <keel/compiler.h>
#include <keel/list.h>
#include <keel/types.h>

/*
 * entry and expires belong to the timer code (timer_lock) while the
 * timer is pending; entry.next is NULL while it is not.
 */
struct timer_list {
	struct list_head entry;
	u64 expires;				/* in jiffies */
	void (*function)(struct timer_list *timer);
	u32 flags;
};

void timer_setup(struct timer_list *timer,
		 void (*function)(struct timer_list *timer), u32 flags);

static inline bool timer_pending(const struct timer_list *timer)
{
	return READ_ONCE(timer->entry.next) != NULL;
}

/* Start @timer at timer->expires; it must not be pending. */
void add_timer(struct timer_list *timer);

/* (Re)start @timer at @expires: 1 if it was pending, 0 if not. */
int mod_timer(struct timer_list *timer, u64 expires);

/* Stop @timer: 1 if it was pending (it will not run), 0 if not. */
int del_timer(struct timer_list *timer);
/*
 * The same, and wait until its function has returned if it is running:
 * afterwards nothing of @timer runs, so it may be freed.
 */
int del_timer_sync(struct timer_list *timer);

/* From the tick: have the timer softirq run every timer whose time has come. */
void run_local_timers(void);
/* At boot, before the tick starts. */
void init_timers(void);

#endif /* _KEEL_TIMER_H */
