/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fuzz targets' entry points (targets.c) and their seeds (seeds.c),
 * shared by the libFuzzer programs (make fuzz) and the host test that runs
 * every seed through the same entry points (fuzz_seeds_test.c).
 */
#ifndef _FUZZ_FUZZ_H
#define _FUZZ_FUZZ_H

#include <keel/types.h>

/* Both return 0; a bug shows as a sanitizer report or a BUG trap. */
int fuzz_cpio(const u8 *data, size_t size);
int fuzz_inflate(const u8 *data, size_t size);
/* init/initramfs.c unpacking into an in-memory file system (fuzz only). */
int fuzz_initramfs(const u8 *data, size_t size);

struct fuzz_seed {
	const char *target;		/* "cpio", "inflate" or "initramfs" */
	const char *name;
	const u8 *data;
	size_t size;
};

extern const struct fuzz_seed fuzz_seeds[];
extern const unsigned int nr_fuzz_seeds;

#endif /* _FUZZ_FUZZ_H */
