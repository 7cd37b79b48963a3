// SPDX-License-Identifier: GPL-2.0
/*
 * The per-CPU areas (<asm/percpu.h>): the boot CPU's is static, so that
 * current works from the first line of C; secondary CPUs will get theirs
 * when SMP brings them up.
 */
#include <keel/sched.h>
#include <asm/msr-index.h>
#include <asm/percpu.h>
#include <asm/processor.h>

struct pcpu_hot boot_pcpu_hot = {
	.current_task	= &init_task,
};

void load_percpu_segment(struct pcpu_hot *area)
{
	wrmsr(MSR_GS_BASE, (unsigned long)area);
}
