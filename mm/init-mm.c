// SPDX-License-Identifier: GPL-2.0
/*
 * init_mm: the kernel's address space, as Linux's mm/init-mm.c.  Its page
 * tables are built by paging_init() (arch/x86/mm/init.c) and shared, in
 * their kernel half, by every other address space.  It has no VMAs: the
 * vmalloc area keeps its own tree (mm/vmalloc.c).  Kernel threads run on
 * it as their active_mm with mm NULL, each holding a reference (mm_count)
 * while they do (the boot task's is taken by sched_init(), as in Linux).
 * Never freed: mm_users 2 and mm_count 1, as in Linux, so no mmput() or
 * mmdrop() can release it.
 */
#include <keel/mm_types.h>

struct mm_struct init_mm = {
	.mm_rb		= VMA_TREE_INIT,
	.mmap_lock	= __RWSEM_INITIALIZER(init_mm.mmap_lock),
	.page_table_lock = __SPIN_LOCK_UNLOCKED(init_mm.page_table_lock),
	.mm_users	= ATOMIC_INIT(2),
	.mm_count	= ATOMIC_INIT(1),
};
