/* SPDX-License-Identifier: GPL-2.0 */
/*
 * openat2(2): the how argument and its resolve flags: user ABI.
 */
#ifndef _UAPI_LINUX_OPENAT2_H
#define _UAPI_LINUX_OPENAT2_H

/* openat2(2)'s how, and its resolve flags Keel knows. */
struct open_how {
	unsigned long long flags;
	unsigned long long mode;
	unsigned long long resolve;
};
#define RESOLVE_BENEATH		0x08	/* no escaping the dfd: -EXDEV */

#endif /* _UAPI_LINUX_OPENAT2_H */
