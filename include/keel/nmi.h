/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lockup detectors (kernel/watchdog.c), as in Linux's <linux/nmi.h>.
 * Code that legitimately keeps the CPU for a long time says so with
 * touch_softlockup_watchdog() (running, interrupts on) or
 * touch_nmi_watchdog() (interrupts off; touches both detectors).
 */
#ifndef _KEEL_NMI_H
#define _KEEL_NMI_H

#include <keel/types.h>

struct pt_regs;

#ifdef CONFIG_SOFTLOCKUP_DETECTOR
void touch_softlockup_watchdog(void);
#else
static inline void touch_softlockup_watchdog(void)
{
}
#endif

#ifdef CONFIG_HARDLOCKUP_DETECTOR
void touch_nmi_watchdog(void);
/*
 * The arch's NMI source fired (any NMI while it runs): true if the
 * watchdog owns NMIs, so the NMI is not an unknown one.
 */
bool watchdog_hardlockup_nmi(struct pt_regs *regs);
/*
 * Arch: start an NMI that fires about @hz times a second whatever the
 * interrupt flag says; 0, or -errno when there is no such source.
 */
int watchdog_hardlockup_probe(unsigned int *hz);
#else
static inline void touch_nmi_watchdog(void)
{
	touch_softlockup_watchdog();
}

static inline bool watchdog_hardlockup_nmi(struct pt_regs *regs)
{
	return false;
}
#endif

#endif /* _KEEL_NMI_H */
