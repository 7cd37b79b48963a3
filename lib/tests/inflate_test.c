// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for lib/inflate.c: known vectors made with Python's zlib
 * (a stored, a fixed and a dynamic block; a two-member gzip file) and
 * broken ones (CRC and length errors, every truncation, a distance back
 * past the start of the output, bad headers and block types), each with
 * the exact error code and reason.  Also runs on the host under ASan/UBSan.
 */
#include <keel/errno.h>
#include <keel/inflate.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/string.h>

static const char text[] =
	"Keel unpacks its initramfs with this decompressor. Keel unpa"
	"cks its initramfs with this decompressor. Keel unpacks its i"
	"nitramfs with this decompressor. 012345678901234567890123456"
	"7890123456789\n";

static const char dynamic_text[] =
	"eeentteeeetalehseetaeesereee\nleroheheeeeeo n\n  dee aeotteeet"
	"ee\nlr \nareeleaide stettaetteeeerheeetoetaotieeoeetleooteeetn"
	"aeoaedeereieesaa eeeleeteeeied\n\neno\neeeee\nesot \n aoreeaedtee"
	"eta\neeaeeeteehheeaet";

static const u8 stored_vec[18] = {
	0x01, 0x0d, 0x00, 0xf2, 0xff, 0x73, 0x74, 0x6f, 0x72, 0x65, 0x64, 0x20,
	0x62, 0x6c, 0x6f, 0x63, 0x6b, 0x0a,
};

static const u8 fixed_vec[68] = {
	0xf3, 0x4e, 0x4d, 0xcd, 0x51, 0x28, 0xcd, 0x2b, 0x48, 0x4c, 0xce, 0x2e,
	0x56, 0xc8, 0x2c, 0x01, 0xe2, 0xbc, 0xcc, 0x92, 0xa2, 0xc4, 0xdc, 0xb4,
	0x62, 0x85, 0xf2, 0xcc, 0x92, 0x0c, 0x85, 0x92, 0x8c, 0xcc, 0x62, 0x85,
	0x94, 0xd4, 0xe4, 0xfc, 0xdc, 0x82, 0xa2, 0xd4, 0xe2, 0xe2, 0xfc, 0x22,
	0x3d, 0x05, 0x6f, 0xba, 0x68, 0x31, 0x30, 0x34, 0x32, 0x36, 0x31, 0x35,
	0x33, 0xb7, 0xb0, 0xc4, 0xcf, 0xe2, 0x02, 0x00,
};

static const u8 dynamic_vec[111] = {
	0x25, 0x8d, 0x4b, 0x0a, 0x44, 0x21, 0x0c, 0x04, 0xf7, 0x39, 0x45, 0xae,
	0x16, 0xb0, 0xc0, 0x07, 0x62, 0x40, 0x73, 0x7f, 0xa6, 0xe3, 0xb8, 0x31,
	0x9f, 0xae, 0x0a, 0xb0, 0xab, 0xd0, 0xab, 0x58, 0xcc, 0xdb, 0x3f, 0x5c,
	0x8e, 0x26, 0xb6, 0x38, 0x39, 0x99, 0xbd, 0x25, 0x7d, 0x9b, 0xfb, 0x00,
	0x0f, 0xf2, 0x11, 0xd5, 0x89, 0xe3, 0x16, 0xca, 0x2e, 0xe2, 0x1b, 0xf8,
	0x2d, 0x4a, 0xfc, 0x5f, 0x78, 0x1a, 0xac, 0x94, 0x30, 0xeb, 0x93, 0x40,
	0xcd, 0x22, 0xf3, 0xa1, 0x5b, 0x92, 0x40, 0xb6, 0x83, 0x56, 0x37, 0xc2,
	0x69, 0x49, 0x3b, 0x35, 0x18, 0x66, 0xec, 0xb4, 0x77, 0xd7, 0xb8, 0x59,
	0x6e, 0x1e, 0xa9, 0x33, 0x42, 0x1e, 0x1e, 0xd6, 0xf5, 0x8b, 0xcf, 0xd9,
	0x65, 0xfd, 0x00,
};

static const u8 multi_vec[119] = {
	0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x4b, 0xcb,
	0x2c, 0x2a, 0x2e, 0x51, 0xc8, 0x4d, 0xcd, 0x4d, 0x4a, 0x2d, 0xe2, 0x02,
	0x00, 0xa7, 0xf4, 0x85, 0x0a, 0x0d, 0x00, 0x00, 0x00, 0x1f, 0x8b, 0x08,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xf3, 0x4e, 0x4d, 0xcd, 0x51,
	0x28, 0xcd, 0x2b, 0x48, 0x4c, 0xce, 0x2e, 0x56, 0xc8, 0x2c, 0x01, 0xe2,
	0xbc, 0xcc, 0x92, 0xa2, 0xc4, 0xdc, 0xb4, 0x62, 0x85, 0xf2, 0xcc, 0x92,
	0x0c, 0x85, 0x92, 0x8c, 0xcc, 0x62, 0x85, 0x94, 0xd4, 0xe4, 0xfc, 0xdc,
	0x82, 0xa2, 0xd4, 0xe2, 0xe2, 0xfc, 0x22, 0x3d, 0x05, 0x6f, 0xba, 0x68,
	0x31, 0x30, 0x34, 0x32, 0x36, 0x31, 0x35, 0x33, 0xb7, 0xb0, 0xc4, 0xcf,
	0xe2, 0x02, 0x00, 0xfe, 0x23, 0xa3, 0xf6, 0xc2, 0x00, 0x00, 0x00,
};

static const u8 far_vec[4] = {
	0x4b, 0x04, 0x42, 0x00,
};
#define MULTI_FIRST_LEN 33

/* Too big for a kernel stack; the suites run one at a time. */
static struct inflate_state state;

struct sink {
	u8 buf[512];
	size_t len;
	unsigned int calls;
};

static struct sink sink;

static int to_sink(void *priv, const void *buf, size_t len)
{
	struct sink *s = priv;

	if (len > sizeof(s->buf) - s->len)
		return -ENOSPC;
	memcpy(s->buf + s->len, buf, len);
	s->len += len;
	s->calls++;
	return 0;
}

static int no_memory(void *priv, const void *buf, size_t len)
{
	return -ENOMEM;
}

static long run_raw(const void *in, size_t len)
{
	memset(&sink, 0, sizeof(sink));
	return inflate_raw(&state, in, len, to_sink, &sink);
}

static long run_gzip(const void *in, size_t len)
{
	memset(&sink, 0, sizeof(sink));
	return gunzip(&state, in, len, to_sink, &sink);
}

static void stored_block(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, run_raw(stored_vec, sizeof(stored_vec)),
			sizeof(stored_vec));
	KTEST_ASSERT_EQ(t, sink.len, 13);
	KTEST_EXPECT_MEMEQ(t, sink.buf, "stored block\n", 13);
}

static void fixed_block(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, run_raw(fixed_vec, sizeof(fixed_vec)),
			sizeof(fixed_vec));
	KTEST_ASSERT_EQ(t, sink.len, sizeof(text) - 1);
	KTEST_EXPECT_MEMEQ(t, sink.buf, text, sizeof(text) - 1);
}

static void dynamic_block(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, run_raw(dynamic_vec, sizeof(dynamic_vec)),
			sizeof(dynamic_vec));
	KTEST_ASSERT_EQ(t, sink.len, sizeof(dynamic_text) - 1);
	KTEST_EXPECT_MEMEQ(t, sink.buf, dynamic_text, sizeof(dynamic_text) - 1);
}

/* Bytes after the stream are not the decompressor's. */
static void trailing_bytes_unused(struct ktest *t)
{
	u8 buf[sizeof(stored_vec) + 3];

	memcpy(buf, stored_vec, sizeof(stored_vec));
	memset(buf + sizeof(stored_vec), 0xff, 3);
	KTEST_EXPECT_EQ(t, run_raw(buf, sizeof(buf)), sizeof(stored_vec));
}

static void gzip_members(struct ktest *t)
{
	const u8 *second = multi_vec + MULTI_FIRST_LEN;
	size_t second_len = sizeof(multi_vec) - MULTI_FIRST_LEN;

	KTEST_EXPECT_EQ(t, run_gzip(multi_vec, sizeof(multi_vec)),
			MULTI_FIRST_LEN);
	KTEST_ASSERT_EQ(t, sink.len, 13);
	KTEST_EXPECT_MEMEQ(t, sink.buf, "first member\n", 13);
	KTEST_EXPECT_EQ(t, state.crc, 0x0a85f4a7);

	KTEST_EXPECT_EQ(t, run_gzip(second, second_len), second_len);
	KTEST_ASSERT_EQ(t, sink.len, sizeof(text) - 1);
	KTEST_EXPECT_MEMEQ(t, sink.buf, text, sizeof(text) - 1);
}

static void crc_and_length_errors(struct ktest *t)
{
	u8 buf[MULTI_FIRST_LEN];

	memcpy(buf, multi_vec, sizeof(buf));
	buf[sizeof(buf) - 8] ^= 1;		/* CRC32 */
	KTEST_EXPECT_EQ(t, run_gzip(buf, sizeof(buf)), -EBADMSG);
	KTEST_EXPECT_STREQ(t, state.error, "crc error");
	KTEST_EXPECT_EQ(t, state.error_offset, sizeof(buf));

	memcpy(buf, multi_vec, sizeof(buf));
	buf[sizeof(buf) - 4] ^= 1;		/* ISIZE */
	KTEST_EXPECT_EQ(t, run_gzip(buf, sizeof(buf)), -EBADMSG);
	KTEST_EXPECT_STREQ(t, state.error, "length error");
}

/* Every proper prefix ends inside the stream: never a success. */
static void truncated(struct ktest *t)
{
	size_t n;

	for (n = 0; n < sizeof(dynamic_vec); n++) {
		if (run_raw(dynamic_vec, n) != -ENODATA)
			ktest_fail_at(t, __FILE__, __LINE__,
				      "%zu of %zu bytes: %ld, not -ENODATA", n,
				      sizeof(dynamic_vec),
				      run_raw(dynamic_vec, n));
		else if (state.error_offset != n)
			ktest_fail_at(t, __FILE__, __LINE__,
				      "%zu bytes: error at %zu", n,
				      state.error_offset);
	}
	for (n = 0; n < MULTI_FIRST_LEN; n++)
		if (run_gzip(multi_vec, n) != -ENODATA)
			ktest_fail_at(t, __FILE__, __LINE__,
				      "gzip cut at %zu: not -ENODATA", n);
	KTEST_EXPECT_STREQ(t, state.error, "unexpected end of input");
}

static void distance_too_far(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, run_raw(far_vec, sizeof(far_vec)), -EINVAL);
	KTEST_EXPECT_STREQ(t, state.error, "invalid distance too far back");
	/* The literal before it was decoded but never flushed. */
	KTEST_EXPECT_EQ(t, state.total_out, 1);
	KTEST_EXPECT_EQ(t, sink.len, 0);
}

static void bad_streams(struct ktest *t)
{
	static const u8 type3[] = { 0x07 };
	static const u8 nlen[] = { 0x01, 0x01, 0x00, 0xff, 0xff, 'x' };
	static const u8 not_gzip[] = { 0x1f, 0x8c, 0x08, 0, 0, 0, 0, 0, 0, 3 };
	static const u8 method[] = { 0x1f, 0x8b, 0x07, 0, 0, 0, 0, 0, 0, 3 };
	static const u8 reserved[] = { 0x1f, 0x8b, 0x08, 0x20, 0, 0, 0, 0, 0, 3 };
	u8 buf[MULTI_FIRST_LEN];

	KTEST_EXPECT_EQ(t, run_raw(type3, sizeof(type3)), -EINVAL);
	KTEST_EXPECT_STREQ(t, state.error, "invalid block type");
	KTEST_EXPECT_EQ(t, run_raw(nlen, sizeof(nlen)), -EINVAL);
	KTEST_EXPECT_STREQ(t, state.error, "stored block length mismatch");
	KTEST_EXPECT_EQ(t, state.error_offset, 5);
	KTEST_EXPECT_EQ(t, run_gzip(not_gzip, sizeof(not_gzip)), -EINVAL);
	KTEST_EXPECT_STREQ(t, state.error, "not in gzip format");
	KTEST_EXPECT_EQ(t, run_gzip(method, sizeof(method)), -EINVAL);
	KTEST_EXPECT_STREQ(t, state.error, "unknown compression method");
	KTEST_EXPECT_EQ(t, run_gzip(reserved, sizeof(reserved)), -EINVAL);
	KTEST_EXPECT_STREQ(t, state.error, "reserved gzip flags set");

	/* A header CRC that does not match the header. */
	memcpy(buf, multi_vec, sizeof(buf));
	buf[3] |= 0x02;
	KTEST_EXPECT_EQ(t, run_gzip(buf, sizeof(buf)), -EBADMSG);
	KTEST_EXPECT_STREQ(t, state.error, "header crc error");
}

/* What the flush callback returns stops the decompression. */
static void flush_error(struct ktest *t)
{
	memset(&sink, 0, sizeof(sink));
	sink.len = sizeof(sink.buf) - 4;
	KTEST_EXPECT_EQ(t, inflate_raw(&state, fixed_vec, sizeof(fixed_vec),
				       to_sink, &sink), -ENOSPC);
	KTEST_EXPECT_STREQ(t, state.error, "output rejected");
	/* Memory running out is said as such. */
	KTEST_EXPECT_EQ(t, inflate_raw(&state, fixed_vec, sizeof(fixed_vec),
				       no_memory, NULL), -ENOMEM);
	KTEST_EXPECT_STREQ(t, state.error, "out of memory");
}

static struct ktest_case inflate_cases[] = {
	KTEST_CASE(stored_block),
	KTEST_CASE(fixed_block),
	KTEST_CASE(dynamic_block),
	KTEST_CASE(trailing_bytes_unused),
	KTEST_CASE(gzip_members),
	KTEST_CASE(crc_and_length_errors),
	KTEST_CASE(truncated),
	KTEST_CASE(distance_too_far),
	KTEST_CASE(bad_streams),
	KTEST_CASE(flush_error),
	{}
};

static struct ktest_suite inflate_suite = {
	.name = "inflate",
	.cases = inflate_cases,
};
ktest_register_suite(inflate_suite);
