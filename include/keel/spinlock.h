/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks.  Keel runs on one CPU today, but every lock is a real
 * test-and-set lock so the code is correct when SMP arrives.  The _irqsave
 * variants also mask interrupts, for data an interrupt handler touches.
 */
#ifndef _KEEL_SPINLOCK_H
#define _KEEL_SPINLOCK_H

#include <keel/compiler.h>
#include <keel/types.h>
#include <asm/processor.h>

typedef struct {
	volatile unsigned int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED	{ 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->locked = 0;
}

static inline bool spin_trylock(spinlock_t *lock)
{
	return !__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void spin_lock(spinlock_t *lock)
{
	while (!spin_trylock(lock))
		while (READ_ONCE(lock->locked))
			cpu_relax();
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

#define spin_lock_irqsave(lock, flags)					\
	do {								\
		local_irq_save(flags);					\
		spin_lock(lock);					\
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock,
					  unsigned long flags)
{
	spin_unlock(lock);
	local_irq_restore(flags);
}

#endif /* _KEEL_SPINLOCK_H */
