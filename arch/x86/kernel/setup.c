// SPDX-License-Identifier: GPL-2.0
/*
 * setup_arch(): read what the boot loader passed (multiboot2 from GRUB, or
 * PVH start_info from QEMU's -kernel), keep the
 * command line, hand the physical memory map to memblock (e820.c),
 * calibrate the clock and find the ACPI tables.
 * Boot information that is missing or corrupt stops the boot with a
 * message saying what is wrong: nothing after this can work without it.
 */
#include <keel/acpi.h>
#include <keel/init.h>
#include <keel/initramfs.h>
#include <keel/memblock.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/string.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/setup.h>

struct boot_info boot_info;

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

#ifdef CONFIG_BLK_DEV_INITRD
/*
 * The initramfs: the module GRUB loaded with "module2 ... initramfs", else
 * the first one (QEMU's -initrd is PVH's only module).  memblock keeps
 * every module's memory reserved.
 */
static void setup_initrd(void)
{
	const struct boot_module *mod = NULL;
	unsigned int i;

	for (i = 0; i < boot_info.nr_modules && !mod; i++)
		if (!strcmp(boot_info.modules[i].cmdline, "initramfs"))
			mod = &boot_info.modules[i];
	if (!mod && boot_info.nr_modules)
		mod = &boot_info.modules[0];
	if (!mod || mod->end <= mod->start)
		return;
	initramfs_info.start = __va(mod->start);
	initramfs_info.size = mod->end - mod->start;
}
#else
static void setup_initrd(void)
{
}
#endif

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
	e820__print_table(&boot_info);
	e820__memblock_setup(&boot_info);
	memblock_print_ranges();
	setup_initrd();
	paging_init();
	tsc_init();
	acpi_table_init();
}
