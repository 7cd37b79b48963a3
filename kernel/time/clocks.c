// SPDX-License-Identifier: GPL-2.0
/*
 * The clock and sleep system calls: clock_gettime/getres/settime,
 * gettimeofday/settimeofday, time, nanosleep and clock_nanosleep, with
 * Linux's clock ids and errors.  Only the wall clock can be set (by
 * root); the monotonic clocks never jump.  The CPU-time clocks are the
 * tick-sampled utime + stime of the thread or the process.
 *
 * A sleep waits on a kernel timer in whole jiffies and checks its clock
 * when it wakes, so it never ends before the requested time on that
 * clock.  A signal ends it early: a relative sleep writes the time left
 * back and restarts towards the same deadline through restart_syscall(2)
 * when no handler runs (-EINTR after one), an absolute sleep simply
 * starts again (-ERESTARTNOHAND).
 */
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/sched.h>
#include <keel/sched/cputime.h>
#include <keel/sched/signal.h>
#include <keel/syscalls.h>
#include <keel/time.h>
#include <keel/uaccess.h>

static struct timezone sys_tz;	/* only reported back, as in Linux */

/*
 * The latest wall-clock time that may be set: 30 years of uptime short
 * of where nanoseconds overflow (Linux's TIME_SETTOD_SEC_MAX).
 */
#define TIME_SETTOD_SEC_MAX	(KTIME_MAX / (s64)NSEC_PER_SEC - \
				 30LL * 365 * 24 * 3600)

int get_timespec64(struct timespec64 *ts,
		   const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts->tv_sec = kts.tv_sec;
	ts->tv_nsec = kts.tv_nsec;
	return 0;
}

int put_timespec64(const struct timespec64 *ts,
		   struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts = {
		.tv_sec = ts->tv_sec,
		.tv_nsec = ts->tv_nsec,
	};

	return copy_to_user(uts, &kts, sizeof(kts)) ? -EFAULT : 0;
}

/* The last tick boundary: a coarse clock never runs ahead of its fine one. */
static s64 coarse(s64 ns)
{
	s64 rem = ns % (s64)TICK_NSEC;

	return ns - (rem < 0 ? rem + (s64)TICK_NSEC : rem);
}

int posix_clock_read(clockid_t id, s64 *ns)
{
	struct task_cputime ct;

	switch (id) {
	case CLOCK_REALTIME:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_REALTIME_COARSE:
		*ns = coarse(ktime_get_real_ns());
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:	/* no suspend: nothing to add */
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_MONOTONIC_COARSE:
		*ns = coarse(ktime_get_ns());
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		thread_group_cputime(current, &ct);
		*ns = ct.utime + ct.stime;
		return 0;
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = current->utime + current->stime;
		return 0;
	default:
		return -EINVAL;
	}
}

static s64 clock_resolution(clockid_t id)
{
	switch (id) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		return ktime_get_resolution_ns();
	default:
		/* Coarse clocks and the tick-charged CPU times. */
		return TICK_NSEC;
	}
}

SYSCALL_DEFINE2(clock_gettime, clockid_t, which_clock,
		struct __kernel_timespec __user *, tp)
{
	struct timespec64 ts;
	s64 ns;
	int err = posix_clock_read(which_clock, &ns);

	if (err)
		return err;
	ts = ns_to_timespec64(ns);
	return put_timespec64(&ts, tp);
}

SYSCALL_DEFINE2(clock_getres, clockid_t, which_clock,
		struct __kernel_timespec __user *, tp)
{
	struct timespec64 ts;
	s64 ns;

	if (posix_clock_read(which_clock, &ns))
		return -EINVAL;
	if (!tp)
		return 0;
	ts = ns_to_timespec64(clock_resolution(which_clock));
	return put_timespec64(&ts, tp);
}

/*
 * Linux's do_sys_settimeofday64(): a bad time or zone is -EINVAL before
 * permission is checked; setting them takes CAP_SYS_TIME, here root.
 */
static long set_time_and_zone(const struct timespec64 *ts,
			      const struct timezone *tz)
{
	if (ts && (!timespec64_valid(ts) || ts->tv_sec >= TIME_SETTOD_SEC_MAX))
		return -EINVAL;
	if (tz && (tz->tz_minuteswest > 15 * 60 ||
		   tz->tz_minuteswest < -15 * 60))
		return -EINVAL;
	if (!capable_root())
		return -EPERM;
	if (tz)
		sys_tz = *tz;
	if (ts)
		timekeeping_set_real_ns(timespec64_to_ns(ts));
	return 0;
}

SYSCALL_DEFINE2(clock_settime, clockid_t, which_clock,
		const struct __kernel_timespec __user *, tp)
{
	struct timespec64 ts;

	if (which_clock != CLOCK_REALTIME)
		return -EINVAL;
	if (get_timespec64(&ts, tp))
		return -EFAULT;
	return set_time_and_zone(&ts, NULL);
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	if (tv) {
		struct timespec64 ts = ns_to_timespec64(ktime_get_real_ns());
		struct __kernel_old_timeval ktv = {
			.tv_sec = ts.tv_sec,
			.tv_usec = ts.tv_nsec / NSEC_PER_USEC,
		};

		if (copy_to_user(tv, &ktv, sizeof(ktv)))
			return -EFAULT;
	}
	if (tz && copy_to_user(tz, &sys_tz, sizeof(sys_tz)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(settimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	struct __kernel_old_timeval ktv;
	struct timespec64 ts;
	struct timezone ktz;

	if (tv) {
		if (copy_from_user(&ktv, tv, sizeof(ktv)))
			return -EFAULT;
		if (ktv.tv_usec < 0 || ktv.tv_usec >= (long)USEC_PER_SEC)
			return -EINVAL;
		ts.tv_sec = ktv.tv_sec;
		ts.tv_nsec = ktv.tv_usec * NSEC_PER_USEC;
	}
	if (tz && copy_from_user(&ktz, tz, sizeof(ktz)))
		return -EFAULT;
	return set_time_and_zone(tv ? &ts : NULL, tz ? &ktz : NULL);
}

SYSCALL_DEFINE1(time, __kernel_old_time_t __user *, tloc)
{
	__kernel_old_time_t now = ktime_get_real_seconds();

	if (tloc && put_user(now, tloc))
		return -EFAULT;
	return now;
}

/*
 * Sleep until clock @id reads @deadline: whole jiffies at a time, the
 * clock checked after each wake-up.  0, or -EINTR with the time left in
 * @left when a signal comes first.
 */
static long sleep_until(clockid_t id, s64 deadline, s64 *left)
{
	s64 now;

	for (;;) {
		u64 ticks;

		posix_clock_read(id, &now);
		if (now >= deadline)
			return 0;
		if (signal_pending(current)) {
			*left = deadline - now;
			return -EINTR;
		}
		ticks = DIV_ROUND_UP((u64)(deadline - now), TICK_NSEC);
		if (ticks >= MAX_SCHEDULE_TIMEOUT)
			ticks = MAX_SCHEDULE_TIMEOUT - 1;
		schedule_timeout_interruptible(ticks);
	}
}

/*
 * Linux's answers: no sleeping on the coarse or raw clocks, nor on the
 * caller's own thread's CPU time.  The process's CPU time (its other
 * threads') advances no faster than the monotonic clock on one CPU, so
 * sleep_until() waits for it the same way.
 */
static long check_sleep_clock(clockid_t id)
{
	switch (id) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_PROCESS_CPUTIME_ID:
		return 0;
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_THREAD_CPUTIME_ID:
		return -EOPNOTSUPP;
	default:
		return -EINVAL;
	}
}

static long nanosleep_restart(struct restart_block *restart);

/*
 * A relative sleep a signal ended: the time left goes to @rmtp, and the
 * sleep resumes towards the same deadline if no handler runs
 * (restart_syscall(2)); after a handler the call fails with -EINTR.
 */
static long nanosleep_interrupted(clockid_t id, s64 deadline, s64 left,
				  struct __kernel_timespec __user *rmtp)
{
	struct restart_block *restart = &current->restart_block;
	struct timespec64 rem = ns_to_timespec64(left);

	if (rmtp && put_timespec64(&rem, rmtp))
		return -EFAULT;
	restart->nanosleep.clockid = id;
	restart->nanosleep.rmtp = rmtp;
	restart->nanosleep.expires = deadline;
	return set_restart_fn(restart, nanosleep_restart);
}

static long nanosleep_restart(struct restart_block *restart)
{
	clockid_t id = restart->nanosleep.clockid;
	s64 deadline = restart->nanosleep.expires, left;

	if (sleep_until(id, deadline, &left) != -EINTR)
		return 0;
	return nanosleep_interrupted(id, deadline, left,
				     restart->nanosleep.rmtp);
}

static long do_clock_nanosleep(clockid_t id, int flags,
			       const struct timespec64 *req,
			       struct __kernel_timespec __user *rmtp)
{
	s64 start, deadline, left;
	long ret;

	if (!timespec64_valid(req))
		return -EINVAL;
	posix_clock_read(id, &start);
	if (flags & TIMER_ABSTIME)
		deadline = timespec64_to_ns(req);
	else if (timespec64_to_ns(req) > KTIME_MAX - start)
		deadline = KTIME_MAX;
	else
		deadline = start + timespec64_to_ns(req);
	ret = sleep_until(id, deadline, &left);
	if (ret != -EINTR)
		return ret;
	/* An absolute sleep just starts again with the same deadline. */
	if (flags & TIMER_ABSTIME)
		return -ERESTARTNOHAND;
	return nanosleep_interrupted(id, deadline, left, rmtp);
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 req;

	if (get_timespec64(&req, rqtp))
		return -EFAULT;
	return do_clock_nanosleep(CLOCK_MONOTONIC, 0, &req, rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, clockid_t, which_clock, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 req;
	long ret = check_sleep_clock(which_clock);

	if (ret)
		return ret;
	if (get_timespec64(&req, rqtp))
		return -EFAULT;
	return do_clock_nanosleep(which_clock, flags & TIMER_ABSTIME, &req,
				  rmtp);
}
