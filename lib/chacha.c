// SPDX-License-Identifier: GPL-2.0
/*
 * ChaCha20's block function (RFC 8439, section 2.3), written from the
 * RFC: twenty rounds of quarter rounds over the 4x4 word state, added to
 * the input state and serialised little-endian.  No encryption API: the
 * random driver only needs key stream.
 */
#include <keel/chacha.h>
#include <keel/string.h>

static inline u32 rol32(u32 word, unsigned int shift)
{
	return (word << shift) | (word >> (32 - shift));
}

static inline u32 get_le32(const u8 *p)
{
	return p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static inline void put_le32(u8 *p, u32 v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

void chacha_quarter_round(u32 *a, u32 *b, u32 *c, u32 *d)
{
	*a += *b; *d ^= *a; *d = rol32(*d, 16);
	*c += *d; *b ^= *c; *b = rol32(*b, 12);
	*a += *b; *d ^= *a; *d = rol32(*d, 8);
	*c += *d; *b ^= *c; *b = rol32(*b, 7);
}

void chacha20_init(u32 state[CHACHA_STATE_WORDS],
		   const u8 key[CHACHA_KEY_SIZE], u32 counter,
		   const u8 nonce[CHACHA_NONCE_SIZE])
{
	int i;

	/* "expand 32-byte k" */
	state[0] = 0x61707865;
	state[1] = 0x3320646e;
	state[2] = 0x79622d32;
	state[3] = 0x6b206574;
	for (i = 0; i < 8; i++)
		state[4 + i] = get_le32(key + 4 * i);
	state[12] = counter;
	for (i = 0; i < 3; i++)
		state[13 + i] = get_le32(nonce + 4 * i);
}

void chacha20_block(u32 state[CHACHA_STATE_WORDS],
		    u8 out[CHACHA_BLOCK_SIZE])
{
	u32 x[CHACHA_STATE_WORDS];
	int i;

	memcpy(x, state, sizeof(x));
	for (i = 0; i < 10; i++) {
		/* A column round, then a diagonal round. */
		chacha_quarter_round(&x[0], &x[4], &x[8], &x[12]);
		chacha_quarter_round(&x[1], &x[5], &x[9], &x[13]);
		chacha_quarter_round(&x[2], &x[6], &x[10], &x[14]);
		chacha_quarter_round(&x[3], &x[7], &x[11], &x[15]);
		chacha_quarter_round(&x[0], &x[5], &x[10], &x[15]);
		chacha_quarter_round(&x[1], &x[6], &x[11], &x[12]);
		chacha_quarter_round(&x[2], &x[7], &x[8], &x[13]);
		chacha_quarter_round(&x[3], &x[4], &x[9], &x[14]);
	}
	for (i = 0; i < CHACHA_STATE_WORDS; i++)
		put_le32(out + 4 * i, x[i] + state[i]);
	state[12]++;
	memset(x, 0, sizeof(x));
}
