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

/*
 * Linux's x86 capability names for the CPUID words cpuinfo prints, in its
 * word order: leaf 1 EDX, 0x80000001 EDX, leaf 1 ECX, 0x80000001 ECX,
 * leaf 7 EBX.  An empty name is a bit Linux does not show.
 */
static const char *const cpu_flag_names[5][32] = {
	{ "fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8",
	  "apic", "", "sep", "mtrr", "pge", "mca", "cmov", "pat", "pse36",
	  "pn", "clflush", "", "dts", "acpi", "mmx", "fxsr", "sse", "sse2",
	  "ss", "ht", "tm", "ia64", "pbe" },
	{ [11] = "syscall", [19] = "mp", [20] = "nx", [22] = "mmxext",
	  [25] = "fxsr_opt", [26] = "pdpe1gb", [27] = "rdtscp", [29] = "lm",
	  [30] = "3dnowext", [31] = "3dnow" },
	{ "pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx",
	  "est", "tm2", "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr", "pdcm",
	  "", "pcid", "dca", "sse4_1", "sse4_2", "x2apic", "movbe", "popcnt",
	  "tsc_deadline_timer", "aes", "xsave", "", "avx", "f16c", "rdrand",
	  "hypervisor" },
	{ "lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm",
	  "sse4a", "misalignsse", "3dnowprefetch", "osvw", "ibs", "xop",
	  "skinit", "wdt", "", "lwp", "fma4", "tce", "", "nodeid_msr", "",
	  "tbm", "topoext", "perfctr_core", "perfctr_nb", "", "bpext", "ptsc",
	  "perfctr_llc", "mwaitx" },
	{ "fsgsbase", "tsc_adjust", "sgx", "bmi1", "hle", "avx2", "", "smep",
	  "bmi2", "erms", "invpcid", "rtm", "cqm", "", "mpx", "rdt_a",
	  "avx512f", "avx512dq", "rdseed", "adx", "smap", "avx512ifma", "",
	  "clflushopt", "clwb", "intel_pt", "avx512pf", "avx512cd", "sha_ni",
	  "avx512bw", "avx512vl" },
};

void cpu_flags_format(struct seq_file *m, const u32 words[5])
{
	unsigned int w, bit;

	for (w = 0; w < 5; w++)
		for (bit = 0; bit < 32; bit++)
			if ((words[w] & (1U << bit)) &&
			    cpu_flag_names[w][bit] && cpu_flag_names[w][bit][0])
				seq_printf(m, " %s", cpu_flag_names[w][bit]);
}
