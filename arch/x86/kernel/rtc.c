// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the CMOS RTC.  The chip updates its registers once a second
 * and they are inconsistent while it does (register A's UIP bit), so the
 * time is read while UIP is clear and read again until two snapshots
 * agree.  The century register's index comes from the ACPI FADT when
 * there is one.  Called once at boot; nothing else touches the ports.
 */
#include <keel/acpi.h>
#include <keel/delay.h>
#include <keel/errno.h>
#include <keel/string.h>
#include <asm/io.h>
#include <asm/rtc.h>

#define RTC_PORT_INDEX		0x70
#define RTC_PORT_DATA		0x71
#define RTC_NMI_DISABLE		0x80	/* keep NMIs off while indexing */
#define FADT_CENTURY_OFFSET	108
#define MAX_TRIES		100	/* 100 x 100 us: longer than an update */

static u8 cmos_read(u8 reg)
{
	outb(RTC_NMI_DISABLE | reg, RTC_PORT_INDEX);
	return inb(RTC_PORT_DATA);
}

static u8 century_register(void)
{
	const struct acpi_table_header *fadt;

	if (!IS_ENABLED(CONFIG_ACPI))
		return 0;
	fadt = acpi_get_table("FACP");
	if (!fadt || fadt->length <= FADT_CENTURY_OFFSET)
		return 0;
	return ((const u8 *)fadt)[FADT_CENTURY_OFFSET];
}

/* False if an update began while reading. */
static bool read_regs(struct mc146818_regs *r, u8 century_reg)
{
	if (cmos_read(RTC_REG_A) & RTC_UIP)
		return false;
	r->sec = cmos_read(RTC_SECONDS);
	r->min = cmos_read(RTC_MINUTES);
	r->hour = cmos_read(RTC_HOURS);
	r->mday = cmos_read(RTC_DAY_OF_MONTH);
	r->mon = cmos_read(RTC_MONTH);
	r->year = cmos_read(RTC_YEAR);
	r->century = century_reg ? cmos_read(century_reg) : 0;
	r->status_b = cmos_read(RTC_REG_B);
	return !(cmos_read(RTC_REG_A) & RTC_UIP);
}

int mach_get_cmos_time(struct rtc_time *tm)
{
	u8 century_reg = century_register();
	struct mc146818_regs a, b;
	int tries;

	for (tries = 0; tries < MAX_TRIES; tries++) {
		if (read_regs(&a, century_reg) && read_regs(&b, century_reg) &&
		    !memcmp(&a, &b, sizeof(a)))
			return mc146818_decode_time(&a, tm);
		udelay(100);
	}
	return -EBUSY;
}
