// SPDX-License-Identifier: GPL-2.0
/*
 * Register dumps and call traces, in Linux's format.  The kernel is built
 * with frame pointers, so a trace walks the saved-RBP chain; each frame is
 * checked to lie inside the stack it started on, so a corrupt chain ends
 * the trace instead of faulting inside the fault report.  A function that
 * faulted before setting up its frame leaves its caller's address on the
 * stack below the first frame: such addresses print as "? func", as in
 * Linux, since they may also be stale.
 */
#include <keel/extable.h>
#include <keel/kallsyms.h>
#include <keel/kernel.h>
#include <keel/printk.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

#define MAX_TRACE_DEPTH	64

/* @ip is a return address: it may lie just past the end of its caller. */
static void print_ip_sym(const char *prefix, unsigned long ip)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_backtrace(sym, ip);
	pr_emerg("%s%s\n", prefix, sym);
}

extern const char _text[], _etext[];

static bool is_return_address(unsigned long addr)
{
	return addr > (unsigned long)_text && addr <= (unsigned long)_etext;
}

static bool frame_on_stack(unsigned long bp, unsigned long base)
{
	return IS_ALIGNED(bp, sizeof(long)) && bp >= base &&
	       bp + 2 * sizeof(long) <= base + THREAD_SIZE;
}

/* Walk the frame chain from @bp, on the THREAD_SIZE stack holding @sp. */
static void show_trace(unsigned long bp, unsigned long sp)
{
	unsigned long base = ALIGN_DOWN(sp, THREAD_SIZE), p;
	int depth;

	pr_emerg("Call Trace:\n");
	/* RSP may be in a stack's guard page after an overflow. */
	for (p = sp; frame_on_stack(p, base) && p < bp; p += sizeof(long)) {
		unsigned long word;

		if (!copy_from_kernel_nofault(&word, (void *)p, sizeof(word)) &&
		    is_return_address(word))
			print_ip_sym(" ? ", word);
	}
	if (!frame_on_stack(bp, base))
		base = ALIGN_DOWN(bp, THREAD_SIZE);
	for (depth = 0; depth < MAX_TRACE_DEPTH; depth++) {
		unsigned long frame[2];

		if (!frame_on_stack(bp, base) ||
		    copy_from_kernel_nofault(frame, (void *)bp, sizeof(frame)) ||
		    !frame[1])
			break;
		print_ip_sym(" ", frame[1]);
		if (frame[0] <= bp)
			break;
		bp = frame[0];
	}
}

void show_regs(const struct pt_regs *regs)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, regs->ip);
	pr_emerg("RIP: %04lx:%s\n", regs->cs, sym);
	pr_emerg("RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss, regs->sp,
		 regs->flags);
	pr_emerg("RAX: %016lx RBX: %016lx RCX: %016lx\n",
		 regs->ax, regs->bx, regs->cx);
	pr_emerg("RDX: %016lx RSI: %016lx RDI: %016lx\n",
		 regs->dx, regs->si, regs->di);
	pr_emerg("RBP: %016lx R08: %016lx R09: %016lx\n",
		 regs->bp, regs->r8, regs->r9);
	pr_emerg("R10: %016lx R11: %016lx R12: %016lx\n",
		 regs->r10, regs->r11, regs->r12);
	pr_emerg("R13: %016lx R14: %016lx R15: %016lx\n",
		 regs->r13, regs->r14, regs->r15);
	pr_emerg("CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
		 read_cr0(), read_cr2(), read_cr3(), read_cr4());
	show_trace(regs->bp, regs->sp);
}

void dump_stack(void)
{
	unsigned long sp;

	__asm__ __volatile__("mov %%rsp, %0" : "=r"(sp));
	show_trace((unsigned long)__builtin_frame_address(0), sp);
}
