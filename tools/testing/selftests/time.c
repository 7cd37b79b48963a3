// SPDX-License-Identifier: GPL-2.0
/*
 * Time: the clocks (monotonic never going back, realtime agreeing with
 * gettimeofday and time, resolution), sleeps lasting at least what was
 * asked and their EINTR and EINVAL, interval timers and alarm, and the
 * CPU time accounting of times, getrusage and the CPU-time clocks.
 */
#include "kselftest.h"

#include <stdint.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>

#define NSEC_PER_SEC	1000000000LL

static long long ns(const struct timespec *ts)
{
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

static long long now_ns(clockid_t clock)
{
	struct timespec ts;

	KS_ASSERT_RET(clock_gettime(clock, &ts), 0);
	KS_ASSERT_TRUE(ts.tv_nsec >= 0 && ts.tv_nsec < NSEC_PER_SEC);
	return ns(&ts);
}

/* Spends about @ms of CPU time in user mode. */
static void burn_cpu_ms(long ms)
{
	struct timespec ts;
	long long end;
	volatile unsigned long x = 0;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	end = ns(&ts) + ms * 1000000LL;
	do {
		for (int i = 0; i < 10000; i++)
			x += i;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	} while (ns(&ts) < end);
}

static void monotonic_never_goes_back(void)
{
	long long prev = now_ns(CLOCK_MONOTONIC), t, sys;
	struct timespec ts;
	int i;

	for (i = 0; i < 5000; i++) {
		t = now_ns(CLOCK_MONOTONIC);
		KS_ASSERT_GE(t, prev);
		prev = t;
	}
	/* The system call (not the vDSO) tells the same time. */
	KS_ASSERT_RET(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts), 0);
	sys = ns(&ts);
	KS_ASSERT_GE(sys, prev);
	KS_ASSERT_LT(sys - prev, NSEC_PER_SEC);
	KS_ASSERT_GE(now_ns(CLOCK_MONOTONIC), sys);
	/* BOOTTIME counts suspend too: never behind MONOTONIC. */
	KS_ASSERT_GE(now_ns(CLOCK_BOOTTIME), now_ns(CLOCK_MONOTONIC) - 1000000);
	KS_ASSERT_GE(now_ns(CLOCK_MONOTONIC_RAW), 0);
	KS_ASSERT_GT(now_ns(CLOCK_MONOTONIC_COARSE), 0);
}

static void clock_errors_and_resolution(void)
{
	struct timespec ts;

	KS_ASSERT_ERRNO(syscall(SYS_clock_gettime, 99, &ts), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, (void *)8),
			EFAULT);
	KS_ASSERT_ERRNO(syscall(SYS_clock_getres, 99, &ts), EINVAL);
	KS_ASSERT_RET(syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts), 0);
	KS_ASSERT_EQ(ts.tv_sec, 0);
	KS_ASSERT_TRUE(ts.tv_nsec > 0 && ts.tv_nsec <= 10000000);
	KS_ASSERT_RET(syscall(SYS_clock_getres, CLOCK_REALTIME, NULL), 0);
	KS_ASSERT_ERRNO(syscall(SYS_clock_settime, CLOCK_MONOTONIC, &ts),
			EINVAL);
}

static void realtime_sources_agree(void)
{
	struct timeval tv;
	struct timespec ts;
	time_t t, t2;

	KS_ASSERT_RET(syscall(SYS_gettimeofday, &tv, NULL), 0);
	KS_ASSERT_RET(syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts), 0);
	t = syscall(SYS_time, &t2);
	KS_ASSERT_EQ(t, t2);
	KS_ASSERT_TRUE(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	/* After 2020-01-01: the machine's clock was set from an RTC. */
	KS_ASSERT_GT(tv.tv_sec, 1577836800);
	KS_ASSERT_LE(tv.tv_sec, ts.tv_sec);
	/* time() reads the seconds the tick last stored: up to a tick old. */
	KS_ASSERT_LE(t, ts.tv_sec + 1);
	KS_ASSERT_GE(t, ts.tv_sec - 1);
	KS_ASSERT_RET(syscall(SYS_time, NULL), t);
	KS_ASSERT_ERRNO(syscall(SYS_gettimeofday, (void *)8, NULL), EFAULT);
}

static void nanosleep_sleeps_at_least(void)
{
	struct timespec req = { 0, 30 * 1000000 }, rem = { 7, 7 };
	long long start = now_ns(CLOCK_MONOTONIC);

	KS_ASSERT_RET(nanosleep(&req, &rem), 0);
	KS_ASSERT_GE(now_ns(CLOCK_MONOTONIC) - start, 30 * 1000000LL);
	req.tv_nsec = NSEC_PER_SEC;
	KS_ASSERT_ERRNO(nanosleep(&req, NULL), EINVAL);
	req.tv_nsec = -1;
	KS_ASSERT_ERRNO(nanosleep(&req, NULL), EINVAL);
	req = (struct timespec){ -1, 0 };
	KS_ASSERT_ERRNO(nanosleep(&req, NULL), EINVAL);
	req = (struct timespec){ 0, 0 };
	KS_ASSERT_RET(nanosleep(&req, NULL), 0);
	KS_ASSERT_ERRNO(syscall(SYS_nanosleep, (void *)8, NULL), EFAULT);
}

static void wake(int sig)
{
}

static void nanosleep_eintr_leaves_remainder(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 50000 } };
	struct timespec req = { 5, 0 }, rem = { 0, 0 };

	KS_ASSERT_TRUE(signal(SIGALRM, wake) != SIG_ERR);
	KS_ASSERT_RET(setitimer(ITIMER_REAL, &it, NULL), 0);
	KS_ASSERT_ERRNO(nanosleep(&req, &rem), EINTR);
	KS_ASSERT_GT(ns(&rem), 0);
	KS_ASSERT_LT(ns(&rem), 5 * NSEC_PER_SEC);
}

static void clock_nanosleep_relative_and_absolute(void)
{
	struct timespec req = { 0, 30 * 1000000 }, abs;
	long long start = now_ns(CLOCK_MONOTONIC);

	KS_ASSERT_RET(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req,
			      NULL), 0);
	KS_ASSERT_GE(now_ns(CLOCK_MONOTONIC) - start, 30 * 1000000LL);
	/* Absolute: until the clock reads the time given. */
	clock_gettime(CLOCK_MONOTONIC, &abs);
	abs.tv_nsec += 30 * 1000000;
	if (abs.tv_nsec >= NSEC_PER_SEC) {
		abs.tv_sec++;
		abs.tv_nsec -= NSEC_PER_SEC;
	}
	KS_ASSERT_RET(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC,
			      TIMER_ABSTIME, &abs, NULL), 0);
	KS_ASSERT_GE(now_ns(CLOCK_MONOTONIC), ns(&abs));
	/* A time already past returns at once. */
	abs.tv_sec -= 10;
	KS_ASSERT_RET(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC,
			      TIMER_ABSTIME, &abs, NULL), 0);
	KS_ASSERT_RET(syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &req,
			      NULL), 0);
	/* A thread's CPU clock cannot be slept on: no nsleep for it. */
	KS_ASSERT_ERRNO(syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID,
				0, &req, NULL), EOPNOTSUPP);
	KS_ASSERT_ERRNO(syscall(SYS_clock_nanosleep, 99, 0, &req, NULL),
			EINVAL);
	req.tv_nsec = NSEC_PER_SEC;
	KS_ASSERT_ERRNO(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req,
				NULL), EINVAL);
	/* The C library returns the error rather than setting errno. */
	KS_ASSERT_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL), EINVAL);
}

static void itimer_and_alarm(void)
{
	struct itimerval it = { { 0, 0 }, { 10, 0 } }, old;

	KS_ASSERT_RET(setitimer(ITIMER_REAL, &it, NULL), 0);
	KS_ASSERT_RET(getitimer(ITIMER_REAL, &old), 0);
	KS_ASSERT_TRUE(old.it_value.tv_sec <= 10 && old.it_value.tv_sec >= 8);
	KS_ASSERT_EQ(old.it_interval.tv_sec, 0);
	/* alarm() shares the ITIMER_REAL timer: it reports its seconds. */
	KS_ASSERT_TRUE(alarm(0) >= 9);
	KS_ASSERT_RET(getitimer(ITIMER_REAL, &old), 0);
	KS_ASSERT_EQ(old.it_value.tv_sec, 0);
	KS_ASSERT_EQ(old.it_value.tv_usec, 0);
	KS_ASSERT_EQ(alarm(5), 0);
	KS_ASSERT_EQ(alarm(0), 5);
	it.it_value.tv_usec = 1000000;
	KS_ASSERT_ERRNO(setitimer(ITIMER_REAL, &it, NULL), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_setitimer, 5, &it, NULL), EINVAL);
}

static void times_and_rusage_count_cpu(void)
{
	struct tms before, after;
	struct rusage ru, ch;
	clock_t t0, t1;
	pid_t pid;

	KS_ASSERT_EQ(sysconf(_SC_CLK_TCK), 100);
	t0 = times(&before);
	burn_cpu_ms(100);
	KS_CHILD(pid, burn_cpu_ms(100));
	KS_WAIT(pid, 0);
	t1 = times(&after);
	KS_ASSERT_GE(t1, t0);
	KS_ASSERT_GE(after.tms_utime + after.tms_stime,
		     before.tms_utime + before.tms_stime + 5);
	/* The reaped child's time counts for the parent's children. */
	KS_ASSERT_GE(after.tms_cutime + after.tms_cstime, 5);
	KS_ASSERT_RET(getrusage(RUSAGE_SELF, &ru), 0);
	KS_ASSERT_GE(ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec +
		     ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec, 50000);
	KS_ASSERT_GT(ru.ru_maxrss, 0);
	KS_ASSERT_RET(getrusage(RUSAGE_CHILDREN, &ch), 0);
	KS_ASSERT_GE(ch.ru_utime.tv_sec * 1000000 + ch.ru_utime.tv_usec +
		     ch.ru_stime.tv_sec * 1000000 + ch.ru_stime.tv_usec, 50000);
	KS_ASSERT_ERRNO(getrusage(7, &ru), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_getrusage, RUSAGE_SELF, (void *)8),
			EFAULT);
}

static void cputime_clocks_advance(void)
{
	long long p0 = now_ns(CLOCK_PROCESS_CPUTIME_ID);
	long long t0 = now_ns(CLOCK_THREAD_CPUTIME_ID);

	burn_cpu_ms(50);
	KS_ASSERT_GE(now_ns(CLOCK_PROCESS_CPUTIME_ID) - p0, 50 * 1000000LL);
	KS_ASSERT_GE(now_ns(CLOCK_THREAD_CPUTIME_ID) - t0, 40 * 1000000LL);
	/* A sleep costs no CPU time to speak of. */
	p0 = now_ns(CLOCK_PROCESS_CPUTIME_ID);
	usleep(100000);
	KS_ASSERT_LT(now_ns(CLOCK_PROCESS_CPUTIME_ID) - p0, 50 * 1000000LL);
}

static const struct ks_case cases[] = {
	KS_CASE(monotonic_never_goes_back),
	KS_CASE(clock_errors_and_resolution),
	KS_CASE(realtime_sources_agree),
	KS_CASE(nanosleep_sleeps_at_least),
	KS_CASE(nanosleep_eintr_leaves_remainder),
	KS_CASE(clock_nanosleep_relative_and_absolute),
	KS_CASE(itimer_and_alarm),
	KS_CASE(times_and_rusage_count_cpu),
	KS_CASE(cputime_clocks_advance),
};

KS_MAIN("time", cases)
