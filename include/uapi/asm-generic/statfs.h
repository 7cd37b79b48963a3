/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct statfs as statfs(2) and fstatfs(2) write it on x86_64 (120
 * bytes), and its f_flags: user ABI.
 */
#ifndef _UAPI_ASM_GENERIC_STATFS_H
#define _UAPI_ASM_GENERIC_STATFS_H

typedef struct {
	int val[2];
} __kernel_fsid_t;

struct statfs {
	long f_type;			/* <uapi/linux/magic.h> */
	long f_bsize;
	unsigned long long f_blocks;
	unsigned long long f_bfree;
	unsigned long long f_bavail;
	unsigned long long f_files;
	unsigned long long f_ffree;
	__kernel_fsid_t f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags;			/* ST_* */
	long f_spare[4];
};

#define ST_RDONLY	0x0001
#define ST_NOSUID	0x0002
#define ST_NODEV	0x0004
#define ST_NOEXEC	0x0008
#define ST_VALID	0x0020		/* f_flags is filled in */

#endif /* _UAPI_ASM_GENERIC_STATFS_H */
