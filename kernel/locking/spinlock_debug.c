// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_DEBUG_SPINLOCK: every lock operation checks its lock.  A problem
 * is reported as Linux reports it ("BUG: spinlock recursion on CPU#0"),
 * with a backtrace, and counted; the operation then goes ahead (a
 * recursive lock would spin forever, so that one oopses instead).
 *
 * Interrupt-state checking is a small slice of lockdep: each lock
 * remembers whether it was ever taken inside a hard interrupt handler and
 * whether it was ever taken with interrupts enabled.  Both means an
 * interrupt can arrive while the lock is held and spin on it forever.
 */
#include <keel/bug.h>
#include <keel/debug_report.h>
#include <keel/hardirq.h>
#include <keel/printk.h>
#include <keel/spinlock.h>
#include <keel/spinlock_debug.h>
#include <asm/page.h>

#define LOCK_USED_IN_HARDIRQ	(1 << 0)
#define LOCK_USED_HARDIRQ_ON	(1 << 1)
#define LOCK_REPORTED_IRQ_STATE	(1 << 2)

unsigned int spinlock_debug_reports;

/* Who is running: the kernel stack it runs on identifies it. */
static const void *lock_owner_self(void)
{
	unsigned long sp;

	__asm__ __volatile__("mov %%rsp, %0" : "=r"(sp));
	return (const void *)(sp & ~(THREAD_SIZE - 1));
}

static void spin_bug(spinlock_t *lock, const char *msg)
{
	spinlock_debug_reports++;
	pr_emerg("BUG: spinlock %s on CPU#0, lock: %p, .magic: %08x, .owner: %p, .name: %s\n",
		 msg, lock, lock->magic, lock->owner,
		 lock->name ? lock->name : "?");
	dump_stack();
	debug_report(DEBUG_REPORT_SPINLOCK);
}

void __spin_lock_init(spinlock_t *lock, const char *name)
{
	*lock = (spinlock_t){ .magic = SPINLOCK_MAGIC, .name = name };
}

enum spin_bug_kind spin_debug_check_lock(spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC)
		return SPIN_BUG_BAD_MAGIC;
	if (spin_is_locked(lock) && lock->owner == lock_owner_self())
		return SPIN_BUG_RECURSION;
	return SPIN_BUG_NONE;
}

static void check_irq_state(spinlock_t *lock, bool irqs_off_variant)
{
	if (in_hardirq())
		lock->usage |= LOCK_USED_IN_HARDIRQ;
	else if (!irqs_off_variant && !irqs_disabled())
		lock->usage |= LOCK_USED_HARDIRQ_ON;

	if ((lock->usage & LOCK_USED_IN_HARDIRQ) &&
	    (lock->usage & LOCK_USED_HARDIRQ_ON) &&
	    !(lock->usage & LOCK_REPORTED_IRQ_STATE)) {
		lock->usage |= LOCK_REPORTED_IRQ_STATE;
		spin_bug(lock, "inconsistent lock state: taken in hardirq and with irqs on");
	}
}

void do_raw_spin_lock(spinlock_t *lock, bool irqs_off_variant)
{
	switch (spin_debug_check_lock(lock)) {
	case SPIN_BUG_BAD_MAGIC:
		spin_bug(lock, "bad magic");
		break;
	case SPIN_BUG_RECURSION:
		spin_bug(lock, "recursion");
		BUG();
	default:
		break;
	}
	check_irq_state(lock, irqs_off_variant);
	arch_spin_lock(lock);
	lock->owner = lock_owner_self();
}

bool do_raw_spin_trylock(spinlock_t *lock)
{
	if (!arch_spin_trylock(lock))
		return false;
	lock->owner = lock_owner_self();
	return true;
}

void do_raw_spin_unlock(spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC)
		spin_bug(lock, "bad magic");
	else if (!spin_is_locked(lock))
		spin_bug(lock, "already unlocked");
	else if (lock->owner != lock_owner_self())
		spin_bug(lock, "wrong owner");
	lock->owner = NULL;
	arch_spin_unlock(lock);
}

/* A lock taken with interrupts off must still have them off at unlock. */
void spin_check_irqs_still_off(spinlock_t *lock)
{
	if (!irqs_disabled())
		spin_bug(lock, "released with irqs enabled by the holder");
}

void assert_spin_locked(spinlock_t *lock)
{
	if (!spin_is_locked(lock) || lock->owner != lock_owner_self())
		spin_bug(lock, "not held by the caller");
}

void spin_lock_handoff(spinlock_t *lock)
{
	lock->owner = lock_owner_self();
}
