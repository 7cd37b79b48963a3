// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes and FIFOs: a 64 KiB byte ring over 16 pages, each allocated when a
 * write first reaches it and freed with the pipe.  Readers get EOF once
 * every writer is gone, writers -EPIPE once every reader is gone; a write
 * of at most PIPE_BUF bytes goes in whole or waits.  Waiting uses the
 * pipe's wait queues (<keel/wait.h>), so a blocking read of an empty pipe
 * with a writer still open waits until the scheduler exists: use
 * O_NONBLOCK (-EAGAIN) until then.  An anonymous pipe is a FIFO inode on
 * the internal pipefs that no path reaches; both kinds share fifo_open(),
 * which keeps the pipe in inode->i_private while any file has it open.
 * Locks: pipe->mutex (Linux's), a sleeping lock held while the ring's
 * pages are allocated and copied and dropped before waiting; then
 * inode->i_lock for pipe->files, and the wait queues' locks inside
 * wake_up(), which is called after pipe->mutex is dropped.
 */
#include <keel/cred.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/mutex.h>
#include <keel/pipe_fs_i.h>
#include <keel/poll.h>
#include <keel/printk.h>
#include <keel/sched/signal.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <keel/uio.h>
#include <keel/wait.h>
#include <uapi/asm-generic/ioctls.h>
#include <uapi/linux/magic.h>

#include "internal.h"

#define PIPE_SIZE		(PIPE_DEF_BUFFERS * PAGE_SIZE)

/* pipefs, mounted nowhere: every anonymous pipe's file is on it. */
static struct vfsmount *pipe_mnt;

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->size = PIPE_SIZE;
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	return pipe;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	unsigned int i;

	for (i = 0; i < PIPE_DEF_BUFFERS; i++)
		if (pipe->pages[i])
			__free_pages(virt_to_page(pipe->pages[i]), 0);
	kfree(pipe);
}

/* Pages for the @n bytes after the unread data; false if memory ran out. */
static bool pipe_reserve(struct pipe_inode_info *pipe, size_t n)
{
	size_t at = pipe->head + pipe->len;
	size_t end = at + n;
	struct page *page;

	mutex_assert_held(&pipe->mutex);
	for (; at < end; at = ALIGN_DOWN(at, PAGE_SIZE) + PAGE_SIZE) {
		unsigned int i = (at % PIPE_SIZE) / PAGE_SIZE;

		if (pipe->pages[i])
			continue;
		page = alloc_page(GFP_KERNEL);
		if (!page)
			return false;
		pipe->pages[i] = page_address(page);
	}
	return true;
}

/*
 * Copy up to @n bytes between @iter and the ring at offset @at, page by
 * page; returns the bytes copied, fewer if user memory faulted.  Out of
 * the ring, a page copied only in part counts for nothing, as a pipe
 * buffer Linux could not copy whole stays in the pipe.  Called under
 * pipe->mutex, which may be held across a fault.
 */
static size_t ring_copy(struct pipe_inode_info *pipe, size_t at,
			struct iov_iter *iter, size_t n, bool to_ring)
{
	size_t done = 0, copied;

	mutex_assert_held(&pipe->mutex);
	while (done < n) {
		size_t off = (at + done) % PIPE_SIZE;
		size_t chunk = min(n - done, PAGE_SIZE - off % PAGE_SIZE);
		char *p = pipe->pages[off / PAGE_SIZE] + off % PAGE_SIZE;

		if (to_ring)
			copied = copy_from_iter(p, chunk, iter);
		else
			copied = copy_to_iter(p, chunk, iter);
		if (copied < chunk) {
			if (to_ring)
				done += copied;
			break;
		}
		done += copied;
	}
	return done;
}

static bool pipe_readable(struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->len) || !READ_ONCE(pipe->writers);
}

static bool pipe_writable(struct pipe_inode_info *pipe, size_t need)
{
	return READ_ONCE(pipe->size) - READ_ONCE(pipe->len) >= need ||
	       !READ_ONCE(pipe->readers);
}

struct pipe_inode_info *get_pipe_info(struct file *file)
{
	return file->f_op == &pipefifo_fops ? file->private_data : NULL;
}

/*
 * What is there, up to the count.  A fault in user memory consumes only
 * the pages copied whole before it (-EFAULT if none were).
 */
static ssize_t pipe_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct pipe_inode_info *pipe = file->private_data;
	size_t count = iov_iter_count(to);
	size_t n;

	if (!count)
		return 0;
	for (;;) {
		mutex_lock(&pipe->mutex);
		if (pipe->len)
			break;
		if (!pipe->writers) {
			mutex_unlock(&pipe->mutex);
			return 0;
		}
		mutex_unlock(&pipe->mutex);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(pipe->rd_wait, pipe_readable(pipe)))
			return -ERESTARTSYS;
	}
	n = ring_copy(pipe, pipe->head, to, min(count, pipe->len), false);
	pipe->head = (pipe->head + n) % PIPE_SIZE;
	pipe->len -= n;
	mutex_unlock(&pipe->mutex);
	if (!n)
		return -EFAULT;
	wake_up(&pipe->wr_wait);
	return n;
}

/*
 * A fault in user memory ends the write: the bytes copied before it stay
 * in the pipe and count (-EFAULT if there were none).
 */
static ssize_t pipe_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct pipe_inode_info *pipe = file->private_data;
	size_t count = iov_iter_count(from);
	/* Up to PIPE_BUF bytes go in at once or not at all. */
	size_t need = count <= PIPE_BUF ? count : 1;
	size_t done = 0, n, copied;

	if (!count)
		return 0;
	for (;;) {
		mutex_lock(&pipe->mutex);
		if (!pipe->readers) {
			mutex_unlock(&pipe->mutex);
			send_sig(SIGPIPE, current, 0);
			return done ? (ssize_t)done : -EPIPE;
		}
		if (pipe->size - pipe->len >= need) {
			n = min(count - done, pipe->size - pipe->len);
			if (!pipe_reserve(pipe, n)) {
				mutex_unlock(&pipe->mutex);
				return done ? (ssize_t)done : -ENOMEM;
			}
			copied = ring_copy(pipe, pipe->head + pipe->len,
					   from, n, true);
			pipe->len += copied;
			done += copied;
			mutex_unlock(&pipe->mutex);
			if (copied)
				wake_up(&pipe->rd_wait);
			if (copied < n)
				return done ? (ssize_t)done : -EFAULT;
			if (done == count)
				return done;
			continue;
		}
		mutex_unlock(&pipe->mutex);
		if (file->f_flags & O_NONBLOCK)
			return done ? (ssize_t)done : -EAGAIN;
		if (wait_event_interruptible(pipe->wr_wait,
					     pipe_writable(pipe, need)))
			return done ? (ssize_t)done : -ERESTARTSYS;
	}
}

/* The inode's pipe, created by its first opener. */
static struct pipe_inode_info *get_inode_pipe(struct inode *inode)
{
	struct pipe_inode_info *pipe, *new = NULL;

	for (;;) {
		spin_lock(&inode->i_lock);
		pipe = inode->i_private;
		if (!pipe && new) {
			inode->i_private = pipe = new;
			new = NULL;
		}
		if (pipe)
			pipe->files++;
		spin_unlock(&inode->i_lock);
		if (pipe)
			break;
		new = alloc_pipe_info();
		if (!new)
			return NULL;
	}
	if (new)
		free_pipe_info(new);
	return pipe;
}

/* Drop a file's hold on the inode's pipe; the last one frees it. */
static void put_inode_pipe(struct inode *inode, struct pipe_inode_info *pipe)
{
	bool last;

	spin_lock(&inode->i_lock);
	last = !--pipe->files;
	if (last)
		inode->i_private = NULL;
	spin_unlock(&inode->i_lock);
	if (last)
		free_pipe_info(pipe);
}

/*
 * POSIX FIFO opens: a reader waits for a writer unless O_NONBLOCK; a
 * writer waits for a reader, or fails -ENXIO with O_NONBLOCK; O_RDWR
 * never waits.
 */
static int fifo_open(struct inode *inode, struct file *file)
{
	bool nonblock = file->f_flags & O_NONBLOCK;
	struct pipe_inode_info *pipe;

	if (!(file->f_mode & (FMODE_READ | FMODE_WRITE)))
		return -EINVAL;
	pipe = get_inode_pipe(inode);
	if (!pipe)
		return -ENOMEM;
	mutex_lock(&pipe->mutex);
	if (file->f_mode == FMODE_WRITE && nonblock && !pipe->readers) {
		mutex_unlock(&pipe->mutex);
		put_inode_pipe(inode, pipe);
		return -ENXIO;
	}
	if (file->f_mode & FMODE_READ)
		pipe->readers++;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers++;
	mutex_unlock(&pipe->mutex);
	file->private_data = pipe;
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);

	if (file->f_mode == FMODE_READ && !nonblock)
		wait_event(pipe->rd_wait, READ_ONCE(pipe->writers));
	if (file->f_mode == FMODE_WRITE)
		wait_event(pipe->wr_wait, READ_ONCE(pipe->readers));
	return 0;
}

static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	mutex_lock(&pipe->mutex);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	mutex_unlock(&pipe->mutex);
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
	put_inode_pipe(inode, pipe);
	return 0;
}

/*
 * Readable with data, hung up with no writer left; writable with room for
 * PIPE_BUF bytes (a write of that size would not wait), in error with no
 * reader left.
 */
static __poll_t pipe_poll(struct file *file, poll_table *pt)
{
	struct pipe_inode_info *pipe = file->private_data;
	__poll_t mask = 0;

	if (file->f_mode & FMODE_READ)
		poll_wait(file, &pipe->rd_wait, pt);
	if (file->f_mode & FMODE_WRITE)
		poll_wait(file, &pipe->wr_wait, pt);
	if (file->f_mode & FMODE_READ) {
		if (READ_ONCE(pipe->len))
			mask |= POLLIN | POLLRDNORM;
		if (!READ_ONCE(pipe->writers))
			mask |= POLLHUP;
	}
	if (file->f_mode & FMODE_WRITE) {
		if (READ_ONCE(pipe->size) - READ_ONCE(pipe->len) >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!READ_ONCE(pipe->readers))
			mask |= POLLERR;
	}
	return mask;
}

/* FIONREAD: the bytes a read would find now. */
static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = file->private_data;
	int count;

	if (cmd != FIONREAD)
		return -ENOIOCTLCMD;
	mutex_lock(&pipe->mutex);
	count = pipe->len;
	mutex_unlock(&pipe->mutex);
	return put_user(count, (int __user *)arg);
}

const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

static struct inode *get_pipe_inode(void)
{
	const struct cred *cred = current_cred();
	struct inode *inode = new_inode(pipe_mnt->mnt_sb);

	if (!inode)
		return NULL;
	inode->i_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	inode->i_uid = cred->fsuid;
	inode->i_gid = cred->fsgid;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	inode->i_fop = &pipefifo_fops;
	return inode;
}

/* The read end (opened first, so the write end finds a reader) and the
 * write end of a new anonymous pipe. */
static int create_pipe_files(struct file **files, int flags)
{
	struct path path = { .mnt = pipe_mnt };
	struct inode *inode;
	int err = 0;

	if (!pipe_mnt)
		return -ENOMEM;
	inode = get_pipe_inode();
	if (!inode)
		return -ENFILE;
	path.dentry = d_make_root(inode);
	if (!path.dentry)
		return -ENOMEM;
	files[0] = alloc_file(&path, O_RDONLY | O_NONBLOCK, &pipefifo_fops);
	if (IS_ERR(files[0])) {
		err = PTR_ERR(files[0]);
		goto out_put_dentry;
	}
	files[1] = alloc_file(&path, O_WRONLY, &pipefifo_fops);
	if (IS_ERR(files[1])) {
		err = PTR_ERR(files[1]);
		fput(files[0]);
		goto out_put_dentry;
	}
	files[0]->f_flags = O_RDONLY | (flags & O_NONBLOCK);
	files[1]->f_flags = O_WRONLY | (flags & O_NONBLOCK);
out_put_dentry:
	dput(path.dentry);
	return err;
}

long ksys_pipe2(int fds[2], int flags)
{
	struct file *files[2] = { NULL, NULL };
	int fd0, fd1, err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd0 = get_unused_fd_flags(flags);
	if (fd0 < 0) {
		err = fd0;
		goto out_put_files;
	}
	fd1 = get_unused_fd_flags(flags);
	if (fd1 < 0) {
		err = fd1;
		goto out_put_fd0;
	}
	fd_install(fd0, files[0]);
	fd_install(fd1, files[1]);
	fds[0] = fd0;
	fds[1] = fd1;
	return 0;

out_put_fd0:
	put_unused_fd(fd0);
out_put_files:
	fput(files[0]);
	fput(files[1]);
	return err;
}

static const struct super_operations pipefs_ops = {
	.statfs = simple_statfs,
};

static int pipefs_fill_super(struct super_block *sb, void *data)
{
	struct inode *root;

	sb->s_op = &pipefs_ops;
	sb->s_magic = PIPEFS_MAGIC;
	root = new_inode(sb);
	if (!root)
		return -ENOMEM;
	root->i_mode = S_IFDIR | S_IRUSR | S_IWUSR;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *pipefs_mount(struct file_system_type *fs_type,
				   int flags, const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, pipefs_fill_super);
}

static struct file_system_type pipe_fs_type = {
	.name = "pipefs",
	.mount = pipefs_mount,
	.kill_sb = kill_anon_super,
};

static int init_pipe_fs(void)
{
	struct vfsmount *mnt;

	mnt = vfs_kern_mount(&pipe_fs_type, 0, "pipefs", NULL);
	if (IS_ERR(mnt)) {
		pr_err("pipe: cannot mount pipefs: %ld\n", PTR_ERR(mnt));
		return PTR_ERR(mnt);
	}
	pipe_mnt = mnt;
	return 0;
}
fs_initcall(init_pipe_fs);

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	int fds[2];
	long err;

	err = ksys_pipe2(fds, flags);
	if (err)
		return err;
	if (copy_to_user(fildes, fds, sizeof(fds))) {
		ksys_close(fds[0]);
		ksys_close(fds[1]);
		return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return __do_sys_pipe2(fildes, 0);
}

/*
 * A pipe's capacity, as Linux rounds it: a power of two of pages, at
 * least one.  Keel's ring is PIPE_SIZE (64 KiB, Linux's default) and
 * does not grow: a larger size is -EINVAL; a smaller one than the bytes
 * in the pipe, -EBUSY.
 */
static long pipe_set_size(struct pipe_inode_info *pipe, unsigned long arg)
{
	unsigned long size = PAGE_SIZE;
	long ret;

	while (size < arg && size < PIPE_SIZE)
		size <<= 1;
	if (arg > PIPE_SIZE)
		return -EINVAL;
	mutex_lock(&pipe->mutex);
	ret = -EBUSY;
	if (pipe->len <= size) {
		pipe->size = size;
		ret = size;
	}
	mutex_unlock(&pipe->mutex);
	wake_up_all(&pipe->wr_wait);
	return ret;
}

long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = get_pipe_info(file);

	if (!pipe)
		return -EBADF;
	if (cmd == F_SETPIPE_SZ)
		return pipe_set_size(pipe, arg);
	return READ_ONCE(pipe->size);
}
