/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Halting, powering off and restarting the machine.  kernel_*() log what
 * they do in Linux's words ("reboot: Power down") and call the arch's
 * machine_*(); a driver that knows better (ACPI) sets pm_power_off.
 */
#ifndef _KEEL_REBOOT_H
#define _KEEL_REBOOT_H

#include <keel/compiler.h>

extern void (*pm_power_off)(void);

__noreturn void kernel_power_off(void);
__noreturn void kernel_restart(void);
__noreturn void kernel_halt(void);

__noreturn void machine_power_off(void);
__noreturn void machine_restart(void);
__noreturn void machine_halt(void);

#endif /* _KEEL_REBOOT_H */
