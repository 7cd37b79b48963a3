// SPDX-License-Identifier: GPL-2.0
/*
 * /proc through the system-call layer: every file read back and parsed
 * (exact text where the value is known), reads in small pieces against
 * one read, /proc/self, the entry API, readdir, and free memory
 * returning to its baseline.  The per-process files: proc_pid_test.c.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/kconfig.h>
#include <keel/kernel_stat.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/mm.h>
#include <keel/namei.h>
#include <keel/proc_fs.h>
#include <keel/sched.h>
#include <keel/sched/task.h>
#include <keel/seq_file.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <keel/sprintf.h>
#include <keel/string.h>
#include <keel/timekeeping.h>
#include <keel/syscalls.h>

#define BUF_SIZE	8192

static char big[BUF_SIZE], small[BUF_SIZE];

/* The whole file read @chunk bytes at a time, NUL-terminated; or -errno. */
static long read_file(const char *path, char *buf, size_t chunk)
{
	long fd, n, len = 0;

	fd = ksys_openat(AT_FDCWD, path, O_RDONLY, 0);
	if (fd < 0)
		return fd;
	while (len < BUF_SIZE - 1) {
		size_t want = chunk;

		if (want > (size_t)(BUF_SIZE - 1 - len))
			want = BUF_SIZE - 1 - len;
		n = ktest_read(fd, buf + len, want);
		if (n <= 0) {
			if (n < 0)
				len = n;
			break;
		}
		len += n;
	}
	ksys_close(fd);
	if (len >= 0)
		buf[len] = '\0';
	return len;
}

/* The decimal number right after @key in @text, or -1. */
static long value_after(const char *text, const char *key)
{
	const char *p = strstr(text, key);
	long v = 0;

	if (!p)
		return -1;
	p += strlen(key);
	while (*p == ' ')
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9')
		v = v * 10 + (*p++ - '0');
	return v;
}

static void meminfo(struct ktest *t)
{
	KTEST_ASSERT_GE(t, read_file("/proc/meminfo", big, BUF_SIZE), 1);
	KTEST_EXPECT_EQ(t, strncmp(big, "MemTotal:       ", 16), 0);
	KTEST_EXPECT_EQ(t, value_after(big, "MemTotal:"),
			(long)totalram_pages() * 4);
	KTEST_EXPECT_GT(t, value_after(big, "\nMemFree:"), 0);
	KTEST_EXPECT_LE(t, value_after(big, "\nMemFree:"),
			(long)totalram_pages() * 4);
	KTEST_EXPECT_EQ(t, value_after(big, "\nSwapTotal:"), 0);
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "\nBuffers:               0 kB\n"));
}

static void mounts(struct ktest *t)
{
	long n = read_file("/proc/mounts", big, BUF_SIZE);

	KTEST_ASSERT_GE(t, n, 1);
	KTEST_EXPECT_EQ(t, strncmp(big, "none / ramfs rw 0 0\n", 20), 0);
	if (IS_ENABLED(CONFIG_DEVFS))
		KTEST_EXPECT_NOT_NULL(t, strstr(big,
						"\ndevfs /dev devfs rw 0 0\n"));
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "\nproc /proc proc rw 0 0\n"));
	KTEST_EXPECT_EQ(t, read_file("/proc/self/mounts", small, BUF_SIZE), n);
	KTEST_EXPECT_STREQ(t, small, big);
	KTEST_EXPECT_EQ(t, read_file("/proc/1/mounts", small, BUF_SIZE), n);
	KTEST_EXPECT_STREQ(t, small, big);
}

static void links(struct ktest *t)
{
	char target[32], want[16];
	int len = snprintf(want, sizeof(want), "%d", current->tgid);

	KTEST_EXPECT_EQ(t, ksys_readlinkat(AT_FDCWD, "/proc/self", target,
					   sizeof(target)), len);
	KTEST_EXPECT_MEMEQ(t, target, want, len);
	KTEST_EXPECT_EQ(t, ksys_readlinkat(AT_FDCWD, "/proc/mounts", target,
					   sizeof(target)), 11);
	KTEST_EXPECT_MEMEQ(t, target, "self/mounts", 11);
}

/*
 * /proc/self's target is built for each caller: two get_link() calls in
 * flight have their own bodies, and each is released by its own delayed
 * call, so repeated walks leave no memory behind.
 */
static void self_link_per_call(struct ktest *t)
{
	DEFINE_DELAYED_CALL(done_a);
	DEFINE_DELAYED_CALL(done_b);
	const char *a, *b;
	struct inode *inode;
	struct path self;
	unsigned long before;
	char target[16], want[16];
	int i, len = snprintf(want, sizeof(want), "%d", current->tgid);

	KTEST_ASSERT_EQ(t, kern_path("/proc/self", 0, &self), 0);
	inode = d_inode(self.dentry);
	a = inode->i_op->get_link(self.dentry, inode, &done_a);
	b = inode->i_op->get_link(self.dentry, inode, &done_b);
	KTEST_ASSERT_FALSE(t, IS_ERR(a) || IS_ERR(b));
	KTEST_EXPECT_PTR_NE(t, a, b);
	KTEST_EXPECT_STREQ(t, a, want);
	do_delayed_call(&done_a);
	KTEST_EXPECT_STREQ(t, b, want);
	do_delayed_call(&done_b);
	path_put(&self);

	before = nr_free_pages_shrunk();
	for (i = 0; i < 1000; i++) {
		KTEST_ASSERT_EQ(t, ksys_readlinkat(AT_FDCWD, "/proc/self",
						   target, sizeof(target)), len);
		KTEST_ASSERT_GE(t, read_file("/proc/self/mounts", small, 64), 1);
	}
	KTEST_EXPECT_EQ(t, nr_free_pages_shrunk(), before);
}

static void filesystems(struct ktest *t)
{
	KTEST_ASSERT_GE(t, read_file("/proc/filesystems", big, BUF_SIZE), 1);
	KTEST_EXPECT_EQ(t, strncmp(big, "nodev\tramfs\n", 12), 0);
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "\nnodev\tproc\n"));
	if (IS_ENABLED(CONFIG_DEVFS))
		KTEST_EXPECT_NOT_NULL(t, strstr(big, "\nnodev\tdevfs\n"));
}

static void devices(struct ktest *t)
{
	KTEST_ASSERT_GE(t, read_file("/proc/devices", big, BUF_SIZE), 1);
	KTEST_EXPECT_EQ(t, strncmp(big, "Character devices:\n  1 mem\n", 27),
			0);
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "\n\nBlock devices:\n"));
}

static void uptime(struct ktest *t)
{
	const char *p = big;
	int fields;

	KTEST_ASSERT_GE(t, read_file("/proc/uptime", big, BUF_SIZE), 1);
	/* "<secs>.<2 digits> <secs>.<2 digits>\n" */
	for (fields = 0; fields < 2; fields++) {
		KTEST_EXPECT_TRUE(t, *p >= '0' && *p <= '9');
		while (*p >= '0' && *p <= '9')
			p++;
		KTEST_ASSERT_EQ(t, *p, '.');
		KTEST_EXPECT_TRUE(t, p[1] >= '0' && p[1] <= '9' &&
				  p[2] >= '0' && p[2] <= '9');
		p += 3;
		KTEST_EXPECT_EQ(t, *p, fields ? '\n' : ' ');
		p++;
	}
	KTEST_EXPECT_EQ(t, *p, '\0');
	KTEST_EXPECT_NE(t, strncmp(big, "0.00 ", 5), 0);
}

/* "0.00 0.00 0.00 <running>/<threads> <last pid>\n" */
static void loadavg_counts(struct ktest *t, const char *text)
{
	const char *p = text + 15;
	long running, total, last;
	char want[24];

	KTEST_ASSERT_EQ(t, strncmp(text, "0.00 0.00 0.00 ", 15), 0);
	running = value_after(p, "");
	KTEST_ASSERT_NOT_NULL(t, strchr(p, '/'));
	total = value_after(strchr(p, '/'), "/");
	KTEST_ASSERT_NOT_NULL(t, strchr(p, ' '));
	last = value_after(strchr(p, ' '), " ");
	/* The reader runs, and is one of the threads. */
	KTEST_EXPECT_GE(t, running, 1);
	KTEST_EXPECT_GE(t, total, running);
	KTEST_EXPECT_EQ(t, last, (long)last_allocated_pid());
	snprintf(want, sizeof(want), "%ld/%ld %ld\n", running, total, last);
	KTEST_EXPECT_STREQ(t, p, want);
}

static void small_files(struct ktest *t)
{
	KTEST_ASSERT_GE(t, read_file("/proc/cmdline", big, BUF_SIZE), 1);
	KTEST_EXPECT_EQ(t, strlen(big), strlen(boot_command_line) + 1);
	KTEST_EXPECT_EQ(t, strncmp(big, boot_command_line,
				   strlen(boot_command_line)), 0);
	KTEST_EXPECT_EQ(t, big[strlen(boot_command_line)], '\n');
	KTEST_EXPECT_GE(t, read_file("/proc/loadavg", big, BUF_SIZE), 21);
	loadavg_counts(t, big);
	KTEST_ASSERT_GE(t, read_file("/proc/version", big, BUF_SIZE), 1);
	KTEST_EXPECT_EQ(t, strncmp(big, "Keel version ", 13), 0);
	KTEST_EXPECT_EQ(t, big[strlen(big) - 1], '\n');
}

static void stat_file(struct ktest *t)
{
	struct kernel_cpustat kcs;
	const char *p;
	long sum = 0, ticks;
	int fields = 0;

	KTEST_ASSERT_GE(t, read_file("/proc/stat", big, BUF_SIZE), 1);
	/* "cpu " and ten numbers, the tick's charges by kind */
	KTEST_ASSERT_EQ(t, strncmp(big, "cpu  ", 5), 0);
	for (p = big + 4; *p == ' '; fields++) {
		sum += value_after(p, " ");
		p++;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	KTEST_EXPECT_EQ(t, fields, 10);
	KTEST_EXPECT_EQ(t, *p, '\n');
	/* They add up to the time since boot, give or take the reads. */
	kcpustat_cpu_fetch(&kcs, 0);
	ticks = ktime_get_ns() / 10000000;
	KTEST_EXPECT_LE(t, sum, ticks + 1);
	KTEST_EXPECT_GE(t, sum, ticks / 2);
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "\ncpu0 "));
	KTEST_EXPECT_GT(t, value_after(big, "\nintr "), 0);
	KTEST_EXPECT_GT(t, value_after(big, "\nctxt "), 0);
	KTEST_EXPECT_LE(t, value_after(big, "\nctxt "),
			(long)nr_context_switches());
	KTEST_EXPECT_GT(t, value_after(big, "\nbtime "), 0);
	/* init, at least, was made by fork */
	KTEST_EXPECT_GE(t, value_after(big, "\nprocesses "), 1);
	KTEST_EXPECT_LE(t, value_after(big, "\nprocesses "),
			(long)nr_forks());
	KTEST_EXPECT_GE(t, value_after(big, "\nprocs_running "), 1);
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "\nprocs_blocked 0\nsoftirq "));
}

static void interrupts(struct ktest *t)
{
	const char *line;
	int lines = 0;

	KTEST_ASSERT_GE(t, read_file("/proc/interrupts", big, BUF_SIZE), 1);
	KTEST_EXPECT_EQ(t, strncmp(big, "           CPU0       \n", 23), 0);
	/* "NNN: <count to column 15> <chip>...", or just the count (ERR) */
	for (line = strchr(big, '\n') + 1; *line;
	     line = strchr(line, '\n') + 1) {
		KTEST_EXPECT_EQ(t, line[3], ':');
		KTEST_EXPECT_TRUE(t, line[14] >= '0' && line[14] <= '9');
		KTEST_EXPECT_TRUE(t, line[15] == ' ' || line[15] == '\n');
		lines++;
	}
	KTEST_EXPECT_GT(t, lines, 0);
	/* /dev/ttyS0's receive interrupt, whether or not it has fired. */
	if (IS_ENABLED(CONFIG_SERIAL_8250))
		KTEST_EXPECT_NOT_NULL(t, strstr(big, "-edge      ttyS0\n"));
	/* The architecture's rows end the file, as in Linux. */
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "\nNMI: "));
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "   Local timer interrupts\n"));
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "   Spurious interrupts\nERR: "));
}

static void cpuinfo(struct ktest *t)
{
	long n = read_file("/proc/cpuinfo", big, BUF_SIZE);

	KTEST_ASSERT_GE(t, n, 1);
	KTEST_EXPECT_EQ(t, strncmp(big, "processor\t: 0\nvendor_id\t: ", 26), 0);
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "\ncpu family\t: "));
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "\nmodel name\t: "));
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "\nflags\t\t: fpu "));
	KTEST_EXPECT_NOT_NULL(t, strstr(big, " lm"));
	KTEST_EXPECT_NOT_NULL(t, strstr(big, "\nbogomips\t: "));
	KTEST_EXPECT_STREQ(t, big + n - 19, "power management:\n\n");
}

/* 7 bytes at a time, lseek and pread give the bytes of one big read. */
static void small_reads(struct ktest *t)
{
	long n = read_file("/proc/cpuinfo", big, BUF_SIZE), fd;
	char part[16];

	KTEST_ASSERT_GE(t, n, 1);
	KTEST_EXPECT_EQ(t, read_file("/proc/cpuinfo", small, 7), n);
	KTEST_EXPECT_STREQ(t, small, big);
	fd = ksys_openat(AT_FDCWD, "/proc/cpuinfo", O_RDONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_pread64(fd, part, 10, 5), 10);
	KTEST_EXPECT_MEMEQ(t, part, big + 5, 10);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 20, SEEK_SET), 20);
	KTEST_EXPECT_EQ(t, ktest_read(fd, part, 10), 10);
	KTEST_EXPECT_MEMEQ(t, part, big + 20, 10);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, -5, SEEK_CUR), 25);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_END), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, n, SEEK_SET), n);
	KTEST_EXPECT_EQ(t, ktest_read(fd, part, 10), 0);
	KTEST_EXPECT_EQ(t, ktest_write(fd, "x", 1), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

static void attributes(struct ktest *t)
{
	struct stat st;

	KTEST_ASSERT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc/meminfo", &st, 0),
			0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFREG | 0444);
	KTEST_EXPECT_EQ(t, st.st_size, 0);
	KTEST_ASSERT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFDIR | 0555);
	KTEST_ASSERT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc/1", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFDIR | 0555);
	KTEST_ASSERT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc/self", &st,
					   AT_SYMLINK_NOFOLLOW), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFLNK | 0777);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc/nonexistent", &st,
					   0), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/proc/new", O_RDWR | O_CREAT,
				       0644), -EACCES);
}

/* getdents64 of /proc lists the entries and the pid directories. */
static void readdir(struct ktest *t)
{
	static const char *const want[] = {
		"self", "1", "meminfo", "mounts", "cpuinfo", "stat", ".", "..",
	};
	unsigned int found = 0, i;
	long fd, n;

	fd = ksys_openat(AT_FDCWD, "/proc", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	while ((n = ktest_getdents64(fd, big, BUF_SIZE)) > 0) {
		long off = 0;

		while (off < n) {
			struct linux_dirent64 *d = (void *)(big + off);

			for (i = 0; i < ARRAY_SIZE(want); i++)
				if (!strcmp(d->d_name, want[i]))
					found |= 1U << i;
			off += d->d_reclen;
		}
	}
	KTEST_EXPECT_EQ(t, n, 0);
	KTEST_EXPECT_EQ(t, found, (1U << ARRAY_SIZE(want)) - 1);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

static int hello_show(struct seq_file *m, void *v)
{
	seq_printf(m, "hello %d\n", *(int *)m->private);
	return 0;
}

static void entry_api_once(struct ktest *t)
{
	static int value = 42;
	struct proc_dir_entry *dir, *file;
	struct stat st;

	dir = proc_mkdir("ktest", NULL);
	KTEST_ASSERT_NOT_NULL(t, dir);
	KTEST_EXPECT_NULL(t, proc_mkdir("ktest", NULL));
	file = proc_create_single_data("hello", 0400, dir, hello_show, &value);
	KTEST_EXPECT_NOT_NULL(t, file);
	KTEST_EXPECT_NULL(t, proc_create_single("bad/name", 0, dir,
						hello_show));
	KTEST_EXPECT_NOT_NULL(t, proc_symlink("link", dir, "hello"));
	KTEST_EXPECT_EQ(t, read_file("/proc/ktest/link", big, BUF_SIZE), 9);
	KTEST_EXPECT_STREQ(t, big, "hello 42\n");
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc/ktest/hello", &st,
					   0), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFREG | 0400);
	proc_remove(dir);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc/ktest/hello", &st,
					   0), -ENOENT);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/proc/ktest", &st, 0),
			-ENOENT);
	/* The process directories, built at lookup, go with their dentries. */
	KTEST_EXPECT_GT(t, read_file("/proc/self/stat", big, BUF_SIZE), 0);
	KTEST_EXPECT_GT(t, read_file("/proc/self/status", big, BUF_SIZE), 0);
	KTEST_EXPECT_GT(t, read_file("/proc/self/maps", big, BUF_SIZE), -1);
}

static void entry_api(struct ktest *t)
{
	unsigned long before;

	entry_api_once(t);
	shrink_dcache(~0UL);
	before = nr_free_pages();
	entry_api_once(t);
	shrink_dcache(~0UL);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/* A file removed while open still reads; memory comes back on close. */
static void remove_while_open(struct ktest *t)
{
	static int value = 7;
	struct proc_dir_entry *de;
	char text[16];
	long fd;

	de = proc_create_single_data("ktest-open", 0, NULL, hello_show, &value);
	KTEST_ASSERT_NOT_NULL(t, de);
	fd = ksys_openat(AT_FDCWD, "/proc/ktest-open", O_RDONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	proc_remove(de);
	KTEST_EXPECT_EQ(t, ktest_read(fd, text, sizeof(text)), 8);
	KTEST_EXPECT_MEMEQ(t, text, "hello 7\n", 8);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

/* Reading every file leaves no memory behind once closed. */
static void no_leak(struct ktest *t)
{
	static const char *const files[] = {
		"/proc/meminfo", "/proc/uptime", "/proc/version",
		"/proc/cpuinfo", "/proc/mounts", "/proc/filesystems",
		"/proc/devices", "/proc/interrupts", "/proc/cmdline",
		"/proc/stat", "/proc/loadavg", "/proc/self/stat",
		"/proc/self/status", "/proc/1/statm", "/proc/self/fd/../comm",
		"/proc/thread-self/stat",
	};
	unsigned long before = 0;
	unsigned int i, round;

	/* The first round warms the caches; the second is measured. */
	for (round = 0; round < 2; round++) {
		shrink_dcache(~0UL);
		if (round)
			before = nr_free_pages();
		for (i = 0; i < ARRAY_SIZE(files); i++)
			KTEST_EXPECT_GT(t, read_file(files[i], big, 3), 0);
	}
	shrink_dcache(~0UL);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static struct ktest_case proc_cases[] = {
	KTEST_CASE(meminfo),
	KTEST_CASE(mounts),
	KTEST_CASE(links),
	KTEST_CASE(self_link_per_call),
	KTEST_CASE(filesystems),
	KTEST_CASE(devices),
	KTEST_CASE(uptime),
	KTEST_CASE(small_files),
	KTEST_CASE(stat_file),
	KTEST_CASE(interrupts),
	KTEST_CASE(cpuinfo),
	KTEST_CASE(small_reads),
	KTEST_CASE(attributes),
	KTEST_CASE(readdir),
	KTEST_CASE(entry_api),
	KTEST_CASE(remove_while_open),
	KTEST_CASE(no_leak),
	{}
};

static struct ktest_suite proc_suite = {
	.name = "proc",
	.cases = proc_cases,
};
ktest_register_suite(proc_suite);
