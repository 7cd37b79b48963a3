/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The mmap() family's arguments (the user ABI) and their translation to
 * vm_flags (<keel/mm.h>), as Linux's <linux/mman.h>.
 */
#ifndef _KEEL_MMAN_H
#define _KEEL_MMAN_H

#include <keel/mm.h>
#include <uapi/linux/mman.h>

/* PROT_READ, PROT_WRITE and PROT_EXEC have VM_READ..VM_EXEC's values. */
static inline unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return prot & (PROT_READ | PROT_WRITE | PROT_EXEC);
}

static inline unsigned long calc_vm_flag_bits(unsigned long flags)
{
	return (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0) |
	       (flags & MAP_LOCKED ? VM_LOCKED : 0);
}

#endif /* _KEEL_MMAN_H */
