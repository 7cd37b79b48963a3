/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exception fix-ups: code that may touch a bad address on purpose lists
 * the instruction in the __ex_table section with a place to resume, and
 * the page-fault and general-protection handlers send it there instead of
 * oopsing.  copy_from_user() will use the same machinery.
 */
#ifndef _KEEL_EXTABLE_H
#define _KEEL_EXTABLE_H

#include <keel/types.h>
#include <asm/extable.h>

struct pt_regs;

/* If @regs->ip has a fix-up, point @regs->ip at it and return true. */
bool fixup_exception(struct pt_regs *regs);

/*
 * Copy @size bytes without oopsing on an unmapped or read-only address:
 * 0, or -EFAULT if any part of the source or destination faulted.
 */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);
long copy_to_kernel_nofault(void *dst, const void *src, size_t size);

#endif /* _KEEL_EXTABLE_H */
