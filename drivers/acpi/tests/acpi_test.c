// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the ACPI data decoders: the table checksum, and the \_S5_
 * package in its encodings (BytePrefix, ZeroOp/OneOp, a multi-byte
 * PkgLength) and its malformed forms.  Runs in the kernel and on the host.
 */
#include <keel/acpi.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/ktest.h>

static void test_checksum(struct ktest *t)
{
	u8 buf[4] = { 0x10, 0x20, 0x30, 0xa0 };

	KTEST_EXPECT_EQ(t, acpi_checksum(buf, sizeof(buf)), 0);
	buf[3] = 0xa1;
	KTEST_EXPECT_EQ(t, acpi_checksum(buf, sizeof(buf)), 1);
	KTEST_EXPECT_EQ(t, acpi_checksum(buf, 0), 0);
}

static void test_s5_byte_prefix(struct ktest *t)
{
	/* Name(_S5_, Package(4) { 5, 7, 0, 0 }) after some other AML. */
	static const u8 aml[] = { 0x10, 0x20, 0x08, '_', 'S', '5', '_', 0x12,
				  0x0a, 0x04, 0x0a, 0x05, 0x0a, 0x07, 0x00,
				  0x00 };
	u8 a = 0xee, b = 0xee;

	KTEST_EXPECT_EQ(t, acpi_find_s5(aml, sizeof(aml), &a, &b), 0);
	KTEST_EXPECT_EQ(t, a, 5);
	KTEST_EXPECT_EQ(t, b, 7);
}

static void test_s5_zero_one_ops(struct ktest *t)
{
	/* QEMU's form: Package(4) { Zero, One, Zero, Zero }. */
	static const u8 aml[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04,
				  0x00, 0x01, 0x00, 0x00 };
	u8 a = 0xee, b = 0xee;

	KTEST_EXPECT_EQ(t, acpi_find_s5(aml, sizeof(aml), &a, &b), 0);
	KTEST_EXPECT_EQ(t, a, 0);
	KTEST_EXPECT_EQ(t, b, 1);
}

static void test_s5_long_pkglength(struct ktest *t)
{
	/* A PkgLength lead byte 0x4N says one more length byte follows. */
	static const u8 aml[] = { '_', 'S', '5', '_', 0x12, 0x40, 0x01, 0x02,
				  0x0a, 0x03, 0xff };
	u8 a = 0, b = 0;

	KTEST_EXPECT_EQ(t, acpi_find_s5(aml, sizeof(aml), &a, &b), 0);
	KTEST_EXPECT_EQ(t, a, 3);
	KTEST_EXPECT_EQ(t, b, 0xff);
}

static void test_s5_missing(struct ktest *t)
{
	static const u8 aml[] = { 0x08, '_', 'S', '4', '_', 0x12, 0x06, 0x04 };
	u8 a, b;

	KTEST_EXPECT_EQ(t, acpi_find_s5(aml, sizeof(aml), &a, &b), -ENOENT);
	KTEST_EXPECT_EQ(t, acpi_find_s5(aml, 0, &a, &b), -ENOENT);
}

static void test_s5_truncated(struct ktest *t)
{
	static const u8 aml[] = { '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x0a };
	u8 a, b;

	KTEST_EXPECT_EQ(t, acpi_find_s5(aml, sizeof(aml), &a, &b), -EINVAL);
	KTEST_EXPECT_EQ(t, acpi_find_s5(aml, 5, &a, &b), -EINVAL);
}

static void test_s5_too_few_elements(struct ktest *t)
{
	static const u8 aml[] = { '_', 'S', '5', '_', 0x12, 0x04, 0x01, 0x00,
				  0x00 };
	u8 a, b;

	KTEST_EXPECT_EQ(t, acpi_find_s5(aml, sizeof(aml), &a, &b), -EINVAL);
}

static void test_s5_not_integer(struct ktest *t)
{
	/* A string where an integer belongs. */
	static const u8 aml[] = { '_', 'S', '5', '_', 0x12, 0x06, 0x02, 0x0d,
				  'x', 0x00, 0x00 };
	u8 a, b;

	KTEST_EXPECT_EQ(t, acpi_find_s5(aml, sizeof(aml), &a, &b), -EINVAL);
}

static struct ktest_case acpi_cases[] = {
	KTEST_CASE(test_checksum),
	KTEST_CASE(test_s5_byte_prefix),
	KTEST_CASE(test_s5_zero_one_ops),
	KTEST_CASE(test_s5_long_pkglength),
	KTEST_CASE(test_s5_missing),
	KTEST_CASE(test_s5_truncated),
	KTEST_CASE(test_s5_too_few_elements),
	KTEST_CASE(test_s5_not_integer),
	{}
};

static struct ktest_suite acpi_suite = {
	.name = "acpi",
	.cases = acpi_cases,
};
ktest_register_suite(acpi_suite);
