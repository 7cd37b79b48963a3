/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory barriers, as in Linux.  mb()/rmb()/wmb() order all memory,
 * including device memory; the smp_ variants only order what other CPUs
 * see, which x86's total store order makes cheap: only a store followed
 * by a load needs a real fence.
 */
#ifndef _ASM_X86_BARRIER_H
#define _ASM_X86_BARRIER_H

#include <keel/compiler.h>

#define mb()	__asm__ __volatile__("mfence" ::: "memory")
#define rmb()	__asm__ __volatile__("lfence" ::: "memory")
#define wmb()	__asm__ __volatile__("sfence" ::: "memory")

#define smp_mb()	__asm__ __volatile__("lock; addl $0,-4(%%rsp)" ::: "memory", "cc")
#define smp_rmb()	barrier()
#define smp_wmb()	barrier()

#define smp_store_release(p, v)	__atomic_store_n(p, v, __ATOMIC_RELEASE)
#define smp_load_acquire(p)	__atomic_load_n(p, __ATOMIC_ACQUIRE)

#endif /* _ASM_X86_BARRIER_H */
