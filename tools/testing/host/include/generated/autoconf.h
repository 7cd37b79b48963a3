/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's generated autoconf.h in host test builds: the
 * options that the host-built sources and tests expect to be enabled.
 */
#ifndef _HOST_GENERATED_AUTOCONF_H
#define _HOST_GENERATED_AUTOCONF_H

#define CONFIG_KTEST 1
#define CONFIG_LIB_TEST 1

#endif /* _HOST_GENERATED_AUTOCONF_H */
