// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/ttyS0 (4,64): COM1 as a character device, raw.  Writes go out
 * through the 8250 driver, polled, "\n" as "\r\n" (a tty's default
 * ONLCR).  Received bytes arrive on IRQ 4 into a ring buffer (full:
 * new bytes are dropped, as an overrun); read() returns what is there,
 * -EAGAIN when empty under O_NONBLOCK, and otherwise waits for the
 * interrupt; poll() waits for it likewise.  There is no line discipline
 * yet: no echo, no line editing, no termios; that is the tty layer's job
 * when it exists.
 *
 * Lock: rx_lock (irqsave: the interrupt handler fills the ring).
 */
#include <keel/cdev.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/poll.h>
#include <keel/serial_8250.h>
#include <keel/spinlock.h>
#include <keel/uio.h>
#include <keel/wait.h>

#define RX_RING_SIZE	4096		/* a power of two */
#define TTYS0_MINOR	64

static DEFINE_SPINLOCK(rx_lock);
static u8 rx_ring[RX_RING_SIZE];	/* [rx_lock] */
static unsigned int rx_head, rx_tail;	/* free-running [rx_lock] */
static DECLARE_WAIT_QUEUE_HEAD(rx_wait);

static void ttyS0_receive(u8 c)
{
	spin_lock(&rx_lock);
	if (rx_head - rx_tail < RX_RING_SIZE)
		rx_ring[rx_head++ % RX_RING_SIZE] = c;
	spin_unlock(&rx_lock);
	wake_up(&rx_wait);
}

static bool rx_ready(void)
{
	return READ_ONCE(rx_head) != READ_ONCE(rx_tail);
}

static size_t rx_take(char *buf, size_t count)
{
	unsigned long flags;
	size_t n = 0;

	spin_lock_irqsave(&rx_lock, flags);
	while (n < count && rx_tail != rx_head)
		buf[n++] = rx_ring[rx_tail++ % RX_RING_SIZE];
	spin_unlock_irqrestore(&rx_lock, flags);
	return n;
}

/*
 * What has arrived, up to the count, taken from the ring a chunk at a time
 * into a stack buffer and copied out after.  A fault loses the chunk in
 * hand, as in Linux's n_tty read, and ends the read (-EFAULT if nothing
 * was copied).
 */
static ssize_t ttyS0_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	size_t done = 0, n, copied;
	char buf[256];

	if (!iov_iter_count(to))
		return 0;
	while (!rx_ready()) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		wait_event(rx_wait, rx_ready());
	}
	while (iov_iter_count(to) &&
	       (n = rx_take(buf, min(iov_iter_count(to), sizeof(buf))))) {
		copied = copy_to_iter(buf, n, to);
		done += copied;
		if (copied < n)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

/* Readable once a byte has arrived; writes never wait (polled out). */
static __poll_t ttyS0_poll(struct file *file, poll_table *pt)
{
	__poll_t mask = POLLOUT | POLLWRNORM;

	poll_wait(file, &rx_wait, pt);
	if (rx_ready())
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

/* A fault ends it with what was sent (-EFAULT if nothing). */
static ssize_t ttyS0_write(struct kiocb *iocb, struct iov_iter *from)
{
	return iov_iter_drain(from, serial8250_write);
}

static const struct file_operations ttyS0_fops = {
	.read_iter = ttyS0_read,
	.write_iter = ttyS0_write,
	.poll = ttyS0_poll,
	.llseek = no_llseek,
};

static struct cdev ttyS0_cdev;

static int ttyS0_init(void)
{
	dev_t dev = MKDEV(TTY_MAJOR, TTYS0_MINOR);
	int err;

	err = register_chrdev_region(dev, 1, "ttyS");
	if (err)
		return err;
	cdev_init(&ttyS0_cdev, &ttyS0_fops);
	err = cdev_device_add(&ttyS0_cdev, dev, "ttyS0", 0600);
	if (err)
		goto unregister;
	err = serial8250_rx_start(ttyS0_receive);
	if (err)
		goto del;
	return 0;

del:
	cdev_device_del(&ttyS0_cdev);
unregister:
	unregister_chrdev_region(dev, 1);
	/* No COM1 is no error: there is just no ttyS0. */
	return err == -ENODEV ? 0 : err;
}
device_initcall(ttyS0_init);
