// SPDX-License-Identifier: GPL-2.0
/*
 * The boot CPU's GDT and TSS, and what user mode needs of the CPU.
 * head_64.S gets into long mode with a GDT of kernel segments only;
 * cpu_init() replaces it with one that also holds the user segments and
 * a TSS, whose interrupt stack table gives double faults, NMIs and
 * machine checks their own stacks.  It points the SYSCALL MSRs at the
 * system-call entry, lets user programs use SSE (FXSAVE state), and turns
 * on SMEP and SMAP, so that the kernel neither runs nor touches user
 * pages except through the user-access helpers.  Per-CPU copies come with
 * SMP.
 */
#include <keel/kernel.h>
#include <keel/string.h>
#include <asm/desc.h>
#include <asm/msr-index.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/syscall.h>
#include <asm/segment.h>
#include <asm/tlbflush.h>
#include <asm/uaccess.h>

#define X86_CR4_SMEP		(1UL << 20)
#define X86_CR4_SMAP		(1UL << 21)
#define CPUID7_EBX_SMEP		(1U << 7)
#define CPUID7_EBX_SMAP		(1U << 20)

bool smap_enabled;

static u64 gdt[GDT_ENTRIES] __aligned(16) = {
	[GDT_ENTRY_KERNEL32_CS]	= GDT_KERNEL32_CS,
	[GDT_ENTRY_KERNEL_CS]	= GDT_KERNEL_CS,
	[GDT_ENTRY_KERNEL_DS]	= GDT_KERNEL_DS,
	[GDT_ENTRY_DEFAULT_USER32_CS] = GDT_USER32_CS,
	[GDT_ENTRY_DEFAULT_USER_DS] = GDT_USER_DS,
	[GDT_ENTRY_DEFAULT_USER_CS] = GDT_USER_CS,
};

struct tss_struct cpu_tss __aligned(16);

static u8 exception_stacks[N_EXCEPTION_STACKS][EXCEPTION_STACK_SIZE]
	__aligned(16);

/* Present, DPL 0, system type 9: an available 64-bit TSS. */
#define GDT_FLAGS_TSS		0x0089

/*
 * A 64-bit TSS descriptor spans two GDT slots: the segment descriptor of
 * the low 32 bits of the base, then the high 32 bits.
 */
static void set_tss_desc(u64 *desc, const struct tss_struct *t)
{
	u64 base = (u64)t;

	/* The encodings the SDM gives for flat 32-bit and 64-bit segments. */
	BUILD_BUG_ON(GDT_KERNEL32_CS != 0x00cf9a000000ffffULL);
	BUILD_BUG_ON(GDT_KERNEL_CS != 0x00af9a000000ffffULL);
	BUILD_BUG_ON(GDT_KERNEL_DS != 0x00cf92000000ffffULL);

	desc[0] = GDT_ENTRY(GDT_FLAGS_TSS, base & 0xffffffff, sizeof(*t) - 1);
	desc[1] = base >> 32;
}

/* Supervisor-mode execution and access prevention, where the CPU has them. */
static void setup_smep_smap(void)
{
	u32 max_leaf, ebx, ecx, edx;

	cpuid(0, &max_leaf, &ebx, &ecx, &edx);
	if (max_leaf < 7)
		return;
	cpuid(7, &max_leaf, &ebx, &ecx, &edx);
	if (ebx & CPUID7_EBX_SMEP)
		write_cr4(read_cr4() | X86_CR4_SMEP);
	if (ebx & CPUID7_EBX_SMAP) {
		write_cr4(read_cr4() | X86_CR4_SMAP);
		smap_enabled = true;
	}
}

void load_sp0(unsigned long sp0)
{
	cpu_tss.sp[0] = sp0;
	this_cpu_write(top_of_stack, sp0);
}

/*
 * SYSCALL enters at entry_SYSCALL_64 with CS and SS from STAR[47:32];
 * SYSRET returns with CS = STAR[63:48] + 16 and SS = STAR[63:48] + 8,
 * which is why the 32-bit user CS sits just below the user DS and CS.
 * The flags in FMASK are cleared on entry: interrupts stay off until the
 * kernel has a stack, AC off so SMAP holds, DF off as C expects.
 */
static void syscall_init(void)
{
	BUILD_BUG_ON(__USER32_CS + 8 != __USER_DS);
	BUILD_BUG_ON(__USER32_CS + 16 != __USER_CS);
	BUILD_BUG_ON(__KERNEL_CS + 8 != __KERNEL_DS);

	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_IF |
	      X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_RF | X86_EFLAGS_AC);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/*
 * x87 and SSE for user programs: no emulation, native error reporting,
 * FXSAVE/FXRSTOR and SSE exceptions enabled.  XSAVE stays off, so user
 * programs see no AVX (glibc checks OSXSAVE) and the 512-byte FXSAVE
 * area is a task's whole FPU state.
 */
static void fpu_init(void)
{
	write_cr0((read_cr0() & ~(X86_CR0_EM | X86_CR0_TS)) | X86_CR0_MP |
		  X86_CR0_NE);
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
}

void cpu_init(void)
{
	struct desc_ptr gdtr = { sizeof(gdt) - 1, (u64)gdt };
	int i;

	for (i = 0; i < N_EXCEPTION_STACKS; i++)
		cpu_tss.ist[i] = (u64)exception_stacks[i] +
				 EXCEPTION_STACK_SIZE;
	/* No I/O bitmap: the base points past the TSS limit. */
	cpu_tss.io_bitmap_base = sizeof(cpu_tss);
	set_tss_desc(&gdt[GDT_ENTRY_TSS], &cpu_tss);

	__asm__ __volatile__("lgdt %0" : : "m"(gdtr));
	__asm__ __volatile__("ltr %w0" : : "r"((u16)__TSS_SELECTOR));
	syscall_init();
	fpu_init();
	setup_smep_smap();
}
