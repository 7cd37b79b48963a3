/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The stack protector's canary (CONFIG_STACKPROTECTOR).  GCC compares
 * each protected frame's copy with __stack_chk_guard before returning and
 * calls __stack_chk_fail() (kernel/panic.c) when they differ.
 */
#ifndef _KEEL_STACKPROTECTOR_H
#define _KEEL_STACKPROTECTOR_H

#include <keel/compiler.h>
#include <keel/random.h>
#include <keel/types.h>
#include <asm/processor.h>

#ifdef CONFIG_STACKPROTECTOR
extern unsigned long __stack_chk_guard;

/*
 * A random canary, with its low byte zero so that a string overflow
 * cannot copy it.  Only a function that never returns may call this:
 * the frames below it hold the old value.
 */
static __always_inline void boot_init_stack_canary(void)
{
	unsigned long canary;

	get_random_bytes(&canary, sizeof(canary));
	canary ^= rdtsc() << 8;
	__stack_chk_guard = canary & ~0xffUL;
}
#else
static inline void boot_init_stack_canary(void)
{
}
#endif

#endif /* _KEEL_STACKPROTECTOR_H */
