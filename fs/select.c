// SPDX-License-Identifier: GPL-2.0
/*
 * poll(), ppoll(), select() and pselect6(): ask each file's ->poll
 * (<keel/poll.h>) which events hold; if none the caller wants does, sleep
 * on every wait queue the files named until one is woken, the timeout
 * passes or a signal is pending, then ask again.  The first pass queues
 * the caller (struct poll_wqueues, one entry per queue, each holding its
 * file); later passes and any pass after a file was found ready only
 * ask.  Timeouts are absolute ktime_get_ns() deadlines slept towards with
 * schedule_timeout(); select, pselect6 and ppoll write the time left
 * back, as Linux does.  Nothing is locked here: each ->poll takes what
 * its file needs, and a wake-up that comes between asking and sleeping
 * is seen through pwq->triggered.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/jiffies.h>
#include <keel/kernel.h>
#include <keel/list.h>
#include <keel/poll.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/timekeeping.h>
#include <keel/uaccess.h>
#include <uapi/linux/time_types.h>

/* No deadline: wait until an event or a signal. */
#define POLL_NO_END	(~0ULL)

struct poll_wqueues;

struct poll_table_entry {
	struct list_head list;			/* in pwq->entries */
	struct file *file;			/* held while queued */
	wait_queue_head_t *head;
	struct wait_queue_entry wait;
	struct poll_wqueues *pwq;
};

struct poll_wqueues {
	poll_table pt;
	struct list_head entries;		/* of poll_table_entry */
	struct task_struct *polling_task;
	int triggered;		/* a queue was woken since the last look */
	int error;		/* -ENOMEM: a queue could not be joined */
};

static int pollwake(struct wait_queue_entry *wait, unsigned int mode)
{
	struct poll_table_entry *entry =
		container_of(wait, struct poll_table_entry, wait);

	/* Seen by the poller before it can miss the wake-up below. */
	WRITE_ONCE(entry->pwq->triggered, 1);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return default_wake_function(wait, mode);
}

static void __pollwait(struct file *file, wait_queue_head_t *head,
		       poll_table *pt)
{
	struct poll_wqueues *pwq = container_of(pt, struct poll_wqueues, pt);
	struct poll_table_entry *entry = kmalloc(sizeof(*entry), GFP_KERNEL);

	if (!entry) {
		pwq->error = -ENOMEM;
		return;
	}
	entry->file = get_file(file);
	entry->head = head;
	entry->pwq = pwq;
	init_waitqueue_entry(&entry->wait, pwq->polling_task);
	entry->wait.func = pollwake;
	list_add_tail(&entry->list, &pwq->entries);
	add_wait_queue(head, &entry->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt._qproc = __pollwait;
	INIT_LIST_HEAD(&pwq->entries);
	pwq->polling_task = current;
	pwq->triggered = 0;
	pwq->error = 0;
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_entry *entry, *next;

	list_for_each_entry_safe(entry, next, &pwq->entries, list) {
		remove_wait_queue(entry->head, &entry->wait);
		fput(entry->file);
		kfree(entry);
	}
}

/* Jiffies to sleep towards @end: 0 once it has passed. */
static long poll_timeout_jiffies(u64 end)
{
	u64 now;

	if (end == POLL_NO_END)
		return MAX_SCHEDULE_TIMEOUT;
	now = ktime_get_ns();
	if (now >= end)
		return 0;
	return DIV_ROUND_UP(end - now, TICK_NSEC);
}

/* Sleep until a queue is woken or @timeout jiffies pass. */
static void poll_schedule_timeout(struct poll_wqueues *pwq, long timeout)
{
	set_current_state(TASK_INTERRUPTIBLE);
	if (!READ_ONCE(pwq->triggered))
		schedule_timeout(timeout);
	__set_current_state(TASK_RUNNING);
	WRITE_ONCE(pwq->triggered, 0);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/* The deadline @ns from now, saturating: no overflow into the past. */
static u64 poll_deadline(u64 ns)
{
	u64 end;

	if (__builtin_add_overflow(ktime_get_ns(), ns, &end) ||
	    end == POLL_NO_END)
		return POLL_NO_END - 1;
	return end;
}

/*
 * A timeout from user space as a deadline: -EINVAL for a negative or
 * unnormalized time; 0 for a zero timeout, which polls once and never
 * queues.
 */
static int poll_select_set_timeout(u64 *end, s64 sec, s64 nsec)
{
	if (sec < 0 || nsec < 0 || nsec >= (s64)NSEC_PER_SEC)
		return -EINVAL;
	if (!sec && !nsec) {
		*end = 0;
		return 0;
	}
	if ((u64)sec > (POLL_NO_END - NSEC_PER_SEC) / NSEC_PER_SEC)
		*end = POLL_NO_END - 1;
	else
		*end = poll_deadline(sec * NSEC_PER_SEC + nsec);
	return 0;
}

/* ppoll() and pselect6()'s timeout: NULL waits for ever. */
static int get_timespec_end(u64 *end,
			    const struct __kernel_timespec __user *tsp)
{
	struct __kernel_timespec ts;

	*end = POLL_NO_END;
	if (!tsp)
		return 0;
	if (copy_from_user(&ts, tsp, sizeof(ts)))
		return -EFAULT;
	return poll_select_set_timeout(end, ts.tv_sec, ts.tv_nsec);
}

enum poll_time_type { PT_TIMEVAL, PT_TIMESPEC };

/*
 * Write the time left before @end to *@p.  Not for a zero timeout; and a
 * time that cannot be written back is no error, as in Linux: the call
 * itself succeeded.
 */
static void poll_select_finish(u64 end, void __user *p,
			       enum poll_time_type type)
{
	u64 now, left = 0;

	if (!p || !end || end == POLL_NO_END)
		return;
	now = ktime_get_ns();
	if (end > now)
		left = end - now;
	if (type == PT_TIMEVAL) {
		struct __kernel_old_timeval tv = {
			.tv_sec = left / NSEC_PER_SEC,
			.tv_usec = left % NSEC_PER_SEC / NSEC_PER_USEC,
		};

		copy_to_user(p, &tv, sizeof(tv));
	} else {
		struct __kernel_timespec ts = {
			.tv_sec = left / NSEC_PER_SEC,
			.tv_nsec = left % NSEC_PER_SEC,
		};

		copy_to_user(p, &ts, sizeof(ts));
	}
}

/* --- poll --- */

static __poll_t do_pollfd(struct pollfd *pfd, poll_table *pt)
{
	__poll_t mask = 0;
	struct file *file;

	if (pfd->fd >= 0) {
		mask = POLLNVAL;
		file = fget(pfd->fd);
		if (file) {
			/* Errors and hang-ups are reported unasked. */
			mask = vfs_poll(file, pt) &
			       ((u16)pfd->events | POLLERR | POLLHUP);
			fput(file);
		}
	}
	pfd->revents = mask;
	return mask;
}

static int do_poll(struct pollfd *fds, unsigned int nfds,
		   struct poll_wqueues *wait, u64 end)
{
	poll_table *pt = &wait->pt;
	unsigned int i;
	int count;
	long timeout;

	if (!end)
		pt->_qproc = NULL;
	for (;;) {
		count = 0;
		for (i = 0; i < nfds; i++) {
			if (do_pollfd(&fds[i], pt)) {
				count++;
				pt->_qproc = NULL;
			}
		}
		pt->_qproc = NULL;
		if (!count) {
			count = wait->error;
			if (signal_pending(current))
				count = -EINTR;
		}
		if (count)
			return count;
		timeout = poll_timeout_jiffies(end);
		if (!timeout)
			return 0;
		poll_schedule_timeout(wait, timeout);
	}
}

static long do_sys_poll(struct pollfd __user *ufds, unsigned int nfds,
			u64 end)
{
	struct poll_wqueues table;
	struct pollfd *fds;
	unsigned int i;
	long ret;

	/* RLIMIT_NOFILE: more entries than that cannot all be fds. */
	if (nfds > files_limit())
		return -EINVAL;
	fds = kcalloc(nfds, sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(fds, ufds, nfds * sizeof(*fds)))
		goto out_free;
	poll_initwait(&table);
	ret = do_poll(fds, nfds, &table, end);
	poll_freewait(&table);
	for (i = 0; ret >= 0 && i < nfds; i++)
		if (put_user(fds[i].revents, &ufds[i].revents))
			ret = -EFAULT;
out_free:
	kfree(fds);
	return ret;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds,
		int, timeout_msecs)
{
	u64 end = POLL_NO_END;

	if (timeout_msecs >= 0)
		end = timeout_msecs ?
		      poll_deadline((u64)timeout_msecs * NSEC_PER_MSEC) : 0;
	return do_sys_poll(ufds, nfds, end);
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp,
		const sigset_t __user *, sigmask, size_t, sigsetsize)
{
	u64 end;
	long ret;

	ret = get_timespec_end(&end, tsp);
	if (ret)
		return ret;
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, end);
	restore_saved_sigmask_unless(ret == -EINTR);
	poll_select_finish(end, tsp, PT_TIMESPEC);
	return ret;
}

/* --- select --- */

#define FDS_BITPERLONG	(8 * sizeof(long))
#define FDS_LONGS(nr)	DIV_ROUND_UP(nr, FDS_BITPERLONG)
#define FDS_BYTES(nr)	(FDS_LONGS(nr) * sizeof(long))

/* The three sets asked about and the three answered, each n bits. */
struct fd_set_bits {
	unsigned long *in, *out, *ex;
	unsigned long *res_in, *res_out, *res_ex;
};

#define POLLIN_SET	(POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET	(POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET	(POLLPRI)

static bool fd_isset(const unsigned long *set, unsigned int fd)
{
	return set[fd / FDS_BITPERLONG] & (1UL << (fd % FDS_BITPERLONG));
}

static void fd_set_bit(unsigned long *set, unsigned int fd)
{
	set[fd / FDS_BITPERLONG] |= 1UL << (fd % FDS_BITPERLONG);
}

/* Every fd in a set must be open: -EBADF otherwise. */
static int check_select_fds(unsigned int n, const struct fd_set_bits *fds)
{
	struct file *file;
	unsigned int fd;

	for (fd = 0; fd < n; fd++) {
		if (!fd_isset(fds->in, fd) && !fd_isset(fds->out, fd) &&
		    !fd_isset(fds->ex, fd))
			continue;
		file = fget(fd);
		if (!file)
			return -EBADF;
		fput(file);
	}
	return 0;
}

/* One pass over the sets: the number of answers set. */
static int select_pass(unsigned int n, struct fd_set_bits *fds,
		       poll_table *pt)
{
	struct file *file;
	unsigned int fd;
	__poll_t mask;
	int count = 0;

	for (fd = 0; fd < n; fd++) {
		bool in = fd_isset(fds->in, fd), out = fd_isset(fds->out, fd);
		bool ex = fd_isset(fds->ex, fd);

		if (!in && !out && !ex)
			continue;
		file = fget(fd);
		if (!file)
			continue;	/* closed since the check: never ready */
		mask = vfs_poll(file, pt);
		fput(file);
		if (in && (mask & POLLIN_SET)) {
			fd_set_bit(fds->res_in, fd);
			count++;
		}
		if (out && (mask & POLLOUT_SET)) {
			fd_set_bit(fds->res_out, fd);
			count++;
		}
		if (ex && (mask & POLLEX_SET)) {
			fd_set_bit(fds->res_ex, fd);
			count++;
		}
		if (count)
			pt->_qproc = NULL;
	}
	return count;
}

static int do_select(unsigned int n, struct fd_set_bits *fds, u64 end)
{
	struct poll_wqueues table;
	long timeout;
	int ret;

	ret = check_select_fds(n, fds);
	if (ret)
		return ret;
	poll_initwait(&table);
	if (!end)
		table.pt._qproc = NULL;
	for (;;) {
		ret = select_pass(n, fds, &table.pt);
		table.pt._qproc = NULL;
		if (!ret) {
			ret = table.error;
			if (signal_pending(current))
				ret = -EINTR;
		}
		if (ret)
			break;
		timeout = poll_timeout_jiffies(end);
		if (!timeout)
			break;
		poll_schedule_timeout(&table, timeout);
	}
	poll_freewait(&table);
	return ret;
}

static int get_fd_set(unsigned int n, const unsigned long __user *ufdset,
		      unsigned long *fdset)
{
	if (!ufdset)
		return 0;
	return copy_from_user(fdset, ufdset, FDS_BYTES(n)) ? -EFAULT : 0;
}

static int set_fd_set(unsigned int n, unsigned long __user *ufdset,
		      const unsigned long *fdset)
{
	if (!ufdset)
		return 0;
	return copy_to_user(ufdset, fdset, FDS_BYTES(n)) ? -EFAULT : 0;
}

/* Linux's core_sys_select(): n past the fd table is cut to its size. */
static long core_sys_select(int n, unsigned long __user *inp,
			    unsigned long __user *outp,
			    unsigned long __user *exp, u64 end)
{
	struct fd_set_bits fds;
	unsigned long *bits;
	size_t longs;
	long ret;

	if (n < 0)
		return -EINVAL;
	n = min((unsigned int)n, READ_ONCE(current_files()->max_fds));
	longs = FDS_LONGS(n);
	bits = kcalloc(6 * longs, sizeof(long), GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	fds.in = bits;
	fds.out = bits + longs;
	fds.ex = bits + 2 * longs;
	fds.res_in = bits + 3 * longs;
	fds.res_out = bits + 4 * longs;
	fds.res_ex = bits + 5 * longs;
	ret = get_fd_set(n, inp, fds.in);
	if (!ret)
		ret = get_fd_set(n, outp, fds.out);
	if (!ret)
		ret = get_fd_set(n, exp, fds.ex);
	if (!ret)
		ret = do_select(n, &fds, end);
	if (ret >= 0 && (set_fd_set(n, inp, fds.res_in) ||
			 set_fd_set(n, outp, fds.res_out) ||
			 set_fd_set(n, exp, fds.res_ex)))
		ret = -EFAULT;
	kfree(bits);
	return ret;
}

SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp,
		unsigned long __user *, outp, unsigned long __user *, exp,
		struct __kernel_old_timeval __user *, tvp)
{
	struct __kernel_old_timeval tv;
	u64 end = POLL_NO_END;
	long ret;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		/* Microseconds past a second carry over, as Linux. */
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		ret = poll_select_set_timeout(&end,
				tv.tv_sec + tv.tv_usec / USEC_PER_SEC,
				tv.tv_usec % USEC_PER_SEC * NSEC_PER_USEC);
		if (ret)
			return ret;
	}
	ret = core_sys_select(n, inp, outp, exp, end);
	poll_select_finish(end, tvp, PT_TIMEVAL);
	return ret;
}

/* pselect6()'s sixth argument: the mask and its size, behind a pointer. */
struct sigset_argpack {
	const sigset_t __user *p;
	size_t size;
};

SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp,
		unsigned long __user *, outp, unsigned long __user *, exp,
		struct __kernel_timespec __user *, tsp, void __user *, sig)
{
	struct sigset_argpack x = { NULL, 0 };
	u64 end;
	long ret;

	if (sig && copy_from_user(&x, sig, sizeof(x)))
		return -EFAULT;
	ret = get_timespec_end(&end, tsp);
	if (ret)
		return ret;
	ret = set_user_sigmask(x.p, x.size);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, end);
	restore_saved_sigmask_unless(ret == -EINTR);
	poll_select_finish(end, tsp, PT_TIMESPEC);
	return ret;
}
