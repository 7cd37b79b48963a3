// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>, /proc/self and /proc/thread-self against live tasks, read
 * through the VFS (filp_open() and kernel_read()): the 52 fields of stat
 * and the state letter of a sleeping kernel thread, status lines in
 * Linux's order and format, statm and cmdline of a kernel thread, the
 * task/ and fd/ directories, comm written back, environ refused to
 * another user, the directory gone (-ENOENT, -ESRCH for a file open
 * across the end) once the task is reaped, and readdir of /proc.
 */
#include <keel/cred.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/kstrtox.h>
#include <keel/ktest_user.h>
#include <keel/namei.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/slab.h>
#include <keel/sprintf.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/wait.h>

#define TEXT_SIZE	4096

static char text[TEXT_SIZE];

/* @path's whole text into text[], NUL-terminated: its length or -errno. */
static long slurp(const char *path)
{
	struct file *file = filp_open(path, O_RDONLY, 0);
	loff_t pos = 0;
	long len = 0;

	if (IS_ERR(file))
		return PTR_ERR(file);
	for (;;) {
		ssize_t n = kernel_read(file, text + len,
					TEXT_SIZE - 1 - len, &pos);

		if (n <= 0) {
			if (n < 0)
				len = n;
			break;
		}
		len += n;
	}
	filp_close(file);
	if (len >= 0)
		text[len] = '\0';
	return len;
}

/* A kernel thread asleep (TASK_INTERRUPTIBLE) until told to end. */
struct napper {
	wait_queue_head_t wq;
	bool go;
	pid_t pid;
	struct task_struct *task;
};

static int napper_fn(void *arg)
{
	struct napper *n = arg;

	wait_event_interruptible(n->wq, READ_ONCE(n->go));
	do_exit(0);
}

static int start_napper(struct napper *n)
{
	int i;

	memset(n, 0, sizeof(*n));
	init_waitqueue_head(&n->wq);
	n->pid = kernel_thread(napper_fn, n, "proc-napper", SIGCHLD);
	if (n->pid < 0)
		return n->pid;
	n->task = find_get_task_by_vpid(n->pid);
	if (!n->task)
		return -ESRCH;
	for (i = 0; i < 1000; i++) {
		if (READ_ONCE(n->task->__state) == TASK_INTERRUPTIBLE)
			return 0;
		yield();
	}
	return -EAGAIN;
}

static void stop_napper(struct napper *n)
{
	int status;

	WRITE_ONCE(n->go, true);
	wake_up_all(&n->wq);
	kernel_wait4(n->pid, &status, 0);
	put_task_struct(n->task);
}

/*
 * Splits stat's text after "pid (comm) ": the fields from the state on,
 * into @field[3..52] (1-based, as proc(5) numbers them).  Returns how
 * many fields the line has in all, counting pid and comm.
 */
static int stat_fields(char *line, char **field, int max)
{
	char *p = strrchr(line, ')');
	int n = 2;

	if (!p || p[1] != ' ')
		return -1;
	p += 2;
	while (*p && *p != '\n') {
		if (n + 1 < max)
			field[n + 1] = p;
		n++;
		while (*p && *p != ' ' && *p != '\n')
			p++;
		if (*p == ' ')
			*p++ = '\0';
	}
	if (*p == '\n')
		*p = '\0';
	return n;
}

static long field_num(const char *s)
{
	long long v;

	return kstrtoll(s, 10, &v) ? -999999 : (long)v;
}

static void self_links(struct ktest *t)
{
	char got[64], want[64];
	long len;

	len = ksys_readlinkat(AT_FDCWD, "/proc/self", got, sizeof(got));
	KTEST_ASSERT_GE(t, len, 1);
	got[len] = '\0';
	snprintf(want, sizeof(want), "%d", current->tgid);
	KTEST_EXPECT_STREQ(t, got, want);
	len = ksys_readlinkat(AT_FDCWD, "/proc/thread-self", got, sizeof(got));
	KTEST_ASSERT_GE(t, len, 1);
	got[len] = '\0';
	snprintf(want, sizeof(want), "%d/task/%d", current->tgid,
		 current->pid);
	KTEST_EXPECT_STREQ(t, got, want);
	/* Both lead somewhere: the process's and the thread's comm. */
	KTEST_EXPECT_GT(t, slurp("/proc/thread-self/comm"), 0);
	snprintf(want, sizeof(want), "%s\n", current->comm);
	KTEST_EXPECT_STREQ(t, text, want);
	KTEST_EXPECT_GT(t, slurp("/proc/self/comm"), 0);
}

/* The reader's own stat: 52 fields, its pid, comm and 'R'. */
static void self_stat(struct ktest *t)
{
	char *field[64] = { NULL }, want[32];

	KTEST_ASSERT_GE(t, slurp("/proc/self/stat"), 1);
	KTEST_EXPECT_EQ(t, text[strlen(text) - 1], '\n');
	snprintf(want, sizeof(want), "%d (%s) R ", current->tgid,
		 current->comm);
	KTEST_EXPECT_EQ(t, strncmp(text, want, strlen(want)), 0);
	KTEST_ASSERT_EQ(t, stat_fields(text, field, 64), 52);
	KTEST_EXPECT_STREQ(t, field[7], "0");		/* tty_nr */
	KTEST_EXPECT_STREQ(t, field[8], "-1");		/* tpgid */
	KTEST_EXPECT_EQ(t, field_num(field[18]), current->prio - 100);
	KTEST_EXPECT_EQ(t, field_num(field[19]), task_nice(current));
	KTEST_EXPECT_EQ(t, field_num(field[22]),
			(long)(current->start_time / 10000000));
}

static void nonexistent(struct ktest *t)
{
	struct stat st;

	KTEST_EXPECT_EQ(t, slurp("/proc/99999/stat"), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc/0", &st, 0),
			-ENOENT);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc/01", &st, 0),
			-ENOENT);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc/1/nofile", &st,
					   0), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc/1", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFDIR | 0555);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc/1/stat", &st, 0),
			0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFREG | 0444);
}

/* A sleeping kernel thread as ps sees it. */
static void sleeping_kthread(struct ktest *t)
{
	char path[64], want[96], *field[64] = { NULL };
	struct napper n;

	KTEST_ASSERT_EQ(t, start_napper(&n), 0);
	snprintf(path, sizeof(path), "/proc/%d/stat", n.pid);
	KTEST_ASSERT_GE(t, slurp(path), 1);
	snprintf(want, sizeof(want), "%d (proc-napper) S %d ", n.pid,
		 current->tgid);
	KTEST_EXPECT_EQ(t, strncmp(text, want, strlen(want)), 0);
	KTEST_ASSERT_EQ(t, stat_fields(text, field, 64), 52);
	KTEST_EXPECT_STREQ(t, field[3], "S");
	KTEST_EXPECT_EQ(t, field_num(field[9]) & PF_KTHREAD, PF_KTHREAD);
	KTEST_EXPECT_STREQ(t, field[20], "1");		/* num_threads */
	KTEST_EXPECT_STREQ(t, field[23], "0");		/* vsize */
	KTEST_EXPECT_STREQ(t, field[24], "0");		/* rss */
	KTEST_EXPECT_STREQ(t, field[35], "1");		/* wchan: asleep */
	KTEST_EXPECT_STREQ(t, field[38], "17");		/* SIGCHLD */
	KTEST_EXPECT_STREQ(t, field[52], "0");

	/* The thread's own stat says the same. */
	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", n.pid, n.pid);
	KTEST_EXPECT_GT(t, slurp(path), 0);
	KTEST_EXPECT_EQ(t, strncmp(text, want, strlen(want)), 0);

	snprintf(path, sizeof(path), "/proc/%d/status", n.pid);
	KTEST_ASSERT_GE(t, slurp(path), 1);
	KTEST_EXPECT_EQ(t, strncmp(text, "Name:\tproc-napper\nUmask:\t0022\n"
				   "State:\tS (sleeping)\n", 50), 0);
	snprintf(want, sizeof(want), "\nTgid:\t%d\nNgid:\t0\nPid:\t%d\n"
		 "PPid:\t%d\nTracerPid:\t0\nUid:\t0\t0\t0\t0\n"
		 "Gid:\t0\t0\t0\t0\nFDSize:\t", n.pid, n.pid, current->tgid);
	KTEST_EXPECT_NOT_NULL(t, strstr(text, want));
	KTEST_EXPECT_NOT_NULL(t, strstr(text, "\nThreads:\t1\n"));
	KTEST_EXPECT_NOT_NULL(t, strstr(text, "\nSigPnd:\t0000000000000000\n"
					"ShdPnd:\t0000000000000000\n"));
	KTEST_EXPECT_NOT_NULL(t, strstr(text, "\nvoluntary_ctxt_switches:\t"));
	KTEST_EXPECT_NULL(t, strstr(text, "VmRSS"));	/* no mm */
	KTEST_EXPECT_EQ(t, strcmp(text + strlen(text) - 1, "\n"), 0);

	snprintf(path, sizeof(path), "/proc/%d/cmdline", n.pid);
	KTEST_EXPECT_EQ(t, slurp(path), 0);
	snprintf(path, sizeof(path), "/proc/%d/statm", n.pid);
	KTEST_EXPECT_GT(t, slurp(path), 0);
	KTEST_EXPECT_STREQ(t, text, "0 0 0 0 0 0 0\n");
	snprintf(path, sizeof(path), "/proc/%d/comm", n.pid);
	KTEST_EXPECT_GT(t, slurp(path), 0);
	KTEST_EXPECT_STREQ(t, text, "proc-napper\n");
	snprintf(path, sizeof(path), "/proc/%d/maps", n.pid);
	KTEST_EXPECT_EQ(t, slurp(path), 0);
	stop_napper(&n);
}

/* Another user may not read root's environment. */
static void environ_permission(struct ktest *t)
{
	struct cred user = { .usage = ATOMIC_INIT(1), .uid = 1000,
			     .euid = 1000, .suid = 1000, .fsuid = 1000,
			     .gid = 1000, .egid = 1000, .fsgid = 1000,
			     .group_info = current_cred()->group_info };
	const struct cred *old;
	char path[32];

	snprintf(path, sizeof(path), "/proc/%d/environ", current->tgid);
	KTEST_EXPECT_GE(t, slurp(path), 0);
	old = override_creds(&user);
	KTEST_EXPECT_EQ(t, slurp(path), -EACCES);
	KTEST_EXPECT_GT(t, slurp("/proc/self/status"), 0);
	revert_creds(old);
}

/* Reaped: the name is gone, a held dentry is not reused, a file is -ESRCH. */
static void gone_after_reap(struct ktest *t)
{
	struct path held;
	struct file *file;
	struct napper n;
	char path[64], buf[8];
	loff_t pos = 0;
	struct stat st;

	KTEST_ASSERT_EQ(t, start_napper(&n), 0);
	snprintf(path, sizeof(path), "/proc/%d", n.pid);
	KTEST_ASSERT_EQ(t, kern_path(path, 0, &held), 0);
	snprintf(path, sizeof(path), "/proc/%d/stat", n.pid);
	file = filp_open(path, O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(file));
	stop_napper(&n);
	KTEST_EXPECT_EQ(t, kernel_read(file, buf, sizeof(buf), &pos), -ESRCH);
	filp_close(file);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, path, &st, 0), -ENOENT);
	snprintf(path, sizeof(path), "/proc/%d", n.pid);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, path, &st, 0), -ENOENT);
	path_put(&held);
}

/* getdents64 of @dir: does it list @name? */
static bool lists(const char *dir, const char *name)
{
	char *buf = kmalloc(TEXT_SIZE, GFP_KERNEL);
	bool found = false;
	long fd, n;

	if (!buf)
		return false;
	fd = ksys_openat(AT_FDCWD, dir, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0) {
		kfree(buf);
		return false;
	}
	/* Small reads: the listing resumes where it stopped. */
	while ((n = ktest_getdents64(fd, buf, 64)) > 0) {
		long off = 0;

		while (off < n) {
			struct linux_dirent64 *d = (void *)(buf + off);

			found |= !strcmp(d->d_name, name);
			off += d->d_reclen;
		}
	}
	ksys_close(fd);
	kfree(buf);
	return found;
}

static void readdir_lists_tasks(struct ktest *t)
{
	char name[16], dir[48];
	struct napper n;

	KTEST_EXPECT_TRUE(t, lists("/proc", "1"));
	KTEST_EXPECT_TRUE(t, lists("/proc", "self"));
	KTEST_EXPECT_TRUE(t, lists("/proc", "thread-self"));
	KTEST_EXPECT_TRUE(t, lists("/proc", "meminfo"));
	KTEST_EXPECT_FALSE(t, lists("/proc", "0"));
	KTEST_ASSERT_EQ(t, start_napper(&n), 0);
	snprintf(name, sizeof(name), "%d", n.pid);
	KTEST_EXPECT_TRUE(t, lists("/proc", name));
	snprintf(dir, sizeof(dir), "/proc/%d/task", n.pid);
	KTEST_EXPECT_TRUE(t, lists(dir, name));
	snprintf(dir, sizeof(dir), "/proc/%d", n.pid);
	KTEST_EXPECT_TRUE(t, lists(dir, "status"));
	KTEST_EXPECT_TRUE(t, lists(dir, "task"));
	snprintf(dir, sizeof(dir), "/proc/%d/task/%d", n.pid, n.pid);
	KTEST_EXPECT_TRUE(t, lists(dir, "stat"));
	KTEST_EXPECT_FALSE(t, lists(dir, "task"));
	stop_napper(&n);
	KTEST_EXPECT_FALSE(t, lists("/proc", name));
}

/* fd/<n> names the open file, "pipe:[ino]" for a pipe; cwd is "/". */
static void fd_links(struct ktest *t)
{
	char path[48], got[64];
	int fds[2];
	long fd, len;

	fd = ksys_openat(AT_FDCWD, "/proc/meminfo", O_RDONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	snprintf(path, sizeof(path), "/proc/self/fd/%ld", fd);
	len = ksys_readlinkat(AT_FDCWD, path, got, sizeof(got));
	KTEST_EXPECT_EQ(t, len, 13);
	KTEST_EXPECT_MEMEQ(t, got, "/proc/meminfo", 13);
	snprintf(path, sizeof(path), "%ld", fd);
	KTEST_EXPECT_TRUE(t, lists("/proc/self/fd", path));
	ksys_close(fd);
	snprintf(path, sizeof(path), "/proc/self/fd/%ld", fd);
	KTEST_EXPECT_EQ(t, ksys_readlinkat(AT_FDCWD, path, got, sizeof(got)),
			-ENOENT);

	KTEST_ASSERT_EQ(t, ksys_pipe2(fds, 0), 0);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fds[0]);
	len = ksys_readlinkat(AT_FDCWD, path, got, sizeof(got) - 1);
	KTEST_ASSERT_GE(t, len, 8);
	got[len] = '\0';
	KTEST_EXPECT_EQ(t, strncmp(got, "pipe:[", 6), 0);
	KTEST_EXPECT_EQ(t, got[len - 1], ']');
	ksys_close(fds[0]);
	ksys_close(fds[1]);

	len = ksys_readlinkat(AT_FDCWD, "/proc/self/cwd", got, sizeof(got));
	KTEST_EXPECT_EQ(t, len, 1);
	KTEST_EXPECT_EQ(t, got[0], '/');
	KTEST_EXPECT_EQ(t, ksys_readlinkat(AT_FDCWD, "/proc/self/root", got,
					   sizeof(got)), 1);
}

/* Writing comm renames the caller's own thread. */
static void comm_write(struct ktest *t)
{
	char saved[TASK_COMM_LEN];
	struct file *file;
	loff_t pos = 0;

	memcpy(saved, current->comm, sizeof(saved));
	file = filp_open("/proc/self/comm", O_WRONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(file));
	KTEST_EXPECT_EQ(t, kernel_write(file, "renamed-by-a-long-name", 22,
					&pos), 22);
	filp_close(file);
	KTEST_EXPECT_STREQ(t, current->comm, "renamed-by-a-lo");
	KTEST_EXPECT_GT(t, slurp("/proc/self/comm"), 0);
	KTEST_EXPECT_STREQ(t, text, "renamed-by-a-lo\n");
	set_task_comm(current, saved);
}

/* A kernel-thread process of two threads, both asleep until told. */
struct pair {
	wait_queue_head_t wq;
	bool go;
	pid_t leader, member;
};

static int member_fn(void *arg)
{
	struct pair *p = arg;

	wait_event_interruptible(p->wq, READ_ONCE(p->go));
	do_exit(0);
}

static int leader_fn(void *arg)
{
	struct pair *p = arg;

	WRITE_ONCE(p->member, kernel_thread(member_fn, p, "proc-member",
					     CLONE_THREAD | CLONE_SIGHAND |
					     CLONE_FS | CLONE_FILES));
	wait_event_interruptible(p->wq, READ_ONCE(p->go));
	do_exit(0);
}

static bool asleep(pid_t pid)
{
	struct task_struct *task = find_get_task_by_vpid(pid);
	bool ret = task && READ_ONCE(task->__state) == TASK_INTERRUPTIBLE;

	if (task)
		put_task_struct(task);
	return ret;
}

/* task/ lists both threads; the member is found but not listed. */
static void threads_of_a_process(struct ktest *t)
{
	char path[64], name[16], want[64], *field[64] = { NULL };
	struct pair p = { .go = false };
	int i, status;

	init_waitqueue_head(&p.wq);
	p.leader = kernel_thread(leader_fn, &p, "proc-leader", SIGCHLD);
	KTEST_ASSERT_GE(t, p.leader, 1);
	for (i = 0; i < 1000 && !(READ_ONCE(p.member) > 0 &&
				  asleep(p.leader) && asleep(p.member)); i++)
		yield();
	KTEST_ASSERT_GE(t, p.member, 1);

	snprintf(path, sizeof(path), "/proc/%d/task", p.leader);
	snprintf(name, sizeof(name), "%d", p.leader);
	KTEST_EXPECT_TRUE(t, lists(path, name));
	snprintf(name, sizeof(name), "%d", p.member);
	KTEST_EXPECT_TRUE(t, lists(path, name));
	KTEST_EXPECT_FALSE(t, lists("/proc", name));
	snprintf(path, sizeof(path), "/proc/%d/status", p.leader);
	KTEST_ASSERT_GE(t, slurp(path), 1);
	KTEST_EXPECT_NOT_NULL(t, strstr(text, "\nThreads:\t2\n"));
	snprintf(path, sizeof(path), "/proc/%d/task/%d/status", p.leader,
		 p.member);
	KTEST_ASSERT_GE(t, slurp(path), 1);
	snprintf(want, sizeof(want), "\nTgid:\t%d\nNgid:\t0\nPid:\t%d\n",
		 p.leader, p.member);
	KTEST_EXPECT_NOT_NULL(t, strstr(text, want));
	KTEST_EXPECT_EQ(t, strncmp(text, "Name:\tproc-member\n", 18), 0);
	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", p.leader,
		 p.member);
	KTEST_ASSERT_GE(t, slurp(path), 1);
	snprintf(want, sizeof(want), "%d (proc-member) S %d ", p.member,
		 current->tgid);
	KTEST_EXPECT_EQ(t, strncmp(text, want, strlen(want)), 0);
	KTEST_ASSERT_EQ(t, stat_fields(text, field, 64), 52);
	KTEST_EXPECT_STREQ(t, field[20], "2");		/* num_threads */
	KTEST_EXPECT_STREQ(t, field[38], "-1");		/* a thread's */
	/* The thread's ID finds it at the top too, as in Linux. */
	snprintf(path, sizeof(path), "/proc/%d/comm", p.member);
	KTEST_ASSERT_GE(t, slurp(path), 1);
	KTEST_EXPECT_STREQ(t, text, "proc-member\n");
	/* ...but not in another process's task/. */
	snprintf(path, sizeof(path), "/proc/%d/task/%d", current->tgid,
		 p.member);
	KTEST_EXPECT_EQ(t, slurp(path), -ENOENT);

	WRITE_ONCE(p.go, true);
	wake_up_all(&p.wq);
	KTEST_EXPECT_EQ(t, kernel_wait4(p.leader, &status, 0), p.leader);
}

static struct ktest_case proc_pid_cases[] = {
	KTEST_CASE(self_links),
	KTEST_CASE(self_stat),
	KTEST_CASE(nonexistent),
	KTEST_CASE(sleeping_kthread),
	KTEST_CASE(environ_permission),
	KTEST_CASE(gone_after_reap),
	KTEST_CASE(readdir_lists_tasks),
	KTEST_CASE(fd_links),
	KTEST_CASE(comm_write),
	KTEST_CASE(threads_of_a_process),
	{}
};

static struct ktest_suite proc_pid_suite = {
	.name = "proc_pid",
	.cases = proc_pid_cases,
};
ktest_register_suite(proc_pid_suite);
