// SPDX-License-Identifier: GPL-2.0
/*
 * Blocking and waking (<keel/sched.h>).  With one task there is nobody to
 * switch to: schedule() halts the CPU until an interrupt handler has woken
 * the current task (set it TASK_RUNNING), which is the only way a sleeping
 * condition can come true.  The scheduler replaces the halt with a switch
 * to another runnable task, behind the same calls.
 *
 * The sleep checks (CONFIG_DEBUG_ATOMIC_SLEEP) report, as Linux does, a
 * sleep attempted while a spinlock is held, with interrupts off or from an
 * interrupt handler.
 */
#include <keel/debug_report.h>
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/sched.h>
#include <asm/processor.h>

bool try_to_wake_up(struct task_struct *task, unsigned int state)
{
	unsigned int cur = READ_ONCE(task->__state);

	if (!(cur & state))
		return false;
	WRITE_ONCE(task->__state, TASK_RUNNING);
	return true;
}

bool wake_up_process(struct task_struct *task)
{
	return try_to_wake_up(task, TASK_NORMAL);
}

static void schedule_debug(void)
{
	if (likely(!in_atomic()))
		return;
	debug_report(DEBUG_REPORT_SLEEP);
	pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n", current->comm,
	       current->pid, preempt_count());
	dump_stack();
}

/*
 * safe_halt() enables interrupts and halts in one step, so a wake-up from
 * an interrupt arriving after the state check still ends the halt.
 */
void schedule(void)
{
	unsigned long flags;

	schedule_debug();
	local_irq_save(flags);
	while (!task_is_running(current)) {
		safe_halt();
		local_irq_disable();
	}
	local_irq_restore(flags);
}

#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
void __might_sleep(const char *file, int line)
{
	static unsigned long prev_jiffy;
	bool irqs_off = irqs_disabled();

	/* Before the boot can wait, and in an oops, nothing is checked. */
	if (likely(!in_atomic() && !irqs_off) ||
	    system_state == SYSTEM_BOOTING || oops_in_progress)
		return;
	debug_report(DEBUG_REPORT_SLEEP);
	/* Printed once a second at most: a hot path would flood the log. */
	if (prev_jiffy && time_before(jiffies, prev_jiffy + HZ))
		return;
	prev_jiffy = jiffies ? jiffies : 1;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n",
	       in_atomic(), irqs_off, current->pid, current->comm);
	pr_err("preempt_count: %x, expected: 0\n", preempt_count());
	dump_stack();
}
#endif
