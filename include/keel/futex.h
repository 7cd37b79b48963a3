/* SPDX-License-Identifier: GPL-2.0 */
/* Futexes (kernel/futex.c): what the rest of the kernel calls. */
#ifndef _KEEL_FUTEX_H
#define _KEEL_FUTEX_H

#include <keel/compiler.h>

/*
 * Wake one waiter on the futex word at @uaddr in the current address
 * space: a thread exiting with CLONE_CHILD_CLEARTID wakes pthread_join().
 */
void futex_wake_tid(int __user *uaddr);

#endif /* _KEEL_FUTEX_H */
