/* SPDX-License-Identifier: GPL-2.0 */
/* sched_setparam(2)'s argument: Linux's layout. */
#ifndef _UAPI_LINUX_SCHED_TYPES_H
#define _UAPI_LINUX_SCHED_TYPES_H

struct sched_param {
	int sched_priority;
};

#endif /* _UAPI_LINUX_SCHED_TYPES_H */
