/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The cpio "newc" archive format (magic "070701", and "070702" whose
 * header carries a checksum of the data), as initramfs uses it.
 *
 * lib/cpio.c parses it as a stream, the way Linux's initramfs state
 * machine does: cpio_write() takes the archive in pieces of any size
 * (the output of a decompressor, say) and calls back for each entry and
 * for each piece of a regular file's data, so that nothing but the
 * header, the name and a symlink target is ever buffered.  It never
 * writes to the input and never reads outside the piece it is given.
 */
#ifndef _KEEL_CPIO_H
#define _KEEL_CPIO_H

#include <keel/types.h>

#define CPIO_HEADER_SIZE	110
#define CPIO_NAME_MAX		4096	/* PATH_MAX, with the NUL */
#define CPIO_TRAILER		"TRAILER!!!"

/* One entry; name and symlink target point into the stream's buffers. */
struct cpio_entry {
	size_t offset;			/* of its header in the stream */
	const char *name;		/* NUL-terminated, no ".." component */
	u32 ino, mode, uid, gid, nlink, mtime;
	u32 dev_major, dev_minor;	/* of the file system it came from */
	u32 rdev_major, rdev_minor;	/* device nodes */
	const char *data;		/* symlink target, NUL-terminated */
	u32 size;			/* of the data */
};

/* Why and where parsing stopped. */
struct cpio_error {
	const char *why;
	size_t offset;			/* of the entry's header, mostly */
	int err;			/* -EINVAL, or a callback's error */
};

/*
 * What the stream calls, each returning 0 or -errno (which stops it, as
 * "entry rejected"):
 * @entry: an entry's header and name (and a symlink's target) are in; a
 *	regular file's data follows through @data.
 * @data: the next @len bytes of the current regular file (optional).
 * @end: the entry is complete, its checksum (070702) checked (optional).
 * @skip: an entry Linux skips, with why (optional): a symlink whose
 *	target is empty or longer than PATH_MAX.  Parsing goes on.
 */
struct cpio_ops {
	int (*entry)(void *priv, const struct cpio_entry *e);
	int (*data)(void *priv, const void *buf, size_t len);
	int (*end)(void *priv, const struct cpio_entry *e);
	void (*skip)(void *priv, const struct cpio_entry *e, const char *why);
};

struct cpio_stream {
	const struct cpio_ops *ops;
	void *priv;
	struct cpio_error *error;
	size_t pos;			/* bytes consumed */
	int state;
	size_t have;			/* bytes of the header/name/target */
	size_t pad;			/* padding still to skip */
	u32 left;			/* data bytes still to come */
	u32 sum, check;			/* 070702: the data's sum, expected */
	bool checksummed;
	struct cpio_entry e;
	char hdr[CPIO_HEADER_SIZE];
	char name[CPIO_NAME_MAX];
	char target[CPIO_NAME_MAX];
};

/* Starts a stream at offset 0, between archives. */
void cpio_init(struct cpio_stream *s, const struct cpio_ops *ops, void *priv,
	       struct cpio_error *error);

/*
 * Feeds the next @len bytes.  Between archives NUL bytes are padding and
 * a byte other than NUL or '0' ends the cpio data: then the return value
 * is the number of bytes used before it (the caller decides: a
 * compressed archive, say).  Otherwise returns @len, or -errno with the
 * error filled in (offsets count bytes of the whole stream).
 */
long cpio_write(struct cpio_stream *s, const void *buf, size_t len);

/*
 * The input ended: 0 if it ended between archives, else -EINVAL with
 * the error saying what was truncated.
 */
int cpio_finish(struct cpio_stream *s);

/* True between archives (nothing half-parsed). */
bool cpio_idle(const struct cpio_stream *s);

/* Parses the whole buffer @buf in one go: cpio_write() + cpio_finish(). */
long cpio_parse(struct cpio_stream *s, const void *buf, size_t len);

static inline bool is_cpio_magic(const void *buf, size_t len)
{
	const char *p = buf;

	return len >= 6 && p[0] == '0' && p[1] == '7' && p[2] == '0' &&
	       p[3] == '7' && p[4] == '0' && (p[5] == '1' || p[5] == '2');
}

#endif /* _KEEL_CPIO_H */
