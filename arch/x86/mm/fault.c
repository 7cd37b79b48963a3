// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault and double-fault handlers.  A fault on a user address,
 * from user mode or from the kernel inside copy_to_user() and friends, is
 * resolved against the current address space's areas (the area's
 * vm_flags decide whether the access is allowed, a VM_GROWSDOWN stack
 * grows) by handle_mm_fault(); one it cannot resolve is SIGSEGV (SIGBUS
 * past the end of a file) for user mode and the exception-table fix-up
 * (-EFAULT) for the kernel.  Kernel memory is all mapped up front, so
 * any other fault in the kernel is either expected (a fix-up, as
 * copy_from_kernel_nofault()) or a bug: it is reported in Linux's words
 * (which address, which access, which area it hit) and the kernel oopses.
 * A stack overflow into a guard page cannot even start the page-fault
 * handler and arrives as a double fault on its own stack.
 */
#include <keel/extable.h>
#include <keel/mm.h>
#include <keel/mmap_lock.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/vmalloc.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/trap_pf.h>
#include <asm/traps.h>
#include <asm/uaccess.h>

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

static __noreturn void page_fault_oops(struct pt_regs *regs,
				       unsigned long address)
{
	/* Before the first line: the fault may be inside printk. */
	oops_begin();
	report_page_fault(regs, address);
	die("page fault", regs, regs->error_code);
}

/* A fault nothing resolves: a signal for user mode, else fix-up or oops. */
static void bad_access(struct pt_regs *regs, unsigned long address,
		       int sig, int code)
{
	if (user_mode(regs)) {
		force_sig_fault(sig, code, (void __user *)address);
		return;
	}
	if (!fixup_exception(regs))
		page_fault_oops(regs, address);
}

/* Does @vma forbid the access @error_code describes?  (Linux's words.) */
static bool access_error(unsigned long error_code, struct vm_area_struct *vma)
{
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (error_code & X86_PF_INSTR)
		return !(vma->vm_flags & VM_EXEC);
	/* A read of a present page: only a PROT_NONE one can fault. */
	if (error_code & X86_PF_PROT)
		return true;
	return !(vma->vm_flags & VM_ACCESS_FLAGS);
}

/* The area for @address, a stack grown down to it, or NULL. */
static struct vm_area_struct *lock_vma(struct mm_struct *mm,
				       unsigned long address)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (vma && vma->vm_start <= address)
		return vma;
	if (!vma || !(vma->vm_flags & VM_GROWSDOWN))
		goto unlock;
	/* Growing changes the area: that needs the lock for writing. */
	mmap_read_unlock(mm);
	mmap_write_lock(mm);
	vma = find_vma(mm, address);
	if (vma && vma->vm_start > address &&
	    expand_stack_locked(vma, address))
		vma = NULL;
	if (vma) {
		mmap_write_downgrade(mm);
		return vma;
	}
	mmap_write_unlock(mm);
	return NULL;
unlock:
	mmap_read_unlock(mm);
	return NULL;
}

static void do_user_addr_fault(struct pt_regs *regs, unsigned long address)
{
	unsigned long error_code = regs->error_code;
	struct mm_struct *mm = current->mm;
	unsigned int flags = 0;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	/* A reserved bit set means corrupt page tables, whoever faulted. */
	if (error_code & X86_PF_RSVD)
		page_fault_oops(regs, address);
	/*
	 * The kernel executing user memory (SMEP) or touching it outside
	 * stac()/clac() (SMAP) is a bug, not something to resolve; and where
	 * it may not sleep, only a fix-up will do.  Without an address
	 * space (a kernel thread) there is nothing to resolve against.
	 */
	if (!mm || (!user_mode(regs) &&
		    ((error_code & X86_PF_INSTR) ||
		     (smap_enabled && !(regs->flags & X86_EFLAGS_AC)) ||
		     in_atomic() || !(regs->flags & X86_EFLAGS_IF)))) {
		bad_access(regs, address, SIGSEGV, SEGV_MAPERR);
		return;
	}
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	if (error_code & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (error_code & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;

	vma = lock_vma(mm, address);
	if (!vma) {
		bad_access(regs, address, SIGSEGV, SEGV_MAPERR);
		return;
	}
	if (access_error(error_code, vma)) {
		mmap_read_unlock(mm);
		bad_access(regs, address, SIGSEGV, SEGV_ACCERR);
		return;
	}
	fault = handle_mm_fault(vma, address, flags);
	mmap_read_unlock(mm);
	if (!(fault & VM_FAULT_ERROR))
		return;
	/* No OOM killer yet: running out of memory is a SIGBUS. */
	if (fault & (VM_FAULT_SIGBUS | VM_FAULT_OOM))
		bad_access(regs, address, SIGBUS, BUS_ADRERR);
	else
		bad_access(regs, address, SIGSEGV, SEGV_ACCERR);
}

void do_page_fault(struct pt_regs *regs, unsigned long address)
{
	unsigned long irqs_on = regs->flags & X86_EFLAGS_IF;

	if (address >= TASK_SIZE_MAX) {
		/* The kernel half: user mode may not touch it at all. */
		bad_access(regs, address, SIGSEGV, SEGV_MAPERR);
		return;
	}
	/* As Linux: the interrupted context's interrupt state, CR2 read. */
	if (irqs_on)
		local_irq_enable();
	do_user_addr_fault(regs, address);
	if (irqs_on)
		local_irq_disable();
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
