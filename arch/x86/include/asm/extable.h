/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The exception table's entry format and the assembler macro that adds an
 * entry: "if the instruction at label @from faults, continue at @to".
 */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

struct exception_table_entry {
	unsigned long insn;	/* address of an instruction that may fault */
	unsigned long fixup;	/* where to resume when it does */
};

#define _ASM_EXTABLE(from, to)						\
	"	.pushsection __ex_table, \"a\"\n"			\
	"	.balign 8\n"						\
	"	.quad " #from ", " #to "\n"				\
	"	.popsection\n"

#endif /* _ASM_X86_EXTABLE_H */
