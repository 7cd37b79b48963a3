// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/kmsg (1,11), as Linux's: each read returns one log record as
 * "<prefix>,<seq>,<usecs>,<flag>;<text>\n" with prefix = facility << 3 |
 * level and non-printable bytes escaped "\xNN"; -EINVAL when the buffer
 * cannot hold the record, -EPIPE once when records were overwritten
 * before being read, -EAGAIN (O_NONBLOCK) or a wait at the end.  A write
 * is one message, optionally starting "<N>" (facility and level; default
 * LOG_USER and the default level).  SEEK_SET 0 goes to the oldest record,
 * SEEK_END past the newest.
 */
#include <keel/cdev.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/kmsg.h>
#include <keel/poll.h>
#include <keel/printk.h>
#include <keel/slab.h>
#include <keel/sprintf.h>
#include <keel/string.h>
#include <keel/uio.h>
#include <keel/wait.h>

#define LOG_USER	1
/* A record's longest text once every byte is escaped, plus its header. */
#define KMSG_LINE_MAX	(KMSG_TEXT_MAX * 4 + 64)

struct devkmsg_user {
	u64 seq;
	struct kmsg_record rec;
	char line[KMSG_LINE_MAX];
};

/* Nobody wakes it: a waiter rechecks at every interrupt (<keel/wait.h>). */
static DECLARE_WAIT_QUEUE_HEAD(log_wait);

static bool record_ready(u64 seq)
{
	u64 first, next;

	printk_seq_range(&first, &next);
	return seq < next;
}

static size_t format_record(const struct kmsg_record *rec, char *buf)
{
	size_t len, i;

	len = sprintf(buf, "%u,%llu,%llu,%c;",
		      (unsigned int)rec->facility << 3 | rec->level,
		      (unsigned long long)rec->seq,
		      (unsigned long long)(rec->ts_nsec / 1000),
		      rec->cont ? 'c' : '-');
	for (i = 0; i < rec->text_len; i++) {
		unsigned char c = rec->text[i];

		if (c < ' ' || c >= 127 || c == '\\')
			len += sprintf(buf + len, "\\x%02x", c);
		else
			buf[len++] = c;
	}
	buf[len++] = '\n';
	return len;
}

static ssize_t devkmsg_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct devkmsg_user *user = file->private_data;
	size_t count = iov_iter_count(to);
	size_t len;
	int ret;

	if (!user)
		return -EBADF;
	for (;;) {
		ret = printk_get_record(user->seq, &user->rec);
		if (ret != -EAGAIN)
			break;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		wait_event(log_wait, record_ready(user->seq));
	}
	if (ret == -EPIPE) {
		user->seq = user->rec.seq;
		return -EPIPE;
	}
	len = format_record(&user->rec, user->line);
	if (len > count)
		return -EINVAL;
	/* As Linux: a fault loses nothing, the record stays unread. */
	if (copy_to_iter(user->line, len, to) != len)
		return -EFAULT;
	user->seq++;
	return len;
}

/*
 * Readable while a record is unread; with POLLERR and POLLPRI too when
 * records were overwritten before this reader got to them (the next
 * read is -EPIPE), as Linux's devkmsg_poll().
 */
static __poll_t devkmsg_poll(struct file *file, poll_table *pt)
{
	struct devkmsg_user *user = file->private_data;
	u64 first, next;

	if (!user)
		return POLLERR | POLLNVAL;
	poll_wait(file, &log_wait, pt);
	printk_seq_range(&first, &next);
	if (user->seq >= next)
		return 0;
	if (user->seq < first)
		return POLLIN | POLLRDNORM | POLLERR | POLLPRI;
	return POLLIN | POLLRDNORM;
}

/* One record per write, copied in whole first (-EFAULT otherwise). */
static ssize_t devkmsg_write(struct kiocb *iocb, struct iov_iter *from)
{
	int level = LOGLEVEL_DEFAULT, facility = LOG_USER;
	size_t count = iov_iter_count(from);
	char buf[KMSG_TEXT_MAX];
	const char *text = buf;
	size_t len = count;

	if (count > KMSG_TEXT_MAX)
		return -EINVAL;
	if (copy_from_iter(buf, count, from) != count)
		return -EFAULT;
	/* "<N>": N's low three bits are the level, the rest the facility. */
	if (len > 2 && text[0] == '<') {
		unsigned int n = 0;
		size_t i = 1;

		while (i < len && text[i] >= '0' && text[i] <= '9' && n < 1024)
			n = n * 10 + (text[i++] - '0');
		if (i > 1 && i < len && text[i] == '>') {
			level = n & 7;
			if (n >> 3)
				facility = n >> 3;
			text += i + 1;
			len -= i + 1;
		}
	}
	printk_emit(facility, level, text, len);
	return count;
}

static loff_t devkmsg_llseek(struct file *file, loff_t offset, int whence)
{
	struct devkmsg_user *user = file->private_data;
	u64 first, next;

	if (!user)
		return -EBADF;
	if (offset)
		return -ESPIPE;
	printk_seq_range(&first, &next);
	switch (whence) {
	case SEEK_SET:
		user->seq = first;
		return 0;
	case SEEK_END:
		user->seq = next;
		return 0;
	default:
		return -EINVAL;
	}
}

static int devkmsg_open(struct inode *inode, struct file *file)
{
	struct devkmsg_user *user;
	u64 next;

	/* Writers need no reader state. */
	if ((file->f_flags & O_ACCMODE) == O_WRONLY)
		return 0;
	user = kmalloc(sizeof(*user), GFP_KERNEL);
	if (!user)
		return -ENOMEM;
	printk_seq_range(&user->seq, &next);
	file->private_data = user;
	return 0;
}

static int devkmsg_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations kmsg_fops = {
	.open = devkmsg_open,
	.read_iter = devkmsg_read,
	.write_iter = devkmsg_write,
	.poll = devkmsg_poll,
	.llseek = devkmsg_llseek,
	.release = devkmsg_release,
};

static struct cdev kmsg_cdev;

static int kmsg_init(void)
{
	cdev_init(&kmsg_cdev, &kmsg_fops);
	return cdev_device_add(&kmsg_cdev, MKDEV(MEM_MAJOR, 11), "kmsg", 0644);
}
device_initcall(kmsg_init);
