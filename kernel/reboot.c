// SPDX-License-Identifier: GPL-2.0
/*
 * The generic half of halt, power-off and restart: say what is happening in
 * Linux's words (tests look for "reboot: Power down"), then hand over to
 * the machine; and reboot(2), which asks for them from user space.
 */
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/printk.h>
#include <keel/reboot.h>
#include <keel/syscalls.h>
#include <asm/processor.h>
#include <uapi/linux/reboot.h>

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

/*
 * Only root may (CAP_SYS_BOOT), and only with the magic numbers, so a
 * stray call cannot take the machine down.  Ctrl-Alt-Del has no effect
 * to switch, and suspend and kexec are not there: -EINVAL, as Linux
 * without them.
 */
SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd,
		void __user *, arg)
{
	if (current_cred()->euid != 0)
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_RESTART2:
		kernel_restart();
	case LINUX_REBOOT_CMD_HALT:
		kernel_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		kernel_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}
