/* SPDX-License-Identifier: GPL-2.0 */
/*
 * File system magic numbers, as statfs(2) reports them in f_type: user
 * ABI, with Linux's values.
 */
#ifndef _UAPI_LINUX_MAGIC_H
#define _UAPI_LINUX_MAGIC_H

#define RAMFS_MAGIC		0x858458f6
#define PROC_SUPER_MAGIC	0x9fa0
#define DEVFS_SUPER_MAGIC	0x1373
#define PIPEFS_MAGIC		0x50495045

#endif /* _UAPI_LINUX_MAGIC_H */
