// SPDX-License-Identifier: GPL-2.0
/*
 * The names /proc/cpuinfo's "flags" line gives the CPUID feature bits
 * (Linux's arch/x86/kernel/cpu/capflags.c, generated there).  Pure data
 * and formatting: it also runs on the host under ASan/UBSan.
 */
#include <keel/seq_file.h>
#include <asm/cpufeature.h>

/*
 * Linux's x86 capability names for the CPUID words cpuinfo prints, in its
 * word order: leaf 1 EDX, 0x80000001 EDX, leaf 1 ECX, 0x80000001 ECX,
 * leaf 7 EBX.  An empty name is a bit Linux does not show.
 */
static const char *const cpu_flag_names[NCAPINTS][32] = {
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

void cpu_flags_format(struct seq_file *m, const u32 words[NCAPINTS])
{
	unsigned int w, bit;

	for (w = 0; w < NCAPINTS; w++)
		for (bit = 0; bit < 32; bit++)
			if ((words[w] & (1U << bit)) &&
			    cpu_flag_names[w][bit] && cpu_flag_names[w][bit][0])
				seq_printf(m, " %s", cpu_flag_names[w][bit]);
}
