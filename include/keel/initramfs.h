/* SPDX-License-Identifier: GPL-2.0 */
/*
 * initramfs: the cpio archive GRUB loads as a module, unpacked into the
 * root ramfs at boot (init/initramfs.c, CONFIG_BLK_DEV_INITRD).
 */
#ifndef _KEEL_INITRAMFS_H
#define _KEEL_INITRAMFS_H

#include <keel/cpio.h>
#include <keel/types.h>

#ifdef CONFIG_BLK_DEV_INITRD
/* The program rdinit= names, for init to run: "/init" by default. */
const char *rdinit_path(void);
#else
/* No initramfs, so no program in it for rdinit= to name. */
static inline const char *rdinit_path(void)
{
	return NULL;
}
#endif

/*
 * Unpack the archives in @buf (uncompressed, or gzip members with
 * CONFIG_RD_GZIP, concatenated, NUL-padded) under the directory @root
 * ("/" at boot; below any other root no lookup leaves it), streaming: the
 * memory used besides the files is fixed, about 52 KiB.  Returns 0, or
 * -errno with @error saying why and where parsing stopped; the entries
 * before that point are kept, a file it stopped in is removed.  The offset
 * counts bytes of @buf, except for an entry inside a gzip member: then it
 * counts bytes of that member's decompressed data.  An entry the VFS
 * refuses is logged and skipped, as in Linux.
 */
int unpack_to_rootfs(const void *buf, size_t len, const char *root,
		     struct cpio_error *error);

/*
 * The archive found at boot, set by the architecture's setup_arch() (as
 * Linux's initrd_start and initrd_end), and how unpacking it went.
 */
struct initramfs_info {
	const void *start;		/* NULL: no archive was loaded */
	size_t size;
	int error;			/* what unpack_to_rootfs() returned */
};
extern struct initramfs_info initramfs_info;

#endif /* _KEEL_INITRAMFS_H */
