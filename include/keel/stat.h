/* SPDX-License-Identifier: GPL-2.0 */
/*
 * File modes and struct stat (the user ABI, from <uapi/linux/stat.h> and
 * <uapi/asm/stat.h>), the kernel's struct kstat, and the getdents64 record.
 */
#ifndef _KEEL_STAT_H
#define _KEEL_STAT_H

#include <keel/fs_types.h>
#include <uapi/asm/stat.h>
#include <uapi/linux/stat.h>

/* d_type in getdents64 records */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

static inline unsigned int mode_to_dtype(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

struct kstat {
	u64 ino;
	dev_t dev;
	umode_t mode;
	unsigned int nlink;
	uid_t uid;
	gid_t gid;
	dev_t rdev;
	loff_t size;
	struct timespec64 atime, mtime, ctime;
	u32 blksize;
	u64 blocks;		/* 512-byte units */
};

/* One getdents64 record: the name is NUL-terminated, the record 8-aligned. */
struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

#endif /* _KEEL_STAT_H */
