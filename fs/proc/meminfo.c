// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/meminfo from the page allocator's counters, in Linux's format
 * (format.c).  Keel has no page cache, swap or slab page counters yet:
 * those lines read 0, as they would on a Linux with nothing there.
 */
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/mm.h>
#include <keel/proc_fs.h>
#include <keel/seq_file.h>
#include <asm/pgtable_types.h>

#include "internal.h"

#define PAGES_TO_KB(n)	((n) << (PAGE_SHIFT - 10))

static int meminfo_proc_show(struct seq_file *m, void *v)
{
	struct meminfo mi = {
		.total = PAGES_TO_KB(totalram_pages()),
		.free = PAGES_TO_KB(nr_free_pages()),
		.vmalloc_total = (VMALLOC_END - VMALLOC_START) >> 10,
	};

	mi.available = mi.free;
	meminfo_format(m, &mi);
	return 0;
}

static int proc_meminfo_init(void)
{
	return proc_create_single("meminfo", 0, NULL, meminfo_proc_show) ?
		0 : -ENOMEM;
}
fs_initcall(proc_meminfo_init);
