/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The cpio "newc" archive format (magic "070701", and "070702" whose
 * header carries a checksum of the data), as initramfs uses it.
 * cpio_parse() (lib/cpio.c) walks a buffer and hands each entry to a
 * callback; it never writes to the buffer and never reads past its end.
 */
#ifndef _KEEL_CPIO_H
#define _KEEL_CPIO_H

#include <keel/types.h>

#define CPIO_HEADER_SIZE	110
#define CPIO_NAME_MAX		4096	/* PATH_MAX, with the NUL */
#define CPIO_TRAILER		"TRAILER!!!"

/* One entry; the pointers point into the archive buffer. */
struct cpio_entry {
	size_t offset;			/* of its header in the buffer */
	const char *name;		/* NUL-terminated, no ".." component */
	u32 ino, mode, uid, gid, nlink, mtime;
	u32 dev_major, dev_minor;	/* of the file system it came from */
	u32 rdev_major, rdev_minor;	/* device nodes */
	const void *data;		/* file contents or symlink target */
	u32 size;
};

/* Why and where parsing stopped. */
struct cpio_error {
	const char *why;
	size_t offset;
	int err;			/* what the entry callback returned */
};

/*
 * Parse the archives at @buf: each is a sequence of entries ending with
 * "TRAILER!!!"; NUL bytes may pad between them.  Every valid entry is
 * passed to @entry in order; a nonzero return from it stops parsing.
 *
 * Returns the number of bytes consumed: @len, or less when the bytes
 * where the next archive would start are not a cpio header (a compressed
 * archive, say: the caller decides).  On a malformed or truncated entry,
 * or an entry rejected by @entry, returns -EINVAL (or @entry's error)
 * with @error saying why, at the offset of that entry's header.
 */
long cpio_parse(const void *buf, size_t len,
		int (*entry)(void *priv, const struct cpio_entry *e),
		void *priv, struct cpio_error *error);

static inline bool is_cpio_magic(const void *buf, size_t len)
{
	const char *p = buf;

	return len >= 6 && p[0] == '0' && p[1] == '7' && p[2] == '0' &&
	       p[3] == '7' && p[4] == '0' && (p[5] == '1' || p[5] == '2');
}

#endif /* _KEEL_CPIO_H */
