/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a boot loader passes: the multiboot2 boot information (GRUB) or the
 * PVH start_info (QEMU's -kernel, Xen), and the parsed form the kernel
 * keeps (struct boot_info).  The parsers are pure logic with no kernel
 * dependencies, so they are tested on the host as well.
 */
#ifndef _ASM_X86_BOOTINFO_H
#define _ASM_X86_BOOTINFO_H

#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289

/*
 * The PVH boot protocol (Xen's docs/misc/pvh.pandoc): a 32-bit entry point
 * named by an XEN_ELFNOTE_PHYS32_ENTRY note, entered with EBX pointing at
 * struct hvm_start_info.  Every address in it is physical; 0 means absent.
 */
#define XEN_HVM_START_MAGIC_VALUE	0x336ec578
#define XEN_ELFNOTE_PHYS32_ENTRY	18

#ifndef __ASSEMBLY__

#include <keel/types.h>

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

/* PVH's boot information. */
struct hvm_start_info {
	u32 magic;
	u32 version;		/* 1 adds the memory map */
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;	/* struct hvm_modlist_entry[nr_modules] */
	u64 cmdline_paddr;
	u64 rsdp_paddr;
	/* version 1 */
	u64 memmap_paddr;	/* struct hvm_memmap_table_entry[] */
	u32 memmap_entries;
	u32 reserved;
};

#define HVM_START_INFO_V0_SIZE	offsetof(struct hvm_start_info, memmap_paddr)

struct hvm_modlist_entry {
	u64 paddr;
	u64 size;
	u64 cmdline_paddr;
	u64 reserved;
};

struct hvm_memmap_table_entry {
	u64 addr;
	u64 size;
	u32 type;		/* the e820 types, as MB2_MEMORY_* */
	u32 reserved;
};

#define BOOT_MMAP_MAX		128
#define BOOT_MODULES_MAX	16
#define BOOT_IN_USE_MAX		(2 + BOOT_MODULES_MAX)

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

struct boot_range {
	u64 start;
	u64 size;
};

struct boot_info {
	const char *protocol;		/* "multiboot2" or "PVH" */
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

	/* Physical ranges of boot information still read after parsing. */
	unsigned int nr_in_use;
	struct boot_range in_use[BOOT_IN_USE_MAX];

	char error[96];			/* why parsing failed */
};

/*
 * Parse the boot information at @info (mapped, @avail bytes readable)
 * that came with @magic.  Returns 0, or -EINVAL with bi->error saying what
 * is wrong.  Pointers in @bi point into @info.
 */
int multiboot2_parse(const void *info, size_t avail, u32 magic,
		     struct boot_info *bi);

/*
 * Parse the PVH start_info at physical address @start_info, where physical
 * addresses [0, @mem_size) are readable at @mem.  Returns 0, or -EINVAL
 * with bi->error saying what is wrong.  Strings point into @mem; the
 * memory map is copied.
 */
int pvh_parse(const void *mem, u64 mem_size, u64 start_info,
	      struct boot_info *bi);

/* Set bi->error from @fmt; returns -EINVAL.  For the parsers. */
int boot_info_error(struct boot_info *bi, const char *fmt, ...)
	__printf(2, 3);

/* Record [@start, @start + @size) in bi->in_use; -ENOSPC when full. */
int boot_info_keep(struct boot_info *bi, u64 start, u64 size);

const char *mb2_memory_type_name(u32 type);

#endif /* __ASSEMBLY__ */
#endif /* _ASM_X86_BOOTINFO_H */
