/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Architecture set-up called from start_kernel().
 */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <asm/bootinfo.h>
#include <keel/compiler.h>

/* What the boot loader told us, parsed by setup_arch(). */
extern struct boot_info boot_info;

/* Saved by x86_64_start_kernel() from the registers GRUB set. */
extern u32 boot_loader_magic;
extern phys_addr_t boot_info_phys;

/* The boot CPU's stack (init_task's, in head64.c), above a guard page. */
extern u8 init_stack[];

/* Called by head_64.S in 64-bit mode; starts the kernel, never returns. */
__noreturn void x86_64_start_kernel(u32 magic, u32 info);

void tsc_init(void);

/*
 * arch/x86/kernel/e820.c: log the boot loader's memory map, and fill
 * memblock from it, reserving what is in use.
 */
void e820__print_table(const struct boot_info *bi);
void e820__memblock_setup(const struct boot_info *bi);

void setup_arch(void);

#endif /* _ASM_X86_SETUP_H */
