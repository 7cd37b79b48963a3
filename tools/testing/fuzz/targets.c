// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz entry points for lib/cpio.c and lib/inflate.c.  Each checks what
 * the parser promises about its output (names NUL-terminated, data inside
 * the input, offsets in range) and touches every byte it is handed, so
 * that ASan sees any read outside the input.
 */
#include <keel/cpio.h>
#include <keel/inflate.h>
#include <keel/string.h>

#include "fuzz.h"

#define fuzz_assert(cond)	do { if (!(cond)) __builtin_trap(); } while (0)

struct cpio_bounds {
	const u8 *start, *end;
	u32 sum;
};

static int check_entry(void *priv, const struct cpio_entry *e)
{
	struct cpio_bounds *b = priv;
	const u8 *data = e->data;
	size_t len = strlen(e->name);
	u32 i;

	fuzz_assert((const u8 *)e->name >= b->start &&
		    (const u8 *)e->name + len < b->end);
	fuzz_assert(e->size <= (size_t)(b->end - data) && data >= b->start);
	for (i = 0; i < e->size; i++)
		b->sum += data[i];
	return 0;
}

int fuzz_cpio(const u8 *data, size_t size)
{
	struct cpio_bounds b = { data, data + size, 0 };
	struct cpio_error err = { NULL, 0, 0 };
	long ret = cpio_parse(data, size, check_entry, &b, &err);

	fuzz_assert(ret < 0 ? err.why && err.offset <= size :
			      (size_t)ret <= size);
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
