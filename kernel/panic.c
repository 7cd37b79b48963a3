// SPDX-License-Identifier: GPL-2.0
/*
 * panic(): the kernel cannot go on.  Report why, with a backtrace, on every
 * console (registering them first if the panic came before console_init),
 * then wait forever or reboot after panic= seconds, as Linux does.  The
 * stack protector's failure path is here too, as in Linux.
 */
#include <keel/console.h>
#include <keel/delay.h>
#include <keel/errno.h>
#include <keel/kallsyms.h>
#include <keel/kstrtox.h>
#include <keel/panic.h>
#include <keel/param.h>
#include <keel/printk.h>
#include <keel/reboot.h>
#include <keel/sprintf.h>
#include <keel/stackprotector.h>
#include <asm/processor.h>

#include <stdarg.h>

int panic_timeout = CONFIG_PANIC_TIMEOUT;
int oops_in_progress;

static int panic_setup(const char *val)
{
	if (!val)
		return -EINVAL;
	return kstrtoint(val, 0, &panic_timeout);
}
kernel_param("panic", panic_setup);

/*
 * Start an oops report: nothing may interrupt it, and it must be seen.
 * Every oops, die and panic path calls this before its first printk, so
 * that printk breaks its lock if the fault came while it was held.
 */
void oops_begin(void)
{
	local_irq_disable();
	oops_in_progress = 1;
	console_init();
}

__noreturn void panic(const char *fmt, ...)
{
	static bool in_panic;
	bool after_oops = oops_in_progress;
	char buf[256];
	va_list args;

	local_irq_disable();
	if (in_panic)
		halt_forever();
	in_panic = true;
	oops_begin();

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	/* An oops has already shown where it happened. */
	if (!after_oops)
		dump_stack();

	if (panic_timeout > 0) {
		pr_emerg("Rebooting in %d seconds..\n", panic_timeout);
		mdelay((unsigned long)panic_timeout * 1000);
	}
	if (panic_timeout != 0)
		machine_restart();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	halt_forever();
}

#ifdef CONFIG_STACKPROTECTOR
/* Until boot_init_stack_canary() randomizes it; the low byte is zero. */
unsigned long __stack_chk_guard = 0x595e9fbd94fda700UL;

/* GCC calls this when a protected function finds its canary changed. */
__noreturn void __stack_chk_fail(void);
__noreturn void __stack_chk_fail(void)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, (unsigned long)__builtin_return_address(0));
	panic("stack-protector: Kernel stack is corrupted in: %s", sym);
}
#endif
