/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel command-line parameters.  A file declares the parameters it reads
 * with kernel_param() or early_param(); the handler gets the text after
 * '=' (NULL when there is none) and returns 0 or -errno.  Early parameters
 * are parsed before the consoles exist (console=, loglevel=); the others
 * once the kernel is up.  '-' and '_' are the same in names, as in Linux.
 * Parameters nobody claims are reported and kept for init.
 */
#ifndef _KEEL_PARAM_H
#define _KEEL_PARAM_H

#include <keel/compiler.h>
#include <keel/types.h>

struct kernel_param {
	const char *name;
	int (*set)(const char *val);
	bool early;
};

#define __kernel_param(str, fn, is_early)				\
	static const struct kernel_param __param_##fn __used		\
	__section(".kernel_param") __aligned(sizeof(void *)) =		\
		{ .name = str, .set = fn, .early = is_early }

#define kernel_param(str, fn)	__kernel_param(str, fn, false)
#define early_param(str, fn)	__kernel_param(str, fn, true)

/*
 * Parse @args (modified in place) against @params; early selects which
 * half.  Unknown parameters are passed to @unknown, which may be NULL.
 */
int parse_args(const char *doing, char *args,
	       const struct kernel_param *start, const struct kernel_param *end,
	       bool early, void (*unknown)(char *param, char *val));

void parse_early_param(void);
void parse_kernel_params(void);

#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32

/*
 * init's argument and environment vectors: the unknown parameters of the
 * command line ("name=value" to the environment, after HOME=/ and
 * TERM=linux; bare words to argv from [1] on).  argv[0] is the caller's
 * to fill.  Both end with NULL.
 */
const char **init_program_argv(void);
const char *const *init_program_envp(void);

#endif /* _KEEL_PARAM_H */
