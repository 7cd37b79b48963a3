// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler (<keel/sched.h>): one run queue per CPU (one CPU today),
 * preemptive and driven by the tick.
 *
 * Policies, as Linux numbers them: SCHED_FIFO and SCHED_RR tasks run by
 * strict priority (0..99, lower first), a FIFO task until it blocks or
 * yields, an RR task for RR_TIMESLICE before the next of its priority.
 * The other policies (SCHED_NORMAL, BATCH, IDLE) share one round-robin
 * queue below all real-time tasks, and the nice value sets the length of
 * a task's turn by Linux's weights: a nice 0 task gets BASE_SLICE_NS,
 * each nice level about 1.25 times more or less, so CPU time is shared
 * in the ratio of the weights, as CFS shares it.
 *
 * The running task is off its queue: pick_next_task() dequeues it and
 * __schedule() queues it again if it is still runnable (at the tail when
 * its turn is over or it yields, at the head when a higher priority
 * preempted it).  The idle task (init_task once the boot has started PID
 * 1) is never queued; it runs when nothing else can.
 *
 * The kernel is not preemptible (Linux's PREEMPT_NONE): a task gives up
 * the CPU in schedule(), at cond_resched() points, or on its way back to
 * user mode when the tick or a wake-up has set TIF_NEED_RESCHED.
 *
 * Lock: rq->lock, with interrupts off (the tick and wake-ups from
 * interrupt handlers take it).  It is held across the switch and
 * released by the next task in finish_task_switch(), as in Linux, so no
 * other CPU could see a half-switched task once there are several.
 */
#include <keel/debug_report.h>
#include <keel/errno.h>
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/kernel_stat.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <keel/sched/signal.h>
#include <keel/spinlock.h>
#include <keel/timekeeping.h>
#include <keel/uaccess.h>
#include <keel/vmalloc.h>
#include <asm/desc.h>
#include <asm/mmu_context.h>
#include <asm/switch_to.h>
#include <asm/processor.h>

#define BASE_SLICE_NS		(10 * 1000 * 1000ULL)
#define RR_TIMESLICE_NS		(100 * 1000 * 1000ULL)
#define NR_QUEUES		(MAX_RT_PRIO + 1)	/* RT levels + others */
#define NORMAL_QUEUE		MAX_RT_PRIO
#define NO_SLICE_END		(~0ULL)

struct rq {
	spinlock_t lock;
	u64 bitmap[2];			/* bit q: queues[q] is not empty */
	struct list_head queues[NR_QUEUES];
	unsigned int nr_running;	/* queued, not counting current */
	struct task_struct *curr;
	struct task_struct *idle;
	struct mm_struct *prev_mm;	/* a lazy-TLB mm to drop after switch */
	u64 nr_switches;
	struct kernel_cpustat cpustat;	/* the tick's charges by kind */
	bool yield;			/* current asked to go to the tail */
};

static struct rq runqueue = {
	.lock = __SPIN_LOCK_UNLOCKED(runqueue.lock),
	.curr = &init_task,
	.idle = &init_task,
};

/*
 * Linux's sched_prio_to_weight[]: the share of nice -20..19, each level
 * about 10% of CPU time away from the next, nice 0 = 1024.
 */
static const u32 prio_to_weight[40] = {
	88761, 71755, 56483, 46273, 36291,
	29154, 23254, 18705, 14949, 11916,
	9548, 7620, 6100, 4904, 3906,
	3121, 2501, 1991, 1586, 1277,
	1024, 820, 655, 526, 423,
	335, 272, 215, 172, 137,
	110, 87, 70, 56, 45,
	36, 29, 23, 18, 15,
};

static bool rt_policy(unsigned int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

static unsigned int queue_of(const struct task_struct *p)
{
	return rt_policy(p->policy) ? p->prio : NORMAL_QUEUE;
}

/* A full turn for @p: FIFO tasks have no end to theirs. */
static u64 task_slice(const struct task_struct *p)
{
	if (p->policy == SCHED_FIFO)
		return NO_SLICE_END;
	if (p->policy == SCHED_RR)
		return RR_TIMESLICE_NS;
	return BASE_SLICE_NS * prio_to_weight[p->static_prio - MAX_RT_PRIO] /
	       1024;
}

static void enqueue_task(struct rq *rq, struct task_struct *p, bool head)
{
	unsigned int q = queue_of(p);

	if (head)
		list_add(&p->run_list, &rq->queues[q]);
	else
		list_add_tail(&p->run_list, &rq->queues[q]);
	rq->bitmap[q / 64] |= 1ULL << (q % 64);
	rq->nr_running++;
}

static void dequeue_task(struct rq *rq, struct task_struct *p)
{
	unsigned int q = queue_of(p);

	list_del_init(&p->run_list);
	if (list_empty(&rq->queues[q]))
		rq->bitmap[q / 64] &= ~(1ULL << (q % 64));
	rq->nr_running--;
}

/* The first non-empty queue: the highest priority with a runnable task. */
static int first_queue(const struct rq *rq)
{
	if (rq->bitmap[0])
		return __builtin_ctzll(rq->bitmap[0]);
	if (rq->bitmap[1])
		return 64 + __builtin_ctzll(rq->bitmap[1]);
	return -1;
}

static struct task_struct *pick_next_task(struct rq *rq)
{
	struct task_struct *p;
	int q = first_queue(rq);

	if (q < 0)
		return rq->idle;
	p = list_first_entry(&rq->queues[q], struct task_struct, run_list);
	dequeue_task(rq, p);
	if (!p->slice_ns)
		p->slice_ns = task_slice(p);
	return p;
}

/* Would @p, just made runnable, run before the current task? */
static bool preempts_curr(const struct rq *rq, const struct task_struct *p)
{
	const struct task_struct *curr = rq->curr;

	if (is_idle_task(curr))
		return true;
	return queue_of(p) < queue_of(curr);
}

static void check_preempt(struct rq *rq, struct task_struct *p)
{
	if (preempts_curr(rq, p))
		set_tsk_need_resched(rq->curr);
}

/*
 * The wake-up: a task still on the run queue (it has set its state but
 * not yet left the CPU in schedule()) only needs its state back.
 */
bool try_to_wake_up(struct task_struct *p, unsigned int state)
{
	struct rq *rq = &runqueue;
	unsigned long flags;
	bool woken = false;

	spin_lock_irqsave(&rq->lock, flags);
	if (!(READ_ONCE(p->__state) & state))
		goto out;
	WRITE_ONCE(p->__state, TASK_RUNNING);
	woken = true;
	if (p->on_rq)
		goto out;
	p->on_rq = true;
	enqueue_task(rq, p, false);
	check_preempt(rq, p);
out:
	spin_unlock_irqrestore(&rq->lock, flags);
	return woken;
}

bool wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL);
}

bool wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state);
}

void sched_fork(struct task_struct *p)
{
	p->__state = TASK_RUNNING;
	p->on_rq = false;
	INIT_LIST_HEAD(&p->run_list);
	if (p->sched_reset_on_fork) {
		p->policy = SCHED_NORMAL;
		p->rt_priority = 0;
		p->static_prio = DEFAULT_PRIO;
		p->sched_reset_on_fork = false;
	}
	p->prio = rt_policy(p->policy) ? MAX_RT_PRIO - 1 - p->rt_priority :
					 p->static_prio;
	/* The child starts with a fresh turn; the parent keeps its own. */
	p->slice_ns = 0;
}

void wake_up_new_task(struct task_struct *p)
{
	struct rq *rq = &runqueue;
	unsigned long flags;

	spin_lock_irqsave(&rq->lock, flags);
	p->on_rq = true;
	enqueue_task(rq, p, false);
	check_preempt(rq, p);
	spin_unlock_irqrestore(&rq->lock, flags);
}

/*
 * The tick: charge the tick to current as user or system time and end
 * its turn when the slice is used up.
 */
void scheduler_tick(bool user_tick)
{
	struct rq *rq = &runqueue;
	struct task_struct *curr;

	spin_lock(&rq->lock);
	curr = rq->curr;
	if (user_tick)
		curr->utime += TICK_NSEC;
	else
		curr->stime += TICK_NSEC;
	rq->cpustat.cpustat[user_tick ? (task_nice(curr) > 0 ? CPUTIME_NICE :
							  CPUTIME_USER) :
			    is_idle_task(curr) ? CPUTIME_IDLE :
						 CPUTIME_SYSTEM] += TICK_NSEC;
	if (!is_idle_task(curr) && curr->policy != SCHED_FIFO) {
		if (curr->slice_ns > TICK_NSEC) {
			curr->slice_ns -= TICK_NSEC;
		} else {
			curr->slice_ns = 0;
			if (rq->nr_running)
				set_tsk_need_resched(curr);
		}
	}
	spin_unlock(&rq->lock);
}

void kcpustat_cpu_fetch(struct kernel_cpustat *dst, int cpu)
{
	struct rq *rq = &runqueue;
	unsigned long flags;

	spin_lock_irqsave(&rq->lock, flags);
	*dst = rq->cpustat;
	spin_unlock_irqrestore(&rq->lock, flags);
}

unsigned int nr_running(void)
{
	struct rq *rq = &runqueue;

	return READ_ONCE(rq->nr_running) +
	       !is_idle_task(READ_ONCE(rq->curr));
}

u64 nr_context_switches(void)
{
	return READ_ONCE(runqueue.nr_switches);
}

/*
 * After the switch, in the next task: release the run queue, drop the
 * lazily borrowed mm, and free what a dead task can only lose once it is
 * off its own stack.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = &runqueue;
	struct mm_struct *mm = rq->prev_mm;

	rq->prev_mm = NULL;
	spin_lock_handoff(&rq->lock);
	spin_unlock_irq(&rq->lock);
	if (mm)
		mmdrop(mm);
	if (READ_ONCE(prev->__state) == TASK_DEAD)
		put_task_struct(prev);
}

void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	/* CLONE_CHILD_SETTID: in the child's address space, now loaded. */
	if (current->set_child_tid)
		put_user(task_pid_vnr(current), current->set_child_tid);
}

/*
 * A kernel thread keeps running on the previous task's page tables
 * (active_mm, with a reference) instead of loading init_mm: the kernel
 * half is the same in all of them.
 */
static void context_switch(struct rq *rq, struct task_struct *prev,
			   struct task_struct *next)
{
	struct mm_struct *oldmm = prev->active_mm;

	if (!next->mm) {
		next->active_mm = oldmm;
		mmgrab(oldmm);
	} else {
		switch_mm(oldmm, next->mm, next);
	}
	if (!prev->mm) {
		prev->active_mm = NULL;
		rq->prev_mm = oldmm;
	}
	prev = switch_to(prev, next);
	finish_task_switch(prev);
}

static void __schedule(bool preempt)
{
	struct rq *rq = &runqueue;
	struct task_struct *prev = current, *next;
	unsigned int state;

	local_irq_disable();
	spin_lock(&rq->lock);
	clear_tsk_thread_flag(prev, TIF_NEED_RESCHED);
	state = READ_ONCE(prev->__state);
	if (!preempt && state != TASK_RUNNING &&
	    signal_pending_state(state, prev)) {
		WRITE_ONCE(prev->__state, TASK_RUNNING);
		state = TASK_RUNNING;
	}
	if (is_idle_task(prev)) {
		/* Never queued. */
	} else if (state == TASK_RUNNING || preempt) {
		enqueue_task(rq, prev, !rq->yield && prev->slice_ns);
		prev->nivcsw++;
	} else {
		prev->on_rq = false;
		prev->nvcsw++;
	}
	rq->yield = false;
	next = pick_next_task(rq);
	if (next == prev) {
		prev->nivcsw--;
		spin_unlock_irq(&rq->lock);
		return;
	}
	rq->curr = next;
	rq->nr_switches++;
	context_switch(rq, prev, next);
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

void schedule(void)
{
	schedule_debug();
	touch_softlockup_watchdog();
	__schedule(false);
}

void __cond_resched(void)
{
	if (need_resched() && !preempt_count() && !irqs_disabled() &&
	    system_state != SYSTEM_BOOTING)
		__schedule(true);
}

void yield(void)
{
	struct rq *rq = &runqueue;

	spin_lock_irq(&rq->lock);
	rq->yield = true;
	spin_unlock_irq(&rq->lock);
	__schedule(true);
}

/*
 * The idle task: halt until an interrupt makes something runnable.
 * Interrupts go off before the check, and safe_halt() turns them on in
 * the same step as the halt, so a wake-up cannot slip in between.
 */
__noreturn void cpu_startup_entry(void)
{
	current->flags |= PF_IDLE;
	/* The tasks made so far did not preempt the boot task: run them. */
	__schedule(true);
	for (;;) {
		local_irq_disable();
		while (!need_resched()) {
			touch_softlockup_watchdog();
			safe_halt();
			local_irq_disable();
		}
		local_irq_enable();
		__schedule(true);
	}
}

void set_user_nice(struct task_struct *p, long nice)
{
	struct rq *rq = &runqueue;
	unsigned long flags;

	nice = clamp(nice, (long)MIN_NICE, (long)MAX_NICE);
	spin_lock_irqsave(&rq->lock, flags);
	p->static_prio = NICE_TO_PRIO(nice);
	if (!rt_policy(p->policy))
		p->prio = p->static_prio;
	spin_unlock_irqrestore(&rq->lock, flags);
}

u64 sched_task_slice(const struct task_struct *p)
{
	return p->policy == SCHED_FIFO ? 0 : task_slice(p);
}

/*
 * Move @p to its new queue; a task that now outranks the running one, or
 * a running one now outranked, gives way at the next chance.
 */
int sched_setscheduler(struct task_struct *p, int policy, int rt_priority)
{
	struct rq *rq = &runqueue;
	unsigned long flags;
	bool queued;
	int q;

	if (rt_policy(policy) ? rt_priority < 1 || rt_priority >= MAX_RT_PRIO :
	    rt_priority || (policy != SCHED_NORMAL && policy != SCHED_BATCH &&
			    policy != SCHED_IDLE))
		return -EINVAL;
	spin_lock_irqsave(&rq->lock, flags);
	queued = p->on_rq && rq->curr != p;
	if (queued)
		dequeue_task(rq, p);
	p->policy = policy;
	p->rt_priority = rt_priority;
	p->prio = rt_policy(policy) ? MAX_RT_PRIO - 1 - rt_priority :
				      p->static_prio;
	p->slice_ns = min(p->slice_ns, task_slice(p));
	if (queued) {
		enqueue_task(rq, p, false);
		check_preempt(rq, p);
	} else if (rq->curr == p) {
		q = first_queue(rq);
		if (q >= 0 && (unsigned int)q < queue_of(p))
			set_tsk_need_resched(p);
	}
	spin_unlock_irqrestore(&rq->lock, flags);
	return 0;
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

void sched_init(void)
{
	struct rq *rq = &runqueue;
	unsigned int i;

	for (i = 0; i < NR_QUEUES; i++)
		INIT_LIST_HEAD(&rq->queues[i]);
	spin_lock_init(&rq->lock);
	/* The idle task's borrowed mm, which its first switch hands on. */
	mmgrab(&init_mm);
}
