// SPDX-License-Identifier: GPL-2.0
/*
 * Futexes.  Without futex(2) nobody can wait on a futex word, so waking
 * the waiters of one wakes nobody.
 */
#include <keel/futex.h>

void futex_wake_tid(int __user *uaddr)
{
}
