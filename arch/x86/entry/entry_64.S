/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry to the kernel and return from it: exceptions, interrupts and
 * system calls, and the first return of a new task.
 *
 * Exceptions and interrupts: one 16-byte stub per vector pushes a zero
 * error code when the CPU does not push one (interrupts never do), then
 * the vector number, and jumps to a common path that saves the general
 * registers as a struct pt_regs (asm/ptrace.h) and calls do_exception()
 * for vectors 0-31, do_IRQ() for 32-255; irqentry_exit() then does what
 * is due before the return (a reschedule, signals for user mode).
 * Interrupt gates leave interrupts off throughout the assembly.
 *
 * %gs: in the kernel its base is the per-CPU area (current and friends),
 * in user mode the program's own.  An entry from user mode swaps them
 * with SWAPGS and the return to user mode swaps back.  Whether the entry
 * came from user mode is in the saved CS, except for NMIs, machine checks
 * and double faults, which can arrive in the instructions between SYSCALL
 * and SWAPGS: those read the GS base itself (a kernel address is negative)
 * and undo only what they did.
 *
 * System calls arrive by SYSCALL with the user stack still loaded and
 * interrupts off (MSR_SYSCALL_MASK): the entry switches to the task's
 * kernel stack (top_of_stack in the per-CPU area) and builds the same
 * pt_regs an interrupt from user mode would, with the call number in
 * orig_ax.  It returns by SYSRET when do_syscall_64() says the frame
 * allows it, else by IRET.
 */
#include <keel/linkage.h>
#include <asm/msr-index.h>
#include <asm/percpu.h>
#include <asm/segment.h>

/* Vectors for which the CPU pushes an error code. */
#define HAS_ERROR_CODE(v) \
	((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || \
	 (v) == 29 || (v) == 30)

/* NMI, double fault and machine check: entered on an IST stack. */
#define IS_PARANOID(v)	((v) == 2 || (v) == 8 || (v) == 18)

#define ENOSYS		38

/* Offsets in struct pt_regs. */
#define PT_REGS_GPRS	(15 * 8)
#define PT_REGS_IP	(PT_REGS_GPRS + 16)
#define PT_REGS_CS	(PT_REGS_IP + 8)
#define PT_REGS_FLAGS	(PT_REGS_CS + 8)
#define PT_REGS_SP	(PT_REGS_FLAGS + 8)

.macro PUSH_REGS rax=%rax
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	\rax
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
.endm

/* Restore the registers and drop the vector and error code. */
.macro POP_REGS
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
	addq	$16, %rsp
.endm

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
	.if IS_PARANOID(vector)
	jmp	paranoid_common
	.else
	jmp	exception_common
	.endif
	vector = vector + 1
	.endr
SYM_CODE_END(exception_stubs)

/*
 * Save the registers (swapping %gs on an entry from user mode) and call
 * \handler(struct pt_regs *), then return through irqentry_exit().
 */
.macro ENTRY_COMMON handler
	cld
	testb	$3, 24(%rsp)		/* CS, above the vector and error code */
	jz	1f
	swapgs
1:	PUSH_REGS
	movq	%rsp, %rdi
	call	\handler
	jmp	common_return
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

SYM_CODE_START_LOCAL(common_return)
	movq	%rsp, %rdi
	call	irqentry_exit
	testb	$3, PT_REGS_CS(%rsp)
	jnz	restore_user
	POP_REGS
	iretq
SYM_CODE_END(common_return)

/* Back to user mode with the frame on the stack. */
SYM_CODE_START_LOCAL(restore_user)
	POP_REGS
	swapgs
	iretq
SYM_CODE_END(restore_user)

/*
 * %ebx remembers whether this entry swapped %gs: the handler preserves
 * it (callee-saved), and the interrupted code's %rbx is in the frame.
 */
SYM_CODE_START_LOCAL(paranoid_common)
	cld
	PUSH_REGS
	xorl	%ebx, %ebx
	movl	$MSR_GS_BASE, %ecx
	rdmsr
	testl	%edx, %edx
	js	1f			/* already the kernel's */
	swapgs
	movl	$1, %ebx
1:	movq	%rsp, %rdi
	call	do_exception
	testl	%ebx, %ebx
	jz	2f
	swapgs
2:	POP_REGS
	iretq
SYM_CODE_END(paranoid_common)

SYM_CODE_START(entry_SYSCALL_64)
	swapgs
	movq	%rsp, %gs:PCPU_USER_SP
	movq	%gs:PCPU_TOP_OF_STACK, %rsp
	/* The frame an interrupt from user mode would have pushed. */
	pushq	$__USER_DS
	pushq	%gs:PCPU_USER_SP
	pushq	%r11			/* the user's flags */
	pushq	$__USER_CS
	pushq	%rcx			/* the user's return address */
	pushq	%rax			/* orig_ax: the call's number */
	pushq	$-1			/* vector: none */
	PUSH_REGS rax=$-ENOSYS
	movq	%rsp, %rdi
	call	do_syscall_64
	testb	%al, %al
	jz	restore_user
	/* SYSRET takes the return address and flags from %rcx and %r11. */
	POP_REGS
	movq	(%rsp), %rcx
	movq	16(%rsp), %r11
	movq	24(%rsp), %rsp
	swapgs
	sysretq
SYM_CODE_END(entry_SYSCALL_64)

/*
 * __switch_to_asm(prev, next, &prev->thread.sp, next->thread.sp): save
 * the callee-saved registers on prev's stack, switch to next's and
 * restore its; __switch_to() does the rest and returns prev to whoever
 * next was switched out in (or to ret_from_fork_asm for a new task).
 */
SYM_FUNC_START(__switch_to_asm)
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdx)
	movq	%rcx, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	jmp	__switch_to
SYM_FUNC_END(__switch_to_asm)

/*
 * A new task's first return from __switch_to() lands here with prev in
 * %rax, its pt_regs at %rsp, and for a kernel thread the function and
 * its argument in %rbx and %r12 (copy_thread()).
 */
SYM_CODE_START(ret_from_fork_asm)
	movq	%rax, %rdi
	movq	%rsp, %rsi
	movq	%rbx, %rdx
	movq	%r12, %rcx
	call	ret_from_fork
	jmp	restore_user
SYM_CODE_END(ret_from_fork_asm)
