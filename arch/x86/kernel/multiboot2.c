// SPDX-License-Identifier: GPL-2.0
/*
 * Multiboot2 boot-information parser.  The structure comes from the boot
 * loader and is checked as untrusted input: its size, every tag's size and
 * alignment, NUL-terminated strings, and the end tag.  It is pure logic,
 * built into the kernel and into the host tests.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/sprintf.h>
#include <keel/string.h>
#include <asm/bootinfo.h>

#include <stdarg.h>

#define MB2_INFO_MAX	(1U << 20)	/* far above what any loader passes */
#define MB2_TAG_ALIGN	8

int boot_info_error(struct boot_info *bi, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vscnprintf(bi->error, sizeof(bi->error), fmt, args);
	va_end(args);
	return -EINVAL;
}

int boot_info_keep(struct boot_info *bi, u64 start, u64 size)
{
	if (bi->nr_in_use == BOOT_IN_USE_MAX)
		return -ENOSPC;
	bi->in_use[bi->nr_in_use].start = start;
	bi->in_use[bi->nr_in_use].size = size;
	bi->nr_in_use++;
	return 0;
}

/* A string tag must hold its NUL inside the tag. */
static const char *tag_string(const struct mb2_tag *tag, size_t header)
{
	const char *s = (const char *)tag + header;

	if (tag->size <= header || !memchr(s, '\0', tag->size - header))
		return NULL;
	return s;
}

static int parse_mmap(const struct mb2_tag *tag, struct boot_info *bi)
{
	const struct mb2_tag_mmap *mm = (const void *)tag;
	const u8 *p, *end = (const u8 *)tag + tag->size;

	if (tag->size < sizeof(*mm) || mm->entry_size < sizeof(struct mb2_mmap_entry) ||
	    mm->entry_size % 8)
		return boot_info_error(bi, "memory map entry size %u is invalid",
			    tag->size < sizeof(*mm) ? 0 : mm->entry_size);
	for (p = (const u8 *)(mm + 1); p + mm->entry_size <= end;
	     p += mm->entry_size) {
		const struct mb2_mmap_entry *e = (const void *)p;

		if (bi->nr_mmap == BOOT_MMAP_MAX) {
			bi->nr_mmap_dropped++;
			continue;
		}
		bi->mmap[bi->nr_mmap].addr = e->addr;
		bi->mmap[bi->nr_mmap].len = e->len;
		bi->mmap[bi->nr_mmap].type = e->type;
		bi->nr_mmap++;
	}
	return 0;
}

static int parse_module(const struct mb2_tag *tag, struct boot_info *bi)
{
	const struct mb2_tag_module *mod = (const void *)tag;
	const char *cmdline = tag_string(tag, sizeof(*mod));

	if (!cmdline)
		return boot_info_error(bi, "module tag has no terminated command line");
	if (mod->mod_end < mod->mod_start)
		return boot_info_error(bi, "module ends (%#x) before it starts (%#x)",
			    mod->mod_end, mod->mod_start);
	if (bi->nr_modules == BOOT_MODULES_MAX)
		return boot_info_error(bi, "more than %d modules", BOOT_MODULES_MAX);
	bi->modules[bi->nr_modules].start = mod->mod_start;
	bi->modules[bi->nr_modules].end = mod->mod_end;
	bi->modules[bi->nr_modules].cmdline = cmdline;
	bi->nr_modules++;
	return 0;
}

static int parse_tag(const struct mb2_tag *tag, struct boot_info *bi)
{
	switch (tag->type) {
	case MB2_TAG_CMDLINE:
		bi->cmdline = tag_string(tag, sizeof(*tag));
		if (!bi->cmdline)
			return boot_info_error(bi, "command line is not terminated");
		return 0;
	case MB2_TAG_LOADER_NAME:
		bi->loader_name = tag_string(tag, sizeof(*tag));
		return 0;
	case MB2_TAG_MODULE:
		return parse_module(tag, bi);
	case MB2_TAG_BASIC_MEMINFO: {
		const struct mb2_tag_basic_meminfo *m = (const void *)tag;

		if (tag->size < sizeof(*m))
			return boot_info_error(bi, "basic memory tag is short");
		bi->mem_lower_kb = m->mem_lower;
		bi->mem_upper_kb = m->mem_upper;
		bi->have_meminfo = true;
		return 0;
	}
	case MB2_TAG_MMAP:
		return parse_mmap(tag, bi);
	case MB2_TAG_FRAMEBUFFER: {
		const struct mb2_tag_framebuffer *fb = (const void *)tag;

		if (tag->size < sizeof(*fb))
			return boot_info_error(bi, "framebuffer tag is short");
		bi->fb.addr = fb->addr;
		bi->fb.pitch = fb->pitch;
		bi->fb.width = fb->width;
		bi->fb.height = fb->height;
		bi->fb.bpp = fb->bpp;
		bi->fb.type = fb->fb_type;
		bi->have_framebuffer = true;
		return 0;
	}
	case MB2_TAG_ACPI_OLD:
	case MB2_TAG_ACPI_NEW:
		/* Prefer the 2.0 RSDP: it leads to the 64-bit XSDT. */
		if (bi->rsdp && bi->rsdp_revision >= 2)
			return 0;
		bi->rsdp = tag + 1;
		bi->rsdp_len = tag->size - sizeof(*tag);
		bi->rsdp_revision = tag->type == MB2_TAG_ACPI_NEW ? 2 : 0;
		return 0;
	default:
		return 0;	/* other tags are not needed */
	}
}

int multiboot2_parse(const void *info, size_t avail, u32 magic,
		     struct boot_info *bi)
{
	const struct mb2_info_header *hdr = info;
	const u8 *p, *end;

	memset(bi, 0, sizeof(*bi));
	bi->protocol = "multiboot2";
	bi->cmdline = "";
	if (magic != MULTIBOOT2_BOOTLOADER_MAGIC)
		return boot_info_error(bi, "bad boot loader magic %#x (want %#x)", magic,
			    MULTIBOOT2_BOOTLOADER_MAGIC);
	if (!info)
		return boot_info_error(bi, "no boot information");
	if (!IS_ALIGNED((uintptr_t)info, MB2_TAG_ALIGN))
		return boot_info_error(bi, "boot information is not 8-byte aligned");
	if (avail < sizeof(*hdr))
		return boot_info_error(bi, "boot information is truncated");
	if (hdr->total_size < sizeof(*hdr) + sizeof(struct mb2_tag) ||
	    hdr->total_size > MB2_INFO_MAX || hdr->total_size > avail)
		return boot_info_error(bi, "boot information size %u is invalid",
			    hdr->total_size);

	end = (const u8 *)info + hdr->total_size;
	for (p = (const u8 *)(hdr + 1); p + sizeof(struct mb2_tag) <= end;
	     p += ALIGN(((const struct mb2_tag *)p)->size, MB2_TAG_ALIGN)) {
		const struct mb2_tag *tag = (const void *)p;
		size_t off = p - (const u8 *)info;
		int ret;

		if (tag->size < sizeof(*tag) || tag->size > (size_t)(end - p))
			return boot_info_error(bi, "tag %u at offset %zu has bad size %u",
				    tag->type, off, tag->size);
		if (tag->type == MB2_TAG_END)
			return tag->size == sizeof(*tag) ? 0 :
				boot_info_error(bi, "end tag at offset %zu has size %u",
				     off, tag->size);
		ret = parse_tag(tag, bi);
		if (ret)
			return ret;
	}
	return boot_info_error(bi, "no end tag in %u bytes", hdr->total_size);
}

const char *mb2_memory_type_name(u32 type)
{
	switch (type) {
	case MB2_MEMORY_AVAILABLE:
		return "usable";
	case MB2_MEMORY_ACPI_RECLAIMABLE:
		return "ACPI data";
	case MB2_MEMORY_NVS:
		return "ACPI NVS";
	case MB2_MEMORY_BADRAM:
		return "unusable";
	default:
		return "reserved";
	}
}
