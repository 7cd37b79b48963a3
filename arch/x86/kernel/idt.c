// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt descriptor table.  Every CPU exception vector gets an
 * interrupt gate to its entry stub in entry_64.S; the faults that can
 * happen with a broken stack run on an IST stack.  int3 and into may be
 * used by user mode (DPL 3), as in Linux: a debugger's breakpoint is a
 * SIGTRAP, not a #GP.  Vectors 32-255 get an
 * interrupt gate to their stub too; do_IRQ() (irq.c) sorts them out.
 * Only int3 and into may be raised by user code with an INT instruction
 * (DPL 3, Linux's system gates): "int $n" of any other vector is a #GP.
 */
#include <keel/kernel.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/traps.h>

#define GATE_INTERRUPT	0x8e	/* present, DPL 0, 64-bit interrupt gate */
#define GATE_DPL3	0x60	/* ... that user code may raise itself */

extern const char exception_stubs[NR_EXCEPTIONS][16];
extern const char irq_entries_start[NR_VECTORS - NR_EXCEPTIONS][16];

static struct gate_desc idt[NR_VECTORS] __aligned(16);

static void set_gate(unsigned int vector, const void *handler, u8 ist,
		     bool user)
{
	u64 addr = (u64)handler;
	struct gate_desc *g = &idt[vector];

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = GATE_INTERRUPT | (user ? GATE_DPL3 : 0);
	g->offset_middle = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
	g->reserved = 0;
}

static u8 exception_ist(unsigned int vector)
{
	switch (vector) {
	case X86_TRAP_NMI:
		return IST_NMI;
	case X86_TRAP_DF:
		return IST_DOUBLE_FAULT;
	case X86_TRAP_MC:
		return IST_MCE;
	default:
		return 0;
	}
}

void idt_setup(void)
{
	struct desc_ptr idtr = { sizeof(idt) - 1, (u64)idt };
	unsigned int v;

	for (v = 0; v < NR_EXCEPTIONS; v++)
		set_gate(v, exception_stubs[v], exception_ist(v),
			 v == X86_TRAP_BP || v == X86_TRAP_OF);
	for (; v < NR_VECTORS; v++)
		set_gate(v, irq_entries_start[v - NR_EXCEPTIONS], 0, false);
	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}
