// SPDX-License-Identifier: GPL-2.0
/*
 * The version banner: the boot log's first line and /proc/version, as
 * Linux's linux_banner.  generated/compile.h is rewritten on every build.
 */
#include <keel/init.h>

#include <generated/compile.h>

const char keel_banner[] =
	"Keel version " KEEL_RELEASE " (" KEEL_COMPILER ") " CONFIG_BUILD_NAME "\n";
