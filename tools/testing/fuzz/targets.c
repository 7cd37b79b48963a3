// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz entry points for lib/cpio.c and lib/inflate.c.  Each checks what
 * the parser promises about its output (names NUL-terminated, data inside
 * the input, offsets in range) and touches every byte it is handed, so
 * that ASan sees any read outside the input.
 */
#include <keel/cpio.h>
#include <keel/inflate.h>
#include <keel/stat.h>
#include <keel/string.h>

#include "fuzz.h"

#define fuzz_assert(cond)	do { if (!(cond)) __builtin_trap(); } while (0)

struct cpio_check {
	struct cpio_stream stream;
	u32 sum;
	size_t left;		/* data bytes the current regular file has */
};

static struct cpio_check cc;

static int check_entry(void *priv, const struct cpio_entry *e)
{
	struct cpio_check *c = priv;
	size_t len = strlen(e->name);

	fuzz_assert(len > 0 && len < CPIO_NAME_MAX);
	if (S_ISLNK(e->mode))
		/* NUL-terminated after size bytes (a NUL may come sooner). */
		fuzz_assert(e->data && e->size && e->size < CPIO_NAME_MAX &&
			    !e->data[e->size]);
	c->left = S_ISREG(e->mode) ? e->size : 0;
	return 0;
}

static int check_data(void *priv, const void *buf, size_t len)
{
	struct cpio_check *c = priv;
	const u8 *p = buf;

	fuzz_assert(len && len <= c->left);
	c->left -= len;
	while (len--)
		c->sum += *p++;
	return 0;
}

static int check_end(void *priv, const struct cpio_entry *e)
{
	struct cpio_check *c = priv;

	fuzz_assert(!c->left);
	return 0;
}

static const struct cpio_ops check_ops = {
	.entry = check_entry,
	.data = check_data,
	.end = check_end,
};

/*
 * The input whole, then cut in two at a place its first byte picks: the
 * stream must give the same answer.
 */
int fuzz_cpio(const u8 *data, size_t size)
{
	struct cpio_error err = { NULL, 0, 0 }, err2 = { NULL, 0, 0 };
	size_t cut = size ? data[0] * size / 256 : 0;
	long ret, ret2;

	cpio_init(&cc.stream, &check_ops, &cc, &err);
	ret = cpio_parse(&cc.stream, data, size);
	fuzz_assert(ret < 0 ? err.why && err.offset <= size :
			      (size_t)ret <= size);

	cpio_init(&cc.stream, &check_ops, &cc, &err2);
	ret2 = cpio_write(&cc.stream, data, cut);
	if (ret2 == (long)cut) {
		ret2 = cpio_write(&cc.stream, data + cut, size - cut);
		if (ret2 >= 0)
			ret2 += cut;
	}
	if (ret2 == (long)size)
		ret2 = cpio_finish(&cc.stream) ?: (long)size;
	fuzz_assert(ret2 == ret && err2.why == err.why &&
		    err2.offset == err.offset);
	return 0;
}

static struct inflate_state state;

static int consume(void *priv, const void *buf, size_t len)
{
	const u8 *p = buf;
	u32 *sum = priv;

	fuzz_assert(len && len <= INFLATE_WINDOW);
	while (len--)
		*sum += *p++;
	return 0;
}

/* gzip members one after another, or a raw DEFLATE stream. */
int fuzz_inflate(const u8 *data, size_t size)
{
	size_t off = 0;
	u32 sum = 0;
	long ret;

	if (!is_gzip_magic(data, size)) {
		ret = inflate_raw(&state, data, size, consume, &sum);
		fuzz_assert(ret < 0 ? state.error_offset <= size :
				      (size_t)ret <= size);
		return 0;
	}
	while (off < size && is_gzip_magic(data + off, size - off)) {
		ret = gunzip(&state, data + off, size - off, consume, &sum);
		fuzz_assert(ret < 0 || (ret > 0 && (size_t)ret <= size - off));
		if (ret < 0)
			break;
		off += ret;
	}
	return 0;
}
