/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU instructions wrapped for C: control registers, MSRs, CPUID, TSC,
 * interrupt flag and halting; and the per-task CPU state a task switch
 * saves (struct thread_struct).
 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <keel/compiler.h>
#include <keel/types.h>

#define X86_EFLAGS_CF	(1UL << 0)
#define X86_EFLAGS_FIXED (1UL << 1)	/* always reads 1 */
#define X86_EFLAGS_TF	(1UL << 8)
#define X86_EFLAGS_IF	(1UL << 9)
#define X86_EFLAGS_DF	(1UL << 10)
#define X86_EFLAGS_IOPL	(3UL << 12)
#define X86_EFLAGS_NT	(1UL << 14)
#define X86_EFLAGS_RF	(1UL << 16)
#define X86_EFLAGS_AC	(1UL << 18)

#define X86_CR0_MP	(1UL << 1)
#define X86_CR0_EM	(1UL << 2)
#define X86_CR0_TS	(1UL << 3)
#define X86_CR0_NE	(1UL << 5)
#define X86_CR4_OSFXSR	(1UL << 9)
#define X86_CR4_OSXMMEXCPT (1UL << 10)

/*
 * The x87/SSE state of a task, in the 512-byte FXSAVE layout (Intel SDM
 * vol. 1, 10.5.1), which is also the fpstate of Linux's signal frame.
 */
struct fxregs_state {
	u16 cwd, swd, twd, fop;
	u64 rip, rdp;
	u32 mxcsr, mxcsr_mask;
	u32 st_space[32];
	u32 xmm_space[64];
	u32 padding[24];
} __aligned(16);

/* What a task switch saves and restores besides the general registers. */
struct thread_struct {
	unsigned long sp;		/* kernel stack while switched out */
	unsigned long fsbase;		/* user FS base (arch_prctl) */
	unsigned long gsbase;		/* user GS base (arch_prctl) */
	struct fxregs_state fpu;	/* user x87/SSE registers */
};

#define DEFINE_READ_CR(n)						\
static inline unsigned long read_cr##n(void)				\
{									\
	unsigned long val;						\
	__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(val));		\
	return val;							\
}
DEFINE_READ_CR(0)
DEFINE_READ_CR(2)
DEFINE_READ_CR(3)
DEFINE_READ_CR(4)
#undef DEFINE_READ_CR

static inline void write_cr3(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(val) : "memory");
}

static inline void write_cr0(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(val) : "memory");
}

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr),
			     "a"((u32)(val & 0xffffffff)),
			     "d"((u32)(val >> 32)) : "memory");
}

static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			     : "a"(leaf), "c"(0));
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

static inline void halt(void)
{
	__asm__ __volatile__("hlt" ::: "memory");
}

/*
 * Enable interrupts and halt until one arrives.  "sti; hlt" is atomic on
 * x86 (sti takes effect after the next instruction), so an interrupt that
 * is already pending ends the halt instead of being taken before it.
 */
static inline void safe_halt(void)
{
	__asm__ __volatile__("sti; hlt" ::: "memory");
}

static inline unsigned long native_save_fl(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0" : "=rm"(flags) : : "memory");
	return flags;
}

static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cli" ::: "memory");
}

static inline void local_irq_enable(void)
{
	__asm__ __volatile__("sti" ::: "memory");
}

static inline bool irqs_disabled(void)
{
	return !(native_save_fl() & X86_EFLAGS_IF);
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = native_save_fl();

	local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
	else
		local_irq_disable();
}

#define local_irq_save(flags)	((flags) = arch_local_irq_save())
#define local_irq_restore(flags) arch_local_irq_restore(flags)

/* Stop this CPU for good: interrupts off, halt forever. */
static inline __noreturn void halt_forever(void)
{
	local_irq_disable();
	for (;;)
		halt();
}

#endif /* _ASM_X86_PROCESSOR_H */
