/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How a system call that slept for a time restarts after a signal handler
 * (Linux's struct restart_block): the call stores what it needs to finish
 * in current->restart_block, sets .fn and returns -ERESTART_RESTARTBLOCK
 * (set_restart_fn()).  If no handler runs, the return to user mode turns
 * the call into restart_syscall(2), which calls .fn; if a handler runs,
 * the call fails with -EINTR and .fn is reset by rt_sigreturn.  A
 * nanosleep, for instance, keeps its absolute expiry and the user's rmtp:
 *
 *	restart->nanosleep.expires = expires;
 *	restart->nanosleep.rmtp = rmtp;
 *	return set_restart_fn(restart, nanosleep_restart);
 */
#ifndef _KEEL_RESTART_BLOCK_H
#define _KEEL_RESTART_BLOCK_H

#include <keel/errno.h>
#include <keel/types.h>

struct __kernel_timespec;

struct restart_block {
	long (*fn)(struct restart_block *);
	union {
		/* nanosleep, clock_nanosleep */
		struct {
			int clockid;
			struct __kernel_timespec __user *rmtp;
			u64 expires;		/* absolute, in ns */
		} nanosleep;
		/* futex(FUTEX_WAIT) with a timeout */
		struct {
			u32 __user *uaddr;
			u32 val;
			u32 flags;
			u32 bitset;
			u64 time;
		} futex;
		/* poll() with a timeout */
		struct {
			void __user *ufds;
			int nfds;
			int has_timeout;
			unsigned long tv_sec;
			unsigned long tv_nsec;
		} poll;
	};
};

/* The .fn of "nothing to restart": restart_syscall() fails with -EINTR. */
long do_no_restart_syscall(struct restart_block *restart);

static inline long set_restart_fn(struct restart_block *restart,
				  long (*fn)(struct restart_block *))
{
	restart->fn = fn;
	return -ERESTART_RESTARTBLOCK;
}

#endif /* _KEEL_RESTART_BLOCK_H */
