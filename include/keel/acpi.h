/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPI tables: found from the RSDP the boot loader passed (or the BIOS
 * area), checksummed, and looked up by signature.  Table layouts follow
 * the ACPI specification.
 */
#ifndef _KEEL_ACPI_H
#define _KEEL_ACPI_H

#include <keel/compiler.h>
#include <keel/errno.h>
#include <keel/types.h>

struct acpi_table_rsdp {
	char signature[8];		/* "RSD PTR " */
	u8 checksum;			/* over the first 20 bytes */
	char oem_id[6];
	u8 revision;			/* 0: ACPI 1.0, 2: 2.0+ */
	u32 rsdt_physical_address;
	u32 length;			/* 2.0+ from here */
	u64 xsdt_physical_address;
	u8 extended_checksum;
	u8 reserved[3];
} __packed;

#define ACPI_RSDP_V1_SIZE	20

struct acpi_table_header {
	char signature[4];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	char asl_compiler_id[4];
	u32 asl_compiler_revision;
} __packed;

/* The fields of the FADT ("FACP") Keel uses, at their spec offsets. */
struct acpi_table_fadt {
	struct acpi_table_header header;
	u32 facs;
	u32 dsdt;			/* offset 40 */
	u8 unused1[20];
	u32 pm1a_control_block;		/* offset 64 */
	u32 pm1b_control_block;		/* offset 68 */
	u8 unused2[68];
	u64 x_dsdt;			/* offset 140, ACPI 2.0+ */
} __packed;

#ifdef CONFIG_ACPI
/* Find and check the tables; setup_arch() calls it. */
int acpi_table_init(void);
#else
static inline int acpi_table_init(void)
{
	return -ENODEV;
}
#endif

/* The table with signature @sig, or NULL. */
const struct acpi_table_header *acpi_get_table(const char *sig);

/* Sum of @len bytes, which is 0 for a valid table. */
u8 acpi_checksum(const void *buf, size_t len);

/*
 * Find the \_S5_ package in AML and return its SLP_TYPa/b values:
 * 0, or -ENOENT when there is none, -EINVAL when it is malformed.
 */
int acpi_find_s5(const u8 *aml, size_t len, u8 *slp_typa, u8 *slp_typb);

#endif /* _KEEL_ACPI_H */
