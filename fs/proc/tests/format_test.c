// SPDX-License-Identifier: GPL-2.0
/*
 * The /proc formatters and seq_file against Linux's exact text; also run
 * on the host under ASan/UBSan.
 */
#include <keel/ktest.h>
#include <keel/seq_file.h>
#include <keel/string.h>

#include "../internal.h"

static char buf[4096];

static void meminfo_exact(struct ktest *t)
{
	struct meminfo mi = { .total = 16384, .free = 12000,
			      .available = 12000, .slab = 300 };
	struct seq_file m;

	seq_init(&m, buf, sizeof(buf));
	meminfo_format(&m, &mi);
	KTEST_ASSERT_FALSE(t, seq_has_overflowed(&m));
	KTEST_EXPECT_EQ(t, memcmp(buf, "MemTotal:          16384 kB\n"
				  "MemFree:           12000 kB\n"
				  "MemAvailable:      12000 kB\n"
				  "Buffers:               0 kB\n", 112), 0);
	buf[m.count] = '\0';
	KTEST_EXPECT_NOT_NULL(t, strstr(buf, "\nSwapTotal:             0 kB\n"));
	KTEST_EXPECT_NOT_NULL(t, strstr(buf, "\nSlab:                300 kB\n"));
}

static void uptime_exact(struct ktest *t)
{
	struct seq_file m;

	seq_init(&m, buf, sizeof(buf));
	uptime_format(&m, 12345678901ULL, 5670000000ULL);
	KTEST_EXPECT_EQ(t, m.count, 11);
	KTEST_EXPECT_EQ(t, memcmp(buf, "12.34 5.67\n", 11), 0);
	seq_init(&m, buf, sizeof(buf));
	uptime_format(&m, 5000000, 0);
	KTEST_EXPECT_EQ(t, memcmp(buf, "0.00 0.00\n", 10), 0);
}

static void loadavg_exact(struct ktest *t)
{
	struct seq_file m;

	seq_init(&m, buf, sizeof(buf));
	loadavg_format(&m, 1, 1, 1);
	KTEST_EXPECT_EQ(t, m.count, 21);
	KTEST_EXPECT_EQ(t, memcmp(buf, "0.00 0.00 0.00 1/1 1\n", 21), 0);
}

static void seq_overflow_detected(struct ktest *t)
{
	char small[8];
	struct seq_file m;

	seq_init(&m, small, sizeof(small));
	seq_puts(&m, "1234567");
	KTEST_EXPECT_FALSE(t, seq_has_overflowed(&m));
	seq_printf(&m, "%d", 8);
	KTEST_EXPECT_TRUE(t, seq_has_overflowed(&m));
	seq_init(&m, small, sizeof(small));
	seq_printf(&m, "%s", "12345678");
	KTEST_EXPECT_TRUE(t, seq_has_overflowed(&m));
	seq_init(&m, small, sizeof(small));
	seq_write(&m, "12345678", 8);
	KTEST_EXPECT_FALSE(t, seq_has_overflowed(&m));
	KTEST_EXPECT_EQ(t, m.count, 8);
}

/* Reads of any size from any offset concatenate to the whole text. */
static void seq_copy_any_offset(struct ktest *t)
{
	static const char text[] = "Character devices:\n  1 mem\n";
	char out[sizeof(text)];
	struct seq_file m;
	size_t step, got;
	loff_t pos;

	seq_init(&m, buf, sizeof(buf));
	seq_puts(&m, text);
	for (step = 1; step <= sizeof(text); step++) {
		memset(out, 0, sizeof(out));
		pos = 0;
		got = 0;
		while (got < sizeof(text) - 1) {
			size_t n = seq_copy_out(&m, out + got, step, &pos);

			KTEST_ASSERT_NE(t, n, 0);
			got += n;
		}
		KTEST_EXPECT_EQ(t, seq_copy_out(&m, out, step, &pos), 0);
		KTEST_EXPECT_EQ(t, pos, sizeof(text) - 1);
		KTEST_EXPECT_MEMEQ(t, out, text, sizeof(text) - 1);
	}
	pos = 12;
	KTEST_EXPECT_EQ(t, seq_copy_out(&m, out, 5, &pos), 5);
	KTEST_EXPECT_MEMEQ(t, out, "vices", 5);
	pos = 1000;
	KTEST_EXPECT_EQ(t, seq_copy_out(&m, out, 5, &pos), 0);
}

/* seq_get_buf()/seq_commit() take snprintf()-style lengths. */
static void seq_commit_lengths(struct ktest *t)
{
	char small[8], *p;
	struct seq_file m;

	seq_init(&m, small, sizeof(small));
	seq_puts(&m, "ab");
	KTEST_EXPECT_EQ(t, seq_get_buf(&m, &p), 6);
	KTEST_EXPECT_PTR_EQ(t, p, small + 2);
	memcpy(p, "cdefg", 5);
	seq_commit(&m, 5);		/* 5 < 6: fits with its NUL */
	KTEST_EXPECT_EQ(t, m.count, 7);
	KTEST_EXPECT_FALSE(t, seq_has_overflowed(&m));
	KTEST_EXPECT_EQ(t, seq_get_buf(&m, &p), 1);
	seq_commit(&m, 1);		/* no room for the NUL: overflow */
	KTEST_EXPECT_TRUE(t, seq_has_overflowed(&m));
	KTEST_EXPECT_EQ(t, seq_get_buf(&m, &p), 0);
	KTEST_EXPECT_NULL(t, p);

	seq_init(&m, small, sizeof(small));
	seq_commit(&m, -12);		/* an error */
	KTEST_EXPECT_TRUE(t, seq_has_overflowed(&m));
}

static struct ktest_case proc_format_cases[] = {
	KTEST_CASE(meminfo_exact),
	KTEST_CASE(uptime_exact),
	KTEST_CASE(loadavg_exact),
	KTEST_CASE(seq_overflow_detected),
	KTEST_CASE(seq_copy_any_offset),
	KTEST_CASE(seq_commit_lengths),
	{}
};

static struct ktest_suite proc_format_suite = {
	.name = "proc_format",
	.cases = proc_format_cases,
};
ktest_register_suite(proc_format_suite);
