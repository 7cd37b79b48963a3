// SPDX-License-Identifier: GPL-2.0
/*
 * LKDTM crash types for memory permissions: writing to read-only data and
 * to kernel text, and executing from data, the stack, kmalloc() and
 * vmalloc() memory, read-only data and address 0.  W^X and NX (set up by
 * paging_init()) must turn each into a page fault; "FAIL:" means the
 * protection is missing.
 */
#include "lkdtm.h"

#include <keel/compiler.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <keel/vmalloc.h>

#define EXEC_SIZE	64
#define RET_INSN	0xc3	/* x86 "ret": returns if it runs at all */

static u8 data_area[EXEC_SIZE];
static const unsigned long rodata = 0xAA55AA55;
static const u8 rodata_ret[EXEC_SIZE] = { RET_INSN };

static noinline void do_nothing(void)
{
	barrier();
}

/* Put a return instruction at @dst (unless it is read-only) and call it. */
static void execute_location(void *dst, bool write)
{
	void (*func)(void) = dst;

	if (write)
		memset(dst, RET_INSN, EXEC_SIZE);
	pr_info("attempting bad execution at %p\n", dst);
	func();
	pr_err("FAIL: func returned\n");
}

static void lkdtm_WRITE_RO(void)
{
	unsigned long *ptr = (unsigned long *)&rodata;

	pr_info("attempting bad rodata write at %p\n", ptr);
	WRITE_ONCE(*ptr, *ptr ^ 0xabcd1234);
	pr_err("FAIL: survived bad write\n");
}

static void lkdtm_WRITE_KERN(void)
{
	u8 *ptr = (u8 *)do_nothing;

	pr_info("attempting bad %d byte write at %p\n", 1, ptr);
	WRITE_ONCE(*ptr, RET_INSN);
	pr_err("FAIL: survived bad write\n");
	do_nothing();
}

static void lkdtm_EXEC_DATA(void)
{
	execute_location(data_area, true);
}

static void lkdtm_EXEC_STACK(void)
{
	u8 stack_area[EXEC_SIZE];

	execute_location(stack_area, true);
}

static void lkdtm_EXEC_KMALLOC(void)
{
	u8 *kmalloc_area = kmalloc(EXEC_SIZE, GFP_KERNEL);

	if (!kmalloc_area)
		return;
	execute_location(kmalloc_area, true);
	kfree(kmalloc_area);
}

static void lkdtm_EXEC_VMALLOC(void)
{
	u8 *vmalloc_area = vmalloc(EXEC_SIZE);

	if (!vmalloc_area)
		return;
	execute_location(vmalloc_area, true);
	vfree(vmalloc_area);
}

static void lkdtm_EXEC_RODATA(void)
{
	execute_location((void *)rodata_ret, false);
}

static void lkdtm_EXEC_NULL(void)
{
	execute_location(NULL, false);
}

static const struct crashtype crashtypes[] = {
	CRASHTYPE(WRITE_RO),
	CRASHTYPE(WRITE_KERN),
	CRASHTYPE(EXEC_DATA),
	CRASHTYPE(EXEC_STACK),
	CRASHTYPE(EXEC_KMALLOC),
	CRASHTYPE(EXEC_VMALLOC),
	CRASHTYPE(EXEC_RODATA),
	CRASHTYPE(EXEC_NULL),
};

CRASHTYPE_CATEGORY(perms_crashtypes, crashtypes);
