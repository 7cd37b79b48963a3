/* SPDX-License-Identifier: GPL-2.0 */
/* Resource limits and usage: Linux's numbers and layouts. */
#ifndef _UAPI_LINUX_RESOURCE_H
#define _UAPI_LINUX_RESOURCE_H

#include <keel/types.h>
#include <uapi/linux/time_types.h>

#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16

#define RLIM_INFINITY		(~0UL)

struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

struct rlimit64 {
	u64 rlim_cur;
	u64 rlim_max;
};

struct rusage {
	struct __kernel_old_timeval ru_utime;	/* user time */
	struct __kernel_old_timeval ru_stime;	/* system time */
	long ru_maxrss;				/* max resident set, KiB */
	long ru_ixrss, ru_idrss, ru_isrss;	/* unused, 0 */
	long ru_minflt, ru_majflt;		/* page faults */
	long ru_nswap;
	long ru_inblock, ru_oublock;
	long ru_msgsnd, ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw, ru_nivcsw;		/* context switches */
};

#define RUSAGE_SELF		0
#define RUSAGE_CHILDREN		(-1)
#define RUSAGE_THREAD		1

/* getpriority(2)/setpriority(2): whose priority. */
#define PRIO_PROCESS		0
#define PRIO_PGRP		1
#define PRIO_USER		2

#endif /* _UAPI_LINUX_RESOURCE_H */
