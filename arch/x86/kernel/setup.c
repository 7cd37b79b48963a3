// SPDX-License-Identifier: GPL-2.0
/*
 * setup_arch(): read what the boot loader passed (multiboot2 from GRUB, or
 * PVH start_info from QEMU's -kernel), keep the
 * command line, log the physical memory map, calibrate the clock and find
 * the ACPI tables.
 * Boot information that is missing or corrupt stops the boot with a
 * message saying what is wrong: nothing after this can work without it.
 */
#include <keel/acpi.h>
#include <keel/init.h>
#include <keel/memblock.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/string.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/setup.h>

struct boot_info boot_info;

static void print_memory_map(const struct boot_info *bi)
{
	unsigned int i;

	pr_info("Physical RAM map (from the boot loader):\n");
	for (i = 0; i < bi->nr_mmap; i++) {
		const struct boot_mmap_entry *e = &bi->mmap[i];

		pr_info("%s: [mem 0x%016llx-0x%016llx] %s\n",
			bi->protocol, (unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->len - 1),
			mb2_memory_type_name(e->type));
	}
	if (bi->nr_mmap_dropped)
		pr_warn("%s: %u memory map entries beyond %d ignored\n",
			bi->protocol, bi->nr_mmap_dropped, BOOT_MMAP_MAX);
}

/* Only the boot direct map can be read this early. */
static void parse_boot_info(void)
{
	const void *info = NULL;
	size_t avail = 0;
	int ret;

	if (boot_loader_magic == XEN_HVM_START_MAGIC_VALUE) {
		ret = pvh_parse(__va(0), BOOT_DIRECT_MAP_SIZE, boot_info_phys,
				&boot_info);
	} else {
		if (boot_info_phys && boot_info_phys < BOOT_DIRECT_MAP_SIZE) {
			info = __va(boot_info_phys);
			avail = BOOT_DIRECT_MAP_SIZE - boot_info_phys;
		}
		ret = multiboot2_parse(info, avail, boot_loader_magic,
				       &boot_info);
		if (!ret)
			boot_info_keep(&boot_info, boot_info_phys,
				       *(const u32 *)info);
	}
	if (ret)
		panic("%s: invalid boot information at %#llx: %s",
		      boot_info.protocol, (unsigned long long)boot_info_phys,
		      boot_info.error);
}

void setup_arch(void)
{
	parse_boot_info();
	if (strscpy(boot_command_line, boot_info.cmdline,
		    sizeof(boot_command_line)) < 0)
		pr_warn("Command line truncated to %zu bytes\n",
			sizeof(boot_command_line) - 1);
	if (boot_info.loader_name)
		pr_info("Boot loader: %s\n", boot_info.loader_name);
	else
		pr_info("Boot protocol: %s\n", boot_info.protocol);
	print_memory_map(&boot_info);
	memblock_init(&boot_info);
	paging_init();
	tsc_init();
	acpi_table_init();
}
