// SPDX-License-Identifier: GPL-2.0
/*
 * Sending signals: for now only force_sig_fault(), which the page-fault
 * handler calls for a user-mode fault it cannot resolve.  Keel has no
 * signal delivery yet, so it reports the fault in the words Linux logs
 * for an unhandled one; the signals work replaces this file.
 */
#include <keel/printk.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>

int force_sig_fault(int sig, int code, void __user *addr)
{
	pr_info("%s[%d]: signal %d code %d at %px\n", current->comm,
		current->pid, sig, code, (void __force *)addr);
	return 0;
}
