// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the PVH start_info parser, on a small "physical memory" built
 * here: a complete valid start_info, and one corruption per check the
 * parser makes.  Runs in the kernel and on the host.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/string.h>
#include <asm/bootinfo.h>

/* Physical addresses [0, PHYS_SIZE) of the fake machine. */
#define PHYS_SIZE	8192
#define SI_PA		0x100
#define CMDLINE_PA	0x200
#define MODLIST_PA	0x300
#define MODCMD_PA	0x380
#define RSDP_PA		0x3c0
#define MEMMAP_PA	0x400

static u64 phys[PHYS_SIZE / 8];
static struct boot_info bi;

static void *at(u64 pa)
{
	return (u8 *)phys + pa;
}

static void put_string(u64 pa, const char *s)
{
	memcpy(at(pa), s, strlen(s) + 1);
}

static struct hvm_start_info *si(void)
{
	return at(SI_PA);
}

static struct hvm_modlist_entry *modlist(void)
{
	return at(MODLIST_PA);
}

static void build_valid(void)
{
	struct hvm_memmap_table_entry *e = at(MEMMAP_PA);
	u8 *rsdp = at(RSDP_PA);

	memset(phys, 0, sizeof(phys));
	*si() = (struct hvm_start_info){
		.magic = XEN_HVM_START_MAGIC_VALUE, .version = 1,
		.nr_modules = 1, .modlist_paddr = MODLIST_PA,
		.cmdline_paddr = CMDLINE_PA, .rsdp_paddr = RSDP_PA,
		.memmap_paddr = MEMMAP_PA, .memmap_entries = 2,
	};
	put_string(CMDLINE_PA, "console=ttyS0 quiet");
	*modlist() = (struct hvm_modlist_entry){ 0x7f00000, 0x1000,
						 MODCMD_PA, 0 };
	put_string(MODCMD_PA, "initramfs");
	memcpy(rsdp, "RSD PTR ", 8);
	rsdp[15] = 2;
	e[0] = (struct hvm_memmap_table_entry){ 0, 0x9fc00,
						MB2_MEMORY_AVAILABLE, 0 };
	e[1] = (struct hvm_memmap_table_entry){ 0xfffc0000, 0x40000,
						MB2_MEMORY_RESERVED, 0 };
}

static int parse(void)
{
	return pvh_parse(phys, PHYS_SIZE, SI_PA, &bi);
}

static void test_valid(struct ktest *t)
{
	build_valid();
	KTEST_ASSERT_EQ(t, parse(), 0);
	KTEST_EXPECT_STREQ(t, bi.protocol, "PVH");
	KTEST_EXPECT_STREQ(t, bi.cmdline, "console=ttyS0 quiet");
	KTEST_EXPECT_PTR_EQ(t, bi.cmdline, at(CMDLINE_PA));
	KTEST_EXPECT_NULL(t, bi.loader_name);
	KTEST_ASSERT_EQ(t, bi.nr_mmap, 2);
	KTEST_EXPECT_EQ(t, bi.mmap[0].addr, 0);
	KTEST_EXPECT_EQ(t, bi.mmap[0].len, 0x9fc00);
	KTEST_EXPECT_EQ(t, bi.mmap[0].type, MB2_MEMORY_AVAILABLE);
	KTEST_EXPECT_EQ(t, bi.mmap[1].addr, 0xfffc0000);
	KTEST_EXPECT_EQ(t, bi.mmap[1].type, MB2_MEMORY_RESERVED);
	KTEST_ASSERT_EQ(t, bi.nr_modules, 1);
	KTEST_EXPECT_EQ(t, bi.modules[0].start, 0x7f00000);
	KTEST_EXPECT_EQ(t, bi.modules[0].end, 0x7f01000);
	KTEST_EXPECT_STREQ(t, bi.modules[0].cmdline, "initramfs");
	KTEST_EXPECT_PTR_EQ(t, bi.rsdp, at(RSDP_PA));
	KTEST_EXPECT_EQ(t, bi.rsdp_len, 36);
	KTEST_EXPECT_EQ(t, bi.rsdp_revision, 2);
	KTEST_EXPECT_STREQ(t, bi.error, "");
}

/* Strings and the RSDP are read later: memblock must keep them. */
static void test_keeps_what_is_read_later(struct ktest *t)
{
	build_valid();
	KTEST_ASSERT_EQ(t, parse(), 0);
	KTEST_ASSERT_EQ(t, bi.nr_in_use, 3);
	KTEST_EXPECT_EQ(t, bi.in_use[0].start, CMDLINE_PA);
	KTEST_EXPECT_EQ(t, bi.in_use[0].size, sizeof("console=ttyS0 quiet"));
	KTEST_EXPECT_EQ(t, bi.in_use[1].start, RSDP_PA);
	KTEST_EXPECT_EQ(t, bi.in_use[1].size, 36);
	KTEST_EXPECT_EQ(t, bi.in_use[2].start, MODCMD_PA);
	KTEST_EXPECT_EQ(t, bi.in_use[2].size, sizeof("initramfs"));
}

static void test_absent_fields(struct ktest *t)
{
	build_valid();
	si()->cmdline_paddr = 0;
	si()->rsdp_paddr = 0;
	si()->nr_modules = 0;
	KTEST_ASSERT_EQ(t, parse(), 0);
	KTEST_EXPECT_STREQ(t, bi.cmdline, "");
	KTEST_EXPECT_NULL(t, bi.rsdp);
	KTEST_EXPECT_EQ(t, bi.nr_modules, 0);
	KTEST_EXPECT_EQ(t, bi.nr_in_use, 0);
}

static void test_module_without_cmdline(struct ktest *t)
{
	build_valid();
	modlist()->cmdline_paddr = 0;
	KTEST_ASSERT_EQ(t, parse(), 0);
	KTEST_EXPECT_STREQ(t, bi.modules[0].cmdline, "");
}

static void test_acpi1_rsdp(struct ktest *t)
{
	build_valid();
	((u8 *)at(RSDP_PA))[15] = 0;
	KTEST_ASSERT_EQ(t, parse(), 0);
	KTEST_EXPECT_EQ(t, bi.rsdp_revision, 0);
}

static void test_bad_magic(struct ktest *t)
{
	build_valid();
	si()->magic = 0x36d76289;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error,
			   "bad start_info magic 0x36d76289 (want 0x336ec578)");
}

static void test_start_info_out_of_range(struct ktest *t)
{
	build_valid();
	KTEST_EXPECT_EQ(t, pvh_parse(phys, PHYS_SIZE, PHYS_SIZE - 8, &bi),
			-EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "start_info at 0x1ff8 is out of range");
	KTEST_EXPECT_EQ(t, pvh_parse(phys, PHYS_SIZE, 0, &bi), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "start_info at 0 is out of range");
	KTEST_EXPECT_EQ(t, pvh_parse(phys, PHYS_SIZE, ~0ULL - 4, &bi), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error,
			   "start_info at 0xfffffffffffffffb is out of range");
}

/* Version 1's memory map fields must fit too, not just version 0's. */
static void test_v1_start_info_straddles_end(struct ktest *t)
{
	u64 pa = PHYS_SIZE - HVM_START_INFO_V0_SIZE;

	build_valid();
	memcpy(at(pa), si(), HVM_START_INFO_V0_SIZE);
	KTEST_EXPECT_EQ(t, pvh_parse(phys, PHYS_SIZE, pa, &bi), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "start_info at 0x1fd8 is out of range");
}

static void test_no_memory_map(struct ktest *t)
{
	build_valid();
	si()->version = 0;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "no memory map (start_info version 0)");
}

static void test_memory_map_out_of_range(struct ktest *t)
{
	build_valid();
	si()->memmap_entries = 0x10000000;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error,
			   "memory map at 0x400 (268435456 entries) is out of range");
}

static void test_memory_map_overflow_dropped(struct ktest *t)
{
	struct hvm_memmap_table_entry *e = at(MEMMAP_PA);
	unsigned int i;

	build_valid();
	for (i = 0; i < BOOT_MMAP_MAX + 3; i++)
		e[i] = (struct hvm_memmap_table_entry){ i * 0x1000, 0x1000,
							MB2_MEMORY_AVAILABLE, 0 };
	si()->memmap_entries = BOOT_MMAP_MAX + 3;
	KTEST_ASSERT_EQ(t, parse(), 0);
	KTEST_EXPECT_EQ(t, bi.nr_mmap, BOOT_MMAP_MAX);
	KTEST_EXPECT_EQ(t, bi.nr_mmap_dropped, 3);
	KTEST_EXPECT_EQ(t, bi.mmap[BOOT_MMAP_MAX - 1].addr,
			(BOOT_MMAP_MAX - 1) * 0x1000);
}

static void test_cmdline_out_of_range(struct ktest *t)
{
	build_valid();
	si()->cmdline_paddr = PHYS_SIZE;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "command line at 0x2000 is out of range");
}

/* A string must end inside the window, not run off its end. */
static void test_cmdline_unterminated(struct ktest *t)
{
	build_valid();
	memset(at(PHYS_SIZE - 16), 'x', 16);
	si()->cmdline_paddr = PHYS_SIZE - 16;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "command line at 0x1ff0 is out of range");
}

static void test_rsdp_out_of_range(struct ktest *t)
{
	build_valid();
	si()->rsdp_paddr = PHYS_SIZE - 20;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "RSDP at 0x1fec is out of range");
}

static void test_too_many_modules(struct ktest *t)
{
	build_valid();
	si()->nr_modules = BOOT_MODULES_MAX + 1;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "more than 16 modules");
}

static void test_modlist_out_of_range(struct ktest *t)
{
	build_valid();
	si()->modlist_paddr = PHYS_SIZE - 16;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "module list at 0x1ff0 is out of range");
}

static void test_module_wraps(struct ktest *t)
{
	build_valid();
	modlist()->size = ~0ULL;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error,
			   "module 0 at 0x7f00000 size 0xffffffffffffffff is invalid");
}

static void test_module_cmdline_out_of_range(struct ktest *t)
{
	build_valid();
	modlist()->cmdline_paddr = 0x100000;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error,
			   "module 0 command line at 0x100000 is out of range");
}

static struct ktest_case pvh_cases[] = {
	KTEST_CASE(test_valid),
	KTEST_CASE(test_keeps_what_is_read_later),
	KTEST_CASE(test_absent_fields),
	KTEST_CASE(test_module_without_cmdline),
	KTEST_CASE(test_acpi1_rsdp),
	KTEST_CASE(test_bad_magic),
	KTEST_CASE(test_start_info_out_of_range),
	KTEST_CASE(test_v1_start_info_straddles_end),
	KTEST_CASE(test_no_memory_map),
	KTEST_CASE(test_memory_map_out_of_range),
	KTEST_CASE(test_memory_map_overflow_dropped),
	KTEST_CASE(test_cmdline_out_of_range),
	KTEST_CASE(test_cmdline_unterminated),
	KTEST_CASE(test_rsdp_out_of_range),
	KTEST_CASE(test_too_many_modules),
	KTEST_CASE(test_modlist_out_of_range),
	KTEST_CASE(test_module_wraps),
	KTEST_CASE(test_module_cmdline_out_of_range),
	{}
};

static struct ktest_suite pvh_suite = {
	.name = "pvh",
	.cases = pvh_cases,
};
ktest_register_suite(pvh_suite);
