// SPDX-License-Identifier: GPL-2.0
/*
 * Pure decoding of ACPI firmware data: table checksums, and the \_S5_
 * package giving the soft-off sleep type.  Keel does not interpret AML;
 * it only decodes that one package, which firmware writes as plain data.
 * Everything here is checked as untrusted input, and also runs in the host
 * tests.
 */
#include <keel/acpi.h>
#include <keel/errno.h>
#include <keel/string.h>

#define AML_ZERO_OP	0x00
#define AML_ONE_OP	0x01
#define AML_BYTE_PREFIX	0x0a
#define AML_PACKAGE_OP	0x12
#define AML_ONES_OP	0xff

u8 acpi_checksum(const void *buf, size_t len)
{
	const u8 *p = buf;
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

/* One package element holding a small integer; returns bytes used or 0. */
static size_t aml_read_int(const u8 *p, const u8 *end, u8 *val)
{
	if (p >= end)
		return 0;
	switch (*p) {
	case AML_ZERO_OP:
	case AML_ONE_OP:
		*val = *p;
		return 1;
	case AML_ONES_OP:
		*val = 0xff;
		return 1;
	case AML_BYTE_PREFIX:
		if (p + 1 >= end)
			return 0;
		*val = p[1];
		return 2;
	default:
		return 0;
	}
}

int acpi_find_s5(const u8 *aml, size_t len, u8 *slp_typa, u8 *slp_typb)
{
	const u8 *end = aml + len, *p;
	size_t n;

	for (p = aml; p + 5 <= end; p++) {
		if (memcmp(p, "_S5_", 4) || p[4] != AML_PACKAGE_OP)
			continue;
		/* PkgLength: bits 7-6 of the lead byte count extra bytes. */
		p += 5;
		if (p >= end)
			return -EINVAL;
		p += 1 + (*p >> 6);
		/* NumElements, then SLP_TYPa and SLP_TYPb. */
		if (p >= end || *p < 2)
			return -EINVAL;
		p++;
		n = aml_read_int(p, end, slp_typa);
		if (!n)
			return -EINVAL;
		if (!aml_read_int(p + n, end, slp_typb))
			return -EINVAL;
		return 0;
	}
	return -ENOENT;
}

