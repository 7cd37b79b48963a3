// SPDX-License-Identifier: GPL-2.0
/*
 * The physical memory map (Linux's arch/x86/kernel/e820.c): the boot
 * loader's map, whichever protocol brought it (multiboot2 or PVH, both in
 * the e820 types), is logged and turned into memblock: usable RAM in whole
 * pages (firmware and ACPI regions are simply not added), firmware
 * regions that overlap RAM reserved, and what is already in use reserved:
 * low memory, the kernel image, the boot information and the modules.
 */
#define pr_fmt(fmt) "e820: " fmt

#include <keel/kernel.h>
#include <keel/memblock.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <asm/page.h>
#include <asm/setup.h>

/* As Linux prints it, "<protocol>: [mem ...] <type>", with no prefix. */
void e820__print_table(const struct boot_info *bi)
{
	unsigned int i;

	printk(KERN_INFO "Physical RAM map (from the boot loader):\n");
	for (i = 0; i < bi->nr_mmap; i++) {
		const struct boot_mmap_entry *e = &bi->mmap[i];

		printk(KERN_INFO "%s: [mem 0x%016llx-0x%016llx] %s\n",
			bi->protocol, (unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->len - 1),
			mb2_memory_type_name(e->type));
	}
	if (bi->nr_mmap_dropped)
		printk(KERN_WARNING "%s: %u memory map entries beyond %d ignored\n",
			bi->protocol, bi->nr_mmap_dropped, BOOT_MMAP_MAX);
}

/* x86_64 with 4-level page tables addresses 2^46 bytes, as in Linux. */
#define MAX_PHYSMEM_BITS	46

/*
 * Early allocations stay below 1 GiB: the boot page tables map it, and
 * paging_init() allocates its page tables while they are still in use.
 */
#define MEMBLOCK_BOOT_LIMIT	(1ULL << 30)

/* The image's bounds, from keel.lds.S; _end is linked in the top 2 GiB. */
extern const char _end[];

static void reserve_or_die(phys_addr_t base, phys_addr_t size,
			   const char *what)
{
	if (memblock_reserve(base, size))
		panic("memblock: cannot reserve %s [mem %#llx-%#llx]", what,
		      (unsigned long long)base,
		      (unsigned long long)(base + size - 1));
}

static bool mmap_entry_is_sane(const struct boot_mmap_entry *e)
{
	u64 end = e->addr + e->len;

	if (!e->len || end < e->addr || end > (1ULL << MAX_PHYSMEM_BITS)) {
		pr_warn("ignoring invalid memory map entry [mem %#llx + %#llx] %s\n",
			(unsigned long long)e->addr,
			(unsigned long long)e->len,
			mb2_memory_type_name(e->type));
		return false;
	}
	return true;
}

static void add_usable_ram(const struct boot_info *bi)
{
	unsigned int i;

	for (i = 0; i < bi->nr_mmap; i++) {
		const struct boot_mmap_entry *e = &bi->mmap[i];
		u64 start = ALIGN(e->addr, PAGE_SIZE);
		u64 end = ALIGN_DOWN(e->addr + e->len, PAGE_SIZE);

		if (e->type != MB2_MEMORY_AVAILABLE || !mmap_entry_is_sane(e))
			continue;
		if (end <= start)
			continue;
		if (memblock_overlaps_region(&memblock.memory, start,
					     end - start))
			pr_warn("[mem %#llx-%#llx] overlaps another usable entry, merged\n",
				(unsigned long long)start,
				(unsigned long long)end - 1);
		if (memblock_add(start, end - start))
			pr_warn("no room for [mem %#llx-%#llx], ignored\n",
				(unsigned long long)start,
				(unsigned long long)end - 1);
	}
}

/*
 * A firmware region that the map also lists as usable stays firmware's:
 * trust the more cautious entry.
 */
static void reserve_firmware_overlaps(const struct boot_info *bi)
{
	unsigned int i;

	for (i = 0; i < bi->nr_mmap; i++) {
		const struct boot_mmap_entry *e = &bi->mmap[i];

		if (e->type == MB2_MEMORY_AVAILABLE || !e->len ||
		    e->addr + e->len < e->addr ||
		    !memblock_overlaps_region(&memblock.memory, e->addr,
					      e->len))
			continue;
		pr_warn("%s [mem %#llx-%#llx] overlaps usable RAM, reserved\n",
			mb2_memory_type_name(e->type),
			(unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->len - 1));
		reserve_or_die(e->addr, e->len, "firmware region");
	}
}

static void reserve_in_use(const struct boot_info *bi)
{
	phys_addr_t image_end = ALIGN(__pa(_end), PAGE_SIZE);
	unsigned int i;

	/* BIOS data, the EBDA, option ROMs and real-mode code live here. */
	reserve_or_die(0, 1ULL << 20, "low memory");
	reserve_or_die(LOAD_PHYSICAL_ADDR, image_end - LOAD_PHYSICAL_ADDR,
		       "kernel image");
	/* Parsed already, but boot_info's strings still point into it. */
	for (i = 0; i < bi->nr_in_use; i++)
		reserve_or_die(bi->in_use[i].start, bi->in_use[i].size,
			       "boot information");
	for (i = 0; i < bi->nr_modules; i++) {
		const struct boot_module *mod = &bi->modules[i];

		if (mod->end > mod->start)
			reserve_or_die(mod->start, mod->end - mod->start,
				       "boot module");
	}
}

void e820__memblock_setup(const struct boot_info *bi)
{
	memblock.current_limit = MEMBLOCK_BOOT_LIMIT;
	add_usable_ram(bi);
	reserve_firmware_overlaps(bi);
	reserve_in_use(bi);
}
