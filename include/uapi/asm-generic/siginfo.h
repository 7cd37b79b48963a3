/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* si_code values of the memory-fault signals, Linux's. */
#ifndef _UAPI_ASM_GENERIC_SIGINFO_H
#define _UAPI_ASM_GENERIC_SIGINFO_H

/* SIGSEGV */
#define SEGV_MAPERR	1	/* address not mapped to object */
#define SEGV_ACCERR	2	/* invalid permissions for mapped object */

/* SIGBUS */
#define BUS_ADRALN	1	/* invalid address alignment */
#define BUS_ADRERR	2	/* non-existent physical address */
#define BUS_OBJERR	3	/* object specific hardware error */

#endif /* _UAPI_ASM_GENERIC_SIGINFO_H */
