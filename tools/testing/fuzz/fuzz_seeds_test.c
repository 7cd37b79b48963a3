// SPDX-License-Identifier: GPL-2.0
/*
 * Runs every fuzz seed through the fuzz targets' entry points, as "make
 * fuzz" starts them, and checks the seeds are what they claim to be: the
 * cpio seed parses to its end and the gzip seed holds exactly it.  A host
 * test (tools/testing/host/Makefile), so "make check" covers the entry
 * points without running the fuzzer.
 */
#include <keel/cpio.h>
#include <keel/errno.h>
#include <keel/inflate.h>
#include <keel/ktest.h>
#include <keel/string.h>

#include "fuzz.h"

static void seeds_through_targets(struct ktest *t)
{
	unsigned int i;

	KTEST_EXPECT_EQ(t, nr_fuzz_seeds, 7);
	for (i = 0; i < nr_fuzz_seeds; i++) {
		const struct fuzz_seed *s = &fuzz_seeds[i];

		if (!strcmp(s->target, "cpio"))
			KTEST_EXPECT_EQ(t, fuzz_cpio(s->data, s->size), 0);
		else if (!strcmp(s->target, "inflate"))
			KTEST_EXPECT_EQ(t, fuzz_inflate(s->data, s->size), 0);
	}
}

static unsigned int nr_entries;

static int count(void *priv, const struct cpio_entry *e)
{
	nr_entries++;
	return 0;
}

static const struct cpio_ops count_ops = { .entry = count };
static struct cpio_stream stream;

static void cpio_seed_is_valid(struct ktest *t)
{
	const struct fuzz_seed *s = &fuzz_seeds[0];
	struct cpio_error err = { NULL, 0, 0 };

	nr_entries = 0;
	cpio_init(&stream, &count_ops, NULL, &err);
	KTEST_EXPECT_EQ(t, cpio_parse(&stream, s->data, s->size), s->size);
	KTEST_EXPECT_EQ(t, nr_entries, 7);
}

static struct inflate_state state;
static u8 out[1024];
static size_t out_len;

static int collect(void *priv, const void *buf, size_t len)
{
	if (len > sizeof(out) - out_len)
		return -ENOSPC;
	memcpy(out + out_len, buf, len);
	out_len += len;
	return 0;
}

static void gzip_seed_holds_cpio_seed(struct ktest *t)
{
	const struct fuzz_seed *cpio = &fuzz_seeds[0], *gz = &fuzz_seeds[1];

	out_len = 0;
	KTEST_EXPECT_EQ(t, gunzip(&state, gz->data, gz->size, collect, NULL),
			gz->size);
	KTEST_ASSERT_EQ(t, out_len, cpio->size);
	KTEST_EXPECT_MEMEQ(t, out, cpio->data, out_len);
}

static struct ktest_case fuzz_seeds_cases[] = {
	KTEST_CASE(seeds_through_targets),
	KTEST_CASE(cpio_seed_is_valid),
	KTEST_CASE(gzip_seed_holds_cpio_seed),
	{}
};

static struct ktest_suite fuzz_seeds_suite = {
	.name = "fuzz_seeds",
	.cases = fuzz_seeds_cases,
};
ktest_register_suite(fuzz_seeds_suite);
