/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The signal types a task_struct embeds (Linux's <linux/signal_types.h>):
 * the 64-bit signal set and a queue of pending signals.  The calls on
 * them are in <keel/signal.h>.
 */
#ifndef _KEEL_SIGNAL_TYPES_H
#define _KEEL_SIGNAL_TYPES_H

#include <keel/list.h>
#include <keel/types.h>
#include <uapi/asm-generic/siginfo.h>
#include <uapi/linux/signal.h>

/* Bit sig - 1 stands for signal sig; one word holds all 64 on x86_64. */
#define _NSIG_BPW	64
#define _NSIG_WORDS	(_NSIG / _NSIG_BPW)

typedef struct {
	unsigned long sig[_NSIG_WORDS];
} sigset_t;

/*
 * Signals sent and not yet delivered: the set says which are pending;
 * the list holds a struct sigqueue with the siginfo of each instance
 * (several for a real-time signal, at most one for a standard one, none
 * for one sent when no memory was left).
 */
struct sigpending {
	struct list_head list;
	sigset_t signal;
};

struct sigqueue {
	struct list_head list;
	siginfo_t info;
};

#endif /* _KEEL_SIGNAL_TYPES_H */
