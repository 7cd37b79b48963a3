// SPDX-License-Identifier: GPL-2.0
/*
 * LKDTM, after Linux's Kernel Dump Test Module: crash the kernel on purpose,
 * in a chosen way, so the tests can check that each kind of failure is
 * reported properly.  lkdtm.cpoint_type=<TYPE> on the command line fires
 * once the boot reaches the late initcalls.  The types live in one file per
 * area; this file finds and runs them.
 */
#include "lkdtm.h"

#include <keel/errno.h>
#include <keel/init.h>
#include <keel/param.h>
#include <keel/string.h>

static const struct crashtype_category *const crashtype_categories[] = {
	&bugs_crashtypes,
	&printk_crashtypes,
	&heap_crashtypes,
	&perms_crashtypes,
};

static const char *cpoint_type;

static const struct crashtype *find_crashtype(const char *name)
{
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(crashtype_categories); i++) {
		const struct crashtype_category *cat = crashtype_categories[i];

		for (j = 0; j < cat->len; j++)
			if (!strcmp(cat->list[j].name, name))
				return &cat->list[j];
	}
	return NULL;
}

static int cpoint_type_setup(const char *val)
{
	if (!val || !find_crashtype(val))
		return -EINVAL;
	cpoint_type = val;
	return 0;
}
kernel_param("lkdtm.cpoint_type", cpoint_type_setup);

static int lkdtm_init(void)
{
	const struct crashtype *ct;

	if (!cpoint_type)
		return 0;
	ct = find_crashtype(cpoint_type);
	pr_info("Performing direct entry %s\n", ct->name);
	ct->func();
	return 0;
}
late_initcall(lkdtm_init);
