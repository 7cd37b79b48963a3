// SPDX-License-Identifier: GPL-2.0
/*
 * Interval timers: alarm(2), getitimer(2) and setitimer(2), per process
 * (in signal_struct), with Linux's values and errors.
 *
 * ITIMER_REAL counts on the monotonic clock: a kernel timer in jiffies
 * whose function checks the clock and waits a tick more when it fired
 * early, so it never expires before its time.  While pending it holds a
 * reference to the signal_struct; a process that ends with it armed
 * keeps the struct until the next expiry, which sees no live thread and
 * lets go.  On expiry it counts the expiry (it_real_expired) and sends
 * SIGALRM to the process.
 *
 * ITIMER_VIRTUAL and ITIMER_PROF count the process's user, and user plus
 * system, CPU time, which the tick charges; itimer_tick() fires them
 * (SIGVTALRM, SIGPROF) at the tick that takes the time past the expiry.
 *
 * itimer_lock (irqsave) guards every process's timer fields.
 */
#include <keel/errno.h>
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/sched.h>
#include <keel/sched/cputime.h>
#include <keel/sched/signal.h>
#include <keel/signal.h>
#include <keel/spinlock.h>
#include <keel/syscalls.h>
#include <keel/time.h>
#include <keel/uaccess.h>

static DEFINE_SPINLOCK(itimer_lock);


/* The jiffy at which a kernel timer should look at @deadline again. */
static u64 deadline_to_jiffies(s64 deadline)
{
	s64 left = deadline - (s64)ktime_get_ns();

	if (left <= 0)
		return get_jiffies_64() + 1;
	return get_jiffies_64() + DIV_ROUND_UP((u64)left, TICK_NSEC);
}

/*
 * The timer's reference: handed on when it re-arms itself, dropped when
 * the timer stops, or when a setitimer() re-armed it meanwhile (with a
 * reference of its own).
 */
static void it_real_fn(struct timer_list *t)
{
	struct signal_struct *sig = container_of(t, struct signal_struct,
						 real_timer);
	unsigned long flags;
	bool keep = false, fire = false;
	s64 now;

	spin_lock_irqsave(&itimer_lock, flags);
	if (timer_pending(t) || !sig->it_real_expires)
		goto out;
	if (!atomic_read(&sig->live)) {
		sig->it_real_expires = 0;
		goto out;
	}
	now = ktime_get_ns();
	if (now >= sig->it_real_expires) {
		sig->it_real_expired++;
		fire = true;
		if (!sig->it_real_incr) {
			sig->it_real_expires = 0;
			goto out;
		}
		/* Missed periods are skipped, as Linux counts them overruns. */
		while (sig->it_real_expires <= now)
			sig->it_real_expires += sig->it_real_incr;
	}
	mod_timer(t, deadline_to_jiffies(sig->it_real_expires));
	keep = true;
out:
	spin_unlock_irqrestore(&itimer_lock, flags);
	if (fire)
		signal_group_send(sig, SIGALRM, SEND_SIG_PRIV);
	if (!keep)
		put_signal_struct(sig);
}

static bool timeval_valid(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 &&
	       tv->tv_usec < (long)USEC_PER_SEC;
}

static u64 timeval_to_ns(const struct __kernel_old_timeval *tv)
{
	if ((u64)tv->tv_sec >= KTIME_MAX / NSEC_PER_SEC / 2)
		return KTIME_MAX / 2;	/* never, without overflow */
	return tv->tv_sec * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
}

/* Rounded up: an armed timer never reads 0. */
static struct __kernel_old_timeval ns_to_timeval(u64 ns)
{
	u64 us = DIV_ROUND_UP(ns, NSEC_PER_USEC);

	return (struct __kernel_old_timeval) {
		.tv_sec = us / USEC_PER_SEC,
		.tv_usec = us % USEC_PER_SEC,
	};
}

static u64 process_cputime(int which)
{
	struct task_cputime ct;

	thread_group_cputime(current, &ct);
	return which == ITIMER_VIRTUAL ? ct.utime : ct.utime + ct.stime;
}

/* Under itimer_lock. */
static void get_itimer_locked(struct signal_struct *sig, int which, u64 cpu,
			      struct __kernel_old_itimerval *value)
{
	u64 left = 0, incr;

	if (which == ITIMER_REAL) {
		incr = sig->it_real_incr;
		if (sig->it_real_expires) {
			s64 rem = sig->it_real_expires - (s64)ktime_get_ns();

			left = rem > 0 ? rem : NSEC_PER_USEC;
		}
	} else {
		struct cpu_itimer *it = &sig->it[which - 1];

		incr = it->incr;
		if (it->expires)
			/* Past due: it fires at the next tick, as in Linux. */
			left = it->expires > cpu ? it->expires - cpu :
						   TICK_NSEC;
	}
	value->it_value = ns_to_timeval(left);
	value->it_interval = ns_to_timeval(incr);
}

static long do_getitimer(int which, struct __kernel_old_itimerval *value)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	u64 cpu = 0;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (which != ITIMER_REAL)
		cpu = process_cputime(which);
	spin_lock_irqsave(&itimer_lock, flags);
	get_itimer_locked(sig, which, cpu, value);
	spin_unlock_irqrestore(&itimer_lock, flags);
	return 0;
}

static long do_setitimer(int which, const struct __kernel_old_itimerval *value,
			 struct __kernel_old_itimerval *ovalue)
{
	struct signal_struct *sig = current->signal;
	u64 val, incr, cpu = 0;
	unsigned long flags;
	bool put = false;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (!timeval_valid(&value->it_value) ||
	    !timeval_valid(&value->it_interval))
		return -EINVAL;
	val = timeval_to_ns(&value->it_value);
	incr = timeval_to_ns(&value->it_interval);
	if (which != ITIMER_REAL)
		cpu = process_cputime(which);

	spin_lock_irqsave(&itimer_lock, flags);
	if (ovalue)
		get_itimer_locked(sig, which, cpu, ovalue);
	if (which == ITIMER_REAL) {
		if (!sig->real_timer.function)
			timer_setup(&sig->real_timer, it_real_fn, 0);
		/* A pending timer's reference: kept if it stays armed. */
		if (del_timer(&sig->real_timer))
			put = true;
		sig->it_real_incr = incr;
		sig->it_real_expires = 0;
		if (val) {
			sig->it_real_expires = ktime_get_ns() + val;
			mod_timer(&sig->real_timer,
				  deadline_to_jiffies(sig->it_real_expires));
			if (put)
				put = false;
			else
				atomic_inc(&sig->sigcnt);
		}
	} else {
		sig->it[which - 1].expires = val ? cpu + val : 0;
		sig->it[which - 1].incr = incr;
	}
	spin_unlock_irqrestore(&itimer_lock, flags);
	if (put)
		put_signal_struct(sig);
	return 0;
}

SYSCALL_DEFINE2(getitimer, int, which,
		struct __kernel_old_itimerval __user *, value)
{
	struct __kernel_old_itimerval kval;
	long ret = do_getitimer(which, &kval);

	if (!ret && copy_to_user(value, &kval, sizeof(kval)))
		return -EFAULT;
	return ret;
}

/* A NULL new value disarms the timer, as Linux has allowed since 2.6. */
SYSCALL_DEFINE3(setitimer, int, which,
		struct __kernel_old_itimerval __user *, value,
		struct __kernel_old_itimerval __user *, ovalue)
{
	struct __kernel_old_itimerval kval = {}, kold;
	long ret;

	if (value && copy_from_user(&kval, value, sizeof(kval)))
		return -EFAULT;
	ret = do_setitimer(which, &kval, ovalue ? &kold : NULL);
	if (!ret && ovalue && copy_to_user(ovalue, &kold, sizeof(kold)))
		return -EFAULT;
	return ret;
}

/* The seconds left of the previous alarm, rounded to nearest (not 0). */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct __kernel_old_itimerval kval = {
		.it_value.tv_sec = seconds,
	}, kold;

	do_setitimer(ITIMER_REAL, &kval, &kold);
	if ((!kold.it_value.tv_sec && kold.it_value.tv_usec) ||
	    kold.it_value.tv_usec >= 500000)
		kold.it_value.tv_sec++;
	return kold.it_value.tv_sec;
}

/*
 * The tick, after it charged @p: ITIMER_VIRTUAL and ITIMER_PROF of @p's
 * process when its CPU time has reached them.  Hard interrupt context,
 * outside the run queue's lock (sending a signal wakes tasks).
 */
void itimer_tick(struct task_struct *p)
{
	static const int sigs[2] = { SIGVTALRM, SIGPROF };
	struct signal_struct *sig = p->signal;
	bool fire[2] = { false, false };
	struct task_cputime ct;
	unsigned long flags;
	int i;

	if (!sig || (!READ_ONCE(sig->it[0].expires) &&
		     !READ_ONCE(sig->it[1].expires)))
		return;
	thread_group_cputime(p, &ct);
	spin_lock_irqsave(&itimer_lock, flags);
	for (i = 0; i < 2; i++) {
		struct cpu_itimer *it = &sig->it[i];
		u64 now = i == 0 ? ct.utime : ct.utime + ct.stime;

		if (!it->expires || now < it->expires)
			continue;
		fire[i] = true;
		if (!it->incr) {
			it->expires = 0;
			continue;
		}
		while (it->expires <= now)
			it->expires += it->incr;
	}
	spin_unlock_irqrestore(&itimer_lock, flags);
	for (i = 0; i < 2; i++)
		if (fire[i])
			signal_group_send(sig, sigs[i], SEND_SIG_PRIV);
}
