// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the pure time helpers: BCD, the MC146818 register decoder
 * (BCD and binary, 12- and 24-hour, century register or not, invalid
 * fields), dates to seconds since 1970, and jiffies comparisons across a
 * wrap.  Runs in the kernel and on the host.
 */
#include <keel/bcd.h>
#include <keel/errno.h>
#include <keel/jiffies.h>
#include <keel/ktest.h>
#include <keel/mc146818rtc.h>

static void test_bcd2bin(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, bcd2bin(0x00), 0);
	KTEST_EXPECT_EQ(t, bcd2bin(0x09), 9);
	KTEST_EXPECT_EQ(t, bcd2bin(0x10), 10);
	KTEST_EXPECT_EQ(t, bcd2bin(0x59), 59);
	KTEST_EXPECT_EQ(t, bcd2bin(0x99), 99);
}

static void test_mktime64(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, mktime64(1970, 1, 1, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, mktime64(1969, 12, 31, 23, 59, 59), -1);
	KTEST_EXPECT_EQ(t, mktime64(2000, 1, 1, 0, 0, 0), 946684800);
	KTEST_EXPECT_EQ(t, mktime64(2000, 2, 29, 12, 0, 0), 951825600);
	KTEST_EXPECT_EQ(t, mktime64(2038, 1, 19, 3, 14, 8), 2147483648LL);
	KTEST_EXPECT_EQ(t, mktime64(2026, 11, 24, 3, 50, 12), 1795492212LL);
	/* 2100 is not a leap year. */
	KTEST_EXPECT_EQ(t, mktime64(2100, 3, 1, 0, 0, 0), 4107542400LL);
}

static void test_decode_bcd_24h(struct ktest *t)
{
	struct mc146818_regs r = { .sec = 0x12, .min = 0x34, .hour = 0x23,
				   .mday = 0x31, .mon = 0x12, .year = 0x99,
				   .status_b = RTC_24H };
	struct rtc_time tm;

	KTEST_ASSERT_EQ(t, mc146818_decode_time(&r, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_year, 99);
	KTEST_EXPECT_EQ(t, tm.tm_mon, 11);
	KTEST_EXPECT_EQ(t, tm.tm_mday, 31);
	KTEST_EXPECT_EQ(t, tm.tm_hour, 23);
	KTEST_EXPECT_EQ(t, tm.tm_min, 34);
	KTEST_EXPECT_EQ(t, tm.tm_sec, 12);
	KTEST_EXPECT_EQ(t, rtc_tm_to_time64(&tm), 946683252);
}

static void test_decode_binary_12h(struct ktest *t)
{
	struct mc146818_regs r = { .sec = 59, .min = 1, .hour = 0x80 | 12,
				   .mday = 1, .mon = 1, .year = 24,
				   .status_b = RTC_DM_BINARY };
	struct rtc_time tm;

	KTEST_ASSERT_EQ(t, mc146818_decode_time(&r, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_hour, 12);		/* 12 PM */
	KTEST_EXPECT_EQ(t, tm.tm_year, 124);
	KTEST_EXPECT_EQ(t, tm.tm_sec, 59);
	r.hour = 0x80 | 1;
	KTEST_ASSERT_EQ(t, mc146818_decode_time(&r, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_hour, 13);		/* 1 PM */
	r.hour = 12;
	KTEST_ASSERT_EQ(t, mc146818_decode_time(&r, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_hour, 0);		/* 12 AM */
	r.hour = 11;
	KTEST_ASSERT_EQ(t, mc146818_decode_time(&r, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_hour, 11);
	r.hour = 0;
	KTEST_EXPECT_EQ(t, mc146818_decode_time(&r, &tm), -EINVAL);
}

static void test_decode_bcd_12h_pm(struct ktest *t)
{
	struct mc146818_regs r = { .sec = 0, .min = 0, .hour = 0x80 | 0x11,
				   .mday = 0x15, .mon = 0x06, .year = 0x30,
				   .status_b = 0 };
	struct rtc_time tm;

	KTEST_ASSERT_EQ(t, mc146818_decode_time(&r, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_hour, 23);
	KTEST_EXPECT_EQ(t, tm.tm_year, 130);
	KTEST_EXPECT_EQ(t, tm.tm_mon, 5);
}

static void test_decode_century(struct ktest *t)
{
	struct mc146818_regs r = { .sec = 0x12, .min = 0x50, .hour = 0x03,
				   .mday = 0x24, .mon = 0x11, .year = 0x26,
				   .century = 0x20, .status_b = RTC_24H };
	struct rtc_time tm;

	KTEST_ASSERT_EQ(t, mc146818_decode_time(&r, &tm), 0);
	KTEST_EXPECT_EQ(t, rtc_tm_to_time64(&tm), 1795492212LL);
	r.century = 0x21;
	KTEST_ASSERT_EQ(t, mc146818_decode_time(&r, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_year, 2126 - 1900);
	/* Without a century register, 70-99 are 19xx and 00-69 20xx. */
	r.century = 0;
	r.year = 0x69;
	KTEST_ASSERT_EQ(t, mc146818_decode_time(&r, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_year, 2069 - 1900);
	r.year = 0x70;
	KTEST_ASSERT_EQ(t, mc146818_decode_time(&r, &tm), 0);
	KTEST_EXPECT_EQ(t, tm.tm_year, 70);
	r.century = 0x18;
	KTEST_EXPECT_EQ(t, mc146818_decode_time(&r, &tm), -EINVAL);
}

static void test_decode_invalid(struct ktest *t)
{
	const struct mc146818_regs good = { .sec = 0, .min = 0, .hour = 0,
					    .mday = 0x28, .mon = 0x02,
					    .year = 0x23, .status_b = RTC_24H };
	struct mc146818_regs r = good;
	struct rtc_time tm;

	KTEST_EXPECT_EQ(t, mc146818_decode_time(&r, &tm), 0);
	r.mday = 0x29;				/* 2023 is not leap */
	KTEST_EXPECT_EQ(t, mc146818_decode_time(&r, &tm), -EINVAL);
	r.year = 0x24;
	KTEST_EXPECT_EQ(t, mc146818_decode_time(&r, &tm), 0);
	r = good;
	r.mon = 0x13;
	KTEST_EXPECT_EQ(t, mc146818_decode_time(&r, &tm), -EINVAL);
	r = good;
	r.mon = 0;
	KTEST_EXPECT_EQ(t, mc146818_decode_time(&r, &tm), -EINVAL);
	r = good;
	r.sec = 0x60;
	KTEST_EXPECT_EQ(t, mc146818_decode_time(&r, &tm), -EINVAL);
	r = good;
	r.hour = 0x24;
	KTEST_EXPECT_EQ(t, mc146818_decode_time(&r, &tm), -EINVAL);
	r = good;
	r.mday = 0;
	KTEST_EXPECT_EQ(t, mc146818_decode_time(&r, &tm), -EINVAL);
}

static void test_time_after_wraps(struct ktest *t)
{
	u64 before_wrap = ~0ULL - 1;

	KTEST_EXPECT_TRUE(t, time_after(5ULL, 3ULL));
	KTEST_EXPECT_FALSE(t, time_after(3ULL, 3ULL));
	KTEST_EXPECT_TRUE(t, time_after_eq(3ULL, 3ULL));
	KTEST_EXPECT_TRUE(t, time_before(3ULL, 5ULL));
	KTEST_EXPECT_TRUE(t, time_after(2ULL, before_wrap));
	KTEST_EXPECT_TRUE(t, time_before(before_wrap, 2ULL));
	KTEST_EXPECT_TRUE(t, time_before_eq(before_wrap, before_wrap));
}

static struct ktest_case time_cases[] = {
	KTEST_CASE(test_bcd2bin),
	KTEST_CASE(test_mktime64),
	KTEST_CASE(test_decode_bcd_24h),
	KTEST_CASE(test_decode_binary_12h),
	KTEST_CASE(test_decode_bcd_12h_pm),
	KTEST_CASE(test_decode_century),
	KTEST_CASE(test_decode_invalid),
	KTEST_CASE(test_time_after_wraps),
	{}
};

static struct ktest_suite time_suite = {
	.name = "time",
	.cases = time_cases,
};
ktest_register_suite(time_suite);
