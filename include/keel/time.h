/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The clocks of clock_gettime(2) by id (kernel/time/clocks.c), in
 * nanoseconds, and the conversions between user time structures and
 * kernel time.
 */
#ifndef _KEEL_TIME_H
#define _KEEL_TIME_H

#include <keel/fs_types.h>
#include <keel/limits.h>
#include <keel/timekeeping.h>
#include <keel/types.h>
#include <uapi/linux/time.h>

typedef int clockid_t;

#define KTIME_MAX	S64_MAX

/* Read clock @id into @ns: 0, or -EINVAL for an unknown clock. */
int posix_clock_read(clockid_t id, s64 *ns);

static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 &&
	       (u64)ts->tv_nsec < NSEC_PER_SEC;
}

/* @ts in nanoseconds, saturating at KTIME_MAX; @ts must be valid. */
static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	if (ts->tv_sec >= KTIME_MAX / (s64)NSEC_PER_SEC)
		return KTIME_MAX;
	return ts->tv_sec * (s64)NSEC_PER_SEC + ts->tv_nsec;
}

/* Floor division, so a negative @ns gives tv_nsec in 0..999999999. */
static inline struct timespec64 ns_to_timespec64(s64 ns)
{
	struct timespec64 ts;
	s64 rem = ns % (s64)NSEC_PER_SEC;

	ts.tv_sec = ns / (s64)NSEC_PER_SEC;
	if (rem < 0) {
		ts.tv_sec--;
		rem += NSEC_PER_SEC;
	}
	ts.tv_nsec = rem;
	return ts;
}

/* From and to user memory: 0 or -EFAULT. */
int get_timespec64(struct timespec64 *ts,
		   const struct __kernel_timespec __user *uts);
int put_timespec64(const struct timespec64 *ts,
		   struct __kernel_timespec __user *uts);

#endif /* _KEEL_TIME_H */
