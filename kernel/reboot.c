// SPDX-License-Identifier: GPL-2.0
/*
 * The generic half of halt, power-off and restart: say what is happening in
 * Linux's words (tests look for "reboot: Power down"), then hand over to
 * the machine.
 */
#include <keel/kernel.h>
#include <keel/printk.h>
#include <keel/reboot.h>
#include <asm/processor.h>

void (*pm_power_off)(void);

__noreturn void kernel_power_off(void)
{
	system_state = SYSTEM_POWER_OFF;
	local_irq_disable();
	pr_emerg("reboot: Power down\n");
	machine_power_off();
}

__noreturn void kernel_restart(void)
{
	system_state = SYSTEM_RESTART;
	local_irq_disable();
	pr_emerg("reboot: Restarting system\n");
	machine_restart();
}

__noreturn void kernel_halt(void)
{
	system_state = SYSTEM_HALT;
	local_irq_disable();
	pr_emerg("reboot: System halted\n");
	machine_halt();
}
