/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The mmap lock, with Linux's helpers: an rw_semaphore in each mm_struct
 * that guards its VMA tree and counters.  Readers look VMAs up (a page
 * fault), writers add, remove or change them (mmap, munmap, mprotect).
 * It sleeps; page_table_lock nests inside it.
 */
#ifndef _KEEL_MMAP_LOCK_H
#define _KEEL_MMAP_LOCK_H

#include <keel/bug.h>
#include <keel/mm_types.h>
#include <keel/rwsem.h>

static inline void mmap_init_lock(struct mm_struct *mm)
{
	init_rwsem(&mm->mmap_lock);
}

static inline void mmap_write_lock(struct mm_struct *mm)
{
	down_write(&mm->mmap_lock);
}

static inline bool mmap_write_trylock(struct mm_struct *mm)
{
	return down_write_trylock(&mm->mmap_lock);
}

static inline void mmap_write_unlock(struct mm_struct *mm)
{
	up_write(&mm->mmap_lock);
}

/* Keep the lock for reading, letting no writer in between. */
static inline void mmap_write_downgrade(struct mm_struct *mm)
{
	downgrade_write(&mm->mmap_lock);
}

static inline void mmap_read_lock(struct mm_struct *mm)
{
	down_read(&mm->mmap_lock);
}

static inline bool mmap_read_trylock(struct mm_struct *mm)
{
	return down_read_trylock(&mm->mmap_lock);
}

static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}

/* Warns unless someone holds the lock (it cannot tell who). */
static inline void mmap_assert_locked(struct mm_struct *mm)
{
	WARN_ON(!rwsem_is_locked(&mm->mmap_lock));
}

#endif /* _KEEL_MMAP_LOCK_H */
