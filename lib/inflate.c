// SPDX-License-Identifier: GPL-2.0
/*
 * DEFLATE (RFC 1951: stored, fixed and dynamic Huffman blocks) and the
 * gzip member format around it (RFC 1952: header, CRC32, ISIZE).
 *
 * Huffman codes are decoded one bit at a time against the canonical code
 * counts: slower than table lookup, but small and easy to see correct.
 * Every input byte is fetched through next_byte(), which fails at the end
 * of the input, so hostile streams cannot read past it; every back
 * reference is checked against the output produced so far.  Errors are
 * sticky in s->err: once set, every bit read returns 0 and the loops stop.
 */
#include <keel/errno.h>
#include <keel/inflate.h>
#include <keel/string.h>

static const u16 length_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
};
static const u8 length_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
};
static const u16 dist_base[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
	8193, 12289, 16385, 24577,
};
static const u8 dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
};
/* The order code-length code lengths come in (RFC 1951 3.2.7). */
static const u8 clen_order[19] = {
	16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
};

/* Records the first error and where it happened; returns it. */
static int fail(struct inflate_state *s, int err, const char *why)
{
	if (!s->err) {
		s->err = err;
		s->error = why;
		s->error_offset = s->in_pos;
	}
	return err;
}

static int next_byte(struct inflate_state *s)
{
	if (s->err)
		return -1;
	if (s->in_pos >= s->in_len) {
		fail(s, -ENODATA, "unexpected end of input");
		return -1;
	}
	return s->in[s->in_pos++];
}

/* The next @n (<= 16) bits, LSB first; 0 once an error is set. */
static unsigned int get_bits(struct inflate_state *s, unsigned int n)
{
	unsigned int val;

	while (s->bitcnt < n) {
		int c = next_byte(s);

		if (c < 0)
			return 0;
		s->bitbuf |= (u32)c << s->bitcnt;
		s->bitcnt += 8;
	}
	val = s->bitbuf & ((1U << n) - 1);
	s->bitbuf >>= n;
	s->bitcnt -= n;
	return val;
}

static void crc32_init(struct inflate_state *s)
{
	unsigned int i, k;

	for (i = 0; i < 256; i++) {
		u32 c = i;

		for (k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320 ^ (c >> 1) : c >> 1;
		s->crc_table[i] = c;
	}
}

static u32 crc32_update(const struct inflate_state *s, u32 crc,
			const u8 *buf, size_t len)
{
	crc = ~crc;
	while (len--)
		crc = s->crc_table[(crc ^ *buf++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

/* Hands window[wflushed..wpos) to the caller. */
static int flush_window(struct inflate_state *s)
{
	size_t n = s->wpos - s->wflushed;
	int ret;

	if (!n)
		return 0;
	s->crc = crc32_update(s, s->crc, s->window + s->wflushed, n);
	ret = s->flush(s->priv, s->window + s->wflushed, n);
	if (ret)
		return fail(s, ret, ret == -ENOMEM ? "out of memory" :
						     "output rejected");
	s->wflushed = s->wpos;
	if (s->wpos == INFLATE_WINDOW)
		s->wpos = s->wflushed = 0;
	return 0;
}

static int put_byte(struct inflate_state *s, u8 c)
{
	s->window[s->wpos++] = c;
	s->total_out++;
	return s->wpos == INFLATE_WINDOW ? flush_window(s) : 0;
}

/*
 * Builds the canonical code for @n symbols with the code lengths in
 * @lengths.  An over-subscribed set is an error; an incomplete one is
 * allowed (RFC 1951 permits a lone distance code) and decode() fails on
 * the codes it leaves out.
 */
static int build_huffman(struct inflate_state *s, struct inflate_huffman *h,
			 const u8 *lengths, unsigned int n)
{
	u16 offs[INFLATE_MAX_BITS + 1];
	unsigned int len, sym;
	int left = 1;

	memset(h->count, 0, sizeof(h->count));
	for (sym = 0; sym < n; sym++)
		h->count[lengths[sym]]++;
	h->count[0] = 0;
	for (len = 1; len <= INFLATE_MAX_BITS; len++) {
		left = left * 2 - h->count[len];
		if (left < 0)
			return fail(s, -EINVAL, "over-subscribed code lengths");
	}
	offs[1] = 0;
	for (len = 1; len < INFLATE_MAX_BITS; len++)
		offs[len + 1] = offs[len] + h->count[len];
	for (sym = 0; sym < n; sym++)
		if (lengths[sym])
			h->symbol[offs[lengths[sym]]++] = sym;
	return 0;
}

/* The next symbol of code @h, or -1 with s->err set. */
static int decode(struct inflate_state *s, const struct inflate_huffman *h)
{
	int code = 0, first = 0, index = 0;
	unsigned int len;

	for (len = 1; len <= INFLATE_MAX_BITS; len++) {
		int count = h->count[len];

		code |= get_bits(s, 1);
		if (s->err)
			return -1;
		if (code - first < count)
			return h->symbol[index + code - first];
		index += count;
		first = (first + count) << 1;
		code <<= 1;
	}
	fail(s, -EINVAL, "invalid Huffman code");
	return -1;
}

static int stored_block(struct inflate_state *s)
{
	unsigned int len, nlen;
	int i;

	/* Fewer than 8 bits are ever buffered: drop them to align. */
	s->bitbuf = 0;
	s->bitcnt = 0;
	len = get_bits(s, 16);
	nlen = get_bits(s, 16);
	if (s->err)
		return s->err;
	if (len != (~nlen & 0xffff))
		return fail(s, -EINVAL, "stored block length mismatch");
	while (len--) {
		i = next_byte(s);
		if (i < 0 || put_byte(s, i))
			return s->err;
	}
	return 0;
}

static int codes(struct inflate_state *s)
{
	for (;;) {
		int sym = decode(s, &s->litlen);
		unsigned int len, dist;

		if (sym < 0)
			return s->err;
		if (sym < 256) {
			if (put_byte(s, sym))
				return s->err;
			continue;
		}
		if (sym == 256)
			return 0;
		sym -= 257;
		if (sym >= 29)
			return fail(s, -EINVAL, "invalid literal/length code");
		len = length_base[sym] + get_bits(s, length_extra[sym]);
		sym = decode(s, &s->dist);
		if (sym < 0)
			return s->err;
		if (sym >= 30)
			return fail(s, -EINVAL, "invalid distance code");
		dist = dist_base[sym] + get_bits(s, dist_extra[sym]);
		if (s->err)
			return s->err;
		if (dist > s->total_out)
			return fail(s, -EINVAL, "invalid distance too far back");
		while (len--) {
			u8 c = s->window[(s->wpos - dist) & (INFLATE_WINDOW - 1)];

			if (put_byte(s, c))
				return s->err;
		}
	}
}

static int fixed_block(struct inflate_state *s)
{
	u8 lengths[INFLATE_NR_LITLEN];
	unsigned int i;

	for (i = 0; i < 144; i++)
		lengths[i] = 8;
	for (; i < 256; i++)
		lengths[i] = 9;
	for (; i < 280; i++)
		lengths[i] = 7;
	for (; i < INFLATE_NR_LITLEN; i++)
		lengths[i] = 8;
	build_huffman(s, &s->litlen, lengths, INFLATE_NR_LITLEN);
	for (i = 0; i < INFLATE_NR_DIST; i++)
		lengths[i] = 5;
	build_huffman(s, &s->dist, lengths, INFLATE_NR_DIST);
	return codes(s);
}

static int dynamic_block(struct inflate_state *s)
{
	u8 lengths[INFLATE_NR_LITLEN + INFLATE_NR_DIST];
	unsigned int nlen, ndist, ncode, i = 0;

	nlen = get_bits(s, 5) + 257;
	ndist = get_bits(s, 5) + 1;
	ncode = get_bits(s, 4) + 4;
	if (s->err)
		return s->err;
	if (nlen > 286 || ndist > 30)
		return fail(s, -EINVAL, "too many length or distance codes");

	memset(lengths, 0, sizeof(lengths));
	for (i = 0; i < ncode; i++)
		lengths[clen_order[i]] = get_bits(s, 3);
	if (s->err || build_huffman(s, &s->litlen, lengths, 19))
		return s->err;

	for (i = 0; i < nlen + ndist;) {
		int sym = decode(s, &s->litlen);
		unsigned int repeat;
		u8 val = 0;

		if (sym < 0)
			return s->err;
		if (sym < 16) {
			lengths[i++] = sym;
			continue;
		}
		if (sym == 16) {
			if (!i)
				return fail(s, -EINVAL, "repeat with no previous length");
			val = lengths[i - 1];
			repeat = 3 + get_bits(s, 2);
		} else if (sym == 17) {
			repeat = 3 + get_bits(s, 3);
		} else {
			repeat = 11 + get_bits(s, 7);
		}
		if (s->err)
			return s->err;
		if (i + repeat > nlen + ndist)
			return fail(s, -EINVAL, "too many code lengths");
		while (repeat--)
			lengths[i++] = val;
	}
	if (!lengths[256])
		return fail(s, -EINVAL, "no end-of-block code");
	if (build_huffman(s, &s->litlen, lengths, nlen) ||
	    build_huffman(s, &s->dist, lengths + nlen, ndist))
		return s->err;
	return codes(s);
}

static void start(struct inflate_state *s, const void *in, size_t len,
		  inflate_flush_t flush, void *priv)
{
	s->in = in;
	s->in_len = len;
	s->in_pos = 0;
	s->bitbuf = 0;
	s->bitcnt = 0;
	s->wpos = s->wflushed = 0;
	s->total_out = 0;
	s->flush = flush;
	s->priv = priv;
	s->crc = 0;
	s->err = 0;
	s->error = NULL;
	s->error_offset = 0;
	crc32_init(s);
}

static int inflate_blocks(struct inflate_state *s)
{
	unsigned int last;

	do {
		last = get_bits(s, 1);
		switch (get_bits(s, 2)) {
		case 0:
			stored_block(s);
			break;
		case 1:
			fixed_block(s);
			break;
		case 2:
			dynamic_block(s);
			break;
		default:
			fail(s, -EINVAL, "invalid block type");
		}
	} while (!s->err && !last);
	if (!s->err)
		flush_window(s);
	/* The stream ends on a byte boundary: unused bits are padding. */
	s->bitbuf = 0;
	s->bitcnt = 0;
	return s->err;
}

long inflate_raw(struct inflate_state *s, const void *in, size_t len,
		 inflate_flush_t flush, void *priv)
{
	start(s, in, len, flush, priv);
	if (inflate_blocks(s))
		return s->err;
	return s->in_pos;
}

#define GZ_FHCRC	0x02
#define GZ_FEXTRA	0x04
#define GZ_FNAME	0x08
#define GZ_FCOMMENT	0x10
#define GZ_FRESERVED	0xe0

static u32 get_le32(struct inflate_state *s)
{
	u32 v = 0;
	int i;

	for (i = 0; i < 4; i++)
		v |= (u32)(next_byte(s) & 0xff) << (8 * i);
	return v;
}

static void skip_string(struct inflate_state *s)
{
	while (next_byte(s) > 0)
		;
}

static int gzip_header(struct inflate_state *s)
{
	int flags, i;

	if (next_byte(s) != 0x1f || next_byte(s) != 0x8b)
		return fail(s, -EINVAL, "not in gzip format");
	if (next_byte(s) != 8)
		return fail(s, -EINVAL, "unknown compression method");
	flags = next_byte(s);
	if (flags < 0)
		return s->err;
	if (flags & GZ_FRESERVED)
		return fail(s, -EINVAL, "reserved gzip flags set");
	for (i = 0; i < 6; i++)		/* MTIME, XFL, OS */
		next_byte(s);
	if (flags & GZ_FEXTRA) {
		unsigned int xlen = next_byte(s) & 0xff;

		xlen |= (next_byte(s) & 0xff) << 8;
		while (xlen-- && next_byte(s) >= 0)
			;
	}
	if (flags & GZ_FNAME)
		skip_string(s);
	if (flags & GZ_FCOMMENT)
		skip_string(s);
	if (flags & GZ_FHCRC) {
		u32 want = crc32_update(s, 0, s->in, s->in_pos) & 0xffff;
		unsigned int got = next_byte(s) & 0xff;

		got |= (next_byte(s) & 0xff) << 8;
		if (!s->err && got != want)
			return fail(s, -EBADMSG, "header crc error");
	}
	return s->err;
}

long gunzip(struct inflate_state *s, const void *in, size_t len,
	    inflate_flush_t flush, void *priv)
{
	u32 crc, isize;

	start(s, in, len, flush, priv);
	if (gzip_header(s) || inflate_blocks(s))
		return s->err;
	crc = get_le32(s);
	isize = get_le32(s);
	if (s->err)
		return s->err;
	if (crc != s->crc)
		return fail(s, -EBADMSG, "crc error");
	if (isize != (u32)s->total_out)
		return fail(s, -EBADMSG, "length error");
	return s->in_pos;
}
