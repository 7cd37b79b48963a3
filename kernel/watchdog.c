// SPDX-License-Identifier: GPL-2.0
/*
 * The lockup detectors, after Linux's kernel/watchdog.c.
 *
 * Soft lockup: kernel code that runs for more than 2 * watchdog_thresh
 * seconds without reaching a point that touches the watchdog: schedule(),
 * cond_resched(), the idle loop and the end of each initcall (Linux's
 * stopper thread, which a reschedule lets run).  User code is always
 * preemptible, so a sample that finds the CPU in user mode counts as
 * progress.  A kernel timer (Linux uses an hrtimer) runs every
 * sample period, 2/5 of watchdog_thresh, and checks how long ago the
 * watchdog was touched by local_clock() (the TSC, like Linux's
 * running_clock(): jiffies fall behind when ticks are lost).
 *
 * Hard lockup: a CPU with interrupts off for more than watchdog_thresh
 * seconds.  An NMI source from the arch (watchdog_hardlockup_probe())
 * calls in every NMI, and once per watchdog_thresh seconds of NMIs checks
 * that jiffies moved: that at least one tick came.  (Linux checks that its
 * hrtimer ran.  Under QEMU's TCG on a busy host, periodic timers lose
 * most of their interrupts while the vCPU spins: measured, a 250 Hz tick
 * came 66 times a second while the 20 Hz NMI came 10 times, so a check
 * that wanted several ticks per period would report lockups that are not
 * there.)
 *
 * A report says where the CPU was and, with softlockup_panic= or
 * hardlockup_panic=, panics.  Each lockup is reported once, until the CPU
 * gets going again.  Nothing is checked during an oops or a panic.  One
 * CPU: the state below is touched from the timer softirq, the NMI and the
 * code that touches the watchdog, each a single store.
 */
#define pr_fmt(fmt) "watchdog: " fmt

#include <keel/delay.h>
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/jiffies.h>
#include <keel/kstrtox.h>
#include <keel/nmi.h>
#include <keel/panic.h>
#include <keel/param.h>
#include <keel/printk.h>
#include <keel/sched.h>
#include <keel/string.h>
#include <keel/timekeeping.h>
#include <keel/timer.h>
#include <asm/irq_regs.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

static unsigned int watchdog_thresh = 10;	/* seconds; 0: off */
static bool soft_enabled = IS_ENABLED(CONFIG_SOFTLOCKUP_DETECTOR);
static bool hard_enabled = IS_ENABLED(CONFIG_HARDLOCKUP_DETECTOR);
static bool softlockup_panic;
static bool hardlockup_panic;

static int watchdog_thresh_setup(const char *val)
{
	unsigned int thresh;

	if (!val || kstrtouint(val, 0, &thresh) || thresh > 60)
		return -EINVAL;
	watchdog_thresh = thresh;
	return 0;
}
kernel_param("watchdog_thresh", watchdog_thresh_setup);

static int nowatchdog_setup(const char *val)
{
	soft_enabled = false;
	hard_enabled = false;
	return 0;
}
kernel_param("nowatchdog", nowatchdog_setup);

static int nosoftlockup_setup(const char *val)
{
	soft_enabled = false;
	return 0;
}
kernel_param("nosoftlockup", nosoftlockup_setup);

static int panic_flag_setup(const char *val, bool *flag)
{
	unsigned int v;

	if (!val || kstrtouint(val, 0, &v) || v > 1)
		return -EINVAL;
	*flag = v;
	return 0;
}

static int softlockup_panic_setup(const char *val)
{
	return panic_flag_setup(val, &softlockup_panic);
}
kernel_param("softlockup_panic", softlockup_panic_setup);

static int hardlockup_panic_setup(const char *val)
{
	return panic_flag_setup(val, &hardlockup_panic);
}
kernel_param("hardlockup_panic", hardlockup_panic_setup);

/* nmi_watchdog=0|1|panic|nopanic, as in Linux. */
static int nmi_watchdog_setup(const char *val)
{
	if (!val)
		return -EINVAL;
	if (!strcmp(val, "panic"))
		hardlockup_panic = true;
	else if (!strcmp(val, "nopanic"))
		hardlockup_panic = false;
	else if (!strcmp(val, "0"))
		hard_enabled = false;
	else if (!strcmp(val, "1"))
		hard_enabled = true;
	else
		return -EINVAL;
	return 0;
}
kernel_param("nmi_watchdog", nmi_watchdog_setup);

/* Where the stuck CPU was: the interrupted code's registers and trace. */
static void print_lockup_regs(struct pt_regs *regs)
{
	if (regs)
		show_regs(regs);
	else
		dump_stack();
}

#ifdef CONFIG_SOFTLOCKUP_DETECTOR
static u64 watchdog_touch_ns;
static bool soft_watchdog_warn;
static struct timer_list watchdog_timer;

void touch_softlockup_watchdog(void)
{
	WRITE_ONCE(watchdog_touch_ns, local_clock());
}

static void watchdog_check_softlockup(void)
{
	u64 now = local_clock(), touched = READ_ONCE(watchdog_touch_ns);
	unsigned int stuck = (now - touched) / NSEC_PER_SEC;
	struct pt_regs *regs = get_irq_regs();

	if (regs && user_mode(regs)) {
		touch_softlockup_watchdog();
		return;
	}
	if (stuck < 2 * watchdog_thresh) {
		soft_watchdog_warn = false;
		return;
	}
	if (soft_watchdog_warn)
		return;
	soft_watchdog_warn = true;
	pr_emerg("BUG: soft lockup - CPU#0 stuck for %us! [%s:%d]\n",
		 stuck, current->comm, current->pid);
	print_lockup_regs(regs);
	if (softlockup_panic)
		panic("softlockup: hung tasks");
}

/* The sample timer: every 2/5 of watchdog_thresh, in the timer softirq. */
static void watchdog_timer_fn(struct timer_list *timer)
{
	if (!oops_in_progress)
		watchdog_check_softlockup();
	mod_timer(timer, jiffies + (u64)watchdog_thresh * 2 * HZ / 5);
}

static void softlockup_detector_init(void)
{
	if (!soft_enabled)
		return;
	touch_softlockup_watchdog();
	timer_setup(&watchdog_timer, watchdog_timer_fn, 0);
	mod_timer(&watchdog_timer, jiffies + (u64)watchdog_thresh * 2 * HZ / 5);
}
#else
static void softlockup_detector_init(void)
{
}
#endif

#ifdef CONFIG_HARDLOCKUP_DETECTOR
static unsigned int nmi_hz;		/* [I] NMIs a second */
static unsigned int nmi_count;		/* NMIs in this period */
static u64 jiffies_saved;
static bool hard_watchdog_touched;
static bool hard_watchdog_warn;
static bool hard_watchdog_running;

void touch_nmi_watchdog(void)
{
	WRITE_ONCE(hard_watchdog_touched, true);
	touch_softlockup_watchdog();
}

static void watchdog_check_hardlockup(struct pt_regs *regs)
{
	u64 now = READ_ONCE(jiffies);

	if (hard_watchdog_touched) {
		hard_watchdog_touched = false;
		jiffies_saved = now;
		return;
	}
	if (now != jiffies_saved) {
		jiffies_saved = now;
		hard_watchdog_warn = false;
		return;
	}
	if (hard_watchdog_warn)
		return;
	hard_watchdog_warn = true;
	/* The CPU may be stuck inside printk, holding its lock. */
	oops_in_progress++;
	pr_emerg("Watchdog detected hard LOCKUP on cpu 0\n");
	print_lockup_regs(regs);
	if (hardlockup_panic)
		panic("Hard LOCKUP");
	oops_in_progress--;
}

bool watchdog_hardlockup_nmi(struct pt_regs *regs)
{
	if (!hard_watchdog_running)
		return false;
	if (++nmi_count < watchdog_thresh * nmi_hz)
		return true;
	nmi_count = 0;
	if (!oops_in_progress)
		watchdog_check_hardlockup(regs);
	return true;
}

static void hardlockup_detector_init(void)
{
	int err;

	if (!hard_enabled)
		return;
	err = watchdog_hardlockup_probe(&nmi_hz);
	if (err) {
		printk(KERN_INFO "NMI watchdog: no NMI source (%d), hard lockups go undetected\n",
		       err);
		return;
	}
	jiffies_saved = jiffies;
	WRITE_ONCE(hard_watchdog_running, true);
	printk(KERN_INFO "NMI watchdog: Enabled, %u NMIs a second\n", nmi_hz);
}
#else
static void hardlockup_detector_init(void)
{
}
#endif

static int lockup_detector_init(void)
{
	if (!watchdog_thresh || (!soft_enabled && !hard_enabled)) {
		pr_info("disabled (watchdog_thresh=%u)\n", watchdog_thresh);
		return 0;
	}
	softlockup_detector_init();
	hardlockup_detector_init();
	return 0;
}
early_initcall(lockup_detector_init);
