/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks.  Keel runs on one CPU today, but every lock is a real
 * test-and-set lock so the code is correct when SMP arrives.  The _irqsave
 * and _irq variants also mask interrupts, for data an interrupt handler
 * touches.
 *
 * CONFIG_DEBUG_SPINLOCK checks every operation (kernel/locking/): taking a
 * lock already held by the same owner, unlocking a lock that is not held
 * or is held by someone else, and inconsistent interrupt state (a lock
 * taken in a hard interrupt handler and elsewhere with interrupts on,
 * which deadlocks when the interrupt arrives at the wrong time).  The
 * owner is the kernel stack the acquirer runs on.  assert_spin_locked()
 * documents and checks that a caller holds a lock.
 */
#ifndef _KEEL_SPINLOCK_H
#define _KEEL_SPINLOCK_H

#include <keel/compiler.h>
#include <keel/preempt.h>
#include <keel/types.h>
#include <asm/processor.h>

typedef struct spinlock {
	volatile unsigned int locked;
#ifdef CONFIG_DEBUG_SPINLOCK
	unsigned int magic;
	unsigned int usage;		/* LOCK_USED_* */
	const void *owner;		/* the owner's stack, while held */
	const char *name;
#endif
} spinlock_t;

#ifdef CONFIG_DEBUG_SPINLOCK
#define SPINLOCK_MAGIC		0xdead4ead
#define __SPIN_LOCK_UNLOCKED(lockname)					\
	{ .magic = SPINLOCK_MAGIC, .name = #lockname }
#else
#define __SPIN_LOCK_UNLOCKED(lockname)	{ 0 }
#endif

#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

static inline bool arch_spin_trylock(spinlock_t *lock)
{
	return !__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void arch_spin_lock(spinlock_t *lock)
{
	while (!arch_spin_trylock(lock))
		while (READ_ONCE(lock->locked))
			cpu_relax();
}

static inline void arch_spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->locked);
}

#ifdef CONFIG_DEBUG_SPINLOCK
void __spin_lock_init(spinlock_t *lock, const char *name);
void do_raw_spin_lock(spinlock_t *lock, bool irqs_off_variant);
bool do_raw_spin_trylock(spinlock_t *lock);
void do_raw_spin_unlock(spinlock_t *lock);
void spin_check_irqs_still_off(spinlock_t *lock);
void assert_spin_locked(spinlock_t *lock);
void spin_lock_handoff(spinlock_t *lock);

#define spin_lock_init(lock)	__spin_lock_init(lock, #lock)
#else
static inline void spin_lock_init(spinlock_t *lock)
{
	lock->locked = 0;
}

#define do_raw_spin_lock(lock, irqs_off)	arch_spin_lock(lock)
#define do_raw_spin_trylock(lock)		arch_spin_trylock(lock)
#define do_raw_spin_unlock(lock)		arch_spin_unlock(lock)
#define spin_check_irqs_still_off(lock)		((void)(lock))
#define assert_spin_locked(lock)		((void)(lock))
/*
 * The caller now owns @lock, held across a task switch by the task
 * before it (the run queue's lock, which the scheduler passes on).
 */
#define spin_lock_handoff(lock)			((void)(lock))
#endif

/*
 * Holding a spinlock is atomic context: each lock raises the preempt
 * count, so might_sleep() catches a sleep under it and, later, the
 * scheduler does not preempt the holder.
 */
static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	do_raw_spin_lock(lock, false);
}

static inline bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (do_raw_spin_trylock(lock))
		return true;
	preempt_enable();
	return false;
}

static inline void spin_unlock(spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	preempt_enable();
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	do_raw_spin_lock(lock, true);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	spin_check_irqs_still_off(lock);
	do_raw_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

#define spin_lock_irqsave(lock, flags)					\
	do {								\
		local_irq_save(flags);					\
		preempt_disable();					\
		do_raw_spin_lock(lock, true);				\
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock,
					  unsigned long flags)
{
	spin_check_irqs_still_off(lock);
	do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

#endif /* _KEEL_SPINLOCK_H */
