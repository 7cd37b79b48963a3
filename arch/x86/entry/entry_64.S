/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exception and interrupt entry.  One 16-byte stub per vector pushes a
 * zero error code when the CPU does not push one (interrupts never do),
 * then the vector number, and jumps to a common path that saves the
 * general registers as a struct pt_regs (asm/ptrace.h) and calls
 * do_exception(regs) for vectors 0-31, do_IRQ(regs) for 32-255.  When
 * that returns, the frame is restored and the CPU resumes where it was
 * interrupted.  Interrupt gates leave interrupts off throughout.
 */
#include <keel/linkage.h>

/* Vectors for which the CPU pushes an error code. */
#define HAS_ERROR_CODE(v) \
	((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || \
	 (v) == 29 || (v) == 30)

	.text
	.p2align 4
SYM_CODE_START(exception_stubs)
	vector = 0
	.rept 32
	.p2align 4
	.if !HAS_ERROR_CODE(vector)
	pushq	$0
	.endif
	pushq	$vector
	jmp	exception_common
	vector = vector + 1
	.endr
SYM_CODE_END(exception_stubs)

/* Save the registers, call \handler(struct pt_regs *), restore, return. */
.macro ENTRY_COMMON handler
	cld
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, %rdi
	call	\handler
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	addq	$16, %rsp	/* vector and error code */
	iretq
.endm

SYM_CODE_START_LOCAL(exception_common)
	ENTRY_COMMON do_exception
SYM_CODE_END(exception_common)

	.p2align 4
SYM_CODE_START(irq_entries_start)
	vector = 32
	.rept 256 - 32
	.p2align 4
	pushq	$0
	pushq	$vector
	jmp	irq_common
	vector = vector + 1
	.endr
SYM_CODE_END(irq_entries_start)

SYM_CODE_START_LOCAL(irq_common)
	ENTRY_COMMON do_IRQ
SYM_CODE_END(irq_common)
