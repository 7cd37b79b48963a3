// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer's entry point for one target, chosen at compile time with
 * -DFUZZ_TARGET=fuzz_cpio or fuzz_inflate (see targets.c).
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	return FUZZ_TARGET(data, size);
}
