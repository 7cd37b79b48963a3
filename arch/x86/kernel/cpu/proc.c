// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/cpuinfo for the boot CPU, from CPUID, in the order and format of
 * Linux's x86 show_cpuinfo() (arch/x86/kernel/cpu/proc.c, as there).
 * Keel runs on one CPU; the frequency and bogomips come from the TSC
 * calibration, as Linux's do.
 */
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/proc_fs.h>
#include <keel/seq_file.h>
#include <keel/string.h>
#include <asm/cpufeature.h>
#include <asm/processor.h>
#include <asm/tsc.h>


static void cpuid_model_name(char name[49], u32 max_ext)
{
	u32 w[12];
	unsigned int i;
	char *p = name;

	name[0] = '\0';
	if (max_ext < 0x80000004)
		return;
	for (i = 0; i < 3; i++)
		cpuid(0x80000002 + i, &w[i * 4], &w[i * 4 + 1], &w[i * 4 + 2],
		      &w[i * 4 + 3]);
	memcpy(name, w, 48);
	name[48] = '\0';
	/* Intel pads the name on the left; Linux strips that. */
	while (*p == ' ')
		p++;
	memmove(name, p, strlen(p) + 1);
}

static int cpuinfo_proc_show(struct seq_file *m, void *v)
{
	u32 max_leaf, max_ext, eax, ebx, ecx, edx, sig, apicid, vend[3];
	u32 words[NCAPINTS] = { 0 };
	unsigned int family, model;
	char vendor[13], name[49];
	unsigned long cache_kb = 0, clflush;
	u32 phys_bits = 36, virt_bits = 48;

	cpuid(0, &max_leaf, &vend[0], &vend[2], &vend[1]);
	memcpy(vendor, vend, 12);
	vendor[12] = '\0';
	cpuid(1, &sig, &ebx, &ecx, &edx);
	words[0] = edx;
	words[2] = ecx;
	clflush = ((ebx >> 8) & 0xff) * 8;
	apicid = ebx >> 24;
	cpuid(0x80000000, &max_ext, &eax, &ecx, &edx);
	if (max_ext >= 0x80000001)
		cpuid(0x80000001, &eax, &ebx, &words[3], &words[1]);
	if (max_leaf >= 7)
		cpuid(7, &eax, &words[4], &ecx, &edx);
	if (max_ext >= 0x80000006) {
		cpuid(0x80000006, &eax, &ebx, &ecx, &edx);
		cache_kb = ecx >> 16;
	}
	if (max_ext >= 0x80000008) {
		cpuid(0x80000008, &eax, &ebx, &ecx, &edx);
		phys_bits = eax & 0xff;
		virt_bits = (eax >> 8) & 0xff;
	}
	cpuid_model_name(name, max_ext);

	family = (sig >> 8) & 0xf;
	model = (sig >> 4) & 0xf;
	if (family == 0xf)
		family += (sig >> 20) & 0xff;
	if (family >= 6)
		model += ((sig >> 16) & 0xf) << 4;

	seq_printf(m, "processor\t: 0\n"
		   "vendor_id\t: %s\n"
		   "cpu family\t: %u\n"
		   "model\t\t: %u\n"
		   "model name\t: %s\n"
		   "stepping\t: %u\n",
		   vendor, family, model, name[0] ? name : "unknown",
		   sig & 0xf);
	if (tsc_khz)
		seq_printf(m, "cpu MHz\t\t: %lu.%03lu\n", tsc_khz / 1000,
			   tsc_khz % 1000);
	if (cache_kb)
		seq_printf(m, "cache size\t: %lu KB\n", cache_kb);
	seq_printf(m, "physical id\t: 0\n"
		   "siblings\t: 1\n"
		   "core id\t\t: 0\n"
		   "cpu cores\t: 1\n"
		   "apicid\t\t: %u\n"
		   "initial apicid\t: %u\n"
		   "fpu\t\t: yes\n"
		   "fpu_exception\t: yes\n"
		   "cpuid level\t: %u\n"
		   "wp\t\t: yes\n"
		   "flags\t\t:",
		   apicid, apicid, max_leaf);
	cpu_flags_format(m, words);
	/* Linux's x86 bogomips: loops_per_jiffy is the TSC's, so tsc_khz / 500. */
	seq_printf(m, "\nbugs\t\t:\n"
		   "bogomips\t: %lu.%02lu\n"
		   "clflush size\t: %lu\n"
		   "cache_alignment\t: %lu\n"
		   "address sizes\t: %u bits physical, %u bits virtual\n"
		   "power management:\n\n",
		   tsc_khz / 500, (tsc_khz / 5) % 100, clflush, clflush,
		   phys_bits, virt_bits);
	return 0;
}

static int proc_cpuinfo_init(void)
{
	return proc_create_single("cpuinfo", 0, NULL, cpuinfo_proc_show) ?
		0 : -ENOMEM;
}
fs_initcall(proc_cpuinfo_init);
