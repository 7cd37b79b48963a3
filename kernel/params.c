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

static void record_unknown(char *param, char *val)
{
	size_t len = strlen(unknown_params);

	scnprintf(unknown_params + len, sizeof(unknown_params) - len,
		  "%s%s%s%s", len ? " " : "", param, val ? "=" : "",
		  val ? val : "");
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
