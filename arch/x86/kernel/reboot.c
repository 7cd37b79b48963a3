// SPDX-License-Identifier: GPL-2.0
/*
 * The x86 half of halt, power-off and restart.  Power-off tries the
 * platform's method (ACPI S5, through pm_power_off), then QEMU's
 * isa-debug-exit device when configured; restart pulses the keyboard
 * controller's reset line and falls back to a triple fault.
 */
#include <keel/delay.h>
#include <keel/reboot.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/processor.h>

#define QEMU_DEBUG_EXIT_PORT	0xf4
#define KBD_STATUS_PORT		0x64
#define KBD_STATUS_INPUT_FULL	0x02
#define KBD_CMD_PULSE_RESET	0xfe

__noreturn void machine_halt(void)
{
	halt_forever();
}

__noreturn void machine_power_off(void)
{
	/* The platform may take a moment to act on the request. */
	if (pm_power_off) {
		pm_power_off();
		mdelay(100);
	}
	/* QEMU exits with status (value << 1) | 1. */
	if (IS_ENABLED(CONFIG_QEMU_DEBUG_EXIT))
		outb(0, QEMU_DEBUG_EXIT_PORT);
	machine_halt();
}

__noreturn void machine_restart(void)
{
	struct desc_ptr no_idt = { 0, 0 };
	int i;

	for (i = 0; i < 10; i++) {
		int spin = 10000;

		while ((inb(KBD_STATUS_PORT) & KBD_STATUS_INPUT_FULL) && spin--)
			udelay(2);
		outb(KBD_CMD_PULSE_RESET, KBD_STATUS_PORT);
		udelay(50);
	}
	/* No IDT: the breakpoint cannot be delivered, and the CPU resets. */
	__asm__ __volatile__("lidt %0; int3" : : "m"(no_idt));
	halt_forever();
}
