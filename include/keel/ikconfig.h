/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The gzip-compressed .config built into the image (CONFIG_IKCONFIG,
 * kernel/configs.c).
 */
#ifndef _KEEL_IKCONFIG_H
#define _KEEL_IKCONFIG_H

extern const char kernel_config_data[];
extern const char kernel_config_data_end[];

#endif /* _KEEL_IKCONFIG_H */
