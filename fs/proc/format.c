// SPDX-License-Identifier: GPL-2.0
/*
 * The text of /proc files in Linux's exact formats, from values the
 * callers collect: meminfo, uptime, loadavg and the cpuinfo flag names.
 * Pure code (no kernel state), so the host tests run it too.
 */
#include <keel/kernel.h>
#include <keel/seq_file.h>

#include "internal.h"

/* Linux's show_val_kb(): the name and colon padded to 16, "%8lu kB". */
static void show_val_kb(struct seq_file *m, const char *name,
			unsigned long kb)
{
	seq_printf(m, "%-16s%8lu kB\n", name, kb);
}

void meminfo_format(struct seq_file *m, const struct meminfo *mi)
{
	/* What Keel does not have (swap, page cache LRUs) reads zero. */
	static const char *const zero_fields[] = {
		"SwapCached:", "Active:", "Inactive:", "Active(anon):",
		"Inactive(anon):", "Active(file):", "Inactive(file):",
		"Unevictable:", "Mlocked:", "SwapTotal:", "SwapFree:",
		"Dirty:", "Writeback:", "AnonPages:", "Mapped:", "Shmem:",
	};
	unsigned int i;

	show_val_kb(m, "MemTotal:", mi->total);
	show_val_kb(m, "MemFree:", mi->free);
	show_val_kb(m, "MemAvailable:", mi->available);
	show_val_kb(m, "Buffers:", mi->buffers);
	show_val_kb(m, "Cached:", mi->cached);
	for (i = 0; i < ARRAY_SIZE(zero_fields); i++)
		show_val_kb(m, zero_fields[i], 0);
	show_val_kb(m, "KReclaimable:", 0);
	show_val_kb(m, "Slab:", mi->slab);
	show_val_kb(m, "SReclaimable:", 0);
	show_val_kb(m, "SUnreclaim:", mi->slab);
	show_val_kb(m, "VmallocTotal:", mi->vmalloc_total);
	show_val_kb(m, "VmallocUsed:", mi->vmalloc_used);
}

static void show_centis(struct seq_file *m, u64 ns)
{
	u64 centis = ns / 10000000ULL;

	seq_printf(m, "%llu.%02llu", (unsigned long long)(centis / 100),
		   (unsigned long long)(centis % 100));
}

void uptime_format(struct seq_file *m, u64 uptime_ns, u64 idle_ns)
{
	show_centis(m, uptime_ns);
	seq_putc(m, ' ');
	show_centis(m, idle_ns);
	seq_putc(m, '\n');
}

void loadavg_format(struct seq_file *m, unsigned int running,
		    unsigned int total, int last_pid)
{
	/* No run queue yet: the averages are zero. */
	seq_printf(m, "0.00 0.00 0.00 %u/%u %d\n", running, total, last_pid);
}
