// SPDX-License-Identifier: GPL-2.0
/*
 * ACPI table discovery.  The RSDP comes from the multiboot2 ACPI tag or,
 * failing that, a scan of the BIOS read-only area; it leads to the XSDT
 * (64-bit pointers) or the RSDT.  Every table is checksummed before use
 * and a bad one is ignored with a warning: firmware data is input too.
 * Tables are reached through the boot direct map (the first 4 GiB).
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <keel/acpi.h>
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/printk.h>
#include <keel/string.h>
#include <asm/page.h>
#include <asm/setup.h>

#define BIOS_ROM_START	0xe0000
#define BIOS_ROM_END	0x100000
#define MAX_TABLES	32

static const struct acpi_table_header *tables[MAX_TABLES];
static unsigned int nr_tables;

static bool rsdp_valid(const struct acpi_table_rsdp *rsdp, size_t avail)
{
	if (avail < ACPI_RSDP_V1_SIZE || memcmp(rsdp->signature, "RSD PTR ", 8) ||
	    acpi_checksum(rsdp, ACPI_RSDP_V1_SIZE))
		return false;
	if (rsdp->revision < 2)
		return true;
	return avail >= sizeof(*rsdp) && rsdp->length >= sizeof(*rsdp) &&
	       rsdp->length <= avail && !acpi_checksum(rsdp, rsdp->length);
}

static const struct acpi_table_rsdp *find_rsdp(void)
{
	unsigned long pa;

	if (boot_info.rsdp && rsdp_valid(boot_info.rsdp, boot_info.rsdp_len))
		return boot_info.rsdp;
	for (pa = BIOS_ROM_START; pa < BIOS_ROM_END; pa += 16)
		if (rsdp_valid(__va(pa), BIOS_ROM_END - pa))
			return __va(pa);
	return NULL;
}

/* A mapped, checksummed table at @pa, or NULL. */
static const struct acpi_table_header *map_table(u64 pa)
{
	const struct acpi_table_header *t;

	if (!pa || pa + sizeof(*t) > BOOT_DIRECT_MAP_SIZE)
		return NULL;
	t = __va(pa);
	if (t->length < sizeof(*t) || pa + t->length > BOOT_DIRECT_MAP_SIZE) {
		pr_warn("table at %#llx has bad length %u, ignoring\n",
			(unsigned long long)pa, t->length);
		return NULL;
	}
	if (acpi_checksum(t, t->length)) {
		pr_warn("[%.4s] at %#llx has a bad checksum, ignoring\n",
			t->signature, (unsigned long long)pa);
		return NULL;
	}
	return t;
}

static void print_table(const struct acpi_table_header *t)
{
	pr_info("%.4s 0x%016llx %06X (v%02u %.6s %.8s %08X %.4s %08X)\n",
		t->signature, (unsigned long long)__pa(t), t->length,
		t->revision, t->oem_id, t->oem_table_id, t->oem_revision,
		t->asl_compiler_id, t->asl_compiler_revision);
}

static void add_table(const struct acpi_table_header *t)
{
	if (!t)
		return;
	if (nr_tables == MAX_TABLES) {
		pr_warn("more than %d tables, ignoring [%.4s]\n", MAX_TABLES,
			t->signature);
		return;
	}
	print_table(t);
	tables[nr_tables++] = t;
}

/* The RSDT holds 32-bit table addresses, the XSDT 64-bit ones. */
static void add_root_entries(const struct acpi_table_header *root,
			     size_t entry_size)
{
	const u8 *p = (const u8 *)(root + 1);
	size_t i, n = (root->length - sizeof(*root)) / entry_size;

	for (i = 0; i < n; i++, p += entry_size) {
		u64 pa = 0;

		memcpy(&pa, p, entry_size);
		add_table(map_table(pa));
	}
}

/* The DSDT is not in the root table: the FADT points at it. */
static void add_dsdt(void)
{
	const struct acpi_table_fadt *fadt =
		(const void *)acpi_get_table("FACP");
	u64 pa;

	if (!fadt)
		return;
	pa = fadt->header.length >= offsetof(struct acpi_table_fadt, x_dsdt) + 8 &&
	     fadt->x_dsdt ? fadt->x_dsdt : fadt->dsdt;
	add_table(map_table(pa));
}

int acpi_table_init(void)
{
	const struct acpi_table_rsdp *rsdp = find_rsdp();
	const struct acpi_table_header *root;
	bool xsdt;

	if (!rsdp) {
		pr_info("no RSDP found; ACPI disabled\n");
		return -ENODEV;
	}
	pr_info("RSDP 0x%016llx %06X (v%02u %.6s)\n",
		(unsigned long long)__pa(rsdp),
		rsdp->revision >= 2 ? rsdp->length : ACPI_RSDP_V1_SIZE,
		rsdp->revision, rsdp->oem_id);
	xsdt = rsdp->revision >= 2 && rsdp->xsdt_physical_address;
	root = map_table(xsdt ? rsdp->xsdt_physical_address :
				rsdp->rsdt_physical_address);
	if (!root) {
		pr_warn("no valid %s; ACPI disabled\n", xsdt ? "XSDT" : "RSDT");
		return -ENODEV;
	}
	print_table(root);
	add_root_entries(root, xsdt ? sizeof(u64) : sizeof(u32));
	add_dsdt();
	return 0;
}

const struct acpi_table_header *acpi_get_table(const char *sig)
{
	unsigned int i;

	for (i = 0; i < nr_tables; i++)
		if (!memcmp(tables[i]->signature, sig, 4))
			return tables[i];
	return NULL;
}
