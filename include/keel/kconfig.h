/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Included into every kernel compilation unit (-include): the configuration
 * as C macros, and IS_ENABLED(CONFIG_FOO), which is 1 when FOO=y and 0
 * otherwise, usable in plain C "if" statements so both branches are always
 * compiled and type-checked.
 */
#ifndef _KEEL_KCONFIG_H
#define _KEEL_KCONFIG_H

#include <generated/autoconf.h>

/*
 * CONFIG_FOO is defined as 1 when enabled.  __ARG_PLACEHOLDER_1 turns
 * "1" into "0," so the second argument picked below is 1; an undefined
 * symbol leaves a single token and the default 0 is picked.
 */
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x)			___is_defined(x)
#define ___is_defined(val)		____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk)	__take_second_arg(arg1_or_junk 1, 0)

#define IS_ENABLED(option)	__is_defined(option)

#endif /* _KEEL_KCONFIG_H */
