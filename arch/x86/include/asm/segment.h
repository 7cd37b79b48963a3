/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GDT selectors, in Linux's layout: the user segments follow the kernel's
 * in the order SYSCALL and SYSRET require (STAR gives the kernel CS, with
 * SS the next slot; and the 32-bit user CS, with the user SS and 64-bit
 * CS the two slots after it), so user programs see Linux's selector
 * values (cs 0x33, ss 0x2b) in their signal frames.  Long mode ignores
 * most of a data segment, but the CPU still wants a valid code segment
 * with L=1 and, in 32-bit code, a flat data segment during the switch.
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#include <keel/const.h>

#define GDT_ENTRY_KERNEL32_CS	1
#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3
#define GDT_ENTRY_DEFAULT_USER32_CS	4
#define GDT_ENTRY_DEFAULT_USER_DS	5
#define GDT_ENTRY_DEFAULT_USER_CS	6

/*
 * A segment descriptor from its access byte and flags nibble (@flags:
 * 0xF0AA, flags F, access AA), @base and 20-bit @limit, in the layout of
 * the Intel SDM vol. 3, 3.4.5; usable from C and assembly.
 */
#define GDT_ENTRY(flags, base, limit)					\
	((((base) & _AC(0xff000000, ULL)) << (56 - 24)) |		\
	 (((flags) & _AC(0x0000f0ff, ULL)) << 40) |			\
	 (((limit) & _AC(0x000f0000, ULL)) << (48 - 16)) |		\
	 (((base) & _AC(0x00ffffff, ULL)) << 16) |			\
	 ((limit) & _AC(0x0000ffff, ULL)))

/* Granularity 4 KiB (G), present, DPL 0, code or data (S). */
#define GDT_FLAGS_KERNEL32_CS	0xc09a	/* 32-bit (D/B), execute/read */
#define GDT_FLAGS_KERNEL_CS	0xa09a	/* 64-bit (L), execute/read */
#define GDT_FLAGS_KERNEL_DS	0xc092	/* 32-bit (D/B), read/write */
/* The same with DPL 3. */
#define GDT_FLAGS_USER32_CS	0xc0fa
#define GDT_FLAGS_USER_CS	0xa0fa
#define GDT_FLAGS_USER_DS	0xc0f2

/* The flat segments of every GDT Keel loads, at their GDT_ENTRY_* slots. */
#define GDT_KERNEL32_CS		GDT_ENTRY(GDT_FLAGS_KERNEL32_CS, 0, 0xfffff)
#define GDT_KERNEL_CS		GDT_ENTRY(GDT_FLAGS_KERNEL_CS, 0, 0xfffff)
#define GDT_KERNEL_DS		GDT_ENTRY(GDT_FLAGS_KERNEL_DS, 0, 0xfffff)
#define GDT_USER32_CS		GDT_ENTRY(GDT_FLAGS_USER32_CS, 0, 0xfffff)
#define GDT_USER_CS		GDT_ENTRY(GDT_FLAGS_USER_CS, 0, 0xfffff)
#define GDT_USER_DS		GDT_ENTRY(GDT_FLAGS_USER_DS, 0, 0xfffff)

#define __KERNEL32_CS	(GDT_ENTRY_KERNEL32_CS * 8)
#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)
#define __USER32_CS	(GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)
#define __USER_DS	(GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define __USER_CS	(GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)

#endif /* _ASM_X86_SEGMENT_H */
