/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmap(), mprotect(), msync() and madvise() arguments: Linux's values,
 * which user space compiles against.  The x86_64 flags the generic list
 * leaves to the architecture (MAP_GROWSDOWN and friends, MAP_32BIT) are
 * here too, since x86_64 is Keel's only architecture.
 */
#ifndef _UAPI_ASM_GENERIC_MMAN_COMMON_H
#define _UAPI_ASM_GENERIC_MMAN_COMMON_H

#define PROT_READ	0x1		/* page can be read */
#define PROT_WRITE	0x2		/* page can be written */
#define PROT_EXEC	0x4		/* page can be executed */
#define PROT_SEM	0x8		/* page may be used for atomic ops */
#define PROT_NONE	0x0		/* page can not be accessed */
#define PROT_GROWSDOWN	0x01000000	/* extend change to start of growsdown vma */
#define PROT_GROWSUP	0x02000000	/* extend change to end of growsup vma */

#define MAP_SHARED		0x01	/* share changes */
#define MAP_PRIVATE		0x02	/* changes are private */
#define MAP_SHARED_VALIDATE	0x03	/* share, and refuse unknown flags */
#define MAP_TYPE		0x0f	/* mask for the type of mapping */
#define MAP_FIXED		0x10	/* interpret addr exactly */
#define MAP_ANONYMOUS		0x20	/* don't use a file */
#define MAP_32BIT		0x40	/* only give out 32-bit addresses */

#define MAP_GROWSDOWN		0x0100	/* stack-like segment */
#define MAP_DENYWRITE		0x0800	/* ignored */
#define MAP_EXECUTABLE		0x1000	/* ignored */
#define MAP_LOCKED		0x2000	/* pages are locked */
#define MAP_NORESERVE		0x4000	/* don't check for reservations */
#define MAP_POPULATE		0x008000	/* populate (prefault) pagetables */
#define MAP_NONBLOCK		0x010000	/* do not block on IO */
#define MAP_STACK		0x020000	/* an address fit for a stack */
#define MAP_HUGETLB		0x040000	/* create a huge page mapping */
#define MAP_SYNC		0x080000	/* synchronous page faults (DAX) */
#define MAP_FIXED_NOREPLACE	0x100000	/* MAP_FIXED, but never unmapping */
#define MAP_UNINITIALIZED	0x4000000	/* anonymous memory, not zeroed */

#define MAP_FILE	0
#define MAP_ANON	MAP_ANONYMOUS

#define MS_ASYNC	1		/* sync memory asynchronously */
#define MS_INVALIDATE	2		/* invalidate the caches */
#define MS_SYNC		4		/* synchronous memory sync */

#define MADV_NORMAL	0		/* no further special treatment */
#define MADV_RANDOM	1		/* expect random page references */
#define MADV_SEQUENTIAL	2		/* expect sequential page references */
#define MADV_WILLNEED	3		/* will need these pages */
#define MADV_DONTNEED	4		/* don't need these pages */
#define MADV_FREE	8		/* free pages only if memory pressure */
#define MADV_REMOVE	9		/* remove these pages & resources */
#define MADV_DONTFORK	10		/* don't inherit across fork */
#define MADV_DOFORK	11		/* do inherit across fork */
#define MADV_MERGEABLE	12		/* KSM may merge identical pages */
#define MADV_UNMERGEABLE 13		/* KSM may not merge identical pages */
#define MADV_HUGEPAGE	14		/* worth backing with hugepages */
#define MADV_NOHUGEPAGE	15		/* not worth backing with hugepages */
#define MADV_DONTDUMP	16		/* explicitly exclude from core dump */
#define MADV_DODUMP	17		/* clear the MADV_DONTDUMP flag */
#define MADV_WIPEONFORK	18		/* zero memory on fork, child only */
#define MADV_KEEPONFORK	19		/* undo MADV_WIPEONFORK */
#define MADV_COLD	20		/* deactivate these pages */
#define MADV_PAGEOUT	21		/* reclaim these pages */
#define MADV_POPULATE_READ	22	/* populate (prefault) page tables readable */
#define MADV_POPULATE_WRITE	23	/* populate (prefault) page tables writable */
#define MADV_HWPOISON	100		/* poison a page for testing */

#endif /* _UAPI_ASM_GENERIC_MMAN_COMMON_H */
