// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's own configuration (CONFIG_IKCONFIG): the .config it was
 * built from, gzip-compressed at build time (kernel/config_data.gz), held
 * between the "IKCFG_ST" and "IKCFG_ED" markers so scripts/extract-ikconfig
 * finds it in an image, and with CONFIG_IKCONFIG_PROC readable as
 * /proc/config.gz, byte for byte.
 */
#include <keel/errno.h>
#include <keel/ikconfig.h>
#include <keel/init.h>
#include <keel/proc_fs.h>
#include <keel/seq_file.h>

asm(".pushsection .rodata, \"a\"\n"
	".ascii \"IKCFG_ST\"\n"
	".global kernel_config_data\n"
	"kernel_config_data:\n"
	".incbin \"kernel/config_data.gz\"\n"
	".global kernel_config_data_end\n"
	"kernel_config_data_end:\n"
	".ascii \"IKCFG_ED\"\n"
	".popsection\n");

#ifdef CONFIG_IKCONFIG_PROC
static int config_gz_proc_show(struct seq_file *m, void *v)
{
	seq_write(m, kernel_config_data,
		  kernel_config_data_end - kernel_config_data);
	return 0;
}

static int ikconfig_init(void)
{
	return proc_create_single("config.gz", 0444, NULL,
				  config_gz_proc_show) ? 0 : -ENOMEM;
}
fs_initcall(ikconfig_init);
#endif
