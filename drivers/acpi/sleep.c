// SPDX-License-Identifier: GPL-2.0
/*
 * ACPI soft-off (S5).  Entering S5 means writing SLP_TYP | SLP_EN to the
 * PM1 control registers the FADT names, where SLP_TYP comes from the \_S5_
 * package in the DSDT's AML (decoded by acpi_find_s5() in utils.c).
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <keel/acpi.h>
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/printk.h>
#include <keel/reboot.h>
#include <keel/string.h>
#include <asm/io.h>

#define SLP_TYP_SHIFT	10
#define SLP_EN		(1 << 13)

static u16 pm1a_cnt, pm1b_cnt;
static u8 s5_typa, s5_typb;

static void acpi_power_off(void)
{
	outw((s5_typa << SLP_TYP_SHIFT) | SLP_EN, pm1a_cnt);
	if (pm1b_cnt)
		outw((s5_typb << SLP_TYP_SHIFT) | SLP_EN, pm1b_cnt);
}

static int acpi_sleep_init(void)
{
	const struct acpi_table_fadt *fadt =
		(const void *)acpi_get_table("FACP");
	const struct acpi_table_header *dsdt = acpi_get_table("DSDT");
	int ret;

	if (!fadt || !dsdt || fadt->header.length < 72 ||
	    !fadt->pm1a_control_block)
		return -ENODEV;
	ret = acpi_find_s5((const u8 *)(dsdt + 1), dsdt->length - sizeof(*dsdt),
			   &s5_typa, &s5_typb);
	if (ret) {
		pr_warn("PM: no usable \\_S5_ in the DSDT (%d)\n", ret);
		return ret;
	}
	pm1a_cnt = fadt->pm1a_control_block;
	pm1b_cnt = fadt->pm1b_control_block;
	pm_power_off = acpi_power_off;
	pr_info("PM: (supports S0 S5)\n");
	return 0;
}
device_initcall(acpi_sleep_init);
