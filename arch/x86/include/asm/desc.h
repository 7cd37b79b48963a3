/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Descriptor tables: the GDT with its 64-bit TSS, and the IDT.  The TSS
 * gives the stack an interrupt from user mode starts on (sp0, the top of
 * the running task's kernel stack) and, in its interrupt stack table,
 * the stacks of double faults, NMIs and machine checks, known-good even
 * when the kernel stack itself is broken.
 */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <keel/compiler.h>
#include <keel/types.h>

#define GDT_ENTRY_TSS		8	/* takes two slots */
#define GDT_ENTRIES		16
#define __TSS_SELECTOR		(GDT_ENTRY_TSS * 8)

/* Interrupt stack table slots (1-based in the IDT gate). */
#define IST_DOUBLE_FAULT	1
#define IST_NMI			2
#define IST_MCE			3
#define N_EXCEPTION_STACKS	3
#define EXCEPTION_STACK_SIZE	4096

struct tss_struct {
	u32 reserved0;
	u64 sp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 io_bitmap_base;
} __packed;

struct desc_ptr {
	u16 size;
	u64 address;
} __packed;

struct gate_desc {
	u16 offset_low;
	u16 segment;
	u8 ist;
	u8 type_attr;
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __packed;

#define NR_VECTORS		256
#define NR_EXCEPTIONS		32

extern struct tss_struct cpu_tss;

void cpu_init(void);
void idt_setup(void);

/* The stack an interrupt or system call from user mode starts on. */
void load_sp0(unsigned long sp0);

#endif /* _ASM_X86_DESC_H */
