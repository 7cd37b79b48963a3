/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel image's layout.  The .boot sections run at their physical
 * address (1 MiB up); the rest is linked at __START_KERNEL_map plus its
 * physical address, and GRUB loads each segment at its load address.
 * Text, read-only data and data each start on a page, so the page tables
 * can later give them different protections.
 */
#include <asm/page.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(_start)

/* Registration tables: each subsystem adds entries from its own file. */
#define INITCALL_LEVEL(lvl)						\
	__initcall##lvl##_start = .;					\
	KEEP(*(.initcall##lvl##.init))

SECTIONS
{
	. = LOAD_PHYSICAL_ADDR;

	/* The PVH entry note (a PT_NOTE segment) for QEMU's -kernel. */
	.notes : {
		KEEP(*(.note.Xen))
	}
	.boot : {
		KEEP(*(.multiboot2))
		*(.boot.text)
		*(.boot.data)
	}
	/* Last in its segment, so GRUB reserves and zeroes it. */
	.boot.bss : {
		*(.boot.bss)
	}

	. = ALIGN(PAGE_SIZE);
	. += __START_KERNEL_map;

	_text = .;
	.text : AT(ADDR(.text) - __START_KERNEL_map) {
		*(.head.text)
		*(.text .text.*)
	}
	_etext = .;

	. = ALIGN(PAGE_SIZE);
	_srodata = .;
	.rodata : AT(ADDR(.rodata) - __START_KERNEL_map) {
		*(.rodata .rodata.*)

		. = ALIGN(8);
		__con_initcall_start = .;
		KEEP(*(.con_initcall.init))
		__con_initcall_end = .;

		INITCALL_LEVEL(early)
		INITCALL_LEVEL(1)
		INITCALL_LEVEL(3)
		INITCALL_LEVEL(4)
		INITCALL_LEVEL(5)
		INITCALL_LEVEL(rootfs)
		INITCALL_LEVEL(6)
		INITCALL_LEVEL(7)
		__initcall_end = .;

		. = ALIGN(8);
		__param_start = .;
		KEEP(*(.kernel_param))
		__param_end = .;

		. = ALIGN(8);
		__start___bug_table = .;
		KEEP(*(__bug_table))
		__stop___bug_table = .;

		. = ALIGN(8);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;

		. = ALIGN(8);
		__start_ktest_suites = .;
		KEEP(*(ktest_suites))
		__stop_ktest_suites = .;

		. = ALIGN(8);
		__start_kbench_benchmarks = .;
		KEEP(*(kbench_benchmarks))
		__stop_kbench_benchmarks = .;
	}
	_erodata = .;

	. = ALIGN(PAGE_SIZE);
	_sdata = .;
	.data : AT(ADDR(.data) - __START_KERNEL_map) {
		*(.data .data.*)
	}
	_edata = .;

	/*
	 * __bss_start is inside the section: its alignment (THREAD_SIZE, for
	 * init_stack) may move it past ".", and what lies between is in no
	 * segment, so GRUB may put a module there that clearing BSS must not
	 * touch.
	 */
	. = ALIGN(PAGE_SIZE);
	.bss : AT(ADDR(.bss) - __START_KERNEL_map) {
		__bss_start = .;
		/*
		 * init_stack, THREAD_SIZE-aligned, with at least one page
		 * below it that paging_init() leaves unmapped: its guard.
		 */
		. += PAGE_SIZE;
		. = ALIGN(THREAD_SIZE);
		init_stack_guard = . - PAGE_SIZE;
		*(.bss..init_stack)
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(PAGE_SIZE);
	}
	__bss_stop = .;
	_end = .;

	/DISCARD/ : {
		*(.eh_frame)
		*(.note.*)
		*(.comment)
	}
}
