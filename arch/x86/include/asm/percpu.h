/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-CPU area the %gs segment base points at, as on Linux x86_64:
 * the fields every code path reads (current, the preempt count) sit at
 * fixed offsets and are read with one %gs-relative instruction, so they
 * are per-CPU without any caller knowing how many CPUs there are.  One
 * CPU has one today (boot_pcpu_hot); SMP gives each CPU its own and points
 * that CPU's MSR_GS_BASE at it.
 *
 * Offset 40 is where GCC's stack protector reads its canary under
 * -mcmodel=kernel by default (%gs:40).  Keel builds with a global canary
 * today (-mstack-protector-guard=global); the slot stays free for a
 * per-CPU one.
 */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

/*
 * The two words the system-call entry reaches before it has a stack
 * (arch/x86/entry/entry_64.S): where the running task's kernel stack
 * ends, and a slot for the user stack pointer while it switches.
 */
#define PCPU_TOP_OF_STACK	24
#define PCPU_USER_SP		32

#ifndef __ASSEMBLY__
#include <keel/compiler.h>
#include <keel/types.h>

struct task_struct;

struct pcpu_hot {
	union {
		struct {
			struct task_struct *current_task;
			unsigned int preempt_count;
			unsigned int cpu_number;
			unsigned int softirq_pending;	/* 1 << nr */
			unsigned int pad0;
			unsigned long top_of_stack;	/* PCPU_TOP_OF_STACK */
			unsigned long user_sp;		/* PCPU_USER_SP */
		};
		u8 pad[40];
	};
	unsigned long stack_canary;	/* %gs:40 */
};

_Static_assert(__builtin_offsetof(struct pcpu_hot, top_of_stack) ==
	       PCPU_TOP_OF_STACK, "entry_64.S reads top_of_stack");
_Static_assert(__builtin_offsetof(struct pcpu_hot, user_sp) == PCPU_USER_SP,
	       "entry_64.S writes user_sp");

extern struct pcpu_hot boot_pcpu_hot;

#define pcpu_hot_offset(field)	__builtin_offsetof(struct pcpu_hot, field)

/*
 * A read the compiler may reuse: the value is a property of the running
 * task (current), which cannot change under it.
 */
#define this_cpu_read_stable(field)					\
	({								\
		__typeof__(boot_pcpu_hot.field) __val;			\
		__asm__("mov %%gs:%c1, %0"				\
			: "=r"(__val) : "i"(pcpu_hot_offset(field)));	\
		__val;							\
	})

#define this_cpu_read(field)						\
	({								\
		__typeof__(boot_pcpu_hot.field) __val;			\
		__asm__ __volatile__("mov %%gs:%c1, %0"			\
				     : "=r"(__val)			\
				     : "i"(pcpu_hot_offset(field))	\
				     : "memory");			\
		__val;							\
	})

#define this_cpu_write(field, val)					\
	__asm__ __volatile__("mov %0, %%gs:%c1"				\
			     : : "r"((__typeof__(boot_pcpu_hot.field))(val)), \
			       "i"(pcpu_hot_offset(field)) : "memory")

/* One instruction, so an interrupt sees the count before or after. */
#define this_cpu_add(field, val)					\
	__asm__ __volatile__("add %0, %%gs:%c1"				\
			     : : "r"((__typeof__(boot_pcpu_hot.field))(val)), \
			       "i"(pcpu_hot_offset(field)) : "memory")

/* Point this CPU's %gs at @area; before it, nothing may use current. */
void load_percpu_segment(struct pcpu_hot *area);

#endif /* __ASSEMBLY__ */
#endif /* _ASM_X86_PERCPU_H */
