/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ioctl(2) commands every file answers (the FIO* group), with the
 * x86_64 values of Linux's asm-generic/ioctls.h: user ABI.
 */
#ifndef _UAPI_ASM_GENERIC_IOCTLS_H
#define _UAPI_ASM_GENERIC_IOCTLS_H

#define FIONREAD	0x541B	/* int: bytes ready to read */
#define FIONBIO		0x5421	/* int: nonzero sets O_NONBLOCK */
#define FIONCLEX	0x5450	/* clear close-on-exec */
#define FIOCLEX		0x5451	/* set close-on-exec */
#define FIOASYNC	0x5452	/* int: nonzero sets O_ASYNC */
#define FIOQSIZE	0x5460	/* loff_t: bytes the file uses */

#endif /* _UAPI_ASM_GENERIC_IOCTLS_H */
