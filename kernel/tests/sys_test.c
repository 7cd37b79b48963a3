// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel/sys.c and kernel/groups.c through the system-call
 * table, with user buffers in the KTEST window: ids and their rules for
 * root and for uid 1000, supplementary groups, uname and the host name,
 * resource limits, nice values, prctl, sysinfo, getrusage and times,
 * getcpu and getrandom.  Whatever changes the process (ids, limits,
 * nice, name) runs in a child process (ktest_run_in_child()), so PID 1
 * keeps its state.
 */
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/mm.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/string.h>
#include <keel/timekeeping.h>
#include <asm/unistd.h>
#include <generated/compile.h>
#include <uapi/linux/prctl.h>
#include <uapi/linux/random.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/sysinfo.h>
#include <uapi/linux/times.h>
#include <uapi/linux/utsname.h>

/* User memory at @off in the window, its kernel alias, and no memory. */
#define U(off)		((void __user *)(ktest_ubuf() + (off)))
#define K(off)		((void *)(ktest_ubuf_kaddr() + (off)))
#define BAD		((void __user *)(KTEST_UBUF + KTEST_UBUF_SIZE))

static int ktest_user_init(struct ktest *t)
{
	return ktest_ubuf() ? 0 : -ENOMEM;
}

static long getres(int nr, u32 *r, u32 *e, u32 *s)
{
	long ret = ktest_syscall3(nr, U(0), U(4), U(8));

	*r = *(u32 *)K(0);
	*e = *(u32 *)K(4);
	*s = *(u32 *)K(8);
	return ret;
}

/* Expect current's user ids to be @r, @e, @s (fs follows e). */
#define EXPECT_UIDS(t, r, e, s)						\
	do {								\
		u32 __r, __e, __s;					\
		KTEST_EXPECT_EQ(t, getres(__NR_getresuid, &__r, &__e,	\
					  &__s), 0);			\
		KTEST_EXPECT_EQ(t, __r, r);				\
		KTEST_EXPECT_EQ(t, __e, e);				\
		KTEST_EXPECT_EQ(t, __s, s);				\
		KTEST_EXPECT_EQ(t, current_cred()->fsuid, e);		\
	} while (0)

static void test_ids_of_init(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_getpid), 1);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_gettid), 1);
	/* init's parent is the idle task, PID 0. */
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_getppid), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_getuid), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_geteuid), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_getgid), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_getegid), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getresuid, U(0), U(4), BAD),
			-EFAULT);
}

static void child_ids(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_getpid), current->pid);
	KTEST_EXPECT_NE(t, current->pid, 1);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_gettid), current->pid);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_getppid), 1);
}

static void test_ids_of_child(struct ktest *t)
{
	ktest_run_in_child(t, child_ids);
}

/* Root sets any ids; then the saved id is the way back. */
static void child_uid_rules(struct ktest *t)
{
	KTEST_ASSERT_EQ(t, ktest_syscall3(__NR_setresuid, 1000, 2000, 0), 0);
	EXPECT_UIDS(t, 1000, 2000, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_geteuid), 2000);
	/* Unprivileged setuid() sets only the effective id. */
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setuid, 1000), 0);
	EXPECT_UIDS(t, 1000, 1000, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setuid, 2000), -EPERM);
	/* Back to euid 0 from the saved id; saved follows (e != real). */
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setreuid, -1, 0), 0);
	EXPECT_UIDS(t, 1000, 0, 0);
	/* Root's setuid() sets all three: no way back. */
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setuid, 1000), 0);
	EXPECT_UIDS(t, 1000, 1000, 1000);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setuid, 0), -EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setreuid, 0, -1), -EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setreuid, -1, 0), -EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setresuid, -1, -1, 0), -EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setresuid, 2000, -1, -1),
			-EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setresuid, -1, -1, 1000), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setuid, -1), -EINVAL);
	/* setfsuid(): the old value always; only own ids for others. */
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setfsuid, 0), 1000);
	KTEST_EXPECT_EQ(t, current_cred()->fsuid, 1000);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setfsuid, 1000), 1000);
	/* A changed identity makes the process undumpable. */
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_GET_DUMPABLE, 0), 0);
}

static void test_uid_rules(struct ktest *t)
{
	ktest_run_in_child(t, child_uid_rules);
	/* The child's ids were its own. */
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_geteuid), 0);
}

static void child_gid_rules(struct ktest *t)
{
	u32 r, e, s;

	KTEST_ASSERT_EQ(t, ktest_syscall3(__NR_setresgid, 100, 200, 300), 0);
	KTEST_EXPECT_EQ(t, getres(__NR_getresgid, &r, &e, &s), 0);
	KTEST_EXPECT_EQ(t, r, 100);
	KTEST_EXPECT_EQ(t, e, 200);
	KTEST_EXPECT_EQ(t, s, 300);
	KTEST_EXPECT_EQ(t, current_cred()->fsgid, 200);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_getegid), 200);
	/* setregid() with a new real id saves the effective one. */
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setregid, 300, 100), 0);
	KTEST_EXPECT_EQ(t, getres(__NR_getresgid, &r, &e, &s), 0);
	KTEST_EXPECT_EQ(t, r, 300);
	KTEST_EXPECT_EQ(t, e, 100);
	KTEST_EXPECT_EQ(t, s, 100);
	KTEST_ASSERT_EQ(t, ktest_syscall3(__NR_setresuid, 1000, 1000, 1000),
			0);
	/* Unprivileged: only among the real, effective and saved ids. */
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setgid, 300), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_getegid), 300);
	KTEST_EXPECT_EQ(t, ktest_syscall0(__NR_getgid), 300);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setgid, 5), -EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setresgid, 5, -1, -1), -EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setregid, -1, 5), -EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setfsgid, 5), 300);
	KTEST_EXPECT_EQ(t, current_cred()->fsgid, 300);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setfsgid, 100), 300);
	KTEST_EXPECT_EQ(t, current_cred()->fsgid, 100);
}

static void test_gid_rules(struct ktest *t)
{
	ktest_run_in_child(t, child_gid_rules);
}

static void child_groups(struct ktest *t)
{
	gid_t *list = K(0), *got = K(64);

	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getgroups, 0, NULL), 0);
	list[0] = 30;
	list[1] = 10;
	list[2] = 20;
	KTEST_ASSERT_EQ(t, ktest_syscall2(__NR_setgroups, 3, U(0)), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getgroups, 0, NULL), 3);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getgroups, 2, U(64)), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getgroups, -1, U(64)),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getgroups, 8, U(64)), 3);
	KTEST_EXPECT_EQ(t, got[0], 10);
	KTEST_EXPECT_EQ(t, got[1], 20);
	KTEST_EXPECT_EQ(t, got[2], 30);
	KTEST_EXPECT_TRUE(t, in_group_p(20));
	KTEST_EXPECT_FALSE(t, in_group_p(25));
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getgroups, 3, BAD), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setgroups, 65537, U(0)),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setgroups, -1, U(0)), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setgroups, 1, BAD), -EFAULT);
	/* 65536 is allowed: 256 KiB of ids, from vmalloc. */
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setgroups, 65536, U(0)),
			-EFAULT);
	KTEST_ASSERT_EQ(t, ktest_syscall3(__NR_setresuid, 1000, 1000, 1000),
			0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setgroups, 0, NULL), -EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getgroups, 0, NULL), 3);
}

static void test_groups(struct ktest *t)
{
	ktest_run_in_child(t, child_groups);
	KTEST_EXPECT_EQ(t, current_cred()->group_info->ngroups, 0);
}

static void test_uname(struct ktest *t)
{
	struct new_utsname *u = K(0);

	memset(u, 0x55, sizeof(*u));
	KTEST_ASSERT_EQ(t, ktest_syscall1(__NR_uname, U(0)), 0);
	KTEST_EXPECT_STREQ(t, u->sysname, "Linux");
	KTEST_EXPECT_STREQ(t, u->nodename, CONFIG_DEFAULT_HOSTNAME);
	KTEST_EXPECT_STREQ(t, u->release, "6.1.0-keel-" KEEL_RELEASE);
	KTEST_EXPECT_STREQ(t, u->version, "#1 Keel " KEEL_RELEASE " "
			   CONFIG_BUILD_NAME);
	KTEST_EXPECT_STREQ(t, u->machine, "x86_64");
	KTEST_EXPECT_STREQ(t, u->domainname, "(none)");
	/* The fields are NUL-padded, not left with old bytes. */
	KTEST_EXPECT_EQ(t, u->sysname[__NEW_UTS_LEN], 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_uname, BAD), -EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_uname, K(0)), -EFAULT);
}

static void test_sethostname(struct ktest *t)
{
	struct new_utsname *u = K(256);

	memcpy(K(0), "test-host", 9);
	KTEST_ASSERT_EQ(t, ktest_syscall2(__NR_sethostname, U(0), 9), 0);
	KTEST_ASSERT_EQ(t, ktest_syscall1(__NR_uname, U(256)), 0);
	KTEST_EXPECT_STREQ(t, u->nodename, "test-host");
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_sethostname, U(0), 65),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_sethostname, U(0), -1),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_sethostname, BAD, 4), -EFAULT);
	memcpy(K(0), "example.org", 11);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setdomainname, U(0), 11), 0);
	/* A shorter name clears what the longer one left. */
	memcpy(K(0), CONFIG_DEFAULT_HOSTNAME, sizeof(CONFIG_DEFAULT_HOSTNAME));
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_sethostname, U(0),
					  sizeof(CONFIG_DEFAULT_HOSTNAME) - 1),
			0);
	memcpy(K(0), "(none)", 6);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setdomainname, U(0), 6), 0);
	KTEST_ASSERT_EQ(t, ktest_syscall1(__NR_uname, U(256)), 0);
	KTEST_EXPECT_STREQ(t, u->nodename, CONFIG_DEFAULT_HOSTNAME);
	KTEST_EXPECT_STREQ(t, u->domainname, "(none)");
}

static void child_unprivileged(struct ktest *t)
{
	KTEST_ASSERT_EQ(t, ktest_syscall3(__NR_setresuid, 1000, 1000, 1000),
			0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_sethostname, U(0), 4), -EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setdomainname, U(0), 4),
			-EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setuid, 0), -EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_setgid, 1), -EPERM);
}

static void test_unprivileged(struct ktest *t)
{
	ktest_run_in_child(t, child_unprivileged);
}

static void child_rlimits(struct ktest *t)
{
	struct rlimit *rl = K(0);
	struct rlimit64 *r64 = K(64), *old64 = K(128);

	KTEST_ASSERT_EQ(t, ktest_syscall2(__NR_getrlimit, RLIMIT_NOFILE, U(0)),
			0);
	KTEST_EXPECT_EQ(t, rl->rlim_cur, 1024);
	KTEST_EXPECT_EQ(t, rl->rlim_max, 4096);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getrlimit, RLIM_NLIMITS, U(0)),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getrlimit, RLIMIT_NOFILE, BAD),
			-EFAULT);
	/* Soft above hard: -EINVAL. */
	rl->rlim_cur = 5000;
	rl->rlim_max = 4000;
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setrlimit, RLIMIT_NOFILE, U(0)),
			-EINVAL);
	/* Root raises the hard limit, up to fs.nr_open. */
	rl->rlim_cur = 2048;
	rl->rlim_max = 8192;
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setrlimit, RLIMIT_NOFILE, U(0)),
			0);
	KTEST_EXPECT_EQ(t, rlimit(RLIMIT_NOFILE), 2048);
	rl->rlim_max = 2 * 1024 * 1024;
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_setrlimit, RLIMIT_NOFILE, U(0)),
			-EPERM);
	/* prlimit64: the old value and the new in one call. */
	r64->rlim_cur = 100;
	r64->rlim_max = 200;
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_prlimit64, 0, RLIMIT_NOFILE,
					  U(64), U(128)), 0);
	KTEST_EXPECT_EQ(t, old64->rlim_cur, 2048);
	KTEST_EXPECT_EQ(t, old64->rlim_max, 8192);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_prlimit64, current->pid,
					  RLIMIT_NOFILE, NULL, U(128)), 0);
	KTEST_EXPECT_EQ(t, old64->rlim_cur, 100);
	KTEST_EXPECT_EQ(t, old64->rlim_max, 200);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_prlimit64, 99999,
					  RLIMIT_NOFILE, NULL, U(128)), -ESRCH);
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_prlimit64, 0, 99, NULL, U(128)),
			-EINVAL);
	/* Unprivileged: lower freely, never raise the hard limit. */
	KTEST_ASSERT_EQ(t, ktest_syscall3(__NR_setresuid, 1000, 1000, 1000),
			0);
	r64->rlim_cur = 50;
	r64->rlim_max = 150;
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_prlimit64, 0, RLIMIT_NOFILE,
					  U(64), NULL), 0);
	r64->rlim_max = 151;
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_prlimit64, 0, RLIMIT_NOFILE,
					  U(64), NULL), -EPERM);
	KTEST_EXPECT_EQ(t, rlimit(RLIMIT_NOFILE), 50);
	/* Another user's process (init, root): -EPERM even to read. */
	KTEST_EXPECT_EQ(t, ktest_syscall4(__NR_prlimit64, 1, RLIMIT_NOFILE,
					  NULL, U(128)), -EPERM);
}

static void test_rlimits(struct ktest *t)
{
	ktest_run_in_child(t, child_rlimits);
	KTEST_EXPECT_EQ(t, rlimit(RLIMIT_NOFILE), 1024);
}

static void child_priority(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getpriority, PRIO_PROCESS, 0),
			20);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setpriority, PRIO_PROCESS, 0,
					  5), 0);
	KTEST_EXPECT_EQ(t, task_nice(current), 5);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getpriority, PRIO_PROCESS,
					  current->pid), 15);
	/* Out of range values are clamped to -20..19. */
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setpriority, PRIO_PROCESS, 0,
					  100), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getpriority, PRIO_PROCESS, 0),
			1);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setpriority, PRIO_PROCESS, 0,
					  -5), 0);
	/* The highest priority in the group: a group of its own. */
	current->signal->pgrp = current->pid;
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getpriority, PRIO_PGRP, 0),
			25);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setpriority, PRIO_PGRP,
					  current->pid, -6), 0);
	KTEST_EXPECT_EQ(t, task_nice(current), -6);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getpriority, PRIO_PGRP,
					  current->pid), 26);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getpriority, PRIO_PGRP,
					  current->pid + 100000), -ESRCH);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getpriority, 3, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getpriority, PRIO_PROCESS,
					  99999), -ESRCH);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setpriority, PRIO_PROCESS,
					  99999, 0), -ESRCH);
	/* As uid 1000: raise the nice value, not lower it past the limit. */
	KTEST_ASSERT_EQ(t, ktest_syscall3(__NR_setresuid, 1000, 1000, 1000),
			0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setpriority, PRIO_PROCESS, 0,
					  10), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setpriority, PRIO_PROCESS, 0,
					  5), -EACCES);
	KTEST_EXPECT_EQ(t, task_nice(current), 10);
	/* RLIMIT_NICE 15 allows nice down to 20 - 15 = 5. */
	current->signal->rlim[RLIMIT_NICE].rlim_cur = 15;
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setpriority, PRIO_PROCESS, 0,
					  5), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setpriority, PRIO_PROCESS, 0,
					  4), -EACCES);
	/* init belongs to root. */
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_setpriority, PRIO_PROCESS, 1,
					  10), -EPERM);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getpriority, PRIO_USER, 0), 15);
}

static void test_priority(struct ktest *t)
{
	ktest_run_in_child(t, child_priority);
	KTEST_EXPECT_EQ(t, task_nice(current), 0);
}

static void child_prctl(struct ktest *t)
{
	char *name = K(0);

	strscpy(name, "a-rather-long-task-name", 64);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_SET_NAME, U(0)), 0);
	KTEST_EXPECT_STREQ(t, current->comm, "a-rather-long-t");
	memset(K(64), 0x55, 32);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_GET_NAME, U(64)), 0);
	KTEST_EXPECT_STREQ(t, (char *)K(64), "a-rather-long-t");
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_SET_NAME, BAD),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_GET_NAME, BAD),
			-EFAULT);

	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_SET_PDEATHSIG,
					  SIGKILL), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_GET_PDEATHSIG, U(0)),
			0);
	KTEST_EXPECT_EQ(t, *(int *)K(0), SIGKILL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_SET_PDEATHSIG, 65),
			-EINVAL);
	KTEST_EXPECT_EQ(t, current->pdeath_signal, SIGKILL);

	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_SET_DUMPABLE, 1), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_GET_DUMPABLE, 0), 1);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_SET_DUMPABLE, 2),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_SET_DUMPABLE, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_GET_DUMPABLE, 0), 0);

	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_GET_NO_NEW_PRIVS, 0),
			0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_SET_NO_NEW_PRIVS, 2),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_prctl, PR_SET_NO_NEW_PRIVS, 1,
					  1), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_SET_NO_NEW_PRIVS, 1),
			0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_GET_NO_NEW_PRIVS, 0),
			1);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, PR_GET_NO_NEW_PRIVS, 1),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_prctl, 9999, 0), -EINVAL);
}

static void test_prctl(struct ktest *t)
{
	ktest_run_in_child(t, child_prctl);
	KTEST_EXPECT_STREQ(t, current->comm, "init");
	KTEST_EXPECT_FALSE(t, current->no_new_privs);
}

static void test_sysinfo(struct ktest *t)
{
	struct sysinfo *si = K(0);
	u64 up = ktime_get_ns();

	memset(si, 0x55, sizeof(*si));
	KTEST_ASSERT_EQ(t, ktest_syscall1(__NR_sysinfo, U(0)), 0);
	KTEST_EXPECT_GE(t, si->uptime, DIV_ROUND_UP(up, NSEC_PER_SEC));
	KTEST_EXPECT_LE(t, si->uptime, DIV_ROUND_UP(ktime_get_ns(),
						    NSEC_PER_SEC));
	KTEST_EXPECT_EQ(t, si->totalram, totalram_pages() * PAGE_SIZE);
	KTEST_EXPECT_GT(t, si->freeram, 0);
	KTEST_EXPECT_LE(t, si->freeram, si->totalram);
	KTEST_EXPECT_EQ(t, si->mem_unit, 1);
	KTEST_EXPECT_EQ(t, si->totalswap, 0);
	KTEST_EXPECT_EQ(t, si->loads[0], 0);
	KTEST_EXPECT_GE(t, si->procs, 1);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_sysinfo, BAD), -EFAULT);
}

/* Spend @ticks ticks on the CPU in the kernel: system time. */
static void burn_ticks(unsigned int ticks)
{
	u64 end = get_jiffies_64() + ticks;

	while (time_before(get_jiffies_64(), end))
		cpu_relax();
}

static u64 tv_ns(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
}

static u64 child_stime;

static void child_usage(struct ktest *t)
{
	struct rusage *self = K(0), *thread = K(256), *children = K(512);
	struct tms *tms = K(768);
	u64 j0, j1;
	long ticks;

	burn_ticks(3);
	KTEST_ASSERT_EQ(t, ktest_syscall2(__NR_getrusage, RUSAGE_SELF, U(0)),
			0);
	KTEST_ASSERT_EQ(t, ktest_syscall2(__NR_getrusage, RUSAGE_THREAD,
					  U(256)), 0);
	KTEST_ASSERT_EQ(t, ktest_syscall2(__NR_getrusage, RUSAGE_CHILDREN,
					  U(512)), 0);
	/* At least 2 of the 3 ticks fell wholly in the loop. */
	KTEST_EXPECT_GE(t, tv_ns(&self->ru_stime), 2 * TICK_NSEC);
	KTEST_EXPECT_EQ(t, tv_ns(&self->ru_utime), 0);
	/* One thread: the process is the thread. */
	KTEST_EXPECT_LE(t, tv_ns(&thread->ru_stime), tv_ns(&self->ru_stime));
	KTEST_EXPECT_GE(t, tv_ns(&thread->ru_stime), 2 * TICK_NSEC);
	KTEST_EXPECT_EQ(t, children->ru_stime.tv_sec, 0);
	KTEST_EXPECT_EQ(t, children->ru_stime.tv_usec, 0);
	KTEST_EXPECT_EQ(t, children->ru_nvcsw, 0);
	KTEST_EXPECT_EQ(t, self->ru_maxrss, 0);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getrusage, 2, U(0)), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall2(__NR_getrusage, RUSAGE_SELF, BAD),
			-EFAULT);

	j0 = get_jiffies_64();
	ticks = ktest_syscall1(__NR_times, U(768));
	j1 = get_jiffies_64();
	KTEST_EXPECT_GE(t, ticks, j0 * USER_HZ / HZ);
	KTEST_EXPECT_LE(t, ticks, j1 * USER_HZ / HZ);
	KTEST_EXPECT_GE(t, tms->tms_stime,
			tv_ns(&self->ru_stime) / (NSEC_PER_SEC / USER_HZ));
	KTEST_EXPECT_EQ(t, tms->tms_utime, 0);
	KTEST_EXPECT_EQ(t, tms->tms_cstime, 0);
	KTEST_EXPECT_GT(t, ktest_syscall1(__NR_times, NULL), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall1(__NR_times, BAD), -EFAULT);
	child_stime = current->stime;
}

/* A reaped child's time moves to its parent's RUSAGE_CHILDREN. */
static void test_getrusage_times(struct ktest *t)
{
	struct rusage *children = K(512);
	u64 before;

	KTEST_ASSERT_EQ(t, ktest_syscall2(__NR_getrusage, RUSAGE_CHILDREN,
					  U(512)), 0);
	before = tv_ns(&children->ru_stime);
	ktest_run_in_child(t, child_usage);
	KTEST_ASSERT_EQ(t, ktest_syscall2(__NR_getrusage, RUSAGE_CHILDREN,
					  U(512)), 0);
	KTEST_EXPECT_GE(t, tv_ns(&children->ru_stime) - before,
			child_stime / NSEC_PER_USEC * NSEC_PER_USEC);
	KTEST_EXPECT_GE(t, tv_ns(&children->ru_stime) - before,
			2 * TICK_NSEC);
}

static void test_getcpu(struct ktest *t)
{
	memset(K(0), 0x55, 8);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getcpu, U(0), U(4), NULL), 0);
	KTEST_EXPECT_EQ(t, *(u32 *)K(0), 0);
	KTEST_EXPECT_EQ(t, *(u32 *)K(4), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getcpu, NULL, NULL, NULL), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getcpu, BAD, NULL, NULL),
			-EFAULT);
}

static bool all_zero(const u8 *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

static void test_getrandom(struct ktest *t)
{
	u8 first[64];

	memset(K(0), 0, 128);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getrandom, U(0), 0, 0), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getrandom, U(0), 64, 0), 64);
	KTEST_EXPECT_FALSE(t, all_zero(K(0), 64));
	KTEST_EXPECT_TRUE(t, all_zero(K(64), 64));
	memcpy(first, K(0), 64);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getrandom, U(0), 64,
					  GRND_NONBLOCK), 64);
	KTEST_EXPECT_NE(t, memcmp(first, K(0), 64), 0);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getrandom, U(0), 64,
					  GRND_RANDOM), 64);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getrandom, U(0), 64,
					  GRND_INSECURE), 64);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getrandom, U(0), 64,
					  GRND_INSECURE | GRND_RANDOM),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getrandom, U(0), 64, 8),
			-EINVAL);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getrandom, BAD, 64, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getrandom, K(0), 64, 0),
			-EFAULT);
	/* Up to the end of the window: a short count. */
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getrandom,
					  U(KTEST_UBUF_SIZE - 16), 64, 0), 16);
	/* More than a page at a time. */
	KTEST_EXPECT_EQ(t, ktest_syscall3(__NR_getrandom, U(0),
					  3 * PAGE_SIZE + 5, 0),
			3 * PAGE_SIZE + 5);
}

static struct ktest_case sys_cases[] = {
	KTEST_CASE(test_ids_of_init),
	KTEST_CASE(test_ids_of_child),
	KTEST_CASE(test_uid_rules),
	KTEST_CASE(test_gid_rules),
	KTEST_CASE(test_groups),
	KTEST_CASE(test_uname),
	KTEST_CASE(test_sethostname),
	KTEST_CASE(test_unprivileged),
	KTEST_CASE(test_rlimits),
	KTEST_CASE(test_priority),
	KTEST_CASE(test_prctl),
	KTEST_CASE(test_sysinfo),
	KTEST_CASE(test_getrusage_times),
	KTEST_CASE(test_getcpu),
	KTEST_CASE(test_getrandom),
	{}
};

static struct ktest_suite sys_suite = {
	.name = "sys",
	.init = ktest_user_init,
	.cases = sys_cases,
};
ktest_register_suite(sys_suite);
