/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A call to make later, as Linux's: ->get_link() hands back with a link
 * body it built for this caller alone (say, /proc/self's "1234") the way
 * to release it, and the path walk runs it once it is done with the body.
 * Bodies that live with the inode leave it empty.
 */
#ifndef _KEEL_DELAYED_CALL_H
#define _KEEL_DELAYED_CALL_H

#include <keel/types.h>

struct delayed_call {
	void (*fn)(void *arg);
	void *arg;
};

#define DEFINE_DELAYED_CALL(name) struct delayed_call name = { NULL, NULL }

static inline void set_delayed_call(struct delayed_call *call,
				    void (*fn)(void *arg), void *arg)
{
	call->fn = fn;
	call->arg = arg;
}

/* Run it, if one was set, and forget it. */
static inline void do_delayed_call(struct delayed_call *call)
{
	if (call->fn)
		call->fn(call->arg);
	call->fn = NULL;
}

#endif /* _KEEL_DELAYED_CALL_H */
