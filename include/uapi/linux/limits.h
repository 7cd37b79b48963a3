/* SPDX-License-Identifier: GPL-2.0 */
/* System-wide limits user space sees: Linux's values. */
#ifndef _UAPI_LINUX_LIMITS_H
#define _UAPI_LINUX_LIMITS_H

#define NGROUPS_MAX	65536	/* supplementary groups */

#endif /* _UAPI_LINUX_LIMITS_H */
