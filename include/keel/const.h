/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Constants shared by C, assembly and linker scripts: _AC(1, UL) is 1UL in
 * C and a plain 1 where a suffix would be a syntax error.
 */
#ifndef _KEEL_CONST_H
#define _KEEL_CONST_H

#ifdef __ASSEMBLY__
#define _AC(X, Y)	X
#else
#define __AC(X, Y)	(X##Y)
#define _AC(X, Y)	__AC(X, Y)
#endif

#endif /* _KEEL_CONST_H */
