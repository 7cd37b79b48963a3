/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's first instructions.  GRUB enters _start in 32-bit protected
 * mode with paging off, EAX = multiboot2 magic and EBX = the physical
 * address of the boot information.  A PVH loader (QEMU's -kernel, Xen)
 * enters pvh_start alike, but with only EBX set (to the start_info
 * address); pvh_start joins _start with EAX = XEN_HVM_START_MAGIC_VALUE,
 * which tells setup_arch() which parser to use.  This code checks for
 * long mode, builds boot page tables (identity, direct map and kernel
 * image, 2 MiB pages), enters long mode, jumps to the image's higher-half
 * address, clears BSS, and calls x86_64_start_kernel(magic, info).
 *
 * Everything up to the jump runs at its physical address, so it lives in
 * the .boot sections, which the linker script places below the image.
 */
#include <keel/linkage.h>
#include <asm/bootinfo.h>
#include <asm/page.h>
#include <asm/segment.h>

#define MB2_HEADER_MAGIC	0xe85250d6
#define MB2_ARCH_I386		0
#define MB2_HEADER_LEN		(mb2_header_end - mb2_header)

#define X86_CR0_PE		(1 << 0)
#define X86_CR0_WP		(1 << 16)
#define X86_CR0_PG		(1 << 31)
#define X86_CR4_PAE		(1 << 5)
#define MSR_EFER		0xc0000080
#define EFER_LME		(1 << 8)

#define PTE_PRESENT_RW		0x003
#define PTE_LARGE		0x080

#define COM1			0x3f8


	.section .multiboot2, "a"
	.balign 8
mb2_header:
	.long	MB2_HEADER_MAGIC
	.long	MB2_ARCH_I386
	.long	MB2_HEADER_LEN
	.long	-(MB2_HEADER_MAGIC + MB2_ARCH_I386 + MB2_HEADER_LEN)
	/* The end tag: type 0, flags 0, size 8. */
	.short	0
	.short	0
	.long	8
mb2_header_end:

/*
 * The PVH entry point, for loaders that read ELF notes.  The descriptor is
 * 8 bytes, as in Linux: QEMU reads a 64-bit value from a 64-bit image.
 */
	.section .note.Xen, "a", @note
	.balign 4
	.long	4				/* name size, "Xen\0" */
	.long	8				/* descriptor size */
	.long	XEN_ELFNOTE_PHYS32_ENTRY
	.asciz	"Xen"
	.balign 4
	.quad	pvh_start
	.balign 4

	.section .boot.text, "ax"
	.code32
/*
 * PVH guarantees flat 32-bit CS, DS and ES but no GDT that stays valid and
 * no stack: load ours before anything else.
 */
SYM_CODE_START(pvh_start)
	cli
	lgdt	boot_gdt_desc
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	ljmp	$__KERNEL32_CS, $1f
1:	movl	$XEN_HVM_START_MAGIC_VALUE, %eax
	jmp	_start
SYM_CODE_END(pvh_start)

SYM_CODE_START(_start)
	cli
	cld
	movl	%eax, boot_mb2_magic
	movl	%ebx, boot_mb2_info
	movl	$boot_stack_end, %esp

	/* Long mode is CPUID 0x80000001 EDX bit 29. */
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	no_long_mode
	movl	$0x80000001, %eax
	cpuid
	btl	$29, %edx
	jnc	no_long_mode

	/* GRUB zeroes .boot.bss, but a table must not depend on that. */
	movl	$boot_pgtables, %edi
	movl	$(boot_pgtables_end - boot_pgtables) / 4, %ecx
	xorl	%eax, %eax
	rep stosl

	/* Four page directories of 2 MiB pages map physical 0..4 GiB. */
	movl	$boot_pd, %edi
	movl	$(PTE_PRESENT_RW | PTE_LARGE), %eax
	xorl	%edx, %edx
	movl	$4 * 512, %ecx
1:	movl	%eax, (%edi)
	movl	%edx, 4(%edi)
	addl	$0x200000, %eax
	adcl	$0, %edx
	addl	$8, %edi
	loop	1b

	/* One PDPT points at all four: used for identity and direct map. */
	movl	$boot_pdpt, %edi
	movl	$(boot_pd + PTE_PRESENT_RW), %eax
	movl	$4, %ecx
2:	movl	%eax, (%edi)
	addl	$4096, %eax
	addl	$8, %edi
	loop	2b

	/* The image's -2 GiB window maps physical 0..1 GiB. */
	movl	$(boot_pd + PTE_PRESENT_RW), boot_pdpt_kernel + 510 * 8

	movl	$(boot_pdpt + PTE_PRESENT_RW), boot_pml4
	movl	$(boot_pdpt + PTE_PRESENT_RW), boot_pml4 + ((PAGE_OFFSET >> 39) & 511) * 8
	movl	$(boot_pdpt_kernel + PTE_PRESENT_RW), boot_pml4 + 511 * 8

	movl	%cr4, %eax
	orl	$X86_CR4_PAE, %eax
	movl	%eax, %cr4
	movl	$boot_pml4, %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	wrmsr
	movl	%cr0, %eax
	orl	$(X86_CR0_PE | X86_CR0_WP | X86_CR0_PG), %eax
	movl	%eax, %cr0

	lgdt	boot_gdt_desc
	ljmp	$__KERNEL_CS, $long_mode_entry

/* No long mode: say so on COM1 and stop; there is nothing else to do. */
no_long_mode:
	movl	$no_long_mode_msg, %esi
3:	movb	(%esi), %al
	testb	%al, %al
	jz	5f
	movw	$COM1 + 5, %dx
	movb	%al, %bl
4:	inb	%dx, %al
	testb	$0x20, %al
	jz	4b
	movw	$COM1, %dx
	movb	%bl, %al
	outb	%al, %dx
	incl	%esi
	jmp	3b
5:	hlt
	jmp	5b
SYM_CODE_END(_start)

	.code64
SYM_CODE_START_LOCAL(long_mode_entry)
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movabsq	$startup_64, %rax
	jmp	*%rax
SYM_CODE_END(long_mode_entry)

	.section .boot.data, "aw"
	.balign 8
boot_gdt:
	.quad	0
	.quad	GDT_KERNEL32_CS
	.quad	GDT_KERNEL_CS
	.quad	GDT_KERNEL_DS
boot_gdt_end:
boot_gdt_desc:
	.short	boot_gdt_end - boot_gdt - 1
	.long	boot_gdt
SYM_DATA_START(boot_mb2_magic)
	.long	0
SYM_DATA_END(boot_mb2_magic)
SYM_DATA_START(boot_mb2_info)
	.long	0
SYM_DATA_END(boot_mb2_info)
no_long_mode_msg:
	.asciz	"Keel: this CPU does not support 64-bit long mode; halting.\r\n"

	.section .boot.bss, "aw", @nobits
	.balign 4096
boot_pgtables:
SYM_DATA_START(boot_pml4)
	.skip	4096
SYM_DATA_END(boot_pml4)
boot_pdpt:
	.skip	4096
boot_pdpt_kernel:
	.skip	4096
boot_pd:
	.skip	4 * 4096
boot_pgtables_end:
boot_stack:
	.skip	1024
boot_stack_end:

/*
 * Now at the image's own address.  Switch to the kernel's GDT, clear BSS
 * (the boot stack is gone after this), and enter C on init_stack.
 */
	.section .head.text, "ax"
SYM_CODE_START(startup_64)
	lgdt	early_gdt_desc(%rip)
	pushq	$__KERNEL_CS
	leaq	1f(%rip), %rax
	pushq	%rax
	lretq
1:	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs

	leaq	__bss_start(%rip), %rdi
	leaq	__bss_stop(%rip), %rcx
	subq	%rdi, %rcx
	shrq	$3, %rcx
	rep stosq

	leaq	init_stack + THREAD_SIZE(%rip), %rsp
	xorl	%ebp, %ebp
	movl	boot_mb2_magic, %edi
	movl	boot_mb2_info, %esi
	call	x86_64_start_kernel
2:	hlt
	jmp	2b
SYM_CODE_END(startup_64)

	.section .rodata, "a"
	.balign 8
early_gdt:
	.quad	0
	.quad	GDT_KERNEL32_CS
	.quad	GDT_KERNEL_CS
	.quad	GDT_KERNEL_DS
early_gdt_end:
early_gdt_desc:
	.short	early_gdt_end - early_gdt - 1
	.quad	early_gdt
