/* SPDX-License-Identifier: GPL-2.0 */
/*
 * utime(2)'s times, in seconds: user ABI.
 */
#ifndef _UAPI_LINUX_UTIME_H
#define _UAPI_LINUX_UTIME_H

struct utimbuf {
	long actime;
	long modtime;
};

#endif /* _UAPI_LINUX_UTIME_H */
