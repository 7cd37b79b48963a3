// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel command line.  Parameters are declared where they are used
 * (kernel_param()/early_param() in <keel/param.h>) and collected by the
 * linker into one table.  The line is parsed twice: early parameters before
 * the consoles exist, the rest afterwards.  Unknown ones are reported, as
 * Linux does, and are not fatal.
 */
#include <keel/cmdline.h>
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/param.h>
#include <keel/printk.h>
#include <keel/sprintf.h>
#include <keel/string.h>

extern const struct kernel_param __param_start[], __param_end[];

char boot_command_line[COMMAND_LINE_SIZE];

static const struct kernel_param *find_param(const char *name,
					     const struct kernel_param *start,
					     const struct kernel_param *end)
{
	const struct kernel_param *p;

	for (p = start; p < end; p++)
		if (parameq(name, p->name))
			return p;
	return NULL;
}

int parse_args(const char *doing, char *args,
	       const struct kernel_param *start, const struct kernel_param *end,
	       bool early, void (*unknown)(char *param, char *val))
{
	char *param, *val;
	int errors = 0;

	args = skip_spaces(args);
	while (*args) {
		const struct kernel_param *p;
		int ret;

		args = next_arg(args, &param, &val);
		/* "--" ends the kernel's part: the rest is for init. */
		if (!val && !strcmp(param, "--"))
			break;
		p = find_param(param, start, end);
		if (!p) {
			if (unknown)
				unknown(param, val);
			continue;
		}
		if (p->early != early)
			continue;
		ret = p->set(val);
		if (ret) {
			pr_err("%s: invalid value '%s' for parameter '%s' (%d)\n",
			       doing, val ? val : "", param, ret);
			errors++;
		}
	}
	return errors ? -EINVAL : 0;
}

void parse_early_param(void)
{
	static char tmp[COMMAND_LINE_SIZE];

	strscpy(tmp, boot_command_line, sizeof(tmp));
	parse_args("early options", tmp, __param_start, __param_end, true,
		   NULL);
}

/* Unknown parameters, kept (as Linux does) for init's environment. */
static char unknown_params[COMMAND_LINE_SIZE];

/*
 * What init gets (Linux's argv_init and envp_init): each unknown
 * "name=value" is an environment string, each unknown bare word an
 * argument; a "name.param" is an unknown module's and goes nowhere.
 * The strings point into parse_kernel_params()'s copy of the line.
 */
static const char *init_argv[MAX_INIT_ARGS + 2];
static const char *init_envp[MAX_INIT_ENVS + 3] = { "HOME=/", "TERM=linux" };

static bool add_init_string(const char **vec, unsigned int max,
			    const char *str)
{
	unsigned int i;

	for (i = 0; vec[i]; i++)
		;
	if (i >= max)
		return false;
	vec[i] = str;
	return true;
}

static void pass_to_init(char *param, char *val)
{
	if (strchr(param, '.'))
		return;
	if (val) {
		/*
		 * next_arg() split "name=value" at the '=', or at '="' for
		 * a quoted value: join the two halves again.
		 */
		if (val == param + strlen(param) + 1) {
			val[-1] = '=';
		} else {
			memmove(val - 1, val, strlen(val) + 1);
			val[-2] = '=';
		}
		if (!add_init_string(init_envp, MAX_INIT_ENVS + 2, param))
			pr_warn("Too many boot env vars at '%s'\n", param);
	} else if (!add_init_string(init_argv + 1, MAX_INIT_ARGS, param)) {
		pr_warn("Too many boot init vars at '%s'\n", param);
	}
}

const char **init_program_argv(void)
{
	return init_argv;
}

const char *const *init_program_envp(void)
{
	return init_envp;
}

static void record_unknown(char *param, char *val)
{
	size_t len = strlen(unknown_params);

	scnprintf(unknown_params + len, sizeof(unknown_params) - len,
		  "%s%s%s%s", len ? " " : "", param, val ? "=" : "",
		  val ? val : "");
	pass_to_init(param, val);
}

void parse_kernel_params(void)
{
	static char tmp[COMMAND_LINE_SIZE];

	strscpy(tmp, boot_command_line, sizeof(tmp));
	parse_args("Booting kernel", tmp, __param_start, __param_end, false,
		   record_unknown);
	if (unknown_params[0])
		pr_notice("Unknown kernel command line parameters \"%s\", will be passed to user space.\n",
			  unknown_params);
}
