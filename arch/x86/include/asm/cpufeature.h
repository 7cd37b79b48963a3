/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CPUID feature words /proc/cpuinfo prints, in Linux's word order:
 * leaf 1 EDX, 0x80000001 EDX, leaf 1 ECX, 0x80000001 ECX, leaf 7 EBX.
 */
#ifndef _ASM_X86_CPUFEATURE_H
#define _ASM_X86_CPUFEATURE_H

#include <keel/types.h>

struct seq_file;

#define NCAPINTS	5

/* Names of the feature bits set in @words, each after a space. */
void cpu_flags_format(struct seq_file *m, const u32 words[NCAPINTS]);

#endif /* _ASM_X86_CPUFEATURE_H */
