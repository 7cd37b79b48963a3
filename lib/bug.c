// SPDX-License-Identifier: GPL-2.0
/*
 * BUG() and WARN() reports.  Both are a ud2 with an entry in __bug_table
 * (see <keel/bug.h>); the invalid-opcode handler calls report_bug() with
 * the faulting address to learn which it was and where it was written.
 */
#include <keel/bug.h>
#include <keel/debug_report.h>
#include <keel/kallsyms.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/sched.h>
#include <asm/traps.h>

#include <stdarg.h>

extern const struct bug_entry __start___bug_table[], __stop___bug_table[];

static const struct bug_entry *find_bug(unsigned long ip)
{
	const struct bug_entry *bug;

	for (bug = __start___bug_table; bug < __stop___bug_table; bug++)
		if (bug->addr == ip)
			return bug;
	return NULL;
}

#define CUT_HERE	"------------[ cut here ]------------\n"

void __warn_printk(const char *fmt, ...)
{
	va_list args;

	pr_warn(CUT_HERE);
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
}

enum bug_trap_type report_bug(unsigned long ip, struct pt_regs *regs)
{
	const struct bug_entry *bug = find_bug(ip);
	char sym[KSYM_SYMBOL_LEN];

	if (!bug)
		return BUG_TRAP_TYPE_NONE;
	if (bug->flags & BUGFLAG_WARNING) {
		sprint_symbol(sym, ip);
		if (!(bug->flags & BUGFLAG_NO_CUT_HERE))
			pr_warn(CUT_HERE);
		pr_warn("WARNING: CPU: 0 PID: %d at %s:%u %s\n",
			current->pid, bug->file, bug->line, sym);
		show_regs(regs);
		pr_warn("---[ end trace 0000000000000000 ]---\n");
		debug_report(DEBUG_REPORT_WARN);
		return BUG_TRAP_TYPE_WARN;
	}
	oops_begin();
	pr_crit("kernel BUG at %s:%u!\n", bug->file, bug->line);
	return BUG_TRAP_TYPE_BUG;
}
