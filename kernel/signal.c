// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, as far as Keel has them: the temporary blocked mask of ppoll()
 * and pselect6() (<keel/sched/signal.h>).  The mask is copied in and
 * checked exactly as Linux does; with no signal ever delivered there is
 * no blocked set to install it in yet.  Hook for the signals work: keep
 * the copy in current->blocked here, the old set in saved_sigmask, and
 * restore it in restore_saved_sigmask_unless().
 */
#include <keel/errno.h>
#include <keel/sched/signal.h>
#include <keel/uaccess.h>

int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize)
{
	sigset_t kmask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&kmask, umask, sizeof(kmask)))
		return -EFAULT;
	return 0;
}

void restore_saved_sigmask_unless(bool interrupted)
{
}
