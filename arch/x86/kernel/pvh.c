// SPDX-License-Identifier: GPL-2.0
/*
 * PVH start_info parser: turns what QEMU's "-kernel keel" (through its
 * pvh.bin option ROM) or Xen passes into struct boot_info, as multiboot2.c
 * does for GRUB.  start_info and everything it points at are untrusted
 * input: each physical range must lie inside the readable window and every
 * string must end inside it.  Pure logic, built into the kernel and into
 * the host tests.
 */
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/string.h>
#include <asm/bootinfo.h>

/* An ACPI 2.0 RSDP; a 1.0 one is the first 20 bytes of it. */
#define PVH_RSDP_SIZE	36

struct pvh_window {
	const u8 *mem;
	u64 size;
};

/* The bytes at [@pa, @pa + @len), or NULL if they are not all readable. */
static const void *pvh_map(const struct pvh_window *w, u64 pa, u64 len)
{
	if (!pa || pa > w->size || len > w->size - pa)
		return NULL;
	return w->mem + pa;
}

/* A NUL-terminated string at @pa, or NULL. */
static const char *pvh_string(const struct pvh_window *w, u64 pa)
{
	const char *s = pvh_map(w, pa, 1);

	if (!s || !memchr(s, '\0', w->size - pa))
		return NULL;
	return s;
}

/* Strings are read after parsing: memblock must not hand them out. */
static int keep_string(struct boot_info *bi, u64 pa, const char *s)
{
	if (boot_info_keep(bi, pa, strlen(s) + 1))
		return boot_info_error(bi, "too much boot information to keep");
	return 0;
}

static int parse_memmap(const struct pvh_window *w,
			const struct hvm_start_info *si, struct boot_info *bi)
{
	const struct hvm_memmap_table_entry *e;
	u32 i;

	if (si->version < 1 || !si->memmap_entries)
		return boot_info_error(bi, "no memory map (start_info version %u)",
				       si->version);
	e = pvh_map(w, si->memmap_paddr, (u64)si->memmap_entries * sizeof(*e));
	if (!e)
		return boot_info_error(bi, "memory map at %#llx (%u entries) is out of range",
				       (unsigned long long)si->memmap_paddr,
				       si->memmap_entries);
	for (i = 0; i < si->memmap_entries; i++) {
		if (bi->nr_mmap == BOOT_MMAP_MAX) {
			bi->nr_mmap_dropped++;
			continue;
		}
		bi->mmap[bi->nr_mmap].addr = e[i].addr;
		bi->mmap[bi->nr_mmap].len = e[i].size;
		bi->mmap[bi->nr_mmap].type = e[i].type;
		bi->nr_mmap++;
	}
	return 0;
}

static int parse_module(const struct pvh_window *w, u32 i,
			const struct hvm_modlist_entry *mod, struct boot_info *bi)
{
	struct boot_module *bm = &bi->modules[i];
	unsigned long long cmdline = mod->cmdline_paddr;

	if (!mod->paddr || mod->paddr + mod->size < mod->paddr)
		return boot_info_error(bi, "module %u at %#llx size %#llx is invalid", i,
				       (unsigned long long)mod->paddr,
				       (unsigned long long)mod->size);
	bm->start = mod->paddr;
	bm->end = mod->paddr + mod->size;
	bm->cmdline = "";
	if (!cmdline)
		return 0;
	bm->cmdline = pvh_string(w, cmdline);
	if (!bm->cmdline)
		return boot_info_error(bi, "module %u command line at %#llx is out of range",
				       i, cmdline);
	return keep_string(bi, cmdline, bm->cmdline);
}

static int parse_modules(const struct pvh_window *w,
			 const struct hvm_start_info *si, struct boot_info *bi)
{
	const struct hvm_modlist_entry *mod;
	u32 i;
	int ret;

	if (!si->nr_modules)
		return 0;
	if (si->nr_modules > BOOT_MODULES_MAX)
		return boot_info_error(bi, "more than %d modules", BOOT_MODULES_MAX);
	mod = pvh_map(w, si->modlist_paddr, (u64)si->nr_modules * sizeof(*mod));
	if (!mod)
		return boot_info_error(bi, "module list at %#llx is out of range",
				       (unsigned long long)si->modlist_paddr);
	for (i = 0; i < si->nr_modules; i++) {
		ret = parse_module(w, i, &mod[i], bi);
		if (ret)
			return ret;
	}
	bi->nr_modules = si->nr_modules;
	return 0;
}

int pvh_parse(const void *mem, u64 mem_size, u64 start_info,
	      struct boot_info *bi)
{
	const struct pvh_window w = { mem, mem_size };
	const struct hvm_start_info *si;
	size_t size;
	int ret;

	memset(bi, 0, sizeof(*bi));
	bi->protocol = "PVH";
	bi->cmdline = "";
	si = pvh_map(&w, start_info, HVM_START_INFO_V0_SIZE);
	if (!si)
		return boot_info_error(bi, "start_info at %#llx is out of range",
				       (unsigned long long)start_info);
	if (si->magic != XEN_HVM_START_MAGIC_VALUE)
		return boot_info_error(bi, "bad start_info magic %#x (want %#x)",
				       si->magic, XEN_HVM_START_MAGIC_VALUE);
	size = si->version ? sizeof(*si) : HVM_START_INFO_V0_SIZE;
	if (!pvh_map(&w, start_info, size))
		return boot_info_error(bi, "start_info at %#llx is out of range",
				       (unsigned long long)start_info);

	if (si->cmdline_paddr) {
		bi->cmdline = pvh_string(&w, si->cmdline_paddr);
		if (!bi->cmdline)
			return boot_info_error(bi, "command line at %#llx is out of range",
					       (unsigned long long)si->cmdline_paddr);
		if (keep_string(bi, si->cmdline_paddr, bi->cmdline))
			return -EINVAL;
	}
	if (si->rsdp_paddr) {
		/* Its signature and checksums are checked where it is used. */
		bi->rsdp = pvh_map(&w, si->rsdp_paddr, PVH_RSDP_SIZE);
		if (!bi->rsdp)
			return boot_info_error(bi, "RSDP at %#llx is out of range",
					       (unsigned long long)si->rsdp_paddr);
		bi->rsdp_len = PVH_RSDP_SIZE;
		bi->rsdp_revision = ((const u8 *)bi->rsdp)[15] >= 2 ? 2 : 0;
		boot_info_keep(bi, si->rsdp_paddr, PVH_RSDP_SIZE);
	}
	ret = parse_memmap(&w, si, bi);
	if (ret)
		return ret;
	return parse_modules(&w, si, bi);
}
