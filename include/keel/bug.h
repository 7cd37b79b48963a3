/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BUG() and WARN(), as in Linux: each is a ud2 instruction with an entry
 * in the __bug_table section naming its file and line.  The invalid-opcode
 * handler looks the address up: a BUG() oopses, a WARN() prints a report
 * with a backtrace and the kernel carries on after the ud2.
 */
#ifndef _KEEL_BUG_H
#define _KEEL_BUG_H

#include <keel/compiler.h>
#include <keel/types.h>

#define BUGFLAG_WARNING		(1 << 0)
#define BUGFLAG_NO_CUT_HERE	(1 << 1)	/* WARN() printed it already */

struct bug_entry {
	unsigned long addr;
	const char *file;
	u16 line;
	u16 flags;
} __aligned(8);

enum bug_trap_type {
	BUG_TRAP_TYPE_NONE,
	BUG_TRAP_TYPE_WARN,
	BUG_TRAP_TYPE_BUG,
};

#define __BUG_FLAGS(flags)						\
	__asm__ __volatile__("1:\tud2\n"				\
		".pushsection __bug_table, \"a\"\n"			\
		"\t.balign 8\n"						\
		"2:\t.quad 1b\n"					\
		"\t.quad %c0\n"						\
		"\t.word %c1\n"						\
		"\t.word %c2\n"						\
		"\t.org 2b + %c3\n"					\
		".popsection"						\
		: : "i"(__FILE__), "i"(__LINE__), "i"(flags),		\
		    "i"(sizeof(struct bug_entry)))

#define BUG()								\
	do {								\
		__BUG_FLAGS(0);						\
		__builtin_unreachable();				\
	} while (0)

#define BUG_ON(cond)							\
	do {								\
		if (unlikely(cond))					\
			BUG();						\
	} while (0)

#define WARN_ON(cond)							\
	({								\
		int __ret_warn_on = !!(cond);				\
		if (unlikely(__ret_warn_on))				\
			__BUG_FLAGS(BUGFLAG_WARNING);			\
		unlikely(__ret_warn_on);				\
	})

/* "cut here" and the message, before the WARNING report of WARN(). */
void __warn_printk(const char *fmt, ...) __printf(1, 2);

#define WARN(cond, fmt, ...)						\
	({								\
		int __ret_warn_on = !!(cond);				\
		if (unlikely(__ret_warn_on)) {				\
			__warn_printk(fmt, ##__VA_ARGS__);		\
			__BUG_FLAGS(BUGFLAG_WARNING |			\
				    BUGFLAG_NO_CUT_HERE);		\
		}							\
		unlikely(__ret_warn_on);				\
	})

struct pt_regs;
enum bug_trap_type report_bug(unsigned long ip, struct pt_regs *regs);

#endif /* _KEEL_BUG_H */
