// SPDX-License-Identifier: GPL-2.0
/*
 * Identity and limits: process, group and session ids, user and group
 * ids with the rules for root and, after dropping root, EPERM; uname,
 * sysinfo, getrandom, the resource limits (getrlimit, setrlimit,
 * prlimit64) and arch_prctl's FS and GS bases.
 */
#include "kselftest.h"

#include <grp.h>
#include <stdint.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

static void require_root(void)
{
	if (geteuid() != 0)
		KS_SKIP("not root");
}

static void process_group_and_session_ids(void)
{
	pid_t pid;

	KS_ASSERT_EQ(syscall(SYS_gettid), getpid());
	KS_ASSERT_EQ(getpgid(0), getpgrp());
	KS_ASSERT_EQ(getpgid(getpid()), getpgrp());
	KS_ASSERT_EQ(getsid(0), getsid(getpid()));
	KS_ASSERT_ERRNO(getpgid(4194304 + 7), ESRCH);
	KS_ASSERT_ERRNO(getsid(4194304 + 7), ESRCH);
	KS_ASSERT_ERRNO(setpgid(0, -1), EINVAL);
	KS_ASSERT_ERRNO(setpgid(4194304 + 7, 0), ESRCH);
	/* The harness made each case a process group leader: no setsid. */
	KS_ASSERT_EQ(getpgrp(), getpid());
	KS_ASSERT_ERRNO(setsid(), EPERM);
	KS_CHILD(pid, {
		pid_t me = getpid();

		if (getpgrp() == me)
			_exit(1);
		if (setsid() != me || getsid(0) != me || getpgrp() != me)
			_exit(2);
		/* A session leader cannot change its group. */
		if (setpgid(0, 0) != -1 || errno != EPERM)
			_exit(3);
	});
	KS_WAIT(pid, 0);
	/* A child may be moved to a group of its own by its parent. */
	KS_CHILD(pid, usleep(200000));
	KS_ASSERT_RET(setpgid(pid, pid), 0);
	KS_ASSERT_EQ(getpgid(pid), pid);
	KS_WAIT(pid, 0);
}

static void root_changes_ids(void)
{
	pid_t pid;

	require_root();
	KS_CHILD(pid, {
		uid_t r, e, s;
		gid_t groups[4] = { 0 }, rg, eg, sg;

		KS_ASSERT_RET(setgroups(2, (gid_t[]){ 10, 20 }), 0);
		KS_ASSERT_RET(getgroups(0, NULL), 2);
		KS_ASSERT_RET(getgroups(4, groups), 2);
		KS_ASSERT_EQ(groups[0], 10);
		KS_ASSERT_EQ(groups[1], 20);
		KS_ASSERT_ERRNO(getgroups(1, groups), EINVAL);
		KS_ASSERT_RET(setresgid(100, 200, 300), 0);
		KS_ASSERT_RET(getresgid(&rg, &eg, &sg), 0);
		KS_ASSERT_EQ(rg, 100);
		KS_ASSERT_EQ(eg, 200);
		KS_ASSERT_EQ(sg, 300);
		KS_ASSERT_EQ(getgid(), 100);
		KS_ASSERT_EQ(getegid(), 200);
		/* Keeping 0 saved, root can come back. */
		KS_ASSERT_RET(setresuid(1000, 2000, 0), 0);
		KS_ASSERT_RET(getresuid(&r, &e, &s), 0);
		KS_ASSERT_EQ(r, 1000);
		KS_ASSERT_EQ(e, 2000);
		KS_ASSERT_EQ(s, 0);
		KS_ASSERT_RET(seteuid(0), 0);
		KS_ASSERT_EQ(geteuid(), 0);
		/* setuid() as root sets all three. */
		KS_ASSERT_RET(setuid(3000), 0);
		KS_ASSERT_RET(getresuid(&r, &e, &s), 0);
		KS_ASSERT_EQ(r, 3000);
		KS_ASSERT_EQ(e, 3000);
		KS_ASSERT_EQ(s, 3000);
	});
	KS_WAIT(pid, 0);
}

static void dropped_root_gets_eperm(void)
{
	char path[64];
	pid_t pid;
	int fd;

	require_root();
	snprintf(path, sizeof(path), "/tmp/identity.%d", getpid());
	KS_ASSERT_OK_VAL(fd, open(path, O_WRONLY | O_CREAT | O_EXCL, 0600));
	close(fd);
	KS_CHILD(pid, {
		struct rlimit rl;

		KS_ASSERT_RET(setgroups(0, NULL), 0);
		KS_ASSERT_RET(setgid(1000), 0);
		KS_ASSERT_RET(setuid(1000), 0);
		KS_ASSERT_ERRNO(setuid(0), EPERM);
		KS_ASSERT_ERRNO(seteuid(0), EPERM);
		KS_ASSERT_ERRNO(setresuid(-1, 0, -1), EPERM);
		KS_ASSERT_ERRNO(setgid(0), EPERM);
		KS_ASSERT_ERRNO(setgroups(1, (gid_t[]){ 0 }), EPERM);
		/* Changing to its own ids is allowed. */
		KS_ASSERT_RET(setuid(1000), 0);
		KS_ASSERT_RET(setresuid(-1, -1, -1), 0);
		/* Root's file and root's process are out of reach. */
		KS_ASSERT_ERRNO(open(path, O_RDONLY), EACCES);
		/* /tmp is sticky: only the owner may remove it. */
		KS_ASSERT_ERRNO(unlink(path), EPERM);
		KS_ASSERT_ERRNO(kill(1, 0), EPERM);
		KS_ASSERT_ERRNO(kill(getppid(), SIGUSR1), EPERM);
		KS_ASSERT_ERRNO(chmod(path, 0666), EPERM);
		/* A hard limit can go down but not up again. */
		KS_ASSERT_RET(getrlimit(RLIMIT_NOFILE, &rl), 0);
		rl.rlim_max = rl.rlim_cur;
		KS_ASSERT_RET(setrlimit(RLIMIT_NOFILE, &rl), 0);
		rl.rlim_max++;
		KS_ASSERT_ERRNO(setrlimit(RLIMIT_NOFILE, &rl), EPERM);
		KS_ASSERT_ERRNO(sethostname("x", 1), EPERM);
	});
	KS_WAIT(pid, 0);
	unlink(path);
}

static void uname_fields(void)
{
	struct utsname u;

	KS_ASSERT_RET(uname(&u), 0);
	/* Keel says its own name and release; the machine is common. */
	KS_ASSERT_STREQ(u.machine, "x86_64");
	KS_ASSERT_GT(strlen(u.sysname), 0);
	KS_ASSERT_GT(strlen(u.release), 0);
	KS_ASSERT_GT(strlen(u.version), 0);
	KS_ASSERT_GT(strlen(u.nodename), 0);
	KS_ASSERT_ERRNO(syscall(SYS_uname, (void *)8), EFAULT);
}

static void sysinfo_is_sane(void)
{
	struct sysinfo si;

	KS_ASSERT_RET(sysinfo(&si), 0);
	KS_ASSERT_GE(si.uptime, 0);
	KS_ASSERT_GE(si.mem_unit, 1);
	KS_ASSERT_GE((unsigned long long)si.totalram * si.mem_unit, 32 << 20);
	KS_ASSERT_LE(si.freeram, si.totalram);
	KS_ASSERT_GT(si.freeram, 0);
	KS_ASSERT_GE(si.procs, 2);
	KS_ASSERT_ERRNO(syscall(SYS_sysinfo, (void *)8), EFAULT);
}

static void getrandom_lengths_and_flags(void)
{
	unsigned char a[64], b[64];
	static unsigned char big[1 << 20];

	KS_ASSERT_RET(getrandom(a, sizeof(a), 0), sizeof(a));
	KS_ASSERT_RET(getrandom(b, sizeof(b), 0), sizeof(b));
	KS_ASSERT_NE(memcmp(a, b, sizeof(a)), 0);
	KS_ASSERT_RET(getrandom(a, 0, 0), 0);
	KS_ASSERT_RET(getrandom(a, 16, GRND_NONBLOCK), 16);
	KS_ASSERT_RET(getrandom(a, 16, GRND_RANDOM), 16);
	KS_ASSERT_RET(getrandom(big, sizeof(big), 0), sizeof(big));
	KS_ASSERT_ERRNO(getrandom(a, 16, 0x40), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_getrandom, (void *)8, 16, 0), EFAULT);
}

static void rlimits(void)
{
	struct rlimit rl, old;
	int fds[2];
	pid_t pid;

	KS_ASSERT_RET(getrlimit(RLIMIT_NOFILE, &old), 0);
	KS_ASSERT_LE(old.rlim_cur, old.rlim_max);
	rl = (struct rlimit){ 8, old.rlim_max };
	KS_ASSERT_RET(setrlimit(RLIMIT_NOFILE, &rl), 0);
	while (dup(0) >= 0 || errno != EMFILE) {
		if (errno != EMFILE && errno)
			KS_ASSERT_TRUE(0);
	}
	KS_ASSERT_ERRNO(dup(0), EMFILE);
	KS_ASSERT_ERRNO(pipe(fds), EMFILE);
	KS_ASSERT_ERRNO(fcntl(0, F_DUPFD, 8), EINVAL);
	rl = (struct rlimit){ old.rlim_max, old.rlim_max };
	rl.rlim_cur = rl.rlim_max + 1;
	KS_ASSERT_ERRNO(setrlimit(RLIMIT_NOFILE, &rl), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_getrlimit, 99, &rl), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_getrlimit, RLIMIT_NOFILE, (void *)8),
			EFAULT);
	/* prlimit64 reads and sets another process's limits. */
	KS_CHILD(pid, usleep(300000));
	rl = (struct rlimit){ 1 << 20, 1 << 20 };
	KS_ASSERT_RET(syscall(SYS_prlimit64, pid, RLIMIT_STACK, &rl, &old), 0);
	KS_ASSERT_RET(syscall(SYS_prlimit64, pid, RLIMIT_STACK, NULL, &old),
		      0);
	KS_ASSERT_EQ(old.rlim_cur, 1 << 20);
	KS_ASSERT_EQ(old.rlim_max, 1 << 20);
	KS_WAIT(pid, 0);
	KS_ASSERT_ERRNO(syscall(SYS_prlimit64, 4194304 + 7, RLIMIT_STACK, NULL,
				&old), ESRCH);
	KS_ASSERT_ERRNO(syscall(SYS_prlimit64, 0, 99, NULL, &old), EINVAL);
	/* Raising RLIMIT_NOFILE past fs.nr_open (1048576) is EPERM. */
	if (geteuid() == 0) {
		rl = (struct rlimit){ 1048577, 1048577 };
		KS_ASSERT_ERRNO(setrlimit(RLIMIT_NOFILE, &rl), EPERM);
	}
}

static void arch_prctl_fs_and_gs(void)
{
	static uint64_t block[4] = { 0x1122334455667788ULL, 42 };
	unsigned long fs = 0, gs = 1, check = 0;
	uint64_t seen;

	KS_ASSERT_RET(syscall(SYS_arch_prctl, ARCH_GET_FS, &fs), 0);
	KS_ASSERT_NE(fs, 0);
	/* The C library's TLS is at fs: it points at itself (x86_64 TCB). */
	KS_ASSERT_EQ(*(unsigned long *)fs, fs);
	KS_ASSERT_RET(syscall(SYS_arch_prctl, ARCH_GET_GS, &gs), 0);
	KS_ASSERT_EQ(gs, 0);
	KS_ASSERT_RET(syscall(SYS_arch_prctl, ARCH_SET_GS, block), 0);
	asm volatile("movq %%gs:8, %0" : "=r"(seen));
	KS_ASSERT_EQ(seen, 42);
	KS_ASSERT_RET(syscall(SYS_arch_prctl, ARCH_GET_GS, &check), 0);
	KS_ASSERT_EQ(check, (unsigned long)block);
	/* FS moved away and back, with no libc call in between. */
	asm volatile("mov %[set], %%edi\n\t"
		     "mov %[blk], %%rsi\n\t"
		     "mov $158, %%eax\n\t"
		     "syscall\n\t"
		     "movq %%fs:0, %[seen]\n\t"
		     "mov %[set], %%edi\n\t"
		     "mov %[old], %%rsi\n\t"
		     "mov $158, %%eax\n\t"
		     "syscall"
		     : [seen] "=&r"(seen)
		     : [set] "i"(ARCH_SET_FS), [blk] "r"(block), [old] "r"(fs)
		     : "rax", "rcx", "rdx", "rsi", "rdi", "r11", "memory");
	KS_ASSERT_EQ(seen, 0x1122334455667788ULL);
	KS_ASSERT_RET(syscall(SYS_arch_prctl, ARCH_GET_FS, &check), 0);
	KS_ASSERT_EQ(check, fs);
	KS_ASSERT_ERRNO(syscall(SYS_arch_prctl, ARCH_SET_GS,
				0x8000000000000000UL), EPERM);
	KS_ASSERT_ERRNO(syscall(SYS_arch_prctl, ARCH_GET_FS, (void *)8),
			EFAULT);
	KS_ASSERT_ERRNO(syscall(SYS_arch_prctl, 0x1fff, 0), EINVAL);
}

/* A number with no call behind it: ENOSYS, past the table or in a gap. */
static void unknown_syscalls_are_enosys(void)
{
	KS_ASSERT_ERRNO(syscall(1000), ENOSYS);
	KS_ASSERT_ERRNO(syscall(400), ENOSYS);
	KS_ASSERT_ERRNO(syscall(-1L), ENOSYS);
}

static const struct ks_case cases[] = {
	KS_CASE(process_group_and_session_ids),
	KS_CASE(root_changes_ids),
	KS_CASE(dropped_root_gets_eperm),
	KS_CASE(uname_fields),
	KS_CASE(sysinfo_is_sane),
	KS_CASE(getrandom_lengths_and_flags),
	KS_CASE(rlimits),
	KS_CASE(arch_prctl_fs_and_gs),
	KS_CASE(unknown_syscalls_are_enosys),
};

KS_MAIN("identity", cases)
