// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/stat, status and statm in Linux's formats (its
 * fs/proc/array.c): what ps, top and pgrep parse.  Times are in clock
 * ticks of USER_HZ (100 a second), sizes in pages or kB as Linux has
 * them.  What Keel does not have reads as Linux shows it when absent:
 * no controlling terminal (tty_nr 0, tpgid -1), no tracer, no swap,
 * every capability for root and none for anyone else.  Signal sets are
 * Linux's bit (signal - 1) masks.
 */
#include <keel/cred.h>
#include <keel/fdtable.h>
#include <keel/fs_struct.h>
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/mmap_lock.h>
#include <keel/sched.h>
#include <keel/sched/cputime.h>
#include <keel/sched/mm.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/seq_file.h>
#include <keel/signal.h>
#include <keel/spinlock.h>
#include <keel/string.h>

#include "internal.h"

#define USER_HZ		100
#define CAP_FULL_SET	0x000001ffffffffffULL	/* CAP_LAST_CAP 40 */

static unsigned long long ns_to_ticks(u64 ns)
{
	return ns / (1000000000ULL / USER_HZ);
}

/* Linux's task_state_array: the index is the state's bit, plus idle. */
static const char *const task_state_array[] = {
	"R (running)",
	"S (sleeping)",
	"D (disk sleep)",
	"T (stopped)",
	"t (tracing stop)",
	"X (dead)",
	"Z (zombie)",
	"P (parked)",
	"I (idle)",
};

const char *get_task_state(const struct task_struct *task)
{
	unsigned int state = READ_ONCE(task->__state);
	unsigned int report = (state & 0x7f) | READ_ONCE(task->exit_state);
	unsigned int index = 0;

	if (state == TASK_IDLE)
		return task_state_array[8];
	if (report)
		index = 32 - __builtin_clz(report);	/* fls() */
	if (index >= ARRAY_SIZE(task_state_array) - 1)
		index = 5;
	return task_state_array[index];
}

/* What the family links say, read under tasklist_lock. */
struct task_ids {
	pid_t ppid, pgrp, session;
	int nr_threads;
};

static void get_task_ids(struct task_struct *task, struct task_ids *ids)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	ids->ppid = task->real_parent ? task->real_parent->tgid : 0;
	if (task->pid == 1 || !task->pid)
		ids->ppid = 0;
	ids->pgrp = task->signal->pgrp;
	ids->session = task->signal->session;
	ids->nr_threads = task->signal->nr_threads;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* The pages of @task's address space: sizes and what is resident. */
struct task_mem {
	bool has_mm;
	unsigned long total_vm, locked_vm, data_vm, stack_vm, exec_vm;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	struct mm_rss rss;
};

static void get_task_mem(struct task_struct *task, struct task_mem *tm)
{
	struct mm_struct *mm = get_task_mm(task);

	memset(tm, 0, sizeof(*tm));
	if (!mm)
		return;
	tm->has_mm = true;
	mm_rss_count(mm, &tm->rss);
	mmap_read_lock(mm);
	tm->total_vm = mm->total_vm;
	tm->locked_vm = mm->locked_vm;
	tm->data_vm = mm->data_vm;
	tm->stack_vm = mm->stack_vm;
	tm->exec_vm = mm->exec_vm;
	tm->start_code = mm->start_code;
	tm->end_code = mm->end_code;
	tm->start_data = mm->start_data;
	tm->end_data = mm->end_data;
	tm->start_brk = mm->start_brk;
	tm->start_stack = mm->start_stack;
	tm->arg_start = mm->arg_start;
	tm->arg_end = mm->arg_end;
	tm->env_start = mm->env_start;
	tm->env_end = mm->env_end;
	mmap_read_unlock(mm);
	mmput(mm);
}

static unsigned long rss_pages(const struct mm_rss *rss)
{
	return rss->anon + rss->file + rss->shmem;
}

/* The text's size in bytes, as Linux's task_mem()/task_statm(). */
static unsigned long text_bytes(const struct task_mem *tm)
{
	if (tm->end_code <= tm->start_code)
		return 0;
	return PAGE_ALIGN(tm->end_code) - (tm->start_code & PAGE_MASK);
}

/*
 * do_task_stat(): @whole sums the thread group (/proc/<pid>/stat), else
 * the thread alone (task/<tid>/stat).  All 52 fields, in Linux's order.
 */
/* A task's signal sets: pending (own, shared), blocked, ignored, caught. */
struct task_sigs {
	unsigned long long pending, shared, blocked, ignored, caught;
};

static void task_sigs(struct task_struct *task, struct task_sigs *ts)
{
	struct sighand_struct *sh = task->sighand;
	unsigned long flags;
	int sig;

	memset(ts, 0, sizeof(*ts));
	if (!sh)
		return;
	spin_lock_irqsave(&sh->siglock, flags);
	ts->pending = task->pending.signal.sig[0];
	ts->shared = task->signal->shared_pending.signal.sig[0];
	ts->blocked = task->blocked.sig[0];
	for (sig = 1; sig <= _NSIG; sig++) {
		__sighandler_t handler = sh->action[sig - 1].sa.sa_handler;

		if (handler == SIG_IGN)
			ts->ignored |= 1ULL << (sig - 1);
		else if (handler != SIG_DFL)
			ts->caught |= 1ULL << (sig - 1);
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
}

static int do_task_stat(struct seq_file *m, struct task_struct *task,
			bool whole)
{
	struct signal_struct *sig = task->signal;
	struct task_cputime ct = { 0 };
	struct task_sigs ts;
	struct task_ids ids;
	struct task_mem tm;
	char comm[TASK_COMM_LEN];
	bool permitted = true;	/* no ptrace checks yet: all may see */
	unsigned long wchan = 0;

	get_task_ids(task, &ids);
	get_task_mem(task, &tm);
	if (whole)
		thread_group_cputime(task, &ct);
	else
		task_cputime_add(task, &ct);
	memcpy(comm, task->comm, sizeof(comm));
	comm[TASK_COMM_LEN - 1] = '\0';
	if (permitted && (!whole || ids.nr_threads < 2))
		wchan = !task_is_running(task);

	seq_printf(m, "%d (%s) %c", task->pid, comm,
		   get_task_state(task)[0]);
	seq_printf(m, " %d %d %d %d %d %u", ids.ppid, ids.pgrp, ids.session,
		   0, -1, task->flags);
	seq_printf(m, " %lu %lu %lu %lu", ct.min_flt, sig->cmin_flt,
		   ct.maj_flt, sig->cmaj_flt);
	seq_printf(m, " %llu %llu %lld %lld", ns_to_ticks(ct.utime),
		   ns_to_ticks(ct.stime), (long long)ns_to_ticks(sig->cutime),
		   (long long)ns_to_ticks(sig->cstime));
	seq_printf(m, " %d %d %d 0 %llu", task->prio - MAX_RT_PRIO,
		   task_nice(task), ids.nr_threads,
		   ns_to_ticks(task->start_time));
	seq_printf(m, " %lu %lu %lu", tm.total_vm << PAGE_SHIFT,
		   rss_pages(&tm.rss), sig->rlim[RLIMIT_RSS].rlim_cur);
	seq_printf(m, " %lu %lu %lu", tm.has_mm ? tm.start_code : 0,
		   tm.has_mm ? tm.end_code : 0, tm.start_stack);
	/* kstkesp, kstkeip (0, as Linux shows them); then the signal sets */
	task_sigs(task, &ts);
	seq_printf(m, " 0 0 %llu %llu %llu %llu", ts.pending | ts.shared,
		   ts.blocked, ts.ignored, ts.caught);
	seq_printf(m, " %lu 0 0 %d 0 %u %u 0 0 0", wchan, task->exit_signal,
		   task->rt_priority, task->policy);
	seq_printf(m, " %lu %lu %lu %lu %lu %lu %lu", tm.start_data,
		   tm.end_data, tm.start_brk, tm.arg_start, tm.arg_end,
		   tm.env_start, tm.env_end);
	seq_printf(m, " %d\n", READ_ONCE(task->exit_code));
	return 0;
}

int proc_tid_stat(struct seq_file *m, struct task_struct *task)
{
	return do_task_stat(m, task, false);
}

int proc_tgid_stat(struct seq_file *m, struct task_struct *task)
{
	return do_task_stat(m, task, true);
}

int proc_pid_statm(struct seq_file *m, struct task_struct *task)
{
	struct task_mem tm;

	get_task_mem(task, &tm);
	seq_printf(m, "%lu %lu %lu %lu 0 %lu 0\n", tm.total_vm,
		   rss_pages(&tm.rss), tm.rss.file + tm.rss.shmem,
		   text_bytes(&tm) >> PAGE_SHIFT, tm.data_vm + tm.stack_vm);
	return 0;
}

/* Name: with a newline or backslash escaped, as Linux's proc_task_name(). */
static void show_name(struct seq_file *m, const struct task_struct *task)
{
	char comm[TASK_COMM_LEN];
	const char *p;

	memcpy(comm, task->comm, sizeof(comm));
	comm[TASK_COMM_LEN - 1] = '\0';
	seq_puts(m, "Name:\t");
	for (p = comm; *p; p++) {
		if (*p == '\n')
			seq_puts(m, "\\n");
		else if (*p == '\\')
			seq_puts(m, "\\\\");
		else
			seq_putc(m, *p);
	}
	seq_putc(m, '\n');
}

static unsigned int task_fd_size(struct task_struct *task)
{
	struct files_struct *files;
	unsigned long flags;
	unsigned int max = 0;

	/* As get_task_mm(): only the task itself clears task->files. */
	spin_lock_irqsave(&tasklist_lock, flags);
	files = READ_ONCE(task->files);
	if (files) {
		spin_lock(&files->file_lock);
		max = files->max_fds;
		spin_unlock(&files->file_lock);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return max;
}

static int task_umask(struct task_struct *task)
{
	struct fs_struct *fs;
	unsigned long flags;
	int umask = -1;

	spin_lock_irqsave(&tasklist_lock, flags);
	fs = READ_ONCE(task->fs);
	if (fs)
		umask = READ_ONCE(fs->umask);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return umask;
}

static void show_kb(struct seq_file *m, const char *name, unsigned long kb)
{
	seq_printf(m, "%s:\t%8lu kB\n", name, kb);
}

#define PAGES_KB(n)	((n) << (PAGE_SHIFT - 10))

static void task_mem_show(struct seq_file *m, const struct task_mem *tm)
{
	unsigned long rss = rss_pages(&tm->rss);
	unsigned long text = text_bytes(tm) >> 10;
	unsigned long exec_kb = PAGES_KB(tm->exec_vm);

	show_kb(m, "VmPeak", PAGES_KB(tm->total_vm));
	show_kb(m, "VmSize", PAGES_KB(tm->total_vm));
	show_kb(m, "VmLck", PAGES_KB(tm->locked_vm));
	show_kb(m, "VmPin", 0);
	show_kb(m, "VmHWM", PAGES_KB(rss));
	show_kb(m, "VmRSS", PAGES_KB(rss));
	show_kb(m, "RssAnon", PAGES_KB(tm->rss.anon));
	show_kb(m, "RssFile", PAGES_KB(tm->rss.file));
	show_kb(m, "RssShmem", PAGES_KB(tm->rss.shmem));
	show_kb(m, "VmData", PAGES_KB(tm->data_vm));
	show_kb(m, "VmStk", PAGES_KB(tm->stack_vm));
	show_kb(m, "VmExe", text);
	show_kb(m, "VmLib", exec_kb > text ? exec_kb - text : 0);
	show_kb(m, "VmPTE", 0);
	show_kb(m, "VmSwap", 0);
	show_kb(m, "HugetlbPages", 0);
}

int proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	const struct cred *cred = task->real_cred;
	const struct group_info *gi = cred->group_info;
	unsigned long long caps = cred->euid ? 0 : CAP_FULL_SET;
	struct task_sigs ts;
	struct task_ids ids;
	struct task_mem tm;
	int umask = task_umask(task), i;

	get_task_ids(task, &ids);
	get_task_mem(task, &tm);
	show_name(m, task);
	if (umask >= 0)
		seq_printf(m, "Umask:\t%#04o\n", umask);
	seq_printf(m, "State:\t%s\n", get_task_state(task));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n"
		   "TracerPid:\t0\n", task->tgid, task->pid, ids.ppid);
	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\n", cred->uid, cred->euid,
		   cred->suid, cred->fsuid);
	seq_printf(m, "Gid:\t%u\t%u\t%u\t%u\n", cred->gid, cred->egid,
		   cred->sgid, cred->fsgid);
	seq_printf(m, "FDSize:\t%u\nGroups:\t", task_fd_size(task));
	for (i = 0; gi && i < gi->ngroups; i++)
		seq_printf(m, "%u ", gi->gid[i]);
	seq_printf(m, "\nNStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n",
		   task->tgid, task->pid, ids.pgrp, ids.session);
	seq_printf(m, "Kthread:\t%d\n", !!(task->flags & PF_KTHREAD));
	if (tm.has_mm) {
		task_mem_show(m, &tm);
		seq_puts(m, "CoreDumping:\t0\nTHP_enabled:\t0\n");
	}
	seq_printf(m, "Threads:\t%d\n", ids.nr_threads);
	seq_printf(m, "SigQ:\t0/%lu\n",
		   task->signal->rlim[RLIMIT_SIGPENDING].rlim_cur);
	task_sigs(task, &ts);
	seq_printf(m, "SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\n"
		   "SigIgn:\t%016llx\nSigCgt:\t%016llx\n", ts.pending,
		   ts.shared, ts.blocked, ts.ignored, ts.caught);
	seq_printf(m, "CapInh:\t%016llx\nCapPrm:\t%016llx\nCapEff:\t%016llx\n"
		   "CapBnd:\t%016llx\nCapAmb:\t%016llx\n", 0ULL, caps, caps,
		   CAP_FULL_SET, 0ULL);
	seq_printf(m, "NoNewPrivs:\t%d\nSeccomp:\t0\nSeccomp_filters:\t0\n",
		   task->no_new_privs);
	seq_puts(m, "Cpus_allowed:\t1\nCpus_allowed_list:\t0\n"
		 "Mems_allowed:\t1\nMems_allowed_list:\t0\n");
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\n"
		   "nonvoluntary_ctxt_switches:\t%lu\n",
		   READ_ONCE(task->nvcsw), READ_ONCE(task->nivcsw));
	return 0;
}
