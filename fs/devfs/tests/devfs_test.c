// SPDX-License-Identifier: GPL-2.0
/*
 * devfs and the memory devices through the system-call layer: the nodes
 * in /dev, their modes and numbers, null/zero/full/urandom/kmsg
 * semantics byte for byte, hot-plug of a test device, the registration
 * errors, and free memory returning to its baseline.
 */
#include <keel/cdev.h>
#include <keel/devfs.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/kconfig.h>
#include <keel/kstrtox.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/uio.h>
#include <keel/mm.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>

static char buf[256];

static void expect_node(struct ktest *t, const char *path, umode_t mode,
			dev_t dev)
{
	struct stat st;

	KTEST_ASSERT_EQ(t, ksys_newfstatat(AT_FDCWD, path, &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFCHR | mode);
	KTEST_EXPECT_EQ(t, st.st_rdev, new_encode_dev(dev));
	KTEST_EXPECT_EQ(t, st.st_uid, 0);
}

static void nodes_present(struct ktest *t)
{
	expect_node(t, "/dev/null", 0666, MKDEV(1, 3));
	expect_node(t, "/dev/zero", 0666, MKDEV(1, 5));
	expect_node(t, "/dev/full", 0666, MKDEV(1, 7));
	expect_node(t, "/dev/random", 0666, MKDEV(1, 8));
	expect_node(t, "/dev/urandom", 0666, MKDEV(1, 9));
	expect_node(t, "/dev/kmsg", 0644, MKDEV(1, 11));
}

static void null_zero_full(struct ktest *t)
{
	long fd;

	fd = ksys_openat(AT_FDCWD, "/dev/null", O_RDWR, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, sizeof(buf)), 0);
	KTEST_EXPECT_EQ(t, ktest_write(fd, "abcde", 5), 5);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 100, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);

	fd = ksys_openat(AT_FDCWD, "/dev/zero", O_RDWR, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	memset(buf, 0xaa, sizeof(buf));
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, 64), 64);
	KTEST_EXPECT_MEMEQ(t, buf, (char[64]){ 0 }, 64);
	KTEST_EXPECT_EQ(t, (unsigned char)buf[64], 0xaa);
	KTEST_EXPECT_EQ(t, ktest_write(fd, "x", 1), 1);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);

	fd = ksys_openat(AT_FDCWD, "/dev/full", O_RDWR, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_write(fd, "x", 1), -ENOSPC);
	memset(buf, 0xaa, sizeof(buf));
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, 16), 16);
	KTEST_EXPECT_MEMEQ(t, buf, (char[16]){ 0 }, 16);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

static void urandom_differs(struct ktest *t)
{
	char a[64], b[64];
	long fd;

	fd = ksys_openat(AT_FDCWD, "/dev/urandom", O_RDONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_read(fd, a, sizeof(a)), 64);
	KTEST_EXPECT_EQ(t, ktest_read(fd, b, sizeof(b)), 64);
	KTEST_EXPECT_NE(t, memcmp(a, b, sizeof(a)), 0);
	KTEST_EXPECT_NE(t, memcmp(a, (char[64]){ 0 }, sizeof(a)), 0);
	/* Writing mixes data in and reports it all taken. */
	KTEST_EXPECT_EQ(t, ktest_write(fd, a, sizeof(a)), -EBADF);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	fd = ksys_openat(AT_FDCWD, "/dev/random", O_WRONLY, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_write(fd, a, sizeof(a)), 64);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

/* "<prefix>,<seq>,<usecs>,-;" then the text: check and skip the header. */
static const char *kmsg_header(struct ktest *t, const char *rec,
			       const char *prefix)
{
	const char *p = rec;
	size_t n = strlen(prefix);
	int fields;

	KTEST_EXPECT_EQ(t, strncmp(p, prefix, n), 0);
	p += n;
	for (fields = 0; fields < 2; fields++) {
		KTEST_EXPECT_TRUE(t, *p >= '0' && *p <= '9');
		while (*p >= '0' && *p <= '9')
			p++;
		KTEST_EXPECT_EQ(t, *p, ',');
		p++;
	}
	KTEST_EXPECT_EQ(t, strncmp(p, "-;", 2), 0);
	return p + 2;
}

static void kmsg_roundtrip(struct ktest *t)
{
	static const char msg[] = "<5>devfs_test: hello kmsg\n";
	long fd, n;

	fd = ksys_openat(AT_FDCWD, "/dev/kmsg", O_RDWR | O_NONBLOCK, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_END), 0);
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, sizeof(buf)), -EAGAIN);
	KTEST_EXPECT_EQ(t, ktest_write(fd, msg, sizeof(msg) - 1),
			sizeof(msg) - 1);
	/* Too small a buffer for the record: -EINVAL, and it stays. */
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, 8), -EINVAL);
	memset(buf, 0, sizeof(buf));
	n = ktest_read(fd, buf, sizeof(buf) - 1);
	KTEST_ASSERT_GE(t, n, 1);
	/* LOG_USER (1) << 3 | level 5 */
	KTEST_EXPECT_STREQ(t, kmsg_header(t, buf, "13,"),
			   "devfs_test: hello kmsg\n");
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, sizeof(buf)), -EAGAIN);
	KTEST_EXPECT_EQ(t, ksys_lseek(fd, 1, SEEK_SET), -ESPIPE);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

static ssize_t test_read(struct kiocb *iocb, struct iov_iter *to)
{
	size_t n = iov_iter_count(to) < 3 ? iov_iter_count(to) : 3;

	return copy_to_iter("hi\n", n, to);
}

static const struct file_operations test_fops = {
	.read_iter = test_read,
};

static void hotplug_once(struct ktest *t)
{
	struct cdev cdev;
	struct stat st;
	dev_t dev;
	long fd;

	KTEST_ASSERT_EQ(t, alloc_chrdev_region(&dev, 0, 1, "ktestdev"), 0);
	cdev_init(&cdev, &test_fops);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/dev/ktestdev", &st, 0),
			-ENOENT);
	KTEST_ASSERT_EQ(t, cdev_device_add(&cdev, dev, "ktestdev", 0640), 0);
	expect_node(t, "/dev/ktestdev", 0640, dev);
	fd = ksys_openat(AT_FDCWD, "/dev/ktestdev", O_RDONLY, 0);
	KTEST_EXPECT_GE(t, fd, 0);
	if (fd >= 0) {
		KTEST_EXPECT_EQ(t, ktest_read(fd, buf, sizeof(buf)), 3);
		KTEST_EXPECT_MEMEQ(t, buf, "hi\n", 3);
		KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	}
	/* The same name twice is refused, the first stays. */
	KTEST_EXPECT_EQ(t, devfs_create_node("ktestdev", S_IFCHR | 0600, dev),
			-EEXIST);
	cdev_device_del(&cdev);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/dev/ktestdev", &st, 0),
			-ENOENT);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/dev/ktestdev", O_RDONLY, 0),
			-ENOENT);
	KTEST_EXPECT_EQ(t, devfs_remove_node("ktestdev"), -ENOENT);
	unregister_chrdev_region(dev, 1);
}

static void hotplug(struct ktest *t)
{
	unsigned long before;

	/* The first round warms the caches it uses; the second is measured. */
	hotplug_once(t);
	shrink_dcache(~0UL);
	before = nr_free_pages();
	hotplug_once(t);
	shrink_dcache(~0UL);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/* An open node outlives its removal: the file keeps the inode. */
static void remove_while_open(struct ktest *t)
{
	struct cdev cdev;
	dev_t dev;
	long fd;

	KTEST_ASSERT_EQ(t, alloc_chrdev_region(&dev, 0, 1, "ktestdev"), 0);
	cdev_init(&cdev, &test_fops);
	KTEST_ASSERT_EQ(t, cdev_device_add(&cdev, dev, "ktestdev", 0600), 0);
	fd = ksys_openat(AT_FDCWD, "/dev/ktestdev", O_RDONLY, 0);
	KTEST_EXPECT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, devfs_remove_node("ktestdev"), 0);
	if (fd >= 0) {
		KTEST_EXPECT_EQ(t, ktest_read(fd, buf, sizeof(buf)), 3);
		KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
	}
	/* A node made again under the same name is a new one. */
	KTEST_EXPECT_EQ(t, devfs_create_node("ktestdev", S_IFCHR | 0600, dev),
			0);
	cdev_device_del(&cdev);
	unregister_chrdev_region(dev, 1);
}

/* A second mount of devfs is the same instance, nodes included. */
static void second_mount(struct ktest *t)
{
	KTEST_ASSERT_EQ(t, ksys_mkdirat(AT_FDCWD, "/devfs-test", 0755), 0);
	KTEST_EXPECT_EQ(t, ksys_mount("devfs", "/devfs-test", "devfs", 0,
				      NULL), 0);
	expect_node(t, "/devfs-test/null", 0666, MKDEV(1, 3));
	KTEST_EXPECT_EQ(t, ksys_umount("/devfs-test", 0), 0);
	KTEST_EXPECT_EQ(t, ksys_unlinkat(AT_FDCWD, "/devfs-test",
					 AT_REMOVEDIR), 0);
	expect_node(t, "/dev/null", 0666, MKDEV(1, 3));
}

static void registration_errors(struct ktest *t)
{
	struct cdev cdev;

	/* mem.c holds 1:0-255. */
	KTEST_EXPECT_EQ(t, register_chrdev_region(MKDEV(1, 3), 1, "x"),
			-EBUSY);
	KTEST_EXPECT_EQ(t, register_chrdev_region(MKDEV(0, 0), 1, "x"),
			-EINVAL);
	KTEST_EXPECT_EQ(t, register_chrdev_region(MKDEV(200, 0), 0, "x"),
			-EINVAL);
	KTEST_EXPECT_EQ(t, register_chrdev(CHRDEV_MAJOR_MAX, "x", &test_fops),
			-EINVAL);
	KTEST_EXPECT_EQ(t, register_chrdev(MEM_MAJOR, "x", &test_fops),
			-EBUSY);
	cdev_init(&cdev, &test_fops);
	KTEST_EXPECT_EQ(t, cdev_add(&cdev, MKDEV(200, 0), 0), -EINVAL);
	KTEST_EXPECT_EQ(t, cdev_add(&cdev, MKDEV(1, 3), 1), -EBUSY);
	/* The name is taken: the cdev is not left behind. */
	KTEST_EXPECT_EQ(t, cdev_device_add(&cdev, MKDEV(200, 0), "null", 0600),
			-EEXIST);
	KTEST_EXPECT_EQ(t, cdev_add(&cdev, MKDEV(200, 0), 1), 0);
	cdev_del(&cdev);
	KTEST_EXPECT_EQ(t, devfs_create_node("a/b", S_IFCHR | 0600, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, devfs_create_node("..", S_IFCHR | 0600, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, devfs_create_node("", S_IFCHR | 0600, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, devfs_create_node("reg", S_IFREG | 0600, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, devfs_remove_node("no-such-node"), -ENOENT);
	KTEST_EXPECT_EQ(t, register_blkdev(BLKDEV_MAJOR_MAX, "x"), -EINVAL);
	KTEST_EXPECT_EQ(t, register_blkdev(200, "ktestblk"), 0);
	KTEST_EXPECT_EQ(t, register_blkdev(200, "ktestblk"), -EBUSY);
	unregister_blkdev(200, "ktestblk");
	KTEST_EXPECT_EQ(t, register_blkdev(200, "ktestblk"), 0);
	unregister_blkdev(200, "ktestblk");
}

/* A block node opens -ENXIO: there is no block layer behind it. */
static void block_node(struct ktest *t)
{
	struct stat st;

	KTEST_ASSERT_EQ(t, devfs_create_node("ktestblk", S_IFBLK | 0600,
					     MKDEV(200, 1)), 0);
	KTEST_EXPECT_EQ(t, ksys_newfstatat(AT_FDCWD, "/dev/ktestblk", &st, 0),
			0);
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFBLK | 0600);
	KTEST_EXPECT_EQ(t, ksys_openat(AT_FDCWD, "/dev/ktestblk", O_RDONLY, 0),
			-ENXIO);
	KTEST_EXPECT_EQ(t, devfs_remove_node("ktestblk"), 0);
}

/* /dev/console writes to the consoles; it has no input side yet. */
static void console_node(struct ktest *t)
{
	static const char line[] = "devfs_test: via /dev/console\n";
	long fd;

	expect_node(t, "/dev/console", 0600, MKDEV(5, 1));
	fd = ksys_openat(AT_FDCWD, "/dev/console", O_RDWR, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_write(fd, line, sizeof(line) - 1),
			sizeof(line) - 1);
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, sizeof(buf)), -EIO);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

/* COM1: writes go out, an empty receive ring says -EAGAIN. */
static void ttyS0_node(struct ktest *t)
{
	static const char line[] = "devfs_test: via /dev/ttyS0\n";
	long fd;

	if (!IS_ENABLED(CONFIG_SERIAL_8250)) {
		ktest_skip(t, "no 8250 driver");
		return;
	}
	expect_node(t, "/dev/ttyS0", 0600, MKDEV(4, 64));
	fd = ksys_openat(AT_FDCWD, "/dev/ttyS0", O_RDWR | O_NONBLOCK, 0);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, ktest_write(fd, line, sizeof(line) - 1),
			sizeof(line) - 1);
	/* Nothing is typed into the test boots' serial port. */
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, sizeof(buf)), -EAGAIN);
	KTEST_EXPECT_EQ(t, ktest_read(fd, buf, 0), 0);
	KTEST_EXPECT_EQ(t, ksys_close(fd), 0);
}

static struct ktest_case devfs_cases[] = {
	KTEST_CASE(nodes_present),
	KTEST_CASE(null_zero_full),
	KTEST_CASE(urandom_differs),
	KTEST_CASE(kmsg_roundtrip),
	KTEST_CASE(hotplug),
	KTEST_CASE(remove_while_open),
	KTEST_CASE(second_mount),
	KTEST_CASE(registration_errors),
	KTEST_CASE(block_node),
	KTEST_CASE(console_node),
	KTEST_CASE(ttyS0_node),
	{}
};

static struct ktest_suite devfs_suite = {
	.name = "devfs",
	.cases = devfs_cases,
};
ktest_register_suite(devfs_suite);
