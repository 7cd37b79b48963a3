// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for the feature flag names of /proc/cpuinfo: each word's bits
 * in Linux's order and names, bits Linux does not show left out.  It also
 * runs on the host under ASan/UBSan.
 */
#include <keel/ktest.h>
#include <keel/seq_file.h>
#include <keel/string.h>
#include <asm/cpufeature.h>

static char buf[256];

static void test_flag_names(struct ktest *t)
{
	const u32 words[NCAPINTS] = { 1 | 1 << 4 | 1 << 26, 1 << 29, 1U << 31,
				      1, 1 << 18 };
	struct seq_file m;

	seq_init(&m, buf, sizeof(buf));
	cpu_flags_format(&m, words);
	buf[m.count] = '\0';
	KTEST_EXPECT_STREQ(t, buf, " fpu tsc sse2 lm hypervisor lahf_lm rdseed");
}

static void test_hidden_bits(struct ktest *t)
{
	/* Leaf 1 EDX bit 10 and 0x80000001 EDX bit 0 have no name in Linux. */
	const u32 words[NCAPINTS] = { 1 << 10, 1, 0, 0, 0 };
	struct seq_file m;

	seq_init(&m, buf, sizeof(buf));
	cpu_flags_format(&m, words);
	KTEST_EXPECT_EQ(t, m.count, 0);
}

static struct ktest_case capflags_cases[] = {
	KTEST_CASE(test_flag_names),
	KTEST_CASE(test_hidden_bits),
	{}
};

static struct ktest_suite capflags_suite = {
	.name = "x86_capflags",
	.cases = capflags_cases,
};
ktest_register_suite(capflags_suite);
