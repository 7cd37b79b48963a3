// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault and double-fault handlers.  Keel has no user space yet
 * and maps all kernel memory up front, so a page fault in the kernel is
 * either expected (an instruction with an exception-table fix-up, such as
 * copy_from_kernel_nofault()) or a bug: it is reported in Linux's words
 * (which address, which access, which area it hit) and the kernel oopses.
 * A stack overflow into a guard page cannot even start the page-fault
 * handler and arrives as a double fault on its own stack.
 */
#include <keel/extable.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/vmalloc.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

#define X86_PF_PROT	(1 << 0)
#define X86_PF_WRITE	(1 << 1)
#define X86_PF_USER	(1 << 2)
#define X86_PF_RSVD	(1 << 3)
#define X86_PF_INSTR	(1 << 4)

extern char _text[], _etext[], _srodata[], _erodata[], _sdata[], _edata[];
extern char __bss_start[], _end[];
extern u8 init_stack[], init_stack_guard[];

static bool in_range(unsigned long addr, const void *start, const void *end)
{
	return addr >= (unsigned long)start && addr < (unsigned long)end;
}

/* If @addr is the guard page below a kernel stack, that stack's base. */
static void *stack_of_guard_page(unsigned long addr)
{
	struct vm_struct *area;

	if (in_range(addr, init_stack_guard, init_stack))
		return init_stack;
	if (!is_vmalloc_addr((void *)addr))
		return NULL;
	area = find_vm_area((void *)(addr + PAGE_SIZE));
	if (area && (area->flags & VM_STACK) &&
	    in_range(addr, area->addr - PAGE_SIZE, area->addr))
		return area->addr;
	return NULL;
}

static const char *image_part(unsigned long addr)
{
	if (in_range(addr, _text, _etext))
		return "text";
	if (in_range(addr, _srodata, _erodata))
		return "rodata";
	if (in_range(addr, _sdata, _edata))
		return "data";
	if (in_range(addr, init_stack_guard, init_stack))
		return "init_stack guard page";
	if (in_range(addr, __bss_start, _end))
		return "bss";
	return NULL;
}

/* Which part of the kernel's address space @addr is in. */
static void report_area(unsigned long addr)
{
	struct vm_struct *area;
	const char *part;

	if (is_vmalloc_addr((void *)addr)) {
		area = find_vm_area((void *)addr);
		if (!area && addr >= VMALLOC_START + PAGE_SIZE)
			area = find_vm_area((void *)(addr - PAGE_SIZE));
		if (area)
			pr_alert("#PF: %016lx is in %svmalloc area [%016lx-%016lx] of %lu bytes\n",
				 addr,
				 in_range(addr, area->addr,
					  area->addr + area->size) ?
				 "" : "the guard page after ",
				 (unsigned long)area->addr,
				 (unsigned long)area->addr + area->size - 1,
				 area->size);
		else
			pr_alert("#PF: %016lx is in the vmalloc space, in no area\n",
				 addr);
	} else if (addr >= PAGE_OFFSET && addr - PAGE_OFFSET < direct_map_end) {
		pr_alert("#PF: %016lx is in the direct map\n", addr);
	} else if ((part = image_part(addr))) {
		pr_alert("#PF: %016lx is in the kernel image (%s)\n", addr, part);
	} else {
		pr_alert("#PF: %016lx is not in any known area\n", addr);
	}
}

/* Linux's wording, so the reports read the same to a kernel engineer. */
static void report_page_fault(const struct pt_regs *regs, unsigned long addr)
{
	unsigned long err = regs->error_code;

	if (err & X86_PF_INSTR) {
		enum pg_level level;
		pte_t *pte = lookup_address(addr, &level);

		if (pte && pte_present(*pte) && !pte_exec(*pte))
			pr_crit("kernel tried to execute NX-protected page - exploit attempt? (uid: 0)\n");
	}
	if (addr < PAGE_SIZE)
		pr_alert("BUG: kernel NULL pointer dereference, address: %016lx\n",
			 addr);
	else
		pr_alert("BUG: unable to handle page fault for address: %016lx\n",
			 addr);
	pr_alert("#PF: %s %s in %s mode\n",
		 err & X86_PF_USER ? "user" : "supervisor",
		 err & X86_PF_INSTR ? "instruction fetch" :
		 err & X86_PF_WRITE ? "write access" : "read access",
		 user_mode(regs) ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", err,
		 err & X86_PF_RSVD ? "reserved bit violation" :
		 err & X86_PF_PROT ? "permissions violation" :
		 "not-present page");
	report_area(addr);
}

void do_page_fault(struct pt_regs *regs, unsigned long address)
{
	if (!user_mode(regs) && fixup_exception(regs))
		return;
	/* Before the first line: the fault may be inside printk. */
	oops_begin();
	report_page_fault(regs, address);
	die("page fault", regs, regs->error_code);
}

__noreturn void do_double_fault(struct pt_regs *regs)
{
	unsigned long cr2 = read_cr2();
	void *stack;

	/* printk is the deepest stack user: it may hold its lock here. */
	oops_begin();
	stack = stack_of_guard_page(cr2);
	if (stack) {
		pr_emerg("BUG: stack guard page was hit at %p (stack is %p..%p)\n",
			 (void *)cr2, stack, stack + THREAD_SIZE - 1);
		die("kernel stack overflow (double-fault)", regs,
		    regs->error_code);
	}
	die("double fault", regs, regs->error_code);
}
