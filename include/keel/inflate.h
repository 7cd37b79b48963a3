/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DEFLATE (RFC 1951) and gzip (RFC 1952) decompression (lib/inflate.c).
 *
 * The caller provides the state (about 37 KiB: the 32 KiB window, the
 * code tables and the CRC table) and a flush callback that receives the
 * output in pieces of at most INFLATE_WINDOW bytes.  Nothing is allocated
 * and no input byte outside [in, in + len) is read, whatever the input.
 *
 * Errors: -EINVAL for a malformed stream or header, -EBADMSG for a gzip
 * member whose CRC32, ISIZE or header CRC does not match, -ENODATA when
 * the input ends inside a stream or member, or whatever the flush callback
 * returned.
 * Then s->error says why ("crc error", "length error", ...) and
 * s->error_offset where (bytes of input consumed when it was detected).
 */
#ifndef _KEEL_INFLATE_H
#define _KEEL_INFLATE_H

#include <keel/types.h>

#define INFLATE_WINDOW		32768
#define INFLATE_MAX_BITS	15
#define INFLATE_NR_LITLEN	288
#define INFLATE_NR_DIST		32

/* Returns 0 or -errno, which stops the decompression. */
typedef int (*inflate_flush_t)(void *priv, const void *buf, size_t len);

/* A canonical Huffman code: how many codes of each length, and the
 * symbols in code order. */
struct inflate_huffman {
	u16 count[INFLATE_MAX_BITS + 1];
	u16 symbol[INFLATE_NR_LITLEN];
};

struct inflate_state {
	const u8 *in;
	size_t in_len, in_pos;
	u32 bitbuf;			/* bits not consumed yet, LSB first */
	unsigned int bitcnt;

	u8 window[INFLATE_WINDOW];	/* the last 32 KiB of output */
	size_t wpos;			/* next byte in window */
	size_t wflushed;		/* window[..wflushed) was flushed */
	u64 total_out;
	inflate_flush_t flush;
	void *priv;
	u32 crc;			/* of the flushed output */

	struct inflate_huffman litlen, dist;
	u32 crc_table[256];

	int err;
	const char *error;
	size_t error_offset;
};

/*
 * Decompress one raw DEFLATE stream at @in (@len bytes available).
 * Returns the number of input bytes it used (up to the end of the final
 * block, rounded up to a byte) or -errno.
 */
long inflate_raw(struct inflate_state *s, const void *in, size_t len,
		 inflate_flush_t flush, void *priv);

/*
 * Decompress one gzip member at @in, checking its header, CRC32 and ISIZE.
 * Returns the number of input bytes the member used, or -errno.  Several
 * concatenated members are decompressed by calling it again on the rest.
 */
long gunzip(struct inflate_state *s, const void *in, size_t len,
	    inflate_flush_t flush, void *priv);

static inline bool is_gzip_magic(const void *buf, size_t len)
{
	const u8 *p = buf;

	return len >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

#endif /* _KEEL_INFLATE_H */
