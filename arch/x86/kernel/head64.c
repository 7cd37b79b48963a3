// SPDX-License-Identifier: GPL-2.0
/*
 * The first C code.  head_64.S arrives here in long mode on init_stack with
 * the boot loader's magic and boot-information address; drop the identity
 * map, install the real GDT/TSS and the exception handlers before anything
 * can fault, then start the generic kernel.
 */
#include <keel/init.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/setup.h>

/*
 * The boot CPU's stack; head_64.S points RSP at its end.  The linker
 * script puts it after a page that paging_init() leaves unmapped.
 */
u8 init_stack[THREAD_SIZE] __aligned(THREAD_SIZE)
	__section(".bss..init_stack");

u32 boot_loader_magic;
phys_addr_t boot_info_phys;

/* head_64.S's top-level page table, linked at its physical address. */
extern u64 boot_pml4[];

/*
 * The identity map of low memory was needed only to switch to the
 * kernel's own addresses.  Without it, a NULL pointer (or any other low
 * address) faults instead of reading physical memory.
 */
static void zap_identity_map(void)
{
	u64 *pml4 = __va((phys_addr_t)(unsigned long)boot_pml4);

	pml4[0] = 0;
	write_cr3(read_cr3());
}

__noreturn void x86_64_start_kernel(u32 magic, u32 info)
{
	load_percpu_segment(&boot_pcpu_hot);
	boot_loader_magic = magic;
	boot_info_phys = info;
	zap_identity_map();
	cpu_init();
	idt_setup();
	start_kernel();
}
