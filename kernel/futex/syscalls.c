// SPDX-License-Identifier: GPL-2.0
/*
 * futex(2): decoding the operation, its flags and its timeout.
 *
 * The priority-inheritance operations (FUTEX_LOCK_PI, FUTEX_UNLOCK_PI,
 * FUTEX_TRYLOCK_PI, FUTEX_LOCK_PI2, FUTEX_WAIT_REQUEUE_PI,
 * FUTEX_CMP_REQUEUE_PI) return -ENOSYS: glibc and musl use them only
 * for PTHREAD_PRIO_INHERIT mutexes (and glibc's pthread_mutex_init()
 * then fails with ENOTSUP); every other lock, condition variable,
 * barrier and join waits with FUTEX_WAIT or FUTEX_WAIT_BITSET.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/limits.h>
#include <keel/syscalls.h>
#include <keel/timekeeping.h>
#include <keel/uaccess.h>
#include <uapi/linux/futex.h>
#include <uapi/linux/time_types.h>
#include "futex.h"

/* @a + @b, or FUTEX_NO_DEADLINE - 1 rather than wrapping. */
static u64 add_saturating(u64 a, u64 b)
{
	return a + b < a || a + b >= FUTEX_NO_DEADLINE ?
	       FUTEX_NO_DEADLINE - 1 : a + b;
}

/*
 * The timeout as a deadline on the monotonic clock: FUTEX_WAIT's is
 * relative, FUTEX_WAIT_BITSET's absolute on the monotonic clock or with
 * FUTEX_CLOCK_REALTIME on the wall clock (converted at the call; a
 * later change of the wall clock does not move it).
 */
static int futex_deadline(const struct __kernel_timespec __user *utime,
			  int cmd, unsigned int flags, u64 *deadline)
{
	struct __kernel_timespec ts;
	u64 now = ktime_get_ns();
	s64 ns, real_offset;

	if (copy_from_user(&ts, utime, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (s64)NSEC_PER_SEC)
		return -EINVAL;
	/* Some 292 years or more: never. */
	if (ts.tv_sec >= S64_MAX / (s64)NSEC_PER_SEC)
		ns = S64_MAX;
	else
		ns = ts.tv_sec * (s64)NSEC_PER_SEC + ts.tv_nsec;
	if (cmd == FUTEX_WAIT) {
		*deadline = add_saturating(now, ns);
	} else if (flags & FLAGS_CLOCKRT) {
		/* Wall clock minus monotonic clock, either sign. */
		real_offset = ktime_get_real_ns() - (s64)now;
		*deadline = ns <= real_offset ? 0 :
			    min((u64)ns - (u64)real_offset,
				FUTEX_NO_DEADLINE - 1);
	} else {
		*deadline = ns;
	}
	return 0;
}

static long do_futex(u32 __user *uaddr, int op, u32 val, u64 deadline,
		     u32 __user *uaddr2, u32 val2, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	unsigned int flags = 0;

	if (!(op & FUTEX_PRIVATE_FLAG))
		flags |= FLAGS_SHARED;
	if (op & FUTEX_CLOCK_REALTIME) {
		flags |= FLAGS_CLOCKRT;
		if (cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT_REQUEUE_PI &&
		    cmd != FUTEX_LOCK_PI2)
			return -ENOSYS;
	}
	switch (cmd) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, flags, val, deadline,
				  FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, flags, val, deadline, val3);
	case FUTEX_WAKE:
		return futex_wake(uaddr, flags, val, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, flags, val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, flags, uaddr2, val, val2, val3);
	default:
		/* The PI operations, FUTEX_FD (gone since Linux 2.6.26). */
		return -ENOSYS;
	}
}

/*
 * For the requeue and wake-op operations the timeout argument is a
 * number: how many to requeue or to wake on the second futex.
 */
SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct __kernel_timespec __user *, utime,
		u32 __user *, uaddr2, u32, val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	u64 deadline = FUTEX_NO_DEADLINE;
	int ret;

	if (utime && (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET)) {
		ret = futex_deadline(utime, cmd, op & FUTEX_CLOCK_REALTIME ?
				     FLAGS_CLOCKRT : 0, &deadline);
		if (ret)
			return ret;
	}
	return do_futex(uaddr, op, val, deadline, uaddr2,
			(u32)(unsigned long)utime, val3);
}
