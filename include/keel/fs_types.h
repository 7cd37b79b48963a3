/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scalar types of the file system interfaces, with Linux's widths
 * (they reach user space through stat() and friends).
 */
#ifndef _KEEL_FS_TYPES_H
#define _KEEL_FS_TYPES_H

#include <keel/timekeeping.h>
#include <keel/types.h>

typedef u16 umode_t;
typedef u32 uid_t;
typedef u32 gid_t;
typedef u32 dev_t;		/* kernel-internal: major << 20 | minor */
typedef s64 loff_t;
typedef u64 blkcnt_t;
typedef unsigned int fmode_t;

struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};

struct kstatfs {
	long f_type;
	long f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	long f_namelen;
};

#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((ma) << MINORBITS) | (mi))

/* dev_t as stat() reports it (Linux's new_encode_dev). */
static inline u32 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static inline dev_t new_decode_dev(u32 dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

#endif /* _KEEL_FS_TYPES_H */
