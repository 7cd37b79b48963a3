/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ChaCha20 block function of RFC 8439: a 256-bit key, a 32-bit block
 * counter and a 96-bit nonce give 64 bytes of key stream per block.  The
 * random driver builds its generator on it; lib/tests checks the RFC's
 * vectors, in the kernel and on the host.
 */
#ifndef _KEEL_CHACHA_H
#define _KEEL_CHACHA_H

#include <keel/types.h>

#define CHACHA_KEY_SIZE		32
#define CHACHA_BLOCK_SIZE	64
#define CHACHA_NONCE_SIZE	12
#define CHACHA_STATE_WORDS	16

/* The 16-word state: constants, key, counter, nonce (little-endian words). */
void chacha20_init(u32 state[CHACHA_STATE_WORDS],
		   const u8 key[CHACHA_KEY_SIZE], u32 counter,
		   const u8 nonce[CHACHA_NONCE_SIZE]);
/* One block of key stream from @state; then increments its counter. */
void chacha20_block(u32 state[CHACHA_STATE_WORDS],
		    u8 out[CHACHA_BLOCK_SIZE]);
/* The quarter round on four state words, exposed for the RFC's test. */
void chacha_quarter_round(u32 *a, u32 *b, u32 *c, u32 *d);

#endif /* _KEEL_CHACHA_H */
