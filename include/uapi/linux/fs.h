/* SPDX-License-Identifier: GPL-2.0 */
/*
 * renameat2() and lseek() arguments, FIGETBSZ: user ABI.
 */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H

#define RENAME_NOREPLACE	(1 << 0)
#define RENAME_EXCHANGE		(1 << 1)

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define SEEK_DATA	3
#define SEEK_HOLE	4

/* ioctl(2): the file system's block size, an int */
#define FIGETBSZ	2

#endif /* _UAPI_LINUX_FS_H */
