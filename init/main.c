// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the architecture-independent boot sequence.  The arch
 * code has the CPU in long mode with exception handling in place; this
 * prints the banner, reads the command line and brings up the core
 * subsystems, then starts kernel_init() as PID 1, which runs the
 * initcalls, level by level, and then becomes the init program, while the
 * boot task becomes the idle task.
 */
#include <keel/binfmts.h>
#include <keel/console.h>
#include <keel/delay.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/initramfs.h>
#include <keel/irq.h>
#include <keel/kallsyms.h>
#include <keel/mm.h>
#include <keel/panic.h>
#include <keel/param.h>
#include <keel/printk.h>
#include <keel/reboot.h>
#include <keel/sched.h>
#include <keel/sched/task.h>
#include <keel/string.h>
#include <keel/stackprotector.h>
#include <keel/timekeeping.h>
#include <keel/timer.h>
#include <keel/vmalloc.h>
#include <asm/processor.h>
#include <asm/setup.h>

enum system_states system_state = SYSTEM_BOOTING;

static bool initcall_debug;

static int initcall_debug_setup(const char *val)
{
	initcall_debug = true;
	return 0;
}
early_param("initcall_debug", initcall_debug_setup);

extern const initcall_t __initcallearly_start[], __initcall1_start[],
	__initcall3_start[], __initcall4_start[], __initcall5_start[],
	__initcallrootfs_start[], __initcall6_start[], __initcall7_start[],
	__initcall_end[];

static const initcall_t *const initcall_levels[] = {
	__initcallearly_start, __initcall1_start, __initcall3_start,
	__initcall4_start, __initcall5_start, __initcallrootfs_start,
	__initcall6_start, __initcall7_start, __initcall_end,
};

static const char *const initcall_level_names[] = {
	"early", "core", "arch", "subsys", "fs", "rootfs", "device", "late",
};

static void do_one_initcall(initcall_t fn)
{
	char sym[KSYM_SYMBOL_LEN];
	u64 start = 0;
	int ret;

	sprint_symbol(sym, (unsigned long)fn);
	if (initcall_debug) {
		pr_info("calling  %s @ 0\n", sym);
		start = local_clock();
	}
	ret = fn();
	cond_resched();
	if (initcall_debug)
		pr_info("initcall %s returned %d after %llu usecs\n", sym, ret,
			(unsigned long long)(local_clock() - start) / 1000);
	/* -ENODEV is how a driver says its hardware is absent. */
	if (ret && ret != -ENODEV)
		pr_warn("initcall %s returned with error %d\n", sym, ret);
}

/* Levels below this one have run. */
static unsigned int initcall_levels_done;

static void do_initcall_level(unsigned int level)
{
	const initcall_t *call;

	if (initcall_debug)
		pr_info("initcall level: %s\n", initcall_level_names[level]);
	for (call = initcall_levels[level]; call < initcall_levels[level + 1];
	     call++)
		do_one_initcall(*call);
	initcall_levels_done = level + 1;
}

/* The early initcalls: what the rest of the boot relies on (random). */
static void do_pre_smp_initcalls(void)
{
	do_initcall_level(0);
}

/* Not inlined: oops traces name it, as Linux's do. */
noinline void do_initcalls(void)
{
	unsigned int level;

	for (level = initcall_levels_done;
	     level < ARRAY_SIZE(initcall_level_names); level++)
		do_initcall_level(level);
}

#ifdef CONFIG_BINFMT_ELF
static char execute_command[256];	/* init= */

static int init_setup(const char *val)
{
	if (!val || strscpy(execute_command, val, sizeof(execute_command)) < 0)
		return -EINVAL;
	return 0;
}
kernel_param("init", init_setup);

static int run_init_process(const char *init_filename)
{
	const char **argv = init_program_argv();

	argv[0] = init_filename;
	pr_info("Run %s as init process\n", init_filename);
	return kernel_execve(init_filename, argv, init_program_envp());
}

static int try_to_run_init_process(const char *init_filename)
{
	int ret = run_init_process(init_filename);

	if (ret && ret != -ENOENT)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n",
		       init_filename, ret);
	return ret;
}

/* fds 0, 1 and 2 of init, and so of every process: /dev/console. */
static void console_on_rootfs(void)
{
	struct file *file = filp_open("/dev/console", O_RDWR, 0);
	int i, fd;

	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (i = 0; i < 3; i++) {
		fd = get_unused_fd_flags(0);
		if (fd < 0)
			break;
		fd_install(fd, get_file(file));
	}
	fput(file);
}

/*
 * Become the init program, trying what Linux tries in its order: the
 * initramfs's rdinit= (/init) if it is there, init= if given (which must
 * work), then the usual places.  If none runs, the system cannot go on.
 */
static void run_init(void)
{
	static const char *const defaults[] = {
		"/sbin/init", "/etc/init", "/bin/init", "/bin/sh",
	};
	const char *rdinit = rdinit_path();
	struct path path;
	unsigned int i;
	int ret;

	console_on_rootfs();
	if (rdinit && !kern_path(rdinit, LOOKUP_FOLLOW, &path)) {
		path_put(&path);
		ret = run_init_process(rdinit);
		if (!ret)
			return;
		pr_err("Failed to execute %s (error %d)\n", rdinit, ret);
	}
	if (execute_command[0]) {
		ret = run_init_process(execute_command);
		if (!ret)
			return;
		panic("Requested init %s failed (error %d).", execute_command,
		      ret);
	}
	for (i = 0; i < ARRAY_SIZE(defaults); i++)
		if (!try_to_run_init_process(defaults[i]))
			return;
	panic("No working init found.  Try passing init= option to kernel. See Linux Documentation/admin-guide/init.rst for guidance.");
}
#else
static void run_init(void)
{
	pr_notice("Keel: boot complete; no user space in this kernel (CONFIG_BINFMT_ELF=n), powering off\n");
	kernel_power_off();
}
#endif

/*
 * PID 1 before it becomes the init program: the rest of the boot, then
 * user space.  Returning to ret_from_fork() enters the program.
 */
static int kernel_init(void *unused)
{
	do_initcalls();
	system_state = SYSTEM_RUNNING;
	run_init();
	return 0;
}

/*
 * Start PID 1 and make the boot task the idle task.  PID 1 shares the
 * boot task's root and cwd (CLONE_FS), as in Linux, so what the
 * initramfs sets up is what init sees.
 */
static __noreturn void rest_init(void)
{
	pid_t pid = kernel_thread(kernel_init, NULL, "init", CLONE_FS);

	if (pid != 1)
		panic("cannot start init: %d\n", pid);
	cpu_startup_entry();
}

__noreturn void start_kernel(void)
{
	pr_notice("%s", keel_banner);
	setup_arch();
	pr_notice("Kernel command line: %s\n", boot_command_line);
	parse_early_param();
	console_init();
	mm_init();
	vmalloc_init();
	sched_init();
	pid_init();
	fork_init();
	parse_kernel_params();
	vfs_caches_init();
	init_timers();
	init_IRQ();
	time_init();
	local_irq_enable();
	system_state = SYSTEM_SCHEDULING;
	do_pre_smp_initcalls();
	/* Only here: no function below this one on the stack ever returns. */
	boot_init_stack_canary();
	rest_init();
}
