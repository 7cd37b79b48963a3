/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sending signals from the kernel.  For now only what the page-fault
 * handler needs: a fault it cannot resolve in user mode becomes SIGSEGV
 * (or SIGBUS past the end of a file) for the current task.
 */
#ifndef _KEEL_SCHED_SIGNAL_H
#define _KEEL_SCHED_SIGNAL_H

#include <keel/compiler.h>
#include <uapi/asm-generic/siginfo.h>
#include <uapi/asm-generic/signal.h>

/*
 * Queue @sig with si_code @code and si_addr @addr for the current task,
 * unblocked and not ignored, as a synchronous fault does.  0 or -errno.
 */
int force_sig_fault(int sig, int code, void __user *addr);

#endif /* _KEEL_SCHED_SIGNAL_H */
