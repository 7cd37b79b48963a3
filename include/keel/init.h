/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Initcalls: each subsystem registers its init function from its own file,
 * at a level, and start_kernel() calls the levels in order:
 *
 *   early, core, arch, subsys, fs, rootfs, device, late
 *
 * Enabling an option therefore adds code without editing a central list.
 * console_initcall()s run before all of them, as soon as the command line
 * is known.  An initcall returns 0 or -errno; a failure is logged.
 */
#ifndef _KEEL_INIT_H
#define _KEEL_INIT_H

#include <keel/compiler.h>

typedef int (*initcall_t)(void);

#define ___define_initcall(fn, sec)					\
	static const initcall_t __initcall_##fn __used			\
	__section(sec) __aligned(sizeof(void *)) = fn

#define __define_initcall(fn, level)					\
	___define_initcall(fn, ".initcall" #level ".init")

#define early_initcall(fn)	__define_initcall(fn, early)
#define core_initcall(fn)	__define_initcall(fn, 1)
#define arch_initcall(fn)	__define_initcall(fn, 3)
#define subsys_initcall(fn)	__define_initcall(fn, 4)
#define fs_initcall(fn)		__define_initcall(fn, 5)
#define rootfs_initcall(fn)	__define_initcall(fn, rootfs)
#define device_initcall(fn)	__define_initcall(fn, 6)
#define late_initcall(fn)	__define_initcall(fn, 7)

#define console_initcall(fn)	___define_initcall(fn, ".con_initcall.init")

#define COMMAND_LINE_SIZE	2048

/* The command line as the boot loader gave it. */
extern char boot_command_line[COMMAND_LINE_SIZE];

void start_kernel(void) __noreturn;

void do_initcalls(void);

/* "Keel version ..." with a newline: the first boot line, /proc/version. */
extern const char keel_banner[];

#endif /* _KEEL_INIT_H */
