// SPDX-License-Identifier: GPL-2.0
/*
 * The process-identity and resource system calls of Linux's kernel/sys.c:
 * process and thread ids; user and group ids, with Linux's rules for
 * root (capable_root()) and for others (the real, effective and saved
 * ids); uname and the host and domain names; sysinfo, getrusage and
 * times; resource limits; nice values (getpriority/setpriority); prctl;
 * getcpu.  Identity changes go through prepare_creds()/commit_creds().
 *
 * Locks: tasklist_lock (irqsave) while walking tasks; uts_lock for the
 * names; rlimit_lock for every process's limits.  Another task's cred is
 * read under tasklist_lock, which keeps the task; with one CPU and a
 * non-preemptible kernel its owner cannot replace it meanwhile.
 */
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/sched.h>
#include <keel/sched/cputime.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/spinlock.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/time.h>
#include <keel/uaccess.h>
#include <generated/compile.h>
#include <uapi/linux/prctl.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/sysinfo.h>
#include <uapi/linux/times.h>
#include <uapi/linux/utsname.h>


/*
 * User space checks the kernel version it runs on (glibc wants 3.2 or
 * later): Keel reports the Linux release whose interfaces it follows,
 * with its own after it.
 */
#define UTS_LINUX_RELEASE	"6.1.0"

static DEFINE_SPINLOCK(uts_lock);
static struct new_utsname utsname = {
	.sysname	= "Linux",
	.nodename	= CONFIG_DEFAULT_HOSTNAME,
	.release	= UTS_LINUX_RELEASE "-keel-" KEEL_RELEASE,
	.version	= "#1 Keel " KEEL_RELEASE " " CONFIG_BUILD_NAME,
	.machine	= "x86_64",
	.domainname	= "(none)",
};

static DEFINE_SPINLOCK(rlimit_lock);

SYSCALL_DEFINE0(getpid)
{
	return task_tgid_vnr(current);
}

SYSCALL_DEFINE0(gettid)
{
	return task_pid_vnr(current);
}

/* The process that forked us (or adopted us), not a ptracer. */
SYSCALL_DEFINE0(getppid)
{
	unsigned long flags;
	pid_t pid;

	spin_lock_irqsave(&tasklist_lock, flags);
	pid = task_tgid_vnr(current->real_parent);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return pid;
}

SYSCALL_DEFINE0(getuid)
{
	return current_cred()->uid;
}

SYSCALL_DEFINE0(geteuid)
{
	return current_cred()->euid;
}

SYSCALL_DEFINE0(getgid)
{
	return current_cred()->gid;
}

SYSCALL_DEFINE0(getegid)
{
	return current_cred()->egid;
}

/*
 * The user ids and the group ids follow the same rules, so one set of
 * functions serves both, on the four fields of one kind.
 */
struct id_fields {
	u32 *real, *eff, *saved, *fs;
};

static struct id_fields cred_ids(const struct cred *cred, bool group)
{
	struct cred *c = (struct cred *)cred;

	if (group)
		return (struct id_fields){ &c->gid, &c->egid, &c->sgid,
					   &c->fsgid };
	return (struct id_fields){ &c->uid, &c->euid, &c->suid, &c->fsuid };
}

/* Is @id one of current's real, effective or saved ids of the kind? */
static bool is_own_id(struct id_fields old, u32 id)
{
	return id == *old.real || id == *old.eff || id == *old.saved;
}

#define NO_ID	((u32)-1)	/* "leave this id as it is" */

/* Install new ids of one kind (NO_ID: unchanged); fs follows effective. */
static long commit_ids(bool group, u32 rid, u32 eid, u32 sid)
{
	struct cred *new = prepare_creds();
	struct id_fields ids;

	if (!new)
		return -ENOMEM;
	ids = cred_ids(new, group);
	if (rid != NO_ID)
		*ids.real = rid;
	if (eid != NO_ID)
		*ids.eff = eid;
	if (sid != NO_ID)
		*ids.saved = sid;
	*ids.fs = *ids.eff;
	commit_creds(new);
	return 0;
}

/* setreuid(2)/setregid(2). */
static long set_re_ids(bool group, u32 rid, u32 eid)
{
	struct id_fields old = cred_ids(current_cred(), group);
	bool root = capable_root();
	u32 sid = NO_ID;

	if (rid != NO_ID && rid != *old.real && rid != *old.eff && !root)
		return -EPERM;
	if (eid != NO_ID && !is_own_id(old, eid) && !root)
		return -EPERM;
	/* A changed real id, or an effective one unlike it, is saved. */
	if (rid != NO_ID || (eid != NO_ID && eid != *old.real))
		sid = eid != NO_ID ? eid : *old.eff;
	return commit_ids(group, rid, eid, sid);
}

/* setuid(2)/setgid(2): root sets all of them, others only the effective. */
static long set_one_id(bool group, u32 id)
{
	struct id_fields old = cred_ids(current_cred(), group);

	if (id == NO_ID)
		return -EINVAL;
	if (capable_root())
		return commit_ids(group, id, id, id);
	if (id != *old.real && id != *old.saved)
		return -EPERM;
	return commit_ids(group, NO_ID, id, NO_ID);
}

/* setresuid(2)/setresgid(2): an unprivileged caller only permutes ids. */
static long set_res_ids(bool group, u32 rid, u32 eid, u32 sid)
{
	struct id_fields old = cred_ids(current_cred(), group);

	if (!capable_root() &&
	    ((rid != NO_ID && !is_own_id(old, rid)) ||
	     (eid != NO_ID && !is_own_id(old, eid)) ||
	     (sid != NO_ID && !is_own_id(old, sid))))
		return -EPERM;
	return commit_ids(group, rid, eid, sid);
}

static long get_res_ids(bool group, u32 __user *rid, u32 __user *eid,
			u32 __user *sid)
{
	struct id_fields ids = cred_ids(current_cred(), group);

	if (put_user(*ids.real, rid) || put_user(*ids.eff, eid) ||
	    put_user(*ids.saved, sid))
		return -EFAULT;
	return 0;
}

/* setfsuid(2)/setfsgid(2): no errors; the old fs id, changed or not. */
static long set_fs_id(bool group, u32 id)
{
	struct id_fields old = cred_ids(current_cred(), group);
	u32 old_fs = *old.fs;
	struct cred *new;

	if (id == NO_ID || id == old_fs ||
	    (!is_own_id(old, id) && !capable_root()))
		return old_fs;
	new = prepare_creds();
	if (new) {
		*cred_ids(new, group).fs = id;
		commit_creds(new);
	}
	return old_fs;
}

SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	return set_re_ids(false, ruid, euid);
}

SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	return set_re_ids(true, rgid, egid);
}

SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	return set_one_id(false, uid);
}

SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	return set_one_id(true, gid);
}

SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	return set_res_ids(false, ruid, euid, suid);
}

SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	return set_res_ids(true, rgid, egid, sgid);
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, ruidp, uid_t __user *, euidp,
		uid_t __user *, suidp)
{
	return get_res_ids(false, ruidp, euidp, suidp);
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, rgidp, gid_t __user *, egidp,
		gid_t __user *, sgidp)
{
	return get_res_ids(true, rgidp, egidp, sgidp);
}

SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	return set_fs_id(false, uid);
}

SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	return set_fs_id(true, gid);
}

SYSCALL_DEFINE1(newuname, struct new_utsname __user *, name)
{
	struct new_utsname tmp;
	unsigned long flags;

	spin_lock_irqsave(&uts_lock, flags);
	tmp = utsname;
	spin_unlock_irqrestore(&uts_lock, flags);
	return copy_to_user(name, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

/* sethostname(2)/setdomainname(2): root only, at most 64 bytes. */
static long set_uts_field(char *field, const char __user *name, int len)
{
	char tmp[__NEW_UTS_LEN];
	unsigned long flags;

	if (!capable_root())
		return -EPERM;
	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	spin_lock_irqsave(&uts_lock, flags);
	memcpy(field, tmp, len);
	memset(field + len, 0, __NEW_UTS_LEN + 1 - len);
	spin_unlock_irqrestore(&uts_lock, flags);
	return 0;
}

SYSCALL_DEFINE2(sethostname, char __user *, name, int, len)
{
	return set_uts_field(utsname.nodename, name, len);
}

SYSCALL_DEFINE2(setdomainname, char __user *, name, int, len)
{
	return set_uts_field(utsname.domainname, name, len);
}

/* Threads of every process but the idle task, as Linux's nr_threads. */
static unsigned long count_threads(void)
{
	struct task_struct *p;
	unsigned long flags, n = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_task.tasks, tasks)
		n += p->signal->nr_threads;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

/*
 * Memory in bytes (mem_unit 1, as Linux gives on 64-bit machines); no
 * swap, no load average yet (0), no shared or buffer accounting.
 */
SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;
	u64 up = ktime_get_ns();

	memset(&val, 0, sizeof(val));
	val.uptime = DIV_ROUND_UP(up, NSEC_PER_SEC);
	val.totalram = totalram_pages() * PAGE_SIZE;
	val.freeram = nr_free_pages() * PAGE_SIZE;
	val.procs = min(count_threads(), 65535UL);
	val.mem_unit = 1;
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}

static struct __kernel_old_timeval ns_to_old_timeval(u64 ns)
{
	return (struct __kernel_old_timeval) {
		.tv_sec = ns / NSEC_PER_SEC,
		.tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC,
	};
}

/* The calling process's largest resident set so far, in pages. */
static unsigned long current_hiwater_rss(void)
{
	return current->mm ? READ_ONCE(current->mm->hiwater_rss) : 0;
}

/*
 * The usage of a process, of its reaped children, or of the calling
 * thread; ru_maxrss in KiB, as Linux reports it.
 */
static long do_getrusage(int who, struct rusage *r)
{
	struct signal_struct *sig = current->signal;
	struct task_cputime ct;
	unsigned long maxrss;

	switch (who) {
	case RUSAGE_SELF:
		thread_group_cputime(current, &ct);
		maxrss = max(sig->maxrss, current_hiwater_rss());
		break;
	case RUSAGE_CHILDREN:
		ct.utime = sig->cutime;
		ct.stime = sig->cstime;
		ct.nvcsw = sig->cnvcsw;
		ct.nivcsw = sig->cnivcsw;
		ct.min_flt = sig->cmin_flt;
		ct.maj_flt = sig->cmaj_flt;
		maxrss = sig->cmaxrss;
		break;
	case RUSAGE_THREAD:
		memset(&ct, 0, sizeof(ct));
		task_cputime_add(current, &ct);
		maxrss = current_hiwater_rss();
		break;
	default:
		return -EINVAL;
	}
	memset(r, 0, sizeof(*r));
	r->ru_utime = ns_to_old_timeval(ct.utime);
	r->ru_stime = ns_to_old_timeval(ct.stime);
	r->ru_nvcsw = ct.nvcsw;
	r->ru_nivcsw = ct.nivcsw;
	r->ru_minflt = ct.min_flt;
	r->ru_majflt = ct.maj_flt;
	r->ru_maxrss = maxrss * (PAGE_SIZE / 1024);
	return 0;
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;
	long ret = do_getrusage(who, &r);

	if (ret)
		return ret;
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

static long ns_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

/*
 * CPU times in USER_HZ ticks; the result is jiffies in USER_HZ ticks as
 * Linux gives it, from INITIAL_JIFFIES, five minutes before a 32-bit
 * jiffies wraps.
 */
SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	if (tbuf) {
		struct signal_struct *sig = current->signal;
		struct task_cputime ct;
		struct tms tms;

		thread_group_cputime(current, &ct);
		tms.tms_utime = ns_to_clock_t(ct.utime);
		tms.tms_stime = ns_to_clock_t(ct.stime);
		tms.tms_cutime = ns_to_clock_t(sig->cutime);
		tms.tms_cstime = ns_to_clock_t(sig->cstime);
		if (copy_to_user(tbuf, &tms, sizeof(tms)))
			return -EFAULT;
	}
	return get_jiffies_64() * USER_HZ / HZ;
}

/*
 * Read (@old) and set (@new) a limit of @tsk's process.  Only root raises
 * a hard limit; the soft one never exceeds it.
 */
static long do_prlimit(struct task_struct *tsk, unsigned int resource,
		       const struct rlimit *new, struct rlimit *old)
{
	struct rlimit *rlim;
	unsigned long flags;
	long ret = 0;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN_MAX)
			return -EPERM;
	}
	rlim = &tsk->signal->rlim[resource];
	spin_lock_irqsave(&rlimit_lock, flags);
	if (new && new->rlim_max > rlim->rlim_max && !capable_root())
		ret = -EPERM;
	if (!ret && old)
		*old = *rlim;
	if (!ret && new)
		*rlim = *new;
	spin_unlock_irqrestore(&rlimit_lock, flags);
	return ret;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource,
		struct rlimit __user *, rlim)
{
	struct rlimit value;
	long ret = do_prlimit(current, resource, NULL, &value);

	if (!ret && copy_to_user(rlim, &value, sizeof(value)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource,
		struct rlimit __user *, rlim)
{
	struct rlimit value;

	if (copy_from_user(&value, rlim, sizeof(value)))
		return -EFAULT;
	return do_prlimit(current, resource, &value, NULL);
}

/*
 * Another process's limits: the caller's real ids must be all of its
 * ids, or the caller root (Linux's check_prlimit_permission()).
 */
static bool may_prlimit(struct task_struct *tsk)
{
	const struct cred *cred = current_cred(), *tcred = tsk->real_cred;

	if (tsk->signal == current->signal || capable_root())
		return true;
	return cred->uid == tcred->uid && cred->uid == tcred->euid &&
	       cred->uid == tcred->suid && cred->gid == tcred->gid &&
	       cred->gid == tcred->egid && cred->gid == tcred->sgid;
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim,
		struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 new64, old64;
	struct rlimit new, old;
	struct task_struct *tsk;
	long ret;

	if (new_rlim) {
		if (copy_from_user(&new64, new_rlim, sizeof(new64)))
			return -EFAULT;
		new.rlim_cur = new64.rlim_cur;
		new.rlim_max = new64.rlim_max;
	}
	tsk = pid ? find_get_task_by_vpid(pid) : current;
	if (!tsk)
		return -ESRCH;
	if (pid)
		ret = may_prlimit(tsk) ? 0 : -EPERM;
	else
		ret = 0;
	if (!ret)
		ret = do_prlimit(tsk, resource, new_rlim ? &new : NULL,
				 old_rlim ? &old : NULL);
	if (pid)
		put_task_struct(tsk);
	if (ret || !old_rlim)
		return ret;
	old64.rlim_cur = old.rlim_cur;
	old64.rlim_max = old.rlim_max;
	return copy_to_user(old_rlim, &old64, sizeof(old64)) ? -EFAULT : 0;
}

/* getpriority(2)'s encoding of a nice value, and RLIMIT_NICE's: 40..1. */
static long nice_to_rlimit(long nice)
{
	return MAX_NICE - nice + 1;
}

/*
 * Renice one task: the caller's effective uid must be the task's real or
 * effective uid, and lowering the nice value needs RLIMIT_NICE or root.
 * @error is -ESRCH until a task matches.
 */
static long set_one_prio(struct task_struct *p, int niceval, long error)
{
	const struct cred *cred = current_cred(), *tcred = p->real_cred;

	if (tcred->uid != cred->euid && tcred->euid != cred->euid &&
	    !capable_root())
		return -EPERM;
	if (niceval < task_nice(p) &&
	    nice_to_rlimit(niceval) > (long)READ_ONCE(
			p->signal->rlim[RLIMIT_NICE].rlim_cur) &&
	    !capable_root())
		return -EACCES;
	set_user_nice(p, niceval);
	return error == -ESRCH ? 0 : error;
}

/* Does thread @p match getpriority's @which and @who (already resolved)? */
static bool prio_match(const struct task_struct *p, int which, int who)
{
	switch (which) {
	case PRIO_PGRP:
		return p->signal->pgrp == who;
	case PRIO_USER:
		return p->real_cred->uid == (uid_t)who;
	default:
		return p->pid == who;
	}
}

/*
 * Visit every thread @which/@who names: set them to @niceval (@set), or
 * find the highest priority among them.  -ESRCH when none matches.
 */
static long prio_walk(int which, int who, bool set, int niceval)
{
	struct task_struct *p, *t;
	unsigned long flags;
	long ret = -ESRCH;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	if (!who) {
		if (which == PRIO_PROCESS)
			who = current->pid;
		else if (which == PRIO_PGRP)
			who = current->signal->pgrp;
		else
			who = current_cred()->uid;
	}
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_task.tasks, tasks) {
		list_for_each_entry(t, &p->signal->thread_head, thread_node) {
			if (!prio_match(t, which, who))
				continue;
			if (set)
				ret = set_one_prio(t, niceval, ret);
			else
				ret = max(ret, nice_to_rlimit(task_nice(t)));
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE3(setpriority, int, which, int, who, int, niceval)
{
	return prio_walk(which, who, true, clamp(niceval, MIN_NICE, MAX_NICE));
}

/* 20 - nice, so the result is never negative (glibc undoes it). */
SYSCALL_DEFINE2(getpriority, int, which, int, who)
{
	return prio_walk(which, who, false, 0);
}

static long prctl_set_name(const char __user *uname)
{
	char comm[TASK_COMM_LEN];
	long len = strncpy_from_user(comm, uname, sizeof(comm) - 1);

	if (len < 0)
		return len;
	comm[len] = '\0';
	set_task_comm(current, comm);
	return 0;
}

SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	switch (option) {
	case PR_SET_PDEATHSIG:
		if (arg2 > _NSIG)
			return -EINVAL;
		current->pdeath_signal = arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(current->pdeath_signal, (int __user *)arg2);
	case PR_GET_DUMPABLE:
		return !current->undumpable;
	case PR_SET_DUMPABLE:
		if (arg2 > 1)
			return -EINVAL;
		set_dumpable(current, arg2);
		return 0;
	case PR_SET_NAME:
		return prctl_set_name((const char __user *)arg2);
	case PR_GET_NAME:
		return copy_to_user((char __user *)arg2, current->comm,
				    TASK_COMM_LEN) ? -EFAULT : 0;
	case PR_SET_CHILD_SUBREAPER:
		set_child_subreaper(current, arg2);
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user((int)current->signal->is_child_subreaper,
				(int __user *)arg2);
	case PR_SET_NO_NEW_PRIVS:
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		current->no_new_privs = true;
		return 0;
	case PR_GET_NO_NEW_PRIVS:
		if (arg2 || arg3 || arg4 || arg5)
			return -EINVAL;
		return current->no_new_privs;
	default:
		return -EINVAL;
	}
}

/* One CPU, one NUMA node. */
SYSCALL_DEFINE3(getcpu, unsigned int __user *, cpup,
		unsigned int __user *, nodep, void __user *, unused)
{
	if (cpup && put_user(0U, cpup))
		return -EFAULT;
	if (nodep && put_user(0U, nodep))
		return -EFAULT;
	return 0;
}

/*
 * Process groups and sessions (setpgid(2), setsid(2)), with Linux's
 * rules: a process may move itself or a child that has not exec'd yet,
 * within its session, into a group of that session or a new one named
 * after it; a session leader stays where it is; setsid() makes a new
 * session and group for a process that leads no group yet.
 */

/* [T] Does a process of session @session have group @pgrp? */
static bool pgrp_in_session(pid_t pgrp, pid_t session)
{
	struct task_struct *p;

	list_for_each_entry(p, &init_task.tasks, tasks)
		if (p->signal->pgrp == pgrp && p->signal->session == session)
			return true;
	return false;
}

/* [T] Is @nr any process's group? */
static bool pgrp_exists(pid_t nr)
{
	struct task_struct *p;

	list_for_each_entry(p, &init_task.tasks, tasks)
		if (p->signal->pgrp == nr)
			return true;
	return false;
}

/* [T] Where setpgid() may move @p, or -errno. */
static int may_setpgid(struct task_struct *p, pid_t pgid)
{
	struct signal_struct *me = current->signal;

	if (!thread_group_leader(p))
		return -EINVAL;
	if (p->real_parent->tgid == current->tgid) {
		if (p->signal->session != me->session)
			return -EPERM;
		if (!(p->flags & PF_FORKNOEXEC))
			return -EACCES;
	} else if (p->tgid != current->tgid) {
		return -ESRCH;
	}
	if (p->signal->leader)
		return -EPERM;
	if (pgid != p->tgid && !pgrp_in_session(pgid, me->session))
		return -EPERM;
	return 0;
}

SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p;
	unsigned long flags;
	int err;

	if (!pid)
		pid = current->tgid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(pid);
	err = -ESRCH;
	if (p) {
		err = may_setpgid(p, pgid);
		if (!err)
			p->signal->pgrp = pgid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* @field of the process @pid (0: the caller), or -ESRCH. */
static long process_id_of(pid_t pid, bool session)
{
	struct task_struct *p;
	unsigned long flags;
	long ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid ? find_task_by_vpid(pid) : current;
	if (p)
		ret = session ? p->signal->session : p->signal->pgrp;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	return process_id_of(pid, false);
}

SYSCALL_DEFINE0(getpgrp)
{
	return process_id_of(0, false);
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	return process_id_of(pid, true);
}

SYSCALL_DEFINE0(setsid)
{
	struct signal_struct *sig = current->signal;
	pid_t sid = current->tgid;
	unsigned long flags;
	long ret = -EPERM;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (!pgrp_exists(sid)) {
		sig->leader = true;
		sig->session = sid;
		sig->pgrp = sid;
		ret = sid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}
