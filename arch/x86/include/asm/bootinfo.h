/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The multiboot2 boot information, as GRUB passes it, and the parsed form
 * the kernel keeps (struct boot_info).  The parser is pure logic with no
 * kernel dependencies, so it is tested on the host as well.
 */
#ifndef _ASM_X86_BOOTINFO_H
#define _ASM_X86_BOOTINFO_H

#include <keel/types.h>

#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289

/* Tag types from the multiboot2 specification. */
enum {
	MB2_TAG_END = 0,
	MB2_TAG_CMDLINE = 1,
	MB2_TAG_LOADER_NAME = 2,
	MB2_TAG_MODULE = 3,
	MB2_TAG_BASIC_MEMINFO = 4,
	MB2_TAG_BOOTDEV = 5,
	MB2_TAG_MMAP = 6,
	MB2_TAG_FRAMEBUFFER = 8,
	MB2_TAG_ACPI_OLD = 14,
	MB2_TAG_ACPI_NEW = 15,
};

/* Memory map entry types (they match the BIOS e820 types). */
enum {
	MB2_MEMORY_AVAILABLE = 1,
	MB2_MEMORY_RESERVED = 2,
	MB2_MEMORY_ACPI_RECLAIMABLE = 3,
	MB2_MEMORY_NVS = 4,
	MB2_MEMORY_BADRAM = 5,
};

struct mb2_info_header {
	u32 total_size;
	u32 reserved;
};

struct mb2_tag {
	u32 type;
	u32 size;
};

struct mb2_tag_string {		/* cmdline, loader name */
	u32 type;
	u32 size;
	char string[];
};

struct mb2_tag_module {
	u32 type;
	u32 size;
	u32 mod_start;
	u32 mod_end;
	char cmdline[];
};

struct mb2_tag_basic_meminfo {
	u32 type;
	u32 size;
	u32 mem_lower;		/* KiB below 1 MiB */
	u32 mem_upper;		/* KiB above 1 MiB */
};

struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 zero;
};

struct mb2_tag_mmap {
	u32 type;
	u32 size;
	u32 entry_size;
	u32 entry_version;
	/* struct mb2_mmap_entry entries[], each entry_size bytes */
};

struct mb2_tag_framebuffer {
	u32 type;
	u32 size;
	u64 addr;
	u32 pitch;
	u32 width;
	u32 height;
	u8 bpp;
	u8 fb_type;
	u16 reserved;
};

#define BOOT_MMAP_MAX		128
#define BOOT_MODULES_MAX	16

struct boot_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
};

struct boot_module {
	u64 start;
	u64 end;		/* exclusive */
	const char *cmdline;
};

struct boot_info {
	const char *cmdline;		/* "" when the loader gave none */
	const char *loader_name;	/* NULL when not given */
	u32 mem_lower_kb, mem_upper_kb;
	bool have_meminfo;

	unsigned int nr_mmap;
	struct boot_mmap_entry mmap[BOOT_MMAP_MAX];
	unsigned int nr_mmap_dropped;	/* entries beyond BOOT_MMAP_MAX */

	unsigned int nr_modules;
	struct boot_module modules[BOOT_MODULES_MAX];

	bool have_framebuffer;
	struct {
		u64 addr;
		u32 pitch, width, height;
		u8 bpp, type;
	} fb;

	const void *rsdp;		/* copy inside the boot information */
	u32 rsdp_len;
	u8 rsdp_revision;		/* 0: ACPI 1.0 RSDP, 2: 2.0+ */

	char error[96];			/* why parsing failed */
};

/*
 * Parse the boot information at @info (mapped, @avail bytes readable)
 * that came with @magic.  Returns 0, or -EINVAL with bi->error saying what
 * is wrong.  Pointers in @bi point into @info.
 */
int multiboot2_parse(const void *info, size_t avail, u32 magic,
		     struct boot_info *bi);

const char *mb2_memory_type_name(u32 type);

#endif /* _ASM_X86_BOOTINFO_H */
