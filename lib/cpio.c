// SPDX-License-Identifier: GPL-2.0
/*
 * A streaming parser for cpio "newc" archives: it takes the archive in
 * pieces of any size, validates each header, name and body and calls back
 * for the entry and for each piece of a regular file's data; what to do
 * with it (initramfs creates files) is the caller's business.  A header is
 * 110 ASCII bytes: the magic and 13 eight-digit hex fields; the name
 * follows, NUL included, padded to a multiple of 4 bytes from the start of
 * the header, then the body, padded the same way.  Only the header, the
 * name and a symlink's target are collected in the stream's buffers: the
 * memory used does not depend on the archive.
 */
#include <keel/cpio.h>
#include <keel/errno.h>
#include <keel/stat.h>
#include <keel/kernel.h>
#include <keel/string.h>

enum { S_IDLE, S_HEADER, S_NAME, S_DATA, S_TARGET, S_SKIP, S_TRAILER };

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

static long stop(struct cpio_stream *s, const char *why, size_t offset,
		 int err)
{
	s->error->why = why;
	s->error->offset = offset;
	s->error->err = err;
	return err;
}

static long reject(struct cpio_stream *s, int err)
{
	return stop(s, "entry rejected", s->e.offset, err);
}

static u32 namesize(const struct cpio_stream *s)
{
	u32 v;

	parse_hex8(s->hdr + 6 + 8 * F_NAMESIZE, &v);
	return v;
}

/* The header is in: check it and fill in s->e.  NULL or why not. */
static const char *parse_header(struct cpio_stream *s)
{
	struct cpio_entry *e = &s->e;
	u32 f[NR_FIELDS];
	int i;

	if (!is_cpio_magic(s->hdr, 6))
		return "no cpio magic";
	for (i = 0; i < NR_FIELDS; i++)
		if (parse_hex8(s->hdr + 6 + 8 * i, &f[i]))
			return "invalid header field";
	if (f[F_NAMESIZE] < 2)
		return "empty name";
	if (f[F_NAMESIZE] > CPIO_NAME_MAX)
		return "name too long";
	e->name = s->name;
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
	e->data = NULL;
	e->size = f[F_FILESIZE];
	s->checksummed = s->hdr[5] == '2';
	s->check = f[F_CHECK];
	s->sum = 0;
	return NULL;
}

/* The name is in: check it and decide what the body is. */
static long name_done(struct cpio_stream *s)
{
	struct cpio_entry *e = &s->e;
	u32 size = namesize(s);
	long ret;

	if (memchr(s->name, 0, size) != s->name + size - 1)
		return stop(s, "name not NUL-terminated", e->offset, -EINVAL);
	s->pad = pad4(CPIO_HEADER_SIZE + size) - CPIO_HEADER_SIZE - size;
	s->left = e->size;
	s->have = 0;
	if (!strcmp(e->name, CPIO_TRAILER)) {
		s->state = S_TRAILER;
		return 0;
	}
	if (has_dotdot(e->name))
		return stop(s, "'..' in path", e->offset, -EINVAL);
	if (!known_type(e->mode))
		return stop(s, "unknown file type", e->offset, -EINVAL);
	if (S_ISLNK(e->mode) && (!e->size || e->size >= CPIO_NAME_MAX)) {
		/* Linux skips just this entry. */
		if (s->ops->skip)
			s->ops->skip(s->priv, e, "invalid symlink target length");
		s->state = S_SKIP;
		return 0;
	}
	if (S_ISLNK(e->mode)) {
		s->state = S_TARGET;
		return 0;
	}
	s->state = S_DATA;
	ret = s->ops->entry(s->priv, e);
	return ret ? reject(s, ret) : 0;
}

/* The body is in: check its sum, finish the entry, expect the next. */
static long body_done(struct cpio_stream *s)
{
	struct cpio_entry *e = &s->e;
	int state = s->state;
	long ret = 0;

	s->pad += pad4(e->size) - e->size;
	s->state = state == S_TRAILER ? S_IDLE : S_HEADER;
	s->have = 0;
	if (state == S_TRAILER || state == S_SKIP)
		return 0;
	if (s->checksummed && s->sum != s->check)
		return stop(s, "checksum error", e->offset, -EINVAL);
	if (state == S_TARGET) {
		s->target[e->size] = '\0';
		e->data = s->target;
		ret = s->ops->entry(s->priv, e);
	}
	if (!ret && s->ops->end)
		ret = s->ops->end(s->priv, e);
	return ret ? reject(s, ret) : 0;
}

static void sum(struct cpio_stream *s, const u8 *p, size_t n)
{
	if (s->checksummed)
		while (n--)
			s->sum += *p++;
}

void cpio_init(struct cpio_stream *s, const struct cpio_ops *ops, void *priv,
	       struct cpio_error *error)
{
	s->ops = ops;
	s->priv = priv;
	s->error = error;
	s->pos = 0;
	s->state = S_IDLE;
	s->have = s->pad = 0;
	s->left = 0;
}

bool cpio_idle(const struct cpio_stream *s)
{
	return s->state == S_IDLE;
}

long cpio_write(struct cpio_stream *s, const void *buf, size_t len)
{
	const u8 *p = buf;
	size_t off = 0;

	while (off < len) {
		size_t n = len - off;
		const char *why;
		long ret = 0;

		if (s->pad) {
			n = min(n, s->pad);
			s->pad -= n;
		} else if (s->state == S_IDLE) {
			/* NULs may pad archives; anything else ends ours. */
			if (p[off] && p[off] != '0')
				return off;
			n = 1;
			if (p[off]) {
				s->state = S_HEADER;
				s->have = 0;
				continue;
			}
		} else if (s->state == S_HEADER || s->state == S_NAME) {
			bool header = s->state == S_HEADER;
			size_t want = header ? CPIO_HEADER_SIZE : namesize(s);

			if (header && !s->have)
				s->e.offset = s->pos;
			n = min(n, want - s->have);
			memcpy((header ? s->hdr : s->name) + s->have, p + off,
			       n);
			s->have += n;
			if (s->have == want && header) {
				why = parse_header(s);
				if (why)
					return stop(s, why, s->e.offset,
						    -EINVAL);
				s->state = S_NAME;
				s->have = 0;
			} else if (s->have == want) {
				ret = name_done(s);
				if (!ret && !s->left)
					ret = body_done(s);
			}
		} else {
			n = min(n, (size_t)s->left);
			if (s->state == S_DATA || s->state == S_TARGET)
				sum(s, p + off, n);
			if (s->state == S_TARGET)
				memcpy(s->target + s->have, p + off, n);
			s->have += n;
			if (s->state == S_DATA && S_ISREG(s->e.mode) &&
			    s->ops->data) {
				ret = s->ops->data(s->priv, p + off, n);
				if (ret)
					return reject(s, ret);
			}
			s->left -= n;
			if (!s->left)
				ret = body_done(s);
		}
		off += n;
		s->pos += n;
		if (ret)
			return ret;
	}
	return len;
}

int cpio_finish(struct cpio_stream *s)
{
	switch (s->state) {
	case S_IDLE:
	case S_TRAILER:
		return 0;
	case S_HEADER:
		if (!s->have)
			return stop(s, "truncated archive (no TRAILER!!!)",
				    s->pos, -EINVAL);
		return stop(s, "truncated header", s->e.offset, -EINVAL);
	case S_NAME:
		return stop(s, "truncated name", s->e.offset, -EINVAL);
	default:
		return stop(s, "file data beyond the end", s->e.offset,
			    -EINVAL);
	}
}

long cpio_parse(struct cpio_stream *s, const void *buf, size_t len)
{
	long ret = cpio_write(s, buf, len);

	if (ret < 0 || (size_t)ret < len)
		return ret;
	ret = cpio_finish(s);
	return ret ? ret : (long)len;
}
