/* SPDX-License-Identifier: GPL-2.0 */
/* sysinfo(2)'s struct sysinfo: Linux's x86_64 layout. */
#ifndef _UAPI_LINUX_SYSINFO_H
#define _UAPI_LINUX_SYSINFO_H

#include <keel/types.h>

#define SI_LOAD_SHIFT	16

struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5, 15 min, << SI_LOAD_SHIFT */
	unsigned long totalram;		/* in mem_unit units */
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	u16 procs;			/* number of processes */
	u16 pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	u32 mem_unit;			/* bytes */
	char _f[20 - 2 * sizeof(unsigned long) - sizeof(u32)];
};

#endif /* _UAPI_LINUX_SYSINFO_H */
