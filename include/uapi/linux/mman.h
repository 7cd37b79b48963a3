/* SPDX-License-Identifier: GPL-2.0 */
/* mremap() flags and the mmap() flags, Linux's values. */
#ifndef _UAPI_LINUX_MMAN_H
#define _UAPI_LINUX_MMAN_H

#include <uapi/asm-generic/mman-common.h>

#define MREMAP_MAYMOVE		1
#define MREMAP_FIXED		2
#define MREMAP_DONTUNMAP	4

#endif /* _UAPI_LINUX_MMAN_H */
