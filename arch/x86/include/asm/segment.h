/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GDT selectors.  Long mode ignores most of a data segment, but the CPU
 * still wants a valid code segment with L=1 and, in 32-bit code, a flat
 * data segment during the switch.
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_KERNEL32_CS	1
#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3

#define __KERNEL32_CS	(GDT_ENTRY_KERNEL32_CS * 8)
#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)

#endif /* _ASM_X86_SEGMENT_H */
