/* SPDX-License-Identifier: GPL-2.0 */
/*
 * devfs: the file system at /dev whose nodes follow driver registration
 * (Linux's devtmpfs).  cdev_device_add() calls devfs_create_node() and
 * cdev_device_del() calls devfs_remove_node(); a node is visible in every
 * mount of devfs from then on, before or after it is mounted.
 *
 * Without CONFIG_DEVFS both are no-ops that succeed: device numbers still
 * work through nodes made with mknod().
 */
#ifndef _KEEL_DEVFS_H
#define _KEEL_DEVFS_H

#include <keel/fs_types.h>

#define DEVFS_NAME_MAX	31

#ifdef CONFIG_DEVFS
/* @mode: S_IFCHR or S_IFBLK plus permission bits.  -EEXIST, -EINVAL. */
int devfs_create_node(const char *name, umode_t mode, dev_t dev);
/* -ENOENT when there is no such node. */
int devfs_remove_node(const char *name);
#else
static inline int devfs_create_node(const char *name, umode_t mode,
				    dev_t dev)
{
	return 0;
}

static inline int devfs_remove_node(const char *name)
{
	return 0;
}
#endif

#endif /* _KEEL_DEVFS_H */
