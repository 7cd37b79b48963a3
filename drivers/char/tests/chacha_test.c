// SPDX-License-Identifier: GPL-2.0
/*
 * ChaCha20 against RFC 8439's test vectors (sections 2.1.1 and 2.3.2);
 * also run on the host under ASan/UBSan.
 */
#include <keel/chacha.h>
#include <keel/ktest.h>

static void chacha_rfc8439_quarter_round(struct ktest *t)
{
	u32 a = 0x11111111, b = 0x01020304, c = 0x9b8d6f43, d = 0x01234567;

	chacha_quarter_round(&a, &b, &c, &d);
	KTEST_EXPECT_EQ(t, a, 0xea2a92f4);
	KTEST_EXPECT_EQ(t, b, 0xcb1cf8ce);
	KTEST_EXPECT_EQ(t, c, 0x4581472e);
	KTEST_EXPECT_EQ(t, d, 0x5881c4bb);
}

static void chacha_rfc8439_block(struct ktest *t)
{
	static const u8 nonce[CHACHA_NONCE_SIZE] = {
		0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x4a, 0x00, 0x00,
		0x00, 0x00 };
	static const u8 expect[CHACHA_BLOCK_SIZE] = {
		0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15,
		0x50, 0x0f, 0xdd, 0x1f, 0xa3, 0x20, 0x71, 0xc4,
		0xc7, 0xd1, 0xf4, 0xc7, 0x33, 0xc0, 0x68, 0x03,
		0x04, 0x22, 0xaa, 0x9a, 0xc3, 0xd4, 0x6c, 0x4e,
		0xd2, 0x82, 0x64, 0x46, 0x07, 0x9f, 0xaa, 0x09,
		0x14, 0xc2, 0xd7, 0x05, 0xd9, 0x8b, 0x02, 0xa2,
		0xb5, 0x12, 0x9c, 0xd1, 0xde, 0x16, 0x4e, 0xb9,
		0xcb, 0xd0, 0x83, 0xe8, 0xa2, 0x50, 0x3c, 0x4e };
	u32 state[CHACHA_STATE_WORDS];
	u8 key[CHACHA_KEY_SIZE], out[CHACHA_BLOCK_SIZE];
	unsigned int i;

	for (i = 0; i < CHACHA_KEY_SIZE; i++)
		key[i] = i;
	chacha20_init(state, key, 1, nonce);
	chacha20_block(state, out);
	KTEST_EXPECT_MEMEQ(t, out, expect, CHACHA_BLOCK_SIZE);
	KTEST_EXPECT_EQ(t, state[12], 2);
}

static struct ktest_case chacha_cases[] = {
	KTEST_CASE(chacha_rfc8439_quarter_round),
	KTEST_CASE(chacha_rfc8439_block),
	{}
};

static struct ktest_suite chacha_suite = {
	.name = "chacha",
	.cases = chacha_cases,
};
ktest_register_suite(chacha_suite);
