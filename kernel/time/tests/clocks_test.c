// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the clock, sleep and interval-timer system calls through the
 * system-call table: each clock id's value and resolution, setting the
 * wall clock (root only, restored after), gettimeofday and time, sleeps
 * that last at least what was asked and report the time left when a
 * signal cuts them short, and alarm/getitimer/setitimer with real
 * expiries.  Timer and identity changes run in child processes.
 */
#include <keel/errno.h>
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/string.h>
#include <keel/time.h>
#include <asm/unistd.h>

#define U(off)		((void __user *)(ktest_ubuf() + (off)))
#define K(off)		((void *)(ktest_ubuf_kaddr() + (off)))
#define BAD		((void __user *)(KTEST_UBUF + KTEST_UBUF_SIZE))

static int clocks_init(struct ktest *t)
{
	return ktest_ubuf() ? 0 : -ENOMEM;
}

/* clock_gettime(@id) in nanoseconds, or a negative errno. */
static s64 gettime(clockid_t id)
{
	struct __kernel_timespec *ts = K(0);
	long ret = ktest_syscall2(__NR_clock_gettime, id, U(0));

	return ret ? ret : ts->tv_sec * (s64)NSEC_PER_SEC + ts->tv_nsec;
}

static s64 getres(clockid_t id)
{
	struct __kernel_timespec *ts = K(0);
	long ret = ktest_syscall2(__NR_clock_getres, id, U(0));

	return ret ? ret : ts->tv_sec * (s64)NSEC_PER_SEC + ts->tv_nsec;
}

static void __user *timespec(s64 sec, s64 nsec)
{
	struct __kernel_timespec *ts = K(64);

	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
	return U(64);
}

static void test_clock_getres(struct ktest *t)
{
	s64 fine = ktime_get_resolution_ns();

	KTEST_EXPECT_TRUE(t, fine == 1 || fine == (s64)TICK_NSEC);
	KTEST_EXPECT_EQ(t, getres(CLOCK_REALTIME), fine);
	KTEST_EXPECT_EQ(t, getres(CLOCK_MONOTONIC), fine);
	KTEST_EXPECT_EQ(t, getres(CLOCK_MONOTONIC_RAW), fine);
	KTEST_EXPECT_EQ(t, getres(CLOCK_BOOTTIME), fine);
	KTEST_EXPECT_EQ(t, getres(CLOCK_REALTIME_COARSE), TICK_NSEC);
	KTEST_EXPECT_EQ(t, getres(CLOCK_MONOTONIC_COARSE), TICK_NSEC);
	KTEST_EXPECT_EQ(t, getres(CLOCK_PROCESS_CPUTIME_ID), TICK_NSEC);
	KTEST_EXPECT_EQ(t, getres(CLOCK_THREAD_CPUTIME_ID), TICK_NSEC);
	KTEST_EXPECT_EQ(t, getres(8), -EINVAL);
	KTEST_EXPECT_EQ(t, getres(-1), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_clock_getres, CLOCK_MONOTONIC,
					  NULL), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_clock_getres, 8, NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_clock_getres, CLOCK_MONOTONIC,
					  BAD), -EFAULT);
}

static void test_clock_gettime(struct ktest *t)
{
	s64 before = ktime_get_ns(), mono = gettime(CLOCK_MONOTONIC);
	s64 after = ktime_get_ns(), real, coarse, thread;

	KTEST_EXPECT_GE(t, mono, before);
	KTEST_EXPECT_LE(t, mono, after);
	KTEST_EXPECT_GE(t, gettime(CLOCK_BOOTTIME), after);
	KTEST_EXPECT_GE(t, gettime(CLOCK_MONOTONIC_RAW), after);
	/* A coarse clock: the last tick boundary, never ahead. */
	coarse = gettime(CLOCK_MONOTONIC_COARSE);
	KTEST_EXPECT_EQ(t, coarse % TICK_NSEC, 0);
	KTEST_EXPECT_LE(t, coarse, ktime_get_ns());
	KTEST_EXPECT_GT(t, coarse + (s64)TICK_NSEC, after);
	real = gettime(CLOCK_REALTIME);
	KTEST_EXPECT_LE(t, real, ktime_get_real_ns());
	KTEST_EXPECT_GE(t, real / (s64)NSEC_PER_SEC,
			ktime_get_real_seconds() - 1);
	KTEST_EXPECT_EQ(t, gettime(CLOCK_REALTIME_COARSE) % TICK_NSEC, 0);
	KTEST_EXPECT_LE(t, gettime(CLOCK_REALTIME_COARSE),
			ktime_get_real_ns());
	/*
	 * Each time read before the clock that must not be behind it: a
	 * tick in between only adds to the later reading.
	 */
	thread = (s64)(current->utime + current->stime);
	KTEST_EXPECT_GE(t, gettime(CLOCK_THREAD_CPUTIME_ID), thread);
	thread = gettime(CLOCK_THREAD_CPUTIME_ID);
	KTEST_EXPECT_GE(t, gettime(CLOCK_PROCESS_CPUTIME_ID), thread);
	KTEST_EXPECT_EQ(t, gettime(8), -EINVAL);
	KTEST_EXPECT_EQ(t, gettime(100), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_clock_gettime, CLOCK_REALTIME,
					  BAD), -EFAULT);
}

static void test_gettimeofday_time(struct ktest *t)
{
	struct __kernel_old_timeval *tv = K(0);
	struct timezone *tz = K(64);
	s64 secs = ktime_get_real_seconds();

	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_gettimeofday, U(0), NULL), 0);
	KTEST_EXPECT_GE(t, tv->tv_sec, secs);
	KTEST_EXPECT_LE(t, tv->tv_sec, ktime_get_real_seconds());
	KTEST_EXPECT_GE(t, tv->tv_usec, 0);
	KTEST_EXPECT_LT(t, tv->tv_usec, 1000000);
	memset(tz, 0x55, sizeof(*tz));
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_gettimeofday, NULL, U(64)), 0);
	KTEST_EXPECT_EQ(t, tz->tz_minuteswest, 0);
	KTEST_EXPECT_EQ(t, tz->tz_dsttime, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_gettimeofday, NULL, NULL), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_gettimeofday, BAD, NULL),
			-EFAULT);

	secs = ktime_get_real_seconds();
	KTEST_EXPECT_GE(t, ktest_syscall1(__NR_time, NULL), secs);
	KTEST_EXPECT_GE(t, ktest_syscall1(__NR_time, U(128)), secs);
	KTEST_EXPECT_GE(t, *(long *)K(128), secs);
	KTEST_EXPECT_LE(t, *(long *)K(128), ktime_get_real_seconds());
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_time, BAD), -EFAULT);
}

#define HOUR_NS		(3600 * (s64)NSEC_PER_SEC)

static void test_settime(struct ktest *t)
{
	struct __kernel_old_timeval *tv = K(128);
	struct timezone *tz = K(192);
	s64 before = ktime_get_real_ns(), moved;

	/* An hour ahead, then back by the same offset. */
	KTEST_ASSERT_EQ(t, ktest_syscall2(__NR_clock_settime, CLOCK_REALTIME,
					  timespec((before + HOUR_NS) /
						   NSEC_PER_SEC,
						   (before + HOUR_NS) %
						   NSEC_PER_SEC)), 0);
	moved = ktime_get_real_ns() - before;
	timekeeping_set_real_ns(ktime_get_real_ns() - HOUR_NS);
	KTEST_EXPECT_GE(t, moved, HOUR_NS);
	KTEST_EXPECT_LT(t, moved, HOUR_NS + (s64)NSEC_PER_SEC);
	KTEST_EXPECT_LT(t, ktime_get_real_ns() - before, (s64)NSEC_PER_SEC);

	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_clock_settime, CLOCK_MONOTONIC,
					  timespec(1, 0)), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_clock_settime, CLOCK_REALTIME,
					  timespec(1, NSEC_PER_SEC)), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_clock_settime, CLOCK_REALTIME,
					  timespec(-1, 0)), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_clock_settime, CLOCK_REALTIME,
					  timespec(KTIME_MAX / NSEC_PER_SEC, 0)),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_clock_settime, CLOCK_REALTIME,
					  BAD), -EFAULT);
	tv->tv_sec = 1;
	tv->tv_usec = 1000000;
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_settimeofday, U(128), NULL),
			-EINVAL);
	tz->tz_minuteswest = 15 * 60 + 1;
	tz->tz_dsttime = 0;
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_settimeofday, NULL, U(192)),
			-EINVAL);
	/* The zone alone is kept and reported back. */
	tz->tz_minuteswest = -60;
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_settimeofday, NULL, U(192)), 0);
	memset(tz, 0, sizeof(*tz));
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_gettimeofday, NULL, U(192)), 0);
	KTEST_EXPECT_EQ(t, tz->tz_minuteswest, -60);
	tz->tz_minuteswest = 0;
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_settimeofday, NULL, U(192)), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_settimeofday, BAD, NULL),
			-EFAULT);
}

static void child_settime_unprivileged(struct ktest *t)
{
	struct __kernel_old_timeval *tv = K(128);

	KTEST_ASSERT_EQ(t, ktest_syscall3(__NR_setresuid, 1000, 1000, 1000),
			0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_clock_settime, CLOCK_REALTIME,
					  timespec(1, 0)), -EPERM);
	tv->tv_sec = 1;
	tv->tv_usec = 0;
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_settimeofday, U(128), NULL),
			-EPERM);
	/* A bad value is -EINVAL before the permission check. */
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_clock_settime, CLOCK_REALTIME,
					  timespec(1, -1)), -EINVAL);
}

static void test_settime_unprivileged(struct ktest *t)
{
	ktest_run_in_child(t, child_settime_unprivileged);
}

static void test_nanosleep_lasts(struct ktest *t)
{
	u64 j0 = get_jiffies_64(), t0 = ktime_get_ns();

	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_nanosleep,
					  timespec(0, 3 * TICK_NSEC - 1), NULL),
			0);
	KTEST_EXPECT_GE(t, ktime_get_ns() - t0, 3 * TICK_NSEC - 1);
	KTEST_EXPECT_GE(t, get_jiffies_64() - j0, 2);
	/* Zero returns at once. */
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_nanosleep, timespec(0, 0),
					  NULL), 0);
	t0 = ktime_get_ns();
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_clock_nanosleep,
					  CLOCK_REALTIME, 0,
					  timespec(0, 2 * TICK_NSEC), NULL),
			0);
	KTEST_EXPECT_GE(t, ktime_get_ns() - t0, 2 * TICK_NSEC);
	/* Absolute: until the clock reads the time given. */
	t0 = ktime_get_ns() + 2 * TICK_NSEC;
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_clock_nanosleep,
					  CLOCK_MONOTONIC, TIMER_ABSTIME,
					  timespec(t0 / NSEC_PER_SEC,
						   t0 % NSEC_PER_SEC), NULL),
			0);
	KTEST_EXPECT_GE(t, ktime_get_ns(), t0);
	/* A time already past returns at once. */
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_clock_nanosleep,
					  CLOCK_BOOTTIME, TIMER_ABSTIME,
					  timespec(0, 1), NULL), 0);
	/* (Not 1 ns: PID 1 may not have been charged a tick yet.) */
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_clock_nanosleep,
					  CLOCK_PROCESS_CPUTIME_ID,
					  TIMER_ABSTIME, timespec(0, 0), NULL),
			0);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_clock_nanosleep,
					  CLOCK_PROCESS_CPUTIME_ID, 0,
					  timespec(0, 0), NULL), 0);
}

static void test_nanosleep_errors(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_nanosleep,
					  timespec(0, NSEC_PER_SEC), NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_nanosleep, timespec(0, -1),
					  NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_nanosleep, timespec(-1, 0),
					  NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_nanosleep, BAD, NULL), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_clock_nanosleep,
					  CLOCK_MONOTONIC_RAW, 0,
					  timespec(0, 1), NULL), -EOPNOTSUPP);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_clock_nanosleep,
					  CLOCK_MONOTONIC_COARSE, 0,
					  timespec(0, 1), NULL), -EOPNOTSUPP);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_clock_nanosleep,
					  CLOCK_THREAD_CPUTIME_ID, 0,
					  timespec(0, 1), NULL), -EOPNOTSUPP);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_clock_nanosleep, 42, 0,
					  timespec(0, 1), NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_clock_nanosleep,
					  CLOCK_MONOTONIC, 0,
					  timespec(0, NSEC_PER_SEC), NULL),
			-EINVAL);
}

/*
 * A pending signal ends a sleep.  A relative one writes the time left and
 * asks to be restarted by restart_syscall() (-ERESTART_RESTARTBLOCK,
 * which the signal code turns into -EINTR after a handler); an absolute
 * one simply starts again (-ERESTARTNOHAND) and writes nothing.
 */
static void test_nanosleep_interrupted(struct ktest *t)
{
	struct __kernel_timespec *rem = K(128);
	s64 left;

	set_tsk_thread_flag(current, TIF_SIGPENDING);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_nanosleep, timespec(1, 0),
					  U(128)), -ERESTART_RESTARTBLOCK);
	KTEST_EXPECT_NOT_NULL(t, current->restart_block.fn);
	left = rem->tv_sec * (s64)NSEC_PER_SEC + rem->tv_nsec;
	KTEST_EXPECT_LE(t, left, (s64)NSEC_PER_SEC);
	KTEST_EXPECT_GT(t, left, (s64)NSEC_PER_SEC / 2);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_nanosleep, timespec(1, 0),
					  BAD), -EFAULT);
	/* No time left is reported for an absolute sleep. */
	memset(rem, 0x55, sizeof(*rem));
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_clock_nanosleep,
					  CLOCK_MONOTONIC, TIMER_ABSTIME,
					  timespec(1000000, 0), U(128)),
			-ERESTARTNOHAND);
	KTEST_EXPECT_EQ(t, rem->tv_sec, 0x5555555555555555LL);
	/* Nothing else of this process runs: only a signal ends this. */
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_clock_nanosleep,
					  CLOCK_PROCESS_CPUTIME_ID, 0,
					  timespec(1, 0), U(128)),
			-ERESTART_RESTARTBLOCK);
	KTEST_EXPECT_GT(t, rem->tv_sec * (s64)NSEC_PER_SEC + rem->tv_nsec,
			(s64)NSEC_PER_SEC / 2);
	clear_tsk_thread_flag(current, TIF_SIGPENDING);
}

static struct __kernel_old_itimerval *itv(long sec, long usec,
					  long isec, long iusec)
{
	struct __kernel_old_itimerval *v = K(256);

	v->it_value.tv_sec = sec;
	v->it_value.tv_usec = usec;
	v->it_interval.tv_sec = isec;
	v->it_interval.tv_usec = iusec;
	return v;
}

static long setitimer(int which, long sec, long usec, long isec, long iusec)
{
	itv(sec, usec, isec, iusec);
	return ktest_syscall3(__NR_setitimer, which, U(256), U(512));
}

static u64 tv_ns(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
}

static void child_itimer_values(struct ktest *t)
{
	struct __kernel_old_itimerval *old = K(512), *cur = K(768);

	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getitimer, ITIMER_REAL, U(768)),
			0);
	KTEST_EXPECT_EQ(t, tv_ns(&cur->it_value), 0);
	KTEST_EXPECT_EQ(t, setitimer(ITIMER_REAL, 1, 0, 0, 250000), 0);
	KTEST_EXPECT_EQ(t, tv_ns(&old->it_value), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getitimer, ITIMER_REAL, U(768)),
			0);
	KTEST_EXPECT_LE(t, tv_ns(&cur->it_value), NSEC_PER_SEC);
	KTEST_EXPECT_GT(t, tv_ns(&cur->it_value), NSEC_PER_SEC / 2);
	KTEST_EXPECT_EQ(t, tv_ns(&cur->it_interval), 250 * NSEC_PER_MSEC);
	/* The old value comes back from the next setitimer(). */
	KTEST_EXPECT_EQ(t, setitimer(ITIMER_REAL, 0, 0, 0, 0), 0);
	KTEST_EXPECT_GT(t, tv_ns(&old->it_value), NSEC_PER_SEC / 2);
	KTEST_EXPECT_EQ(t, tv_ns(&old->it_interval), 250 * NSEC_PER_MSEC);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getitimer, ITIMER_REAL, U(768)),
			0);
	KTEST_EXPECT_EQ(t, tv_ns(&cur->it_value), 0);

	/* alarm(): seconds left of the previous one, rounded. */
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_alarm, 5), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_alarm, 7), 5);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_alarm, 0), 7);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_alarm, 0), 0);

	/* CPU-time timers keep their values. */
	KTEST_EXPECT_EQ(t, setitimer(ITIMER_VIRTUAL, 2, 0, 1, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getitimer, ITIMER_VIRTUAL,
					  U(768)), 0);
	KTEST_EXPECT_EQ(t, tv_ns(&cur->it_value), 2 * NSEC_PER_SEC);
	KTEST_EXPECT_EQ(t, tv_ns(&cur->it_interval), NSEC_PER_SEC);
	KTEST_EXPECT_EQ(t, setitimer(ITIMER_PROF, 3, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getitimer, ITIMER_PROF, U(768)),
			0);
	KTEST_EXPECT_LE(t, tv_ns(&cur->it_value), 3 * NSEC_PER_SEC);
	KTEST_EXPECT_GT(t, tv_ns(&cur->it_value), 2 * NSEC_PER_SEC);

	KTEST_EXPECT_EQ(t, setitimer(ITIMER_REAL, 0, 1000000, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, setitimer(ITIMER_REAL, -1, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, setitimer(ITIMER_REAL, 0, 0, 0, -1), -EINVAL);
	KTEST_EXPECT_EQ(t, setitimer(3, 1, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getitimer, 3, U(768)),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getitimer, ITIMER_REAL, BAD),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setitimer, ITIMER_REAL, BAD,
					  NULL), -EFAULT);
}

static void test_itimer_values(struct ktest *t)
{
	ktest_run_in_child(t, child_itimer_values);
}

static void child_itimer_expires(struct ktest *t)
{
	struct signal_struct *sig = current->signal;
	struct __kernel_old_itimerval *cur = K(768);
	u64 start = ktime_get_ns(), j0 = get_jiffies_64();
	int refs = atomic_read(&sig->sigcnt);
	unsigned long expired;

	/* One shot, 2 ticks: expired once after 5, holding no reference. */
	KTEST_ASSERT_EQ(t, setitimer(ITIMER_REAL, 0, 2 * TICK_NSEC / 1000,
				     0, 0), 0);
	KTEST_EXPECT_EQ(t, atomic_read(&sig->sigcnt), refs + 1);
	schedule_timeout_uninterruptible(1);
	/* Unless a late tick came in a burst, it cannot have fired yet. */
	expired = READ_ONCE(sig->it_real_expired);
	if (get_jiffies_64() - j0 < 2)
		KTEST_EXPECT_EQ(t, expired, 0);
	schedule_timeout_uninterruptible(4);
	KTEST_EXPECT_EQ(t, READ_ONCE(sig->it_real_expired), 1);
	KTEST_EXPECT_GE(t, ktime_get_ns() - start, 2 * TICK_NSEC);
	KTEST_EXPECT_EQ(t, atomic_read(&sig->sigcnt), refs);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getitimer, ITIMER_REAL, U(768)),
			0);
	KTEST_EXPECT_EQ(t, tv_ns(&cur->it_value), 0);

	/*
	 * Periodic, every 2 ticks from 2 ticks: 4 expiries in 9 ticks, or
	 * fewer if the clock ran ahead of late ticks (missed periods are
	 * skipped).
	 */
	KTEST_ASSERT_EQ(t, setitimer(ITIMER_REAL, 0, 2 * TICK_NSEC / 1000,
				     0, 2 * TICK_NSEC / 1000), 0);
	schedule_timeout_uninterruptible(9);
	KTEST_EXPECT_GE(t, READ_ONCE(sig->it_real_expired), 1 + 2);
	KTEST_EXPECT_LE(t, READ_ONCE(sig->it_real_expired), 1 + 5);
	KTEST_EXPECT_EQ(t, atomic_read(&sig->sigcnt), refs + 1);
	KTEST_EXPECT_EQ(t, setitimer(ITIMER_REAL, 0, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, atomic_read(&sig->sigcnt), refs);
}

static void test_itimer_expires(struct ktest *t)
{
	ktest_run_in_child(t, child_itimer_expires);
}

static struct ktest_case clocks_cases[] = {
	KTEST_CASE(test_clock_getres),
	KTEST_CASE(test_clock_gettime),
	KTEST_CASE(test_gettimeofday_time),
	KTEST_CASE(test_settime),
	KTEST_CASE(test_settime_unprivileged),
	KTEST_CASE(test_nanosleep_lasts),
	KTEST_CASE(test_nanosleep_errors),
	KTEST_CASE(test_nanosleep_interrupted),
	KTEST_CASE(test_itimer_values),
	KTEST_CASE(test_itimer_expires),
	{}
};

static struct ktest_suite clocks_suite = {
	.name = "clocks",
	.init = clocks_init,
	.cases = clocks_cases,
};
ktest_register_suite(clocks_suite);
