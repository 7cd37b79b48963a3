// SPDX-License-Identifier: GPL-2.0
/*
 * A parser for cpio "newc" archives over a byte buffer: it validates each
 * header, name and body and hands the entry to a callback; what to do with
 * it (initramfs creates files) is the caller's business.  A header is 110
 * ASCII bytes: the magic and 13 eight-digit hex fields; the name follows,
 * NUL included, padded to a multiple of 4 bytes from the start of the
 * header, then the body, padded the same way.
 */
#include <keel/cpio.h>
#include <keel/errno.h>
#include <keel/stat.h>
#include <keel/string.h>

enum {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
	NR_FIELDS
};

static size_t pad4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

static int parse_hex8(const char *p, u32 *val)
{
	u32 v = 0;
	int i;

	for (i = 0; i < 8; i++) {
		char c = p[i];

		if (c >= '0' && c <= '9')
			c -= '0';
		else if (c >= 'a' && c <= 'f')
			c -= 'a' - 10;
		else if (c >= 'A' && c <= 'F')
			c -= 'A' - 10;
		else
			return -EINVAL;
		v = v << 4 | c;
	}
	*val = v;
	return 0;
}

/* A ".." component would let an archive write outside the root. */
static bool has_dotdot(const char *name)
{
	const char *p = name;

	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return true;
		p += n;
		while (*p == '/')
			p++;
	}
	return false;
}

static bool known_type(u32 mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG: case S_IFDIR: case S_IFLNK: case S_IFCHR:
	case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		return true;
	}
	return false;
}

static long stop(struct cpio_error *error, const char *why, size_t offset,
		 int err)
{
	error->why = why;
	error->offset = offset;
	error->err = err;
	return err;
}

/*
 * Parses the entry whose header is at @off into @e and sets *@next to
 * where the following header starts.  Returns NULL or why it is invalid.
 */
static const char *parse_entry(const u8 *buf, size_t len, size_t off,
			       struct cpio_entry *e, size_t *next)
{
	const char *hdr = (const char *)buf + off;
	u32 f[NR_FIELDS];
	size_t name_off, data_off;
	int i;

	if (len - off < CPIO_HEADER_SIZE)
		return "truncated header";
	if (!is_cpio_magic(hdr, 6))
		return "no cpio magic";
	for (i = 0; i < NR_FIELDS; i++)
		if (parse_hex8(hdr + 6 + 8 * i, &f[i]))
			return "invalid header field";

	name_off = off + CPIO_HEADER_SIZE;
	if (f[F_NAMESIZE] < 2)
		return "empty name";
	if (f[F_NAMESIZE] > CPIO_NAME_MAX)
		return "name too long";
	if (f[F_NAMESIZE] > len - name_off)
		return "truncated name";
	if (memchr(buf + name_off, 0, f[F_NAMESIZE]) !=
	    buf + name_off + f[F_NAMESIZE] - 1)
		return "name not NUL-terminated";

	data_off = off + pad4(CPIO_HEADER_SIZE + f[F_NAMESIZE]);
	if (data_off > len || f[F_FILESIZE] > len - data_off)
		return "file data beyond the end";

	e->offset = off;
	e->name = (const char *)buf + name_off;
	e->ino = f[F_INO];
	e->mode = f[F_MODE];
	e->uid = f[F_UID];
	e->gid = f[F_GID];
	e->nlink = f[F_NLINK];
	e->mtime = f[F_MTIME];
	e->dev_major = f[F_DEVMAJOR];
	e->dev_minor = f[F_DEVMINOR];
	e->rdev_major = f[F_RDEVMAJOR];
	e->rdev_minor = f[F_RDEVMINOR];
	e->data = buf + data_off;
	e->size = f[F_FILESIZE];
	*next = data_off + pad4(e->size);

	if (!strcmp(e->name, CPIO_TRAILER))
		return NULL;
	if (has_dotdot(e->name))
		return "'..' in path";
	if (!known_type(e->mode))
		return "unknown file type";
	if (S_ISLNK(e->mode) && (!e->size || e->size >= CPIO_NAME_MAX))
		return "invalid symlink target length";
	if (hdr[5] == '2') {
		u32 sum = 0, k;

		for (k = 0; k < e->size; k++)
			sum += buf[data_off + k];
		if (sum != f[F_CHECK])
			return "checksum error";
	}
	return NULL;
}

long cpio_parse(const void *buf, size_t len,
		int (*entry)(void *priv, const struct cpio_entry *e),
		void *priv, struct cpio_error *error)
{
	const u8 *p = buf;
	size_t off = 0, next;
	bool in_archive = false;

	while (off < len) {
		struct cpio_entry e;
		const char *why;
		int ret;

		if (!in_archive) {
			/* NULs may pad archives; anything else ends ours. */
			if (!p[off]) {
				off++;
				continue;
			}
			if (!is_cpio_magic(p + off, len - off))
				return off;
			in_archive = true;
		}
		why = parse_entry(p, len, off, &e, &next);
		if (why)
			return stop(error, why, off, -EINVAL);
		if (!strcmp(e.name, CPIO_TRAILER)) {
			in_archive = false;
			off = next < len ? next : len;
			continue;
		}
		ret = entry(priv, &e);
		if (ret)
			return stop(error, "entry rejected", off, ret);
		off = next;
	}
	if (in_archive)
		return stop(error, "truncated archive (no TRAILER!!!)", len,
			    -EINVAL);
	return len;
}
