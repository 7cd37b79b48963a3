/* SPDX-License-Identifier: GPL-2.0 */
/* Futexes (kernel/futex/): what the rest of the kernel calls. */
#ifndef _KEEL_FUTEX_H
#define _KEEL_FUTEX_H

#include <keel/compiler.h>

struct task_struct;

/*
 * Wake one waiter on the futex word at @uaddr in the current address
 * space: a thread exiting with CLONE_CHILD_CLEARTID wakes pthread_join().
 */
void futex_wake_tid(int __user *uaddr);

/*
 * @tsk (current) lets go of its address space, at exit or exec: release
 * the robust futexes it still holds (FUTEX_OWNER_DIED, a waiter woken)
 * and forget its robust list.  Before the CLONE_CHILD_CLEARTID word.
 */
void futex_exit_release(struct task_struct *tsk);

#endif /* _KEEL_FUTEX_H */
