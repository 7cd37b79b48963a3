/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What code that waits needs of signals, with Linux's names: the signal
 * set type, signal_pending(), and the temporary blocked mask of ppoll()
 * and pselect6().  Keel has no signals yet: nothing is ever pending, so a
 * wait is never interrupted (-EINTR) and a blocked mask has nothing to
 * block.  The signals work replaces these bodies behind the same calls.
 */
#ifndef _KEEL_SCHED_SIGNAL_H
#define _KEEL_SCHED_SIGNAL_H

#include <keel/compiler.h>
#include <keel/sched.h>
#include <keel/types.h>

#define _NSIG		64
#define _NSIG_BPW	(8 * sizeof(unsigned long))
#define _NSIG_WORDS	(_NSIG / _NSIG_BPW)

/* The kernel's and the user ABI's sigset_t (rt_sigprocmask's size). */
typedef struct {
	unsigned long sig[_NSIG_WORDS];
} sigset_t;

/* Has @p a signal to handle?  Waits end with -EINTR when it has. */
static inline bool signal_pending(struct task_struct *p)
{
	return false;
}

/*
 * ppoll() and pselect6()'s mask: copies it in (-EINVAL for a size other
 * than sizeof(sigset_t), -EFAULT) and makes it current's blocked set for
 * the call, saving the old one; restore_saved_sigmask_unless() puts the
 * old set back, unless the call was @interrupted by a signal, whose
 * delivery restores it after the handler ran (kernel/signal.c).
 */
int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize);
void restore_saved_sigmask_unless(bool interrupted);

#endif /* _KEEL_SCHED_SIGNAL_H */
