// SPDX-License-Identifier: GPL-2.0
/*
 * paging_init(): replace head_64.S's boot page tables (2 MiB pages over
 * the first 4 GiB, everything writable and executable) by the kernel's
 * own: a direct map of all RAM, the low 1 MiB and the firmware ranges
 * below 4 GiB at PAGE_OFFSET, and the kernel image at __START_KERNEL_map
 * with W^X protections and an unmapped guard page below init_stack.
 * Runs once, on the boot CPU, after memblock knows the RAM.
 */
#include <keel/kernel.h>
#include <keel/memblock.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <asm/bootinfo.h>
#include <asm/msr-index.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/tlbflush.h>

#define EFER_NX		(1UL << 11)
#define X86_FEATURE_NX	(1U << 20)	/* CPUID 0x80000001 EDX */

/* Firmware tables (ACPI) live in these ranges; PCs keep them below 4 GiB. */
#define FIRMWARE_MAP_LIMIT	(4ULL << 30)

extern char _text[], _etext[], _srodata[], _erodata[], _sdata[], _end[];
extern u8 init_stack[], init_stack_guard[];

phys_addr_t direct_map_end;

struct phys_range {
	phys_addr_t start, end;
};

/* RAM, the low 1 MiB and the firmware ranges: at most two per map entry. */
static struct phys_range direct_ranges[2 * BOOT_MMAP_MAX + 1];
static unsigned int nr_direct_ranges;

static void add_direct_range(phys_addr_t start, phys_addr_t end)
{
	start = ALIGN_DOWN(start, PAGE_SIZE);
	end = ALIGN(end, PAGE_SIZE);
	if (start < end && nr_direct_ranges < ARRAY_SIZE(direct_ranges))
		direct_ranges[nr_direct_ranges++] =
			(struct phys_range){ start, end };
}

/* Sort by start and merge overlapping or touching ranges, in place. */
static void merge_direct_ranges(void)
{
	unsigned int i, j, n = 0;

	for (i = 1; i < nr_direct_ranges; i++) {
		struct phys_range r = direct_ranges[i];

		for (j = i; j > 0 && direct_ranges[j - 1].start > r.start; j--)
			direct_ranges[j] = direct_ranges[j - 1];
		direct_ranges[j] = r;
	}
	for (i = 0; i < nr_direct_ranges; i++) {
		if (n && direct_ranges[i].start <= direct_ranges[n - 1].end)
			direct_ranges[n - 1].end = max(direct_ranges[n - 1].end,
						       direct_ranges[i].end);
		else
			direct_ranges[n++] = direct_ranges[i];
	}
	nr_direct_ranges = n;
}

static void map_direct(void)
{
	phys_addr_t start, end;
	unsigned int i = 0;

	add_direct_range(0, 1 << 20);	/* BIOS data, VGA text memory */
	while (memblock_next_range(&i, &start, &end))
		add_direct_range(start, end);
	for (i = 0; i < boot_info.nr_mmap; i++) {
		const struct boot_mmap_entry *e = &boot_info.mmap[i];

		if (e->type != MB2_MEMORY_AVAILABLE &&
		    e->type != MB2_MEMORY_BADRAM &&
		    e->addr < FIRMWARE_MAP_LIMIT)
			add_direct_range(e->addr,
					 min(e->addr + e->len, FIRMWARE_MAP_LIMIT));
	}
	merge_direct_ranges();
	for (i = 0; i < nr_direct_ranges; i++) {
		const struct phys_range *r = &direct_ranges[i];

		pr_info("init_memory_mapping: [mem 0x%08llx-0x%08llx]\n",
			(unsigned long long)r->start,
			(unsigned long long)r->end - 1);
		if (map_pages(&init_mm, (unsigned long)__va(r->start), r->start,
			      r->end - r->start, PAGE_KERNEL, PG_LEVEL_1G))
			panic("x86/mm: out of memory for the direct map");
		direct_map_end = max(direct_map_end, r->end);
	}
}

static void map_image_part(const void *start, const void *end,
			   pgprot_t prot)
{
	unsigned long va = ALIGN_DOWN((unsigned long)start, PAGE_SIZE);
	unsigned long va_end = ALIGN((unsigned long)end, PAGE_SIZE);

	if (map_pages(&init_mm, va, __pa((void *)va), va_end - va, prot,
		      PG_LEVEL_4K))
		panic("x86/mm: out of memory for the kernel image");
}

/*
 * W^X: text is read-only and executable, read-only data is neither
 * writable nor executable, data and BSS are writable but not executable.
 * The page below init_stack stays unmapped: the boot stack's guard.
 */
static void map_kernel_image(void)
{
	map_image_part(_text, _etext, PAGE_KERNEL_ROX);
	map_image_part(_srodata, _erodata, PAGE_KERNEL_RO);
	map_image_part(_sdata, init_stack_guard, PAGE_KERNEL);
	map_image_part(init_stack, _end, PAGE_KERNEL);
}

static void enable_nx(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid(0x80000000, &eax, &ebx, &ecx, &edx);
	if (eax >= 0x80000001) {
		cpuid(0x80000001, &eax, &ebx, &ecx, &edx);
		if (edx & X86_FEATURE_NX) {
			wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NX);
			__supported_pte_mask |= _PAGE_NX;
			pr_info("NX (Execute Disable) protection: active\n");
			return;
		}
	}
	pr_notice("NX (Execute Disable) protection: missing in CPU!\n");
}

void paging_init(void)
{
	enable_nx();
	init_mm.pgd = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	if (!init_mm.pgd)
		panic("x86/mm: out of memory for the page tables");
	map_direct();
	map_kernel_image();
	write_cr3(__pa(init_mm.pgd));
	write_cr4(read_cr4() | X86_CR4_PGE);
}
