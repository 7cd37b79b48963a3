/* SPDX-License-Identifier: GPL-2.0 */
/* The system-call numbers (__NR_*) and NR_syscalls, made from the table. */
#ifndef _ASM_X86_UNISTD_H
#define _ASM_X86_UNISTD_H

#include <generated/uapi/asm/unistd_64.h>

#endif /* _ASM_X86_UNISTD_H */
