// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the MADT parser on synthetic tables: QEMU's layout (ISA IRQ 0
 * on GSI 2, level-triggered PCI overrides), a local APIC address override,
 * ignored entries, and malformed tables (truncated, zero-length or short
 * entries, no IO-APIC).  Runs in the kernel and on the host.
 */
#include <keel/acpi.h>
#include <keel/errno.h>
#include <keel/ktest.h>
#include <keel/string.h>
#include <asm/madt.h>

struct madt_buf {
	union {
		struct acpi_table_madt madt;
		u8 bytes[256];
	};
};

static void madt_start(struct madt_buf *b)
{
	memset(b, 0, sizeof(*b));
	memcpy(b->madt.header.signature, "APIC", 4);
	b->madt.header.length = sizeof(b->madt);
	b->madt.address = 0xfee00000;
	b->madt.flags = 1;
}

static void madt_add(struct madt_buf *b, const void *entry, u8 len)
{
	memcpy(b->bytes + b->madt.header.length, entry, len);
	b->madt.header.length += len;
}

static void add_lapic(struct madt_buf *b, u8 id, bool enabled)
{
	struct acpi_madt_local_apic e = {
		.header = { ACPI_MADT_TYPE_LOCAL_APIC, sizeof(e) },
		.processor_id = id, .id = id, .lapic_flags = enabled,
	};

	madt_add(b, &e, sizeof(e));
}

static void add_ioapic(struct madt_buf *b, u8 id, u32 address, u32 gsi_base)
{
	struct acpi_madt_io_apic e = {
		.header = { ACPI_MADT_TYPE_IO_APIC, sizeof(e) },
		.id = id, .address = address, .global_irq_base = gsi_base,
	};

	madt_add(b, &e, sizeof(e));
}

static void add_override(struct madt_buf *b, u8 bus, u8 irq, u32 gsi,
			 u16 flags)
{
	struct acpi_madt_interrupt_override e = {
		.header = { ACPI_MADT_TYPE_INTERRUPT_OVERRIDE, sizeof(e) },
		.bus = bus, .source_irq = irq, .global_irq = gsi,
		.inti_flags = flags,
	};

	madt_add(b, &e, sizeof(e));
}

/* What QEMU's firmware builds for one CPU. */
static void build_qemu_madt(struct madt_buf *b)
{
	static const u8 lapic_nmi[6] = { 4, 6, 0xff, 0, 0, 1 };

	madt_start(b);
	add_lapic(b, 0, true);
	add_ioapic(b, 0, 0xfec00000, 0);
	add_override(b, 0, 0, 2, 0);
	add_override(b, 0, 5, 5, 0xd);
	add_override(b, 0, 9, 9, 0xd);
	madt_add(b, lapic_nmi, sizeof(lapic_nmi));
}

static void test_qemu_layout(struct ktest *t)
{
	struct madt_buf b;
	struct madt_info info;

	build_qemu_madt(&b);
	KTEST_ASSERT_EQ(t, madt_parse(&b.madt, &info), 0);
	KTEST_EXPECT_EQ(t, info.lapic_addr, 0xfee00000);
	KTEST_EXPECT_EQ(t, info.nr_cpus, 1);
	KTEST_ASSERT_EQ(t, info.nr_ioapics, 1);
	KTEST_EXPECT_EQ(t, info.ioapics[0].id, 0);
	KTEST_EXPECT_EQ(t, info.ioapics[0].address, 0xfec00000);
	KTEST_EXPECT_EQ(t, info.ioapics[0].gsi_base, 0);
	KTEST_EXPECT_EQ(t, info.nr_overrides, 3);
	KTEST_EXPECT_EQ(t, info.isa_irq[0].gsi, 2);
	KTEST_EXPECT_TRUE(t, info.isa_irq[0].overridden);
	KTEST_EXPECT_EQ(t, info.isa_irq[0].flags, 0);
	KTEST_EXPECT_EQ(t, info.isa_irq[9].gsi, 9);
	KTEST_EXPECT_EQ(t, info.isa_irq[9].flags & ACPI_MADT_TRIGGER_MASK,
			ACPI_MADT_TRIGGER_LEVEL);
	/* No override: the GSI of the same number, bus defaults. */
	KTEST_EXPECT_EQ(t, info.isa_irq[1].gsi, 1);
	KTEST_EXPECT_FALSE(t, info.isa_irq[1].overridden);
	KTEST_EXPECT_EQ(t, info.isa_irq[15].gsi, 15);
}

static void test_disabled_cpus_and_ignored_entries(struct ktest *t)
{
	static const u8 unknown[4] = { 0x7f, 4, 0xaa, 0xbb };
	struct madt_buf b;
	struct madt_info info;

	madt_start(&b);
	add_lapic(&b, 0, true);
	add_lapic(&b, 1, false);
	add_lapic(&b, 2, true);
	madt_add(&b, unknown, sizeof(unknown));
	add_ioapic(&b, 1, 0xfec01000, 24);
	add_override(&b, 1, 3, 30, 0);		/* not ISA */
	add_override(&b, 0, 16, 30, 0);		/* not an ISA IRQ */
	KTEST_ASSERT_EQ(t, madt_parse(&b.madt, &info), 0);
	KTEST_EXPECT_EQ(t, info.nr_cpus, 2);
	KTEST_EXPECT_EQ(t, info.ioapics[0].gsi_base, 24);
	KTEST_EXPECT_EQ(t, info.nr_overrides, 0);
	KTEST_EXPECT_EQ(t, info.isa_irq[3].gsi, 3);
}

static void test_lapic_address_override(struct ktest *t)
{
	struct acpi_madt_local_apic_override e = {
		.header = { ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE, sizeof(e) },
		.address = 0x1fee00000ULL,
	};
	struct madt_buf b;
	struct madt_info info;

	build_qemu_madt(&b);
	madt_add(&b, &e, sizeof(e));
	KTEST_ASSERT_EQ(t, madt_parse(&b.madt, &info), 0);
	KTEST_EXPECT_EQ(t, info.lapic_addr, 0x1fee00000ULL);
}

static void test_too_many_ioapics(struct ktest *t)
{
	struct madt_buf b;
	struct madt_info info;
	unsigned int i;

	madt_start(&b);
	for (i = 0; i < MAX_IO_APICS + 2; i++)
		add_ioapic(&b, i, 0xfec00000 + i * 0x1000, i * 24);
	KTEST_ASSERT_EQ(t, madt_parse(&b.madt, &info), 0);
	KTEST_EXPECT_EQ(t, info.nr_ioapics, MAX_IO_APICS);
	KTEST_EXPECT_EQ(t, info.ioapics[MAX_IO_APICS - 1].id, MAX_IO_APICS - 1);
}

static void test_malformed(struct ktest *t)
{
	static const u8 zero_length[2] = { 0, 0 };
	static const u8 short_ioapic[8] = { ACPI_MADT_TYPE_IO_APIC, 8 };
	struct madt_buf b;
	struct madt_info info;

	build_qemu_madt(&b);
	b.madt.header.length -= 1;		/* the last entry overruns */
	KTEST_EXPECT_EQ(t, madt_parse(&b.madt, &info), -EINVAL);

	build_qemu_madt(&b);
	madt_add(&b, zero_length, sizeof(zero_length));
	KTEST_EXPECT_EQ(t, madt_parse(&b.madt, &info), -EINVAL);

	build_qemu_madt(&b);
	madt_add(&b, short_ioapic, sizeof(short_ioapic));
	KTEST_EXPECT_EQ(t, madt_parse(&b.madt, &info), -EINVAL);

	build_qemu_madt(&b);
	b.madt.header.length = sizeof(b.madt) - 1;
	KTEST_EXPECT_EQ(t, madt_parse(&b.madt, &info), -EINVAL);

	/* A single byte left over cannot hold an entry header. */
	build_qemu_madt(&b);
	b.madt.header.length += 1;
	KTEST_EXPECT_EQ(t, madt_parse(&b.madt, &info), -EINVAL);
}

static void test_no_ioapic(struct ktest *t)
{
	struct madt_buf b;
	struct madt_info info;

	madt_start(&b);
	add_lapic(&b, 0, true);
	KTEST_EXPECT_EQ(t, madt_parse(&b.madt, &info), -ENODEV);
	KTEST_EXPECT_EQ(t, info.nr_cpus, 1);
}

static struct ktest_case madt_cases[] = {
	KTEST_CASE(test_qemu_layout),
	KTEST_CASE(test_disabled_cpus_and_ignored_entries),
	KTEST_CASE(test_lapic_address_override),
	KTEST_CASE(test_too_many_ioapics),
	KTEST_CASE(test_malformed),
	KTEST_CASE(test_no_ioapic),
	{}
};

static struct ktest_suite madt_suite = {
	.name = "madt",
	.cases = madt_cases,
};
ktest_register_suite(madt_suite);
