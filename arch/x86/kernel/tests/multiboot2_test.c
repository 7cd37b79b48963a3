// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the multiboot2 boot-information parser, on structures built
 * here: a complete valid one, and one corruption per check the parser
 * makes.  Runs in the kernel and on the host.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/string.h>
#include <asm/bootinfo.h>

#define MB2_MAGIC	MULTIBOOT2_BOOTLOADER_MAGIC

/* An info structure under construction, in an 8-byte-aligned buffer. */
struct mb2_builder {
	u64 buf[128];
	size_t len;
};

static struct mb2_builder b;
static struct boot_info bi;

static u8 *mb2_base(void)
{
	return (u8 *)b.buf;
}

static void mb2_begin(void)
{
	memset(&b, 0, sizeof(b));
	b.len = sizeof(struct mb2_info_header);
}

static void *mb2_add(u32 type, u32 size)
{
	struct mb2_tag *tag = (void *)(mb2_base() + b.len);

	tag->type = type;
	tag->size = size;
	b.len += ALIGN(size, 8);
	return tag;
}

static void mb2_add_string(u32 type, const char *s)
{
	struct mb2_tag_string *tag = mb2_add(type, sizeof(*tag) + strlen(s) + 1);

	memcpy(tag->string, s, strlen(s) + 1);
}

static void mb2_add_mmap(void)
{
	struct mb2_tag_mmap *mm = mb2_add(MB2_TAG_MMAP, sizeof(*mm) +
					  2 * sizeof(struct mb2_mmap_entry));
	struct mb2_mmap_entry *e = (void *)(mm + 1);

	mm->entry_size = sizeof(*e);
	e[0] = (struct mb2_mmap_entry){ 0, 0x9fc00, MB2_MEMORY_AVAILABLE, 0 };
	e[1] = (struct mb2_mmap_entry){ 0x100000, 0x7ee0000,
					 MB2_MEMORY_AVAILABLE, 0 };
}

static void mb2_finish(void)
{
	struct mb2_info_header *hdr = (void *)mb2_base();

	mb2_add(MB2_TAG_END, sizeof(struct mb2_tag));
	hdr->total_size = b.len;
}

static int parse(void)
{
	return multiboot2_parse(mb2_base(), sizeof(b.buf), MB2_MAGIC, &bi);
}

static void build_valid(void)
{
	struct mb2_tag_module *mod;

	mb2_begin();
	mb2_add_string(MB2_TAG_CMDLINE, "console=ttyS0 quiet");
	mb2_add_string(MB2_TAG_LOADER_NAME, "GRUB 2.06");
	mb2_add_mmap();
	mod = mb2_add(MB2_TAG_MODULE, sizeof(*mod) + 5);
	mod->mod_start = 0x200000;
	mod->mod_end = 0x201000;
	memcpy(mod->cmdline, "init", 5);
	mb2_finish();
}

static void test_valid(struct ktest *t)
{
	build_valid();
	KTEST_ASSERT_EQ(t, parse(), 0);
	KTEST_EXPECT_STREQ(t, bi.cmdline, "console=ttyS0 quiet");
	KTEST_EXPECT_STREQ(t, bi.loader_name, "GRUB 2.06");
	KTEST_ASSERT_EQ(t, bi.nr_mmap, 2);
	KTEST_EXPECT_EQ(t, bi.mmap[1].addr, 0x100000);
	KTEST_EXPECT_EQ(t, bi.mmap[1].len, 0x7ee0000);
	KTEST_EXPECT_EQ(t, bi.mmap[1].type, MB2_MEMORY_AVAILABLE);
	KTEST_ASSERT_EQ(t, bi.nr_modules, 1);
	KTEST_EXPECT_EQ(t, bi.modules[0].start, 0x200000);
	KTEST_EXPECT_EQ(t, bi.modules[0].end, 0x201000);
	KTEST_EXPECT_STREQ(t, bi.modules[0].cmdline, "init");
	KTEST_EXPECT_STREQ(t, bi.error, "");
}

static void test_no_cmdline_is_empty(struct ktest *t)
{
	mb2_begin();
	mb2_finish();
	KTEST_ASSERT_EQ(t, parse(), 0);
	KTEST_EXPECT_STREQ(t, bi.cmdline, "");
	KTEST_EXPECT_NULL(t, bi.loader_name);
	KTEST_EXPECT_EQ(t, bi.nr_mmap, 0);
}

static void test_bad_magic(struct ktest *t)
{
	build_valid();
	KTEST_EXPECT_EQ(t, multiboot2_parse(mb2_base(), sizeof(b.buf),
					    0x2badb002, &bi), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error,
			   "bad boot loader magic 0x2badb002 (want 0x36d76289)");
}

static void test_null_info(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, multiboot2_parse(NULL, 0, MB2_MAGIC, &bi), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "no boot information");
}

static void test_misaligned(struct ktest *t)
{
	build_valid();
	KTEST_EXPECT_EQ(t, multiboot2_parse(mb2_base() + 4, 256, MB2_MAGIC,
					    &bi), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "boot information is not 8-byte aligned");
}

static void test_total_size_too_small(struct ktest *t)
{
	build_valid();
	((struct mb2_info_header *)mb2_base())->total_size = 8;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "boot information size 8 is invalid");
}

static void test_total_size_beyond_mapping(struct ktest *t)
{
	build_valid();
	KTEST_EXPECT_EQ(t, multiboot2_parse(mb2_base(), b.len - 8, MB2_MAGIC,
					    &bi), -EINVAL);
}

static void test_tag_overruns(struct ktest *t)
{
	struct mb2_tag *tag;

	build_valid();
	tag = (void *)(mb2_base() + sizeof(struct mb2_info_header));
	tag->size = 4096;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "tag 1 at offset 8 has bad size 4096");
}

static void test_tag_too_small(struct ktest *t)
{
	struct mb2_tag *tag;

	build_valid();
	tag = (void *)(mb2_base() + sizeof(struct mb2_info_header));
	tag->size = 4;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "tag 1 at offset 8 has bad size 4");
}

static void test_missing_end_tag(struct ktest *t)
{
	mb2_begin();
	mb2_add_string(MB2_TAG_CMDLINE, "x");
	((struct mb2_info_header *)mb2_base())->total_size = b.len;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "no end tag in 24 bytes");
}

static void test_unterminated_cmdline(struct ktest *t)
{
	struct mb2_tag_string *tag;

	mb2_begin();
	tag = mb2_add(MB2_TAG_CMDLINE, sizeof(*tag) + 8);
	memcpy(tag->string, "abcdefgh", 8);
	mb2_finish();
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "command line is not terminated");
}

static void test_module_end_before_start(struct ktest *t)
{
	struct mb2_tag_module *mod;

	mb2_begin();
	mod = mb2_add(MB2_TAG_MODULE, sizeof(*mod) + 1);
	mod->mod_start = 0x3000;
	mod->mod_end = 0x2000;
	mb2_finish();
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error,
			   "module ends (0x2000) before it starts (0x3000)");
}

static void test_bad_mmap_entry_size(struct ktest *t)
{
	struct mb2_tag_mmap *mm;

	mb2_begin();
	mm = mb2_add(MB2_TAG_MMAP, sizeof(*mm) + 24);
	mm->entry_size = 12;
	mb2_finish();
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "memory map entry size 12 is invalid");
}

static void test_end_tag_bad_size(struct ktest *t)
{
	mb2_begin();
	mb2_add(MB2_TAG_END, 16);
	((struct mb2_info_header *)mb2_base())->total_size = b.len;
	KTEST_EXPECT_EQ(t, parse(), -EINVAL);
	KTEST_EXPECT_STREQ(t, bi.error, "end tag at offset 8 has size 16");
}

static void test_acpi_new_preferred(struct ktest *t)
{
	struct mb2_tag *new;

	mb2_begin();
	new = mb2_add(MB2_TAG_ACPI_NEW, sizeof(*new) + 36);
	mb2_add(MB2_TAG_ACPI_OLD, sizeof(struct mb2_tag) + 20);
	mb2_finish();
	KTEST_ASSERT_EQ(t, parse(), 0);
	KTEST_EXPECT_PTR_EQ(t, bi.rsdp, new + 1);
	KTEST_EXPECT_EQ(t, bi.rsdp_len, 36);
	KTEST_EXPECT_EQ(t, bi.rsdp_revision, 2);
}

static void test_memory_type_names(struct ktest *t)
{
	KTEST_EXPECT_STREQ(t, mb2_memory_type_name(1), "usable");
	KTEST_EXPECT_STREQ(t, mb2_memory_type_name(2), "reserved");
	KTEST_EXPECT_STREQ(t, mb2_memory_type_name(3), "ACPI data");
	KTEST_EXPECT_STREQ(t, mb2_memory_type_name(4), "ACPI NVS");
	KTEST_EXPECT_STREQ(t, mb2_memory_type_name(5), "unusable");
	KTEST_EXPECT_STREQ(t, mb2_memory_type_name(77), "reserved");
}

static struct ktest_case multiboot2_cases[] = {
	KTEST_CASE(test_valid),
	KTEST_CASE(test_no_cmdline_is_empty),
	KTEST_CASE(test_bad_magic),
	KTEST_CASE(test_null_info),
	KTEST_CASE(test_misaligned),
	KTEST_CASE(test_total_size_too_small),
	KTEST_CASE(test_total_size_beyond_mapping),
	KTEST_CASE(test_tag_overruns),
	KTEST_CASE(test_tag_too_small),
	KTEST_CASE(test_missing_end_tag),
	KTEST_CASE(test_unterminated_cmdline),
	KTEST_CASE(test_module_end_before_start),
	KTEST_CASE(test_bad_mmap_entry_size),
	KTEST_CASE(test_end_tag_bad_size),
	KTEST_CASE(test_acpi_new_preferred),
	KTEST_CASE(test_memory_type_names),
	{}
};

static struct ktest_suite multiboot2_suite = {
	.name = "multiboot2",
	.cases = multiboot2_cases,
};
ktest_register_suite(multiboot2_suite);
