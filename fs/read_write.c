// SPDX-License-Identifier: GPL-2.0
/*
 * Reading, writing and seeking open files: the checks every file gets
 * (open mode, offsets, counts, O_APPEND) before the file's own
 * ->read_iter, ->write_iter and ->llseek, and the fd-based calls on top
 * (read, write, pread64, pwrite64, readv, writev, lseek).  Their buffers
 * are user memory, described to the file by an iov_iter (<keel/uio.h>);
 * kernel_read()/kernel_write() pass kernel buffers the same way
 * (ITER_KVEC).  f_lock guards f_pos.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/kernel.h>
#include <keel/stat.h>
#include <keel/slab.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <keel/uio.h>
#include <asm/page.h>

#define SEEK_MAX	SEEK_HOLE

/* -EINVAL for a negative or overflowing range; the count, clamped. */
static ssize_t rw_verify_area(loff_t pos, size_t count)
{
	if (pos < 0)
		return -EINVAL;
	count = min(count, (size_t)MAX_RW_COUNT);
	if ((loff_t)(pos + count) < pos)
		return -EINVAL;
	return count;
}

/* The checks before any read: open for reading, not a directory, readable. */
static ssize_t read_checks(struct file *file)
{
	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file_inode(file)->i_mode))
		return -EISDIR;
	if (!file->f_op || !file->f_op->read_iter)
		return -EINVAL;
	return 0;
}

static ssize_t write_checks(struct file *file)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write_iter)
		return -EINVAL;
	return 0;
}

/* The range checks and the file's own ->read_iter, at *@pos. */
static ssize_t do_iter_read(struct file *file, struct iov_iter *iter,
			    loff_t *pos)
{
	struct kiocb kiocb;
	ssize_t ret;

	ret = rw_verify_area(*pos, iov_iter_count(iter));
	if (ret <= 0)
		return ret;
	iov_iter_truncate(iter, ret);
	init_sync_kiocb(&kiocb, file);
	kiocb.ki_pos = *pos;
	ret = file->f_op->read_iter(&kiocb, iter);
	*pos = kiocb.ki_pos;
	return ret;
}

static ssize_t do_iter_write(struct file *file, struct iov_iter *iter,
			     loff_t *pos)
{
	struct inode *inode = file_inode(file);
	struct kiocb kiocb;
	ssize_t ret;

	/* As Linux: O_APPEND sends even pwrite() to the end. */
	if ((file->f_flags & O_APPEND) && S_ISREG(inode->i_mode))
		*pos = READ_ONCE(inode->i_size);
	ret = rw_verify_area(*pos, iov_iter_count(iter));
	if (ret <= 0)
		return ret;
	if (S_ISREG(inode->i_mode) && *pos >= MAX_LFS_FILESIZE)
		return -EFBIG;
	iov_iter_truncate(iter, ret);
	init_sync_kiocb(&kiocb, file);
	kiocb.ki_pos = *pos;
	ret = file->f_op->write_iter(&kiocb, iter);
	*pos = kiocb.ki_pos;
	return ret;
}

ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *pos)
{
	ssize_t ret = read_checks(file);

	return ret ? ret : do_iter_read(file, iter, pos);
}

ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter, loff_t *pos)
{
	ssize_t ret = write_checks(file);

	return ret ? ret : do_iter_write(file, iter, pos);
}

/* A user buffer: -EFAULT if it is not user memory, after the file checks. */
ssize_t vfs_read(struct file *file, char __user *buf, size_t count,
		 loff_t *pos)
{
	struct iov_iter iter;
	ssize_t ret;

	ret = read_checks(file);
	if (ret)
		return ret;
	ret = import_ubuf(ITER_DEST, buf, count, &iter);
	if (ret)
		return ret;
	return do_iter_read(file, &iter, pos);
}

ssize_t vfs_write(struct file *file, const char __user *buf, size_t count,
		  loff_t *pos)
{
	struct iov_iter iter;
	ssize_t ret;

	ret = write_checks(file);
	if (ret)
		return ret;
	ret = import_ubuf(ITER_SOURCE, (void __user *)buf, count, &iter);
	if (ret)
		return ret;
	return do_iter_write(file, &iter, pos);
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct kvec kv = { .iov_base = buf, .iov_len = count };
	struct iov_iter iter;

	iov_iter_kvec(&iter, ITER_DEST, &kv, 1, count);
	return vfs_iter_read(file, &iter, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos)
{
	struct kvec kv = { .iov_base = (void *)buf, .iov_len = count };
	struct iov_iter iter;

	iov_iter_kvec(&iter, ITER_SOURCE, &kv, 1, count);
	return vfs_iter_write(file, &iter, pos);
}

static loff_t file_pos_read(struct file *file)
{
	loff_t pos;

	spin_lock(&file->f_lock);
	pos = file->f_pos;
	spin_unlock(&file->f_lock);
	return pos;
}

static void file_pos_write(struct file *file, loff_t pos)
{
	spin_lock(&file->f_lock);
	file->f_pos = pos;
	spin_unlock(&file->f_lock);
}

ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count)
{
	struct file *file = fget(fd);
	ssize_t ret;
	loff_t pos;

	if (!file)
		return -EBADF;
	pos = file_pos_read(file);
	ret = vfs_read(file, buf, count, &pos);
	if (ret >= 0)
		file_pos_write(file, pos);
	fput(file);
	return ret;
}

ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct file *file = fget(fd);
	ssize_t ret;
	loff_t pos;

	if (!file)
		return -EBADF;
	pos = file_pos_read(file);
	ret = vfs_write(file, buf, count, &pos);
	if (ret >= 0)
		file_pos_write(file, pos);
	fput(file);
	return ret;
}

/* pread64/pwrite64 need a positionable file: not a pipe. */
static struct file *fget_positional(unsigned int fd, loff_t pos,
				    ssize_t *err)
{
	struct file *file;

	*err = -EINVAL;
	if (pos < 0)
		return NULL;
	*err = -EBADF;
	file = fget(fd);
	if (!file)
		return NULL;
	if (!(file->f_mode & FMODE_LSEEK)) {
		fput(file);
		*err = -ESPIPE;
		return NULL;
	}
	return file;
}

ssize_t ksys_pread64(unsigned int fd, char __user *buf, size_t count,
		     loff_t pos)
{
	struct file *file;
	ssize_t ret;

	file = fget_positional(fd, pos, &ret);
	if (!file)
		return ret;
	ret = vfs_read(file, buf, count, &pos);
	fput(file);
	return ret;
}

ssize_t ksys_pwrite64(unsigned int fd, const char __user *buf, size_t count,
		      loff_t pos)
{
	struct file *file;
	ssize_t ret;

	file = fget_positional(fd, pos, &ret);
	if (!file)
		return ret;
	ret = vfs_write(file, buf, count, &pos);
	fput(file);
	return ret;
}

/*
 * readv/writev: the array is checked and copied in by import_iovec(),
 * then the file's ->read_iter/->write_iter sees every segment in one call
 * (so a short transfer ends the whole call, as in Linux).  @ppos is
 * preadv/pwritev's position, NULL for the file's own.
 */
static ssize_t vfs_readv_writev(struct file *file,
				const struct iovec __user *uvec, int iovcnt,
				loff_t *ppos, bool write)
{
	struct iovec iovstack[UIO_FASTIOV], *iov = iovstack;
	struct iov_iter iter;
	ssize_t ret;
	loff_t pos;

	if (iovcnt < 0)
		return -EINVAL;
	ret = import_iovec(write ? ITER_SOURCE : ITER_DEST, uvec, iovcnt,
			   ARRAY_SIZE(iovstack), &iov, &iter);
	if (ret < 0)
		return ret;
	ret = write ? write_checks(file) : read_checks(file);
	if (ret)
		goto out_free;
	pos = ppos ? *ppos : file_pos_read(file);
	if (write)
		ret = do_iter_write(file, &iter, &pos);
	else
		ret = do_iter_read(file, &iter, &pos);
	if (ret >= 0 && !ppos)
		file_pos_write(file, pos);
out_free:
	kfree(iov);
	return ret;
}

static ssize_t do_readv_writev(unsigned int fd, const struct iovec __user *uvec,
			       int iovcnt, bool write)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = vfs_readv_writev(file, uvec, iovcnt, NULL, write);
	fput(file);
	return ret;
}

ssize_t ksys_readv(unsigned int fd, const struct iovec __user *vec, int iovcnt)
{
	return do_readv_writev(fd, vec, iovcnt, false);
}

ssize_t ksys_writev(unsigned int fd, const struct iovec __user *vec,
		    int iovcnt)
{
	return do_readv_writev(fd, vec, iovcnt, true);
}

static ssize_t do_preadv_pwritev(unsigned int fd,
				 const struct iovec __user *uvec, int iovcnt,
				 loff_t pos, bool write)
{
	struct file *file;
	ssize_t ret;

	file = fget_positional(fd, pos, &ret);
	if (!file)
		return ret;
	ret = vfs_readv_writev(file, uvec, iovcnt, &pos, write);
	fput(file);
	return ret;
}

/*
 * sendfile(): from @in_fd at *@ppos (or at its own position, which then
 * advances) to @out_fd at its position, a page at a time through kernel
 * memory, where Linux splices through a pipe.  The first short read or
 * write ends it; the input position moves by what was written.  Returns
 * the bytes written, or an error if there were none.
 */
static ssize_t do_sendfile(unsigned int out_fd, unsigned int in_fd,
			   loff_t *ppos, size_t count)
{
	struct file *in, *out;
	ssize_t ret, n, written;
	loff_t pos, out_pos;
	size_t done = 0;
	char *buf;

	in = fget(in_fd);
	if (!in)
		return -EBADF;
	ret = -EBADF;
	if (!(in->f_mode & FMODE_READ))
		goto fput_in;
	ret = -ESPIPE;
	if (ppos && !(in->f_mode & FMODE_LSEEK))
		goto fput_in;
	pos = ppos ? *ppos : file_pos_read(in);
	ret = rw_verify_area(pos, count);
	if (ret < 0)
		goto fput_in;
	count = ret;
	ret = -EBADF;
	out = fget(out_fd);
	if (!out)
		goto fput_in;
	if (!(out->f_mode & FMODE_WRITE))
		goto fput_out;
	/* As Linux's splice: an appending output is refused. */
	ret = -EINVAL;
	if (out->f_flags & O_APPEND)
		goto fput_out;
	ret = read_checks(in);
	if (!ret)
		ret = write_checks(out);
	if (ret)
		goto fput_out;
	ret = -ENOMEM;
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		goto fput_out;
	out_pos = file_pos_read(out);
	ret = 0;
	while (done < count) {
		n = kernel_read(in, buf, min(count - done, PAGE_SIZE), &pos);
		if (n <= 0) {
			ret = n;
			break;
		}
		written = kernel_write(out, buf, n, &out_pos);
		if (written > 0)
			done += written;
		if (written != n) {
			pos -= n - max(written, (ssize_t)0);
			ret = min(written, (ssize_t)0);
			break;
		}
	}
	kfree(buf);
	file_pos_write(out, out_pos);
	if (ppos)
		*ppos = pos;
	else
		file_pos_write(in, pos);
	if (done)
		ret = done;
fput_out:
	fput(out);
fput_in:
	fput(in);
	return ret;
}

/*
 * SEEK_SET/CUR/END on the file size, and the trivial SEEK_DATA/SEEK_HOLE
 * of a file without holes (all data, one hole at the end).
 */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t size = READ_ONCE(file_inode(file)->i_size);
	loff_t at = -EINVAL;
	bool overflow = false;

	if ((whence == SEEK_DATA || whence == SEEK_HOLE) &&
	    (offset < 0 || offset >= size))
		return -ENXIO;
	spin_lock(&file->f_lock);
	switch (whence) {
	case SEEK_SET:
	case SEEK_DATA:
		at = offset;
		break;
	case SEEK_CUR:
		overflow = __builtin_add_overflow(file->f_pos, offset, &at);
		break;
	case SEEK_END:
		overflow = __builtin_add_overflow(size, offset, &at);
		break;
	case SEEK_HOLE:
		at = size;
		break;
	}
	if (overflow || at < 0)
		at = -EINVAL;
	else
		file->f_pos = at;
	spin_unlock(&file->f_lock);
	return at;
}

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!(file->f_mode & FMODE_LSEEK))
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

loff_t ksys_lseek(unsigned int fd, loff_t offset, unsigned int whence)
{
	struct file *file = fget(fd);
	loff_t ret;

	if (!file)
		return -EBADF;
	ret = whence <= SEEK_MAX ? vfs_llseek(file, offset, whence) : -EINVAL;
	fput(file);
	return ret;
}

/*
 * The system calls.  On x86_64 preadv/pwritev's position is all in the
 * low argument; the high one is for 32-bit callers and ignored here.
 */

/* A segment count as the helpers take it: one they refuse if too many. */
static int iov_count(unsigned long vlen)
{
	return vlen > UIO_MAXIOV ? -1 : (int)vlen;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	return ksys_read(fd, buf, count);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf,
		size_t, count)
{
	return ksys_write(fd, buf, count);
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf,
		size_t, count, loff_t, pos)
{
	return ksys_pread64(fd, buf, count, pos);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf,
		size_t, count, loff_t, pos)
{
	return ksys_pwrite64(fd, buf, count, pos);
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv_writev(fd, vec, iov_count(vlen), false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv_writev(fd, vec, iov_count(vlen), true);
}

SYSCALL_DEFINE5(preadv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	return do_preadv_pwritev(fd, vec, iov_count(vlen), pos_l, false);
}

SYSCALL_DEFINE5(pwritev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	return do_preadv_pwritev(fd, vec, iov_count(vlen), pos_l, true);
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, long, offset, unsigned int, whence)
{
	return ksys_lseek(fd, offset, whence);
}

SYSCALL_DEFINE4(sendfile, int, out_fd, int, in_fd, loff_t __user *, offset,
		size_t, count)
{
	loff_t pos;
	ssize_t ret;

	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count);
	if (get_user(pos, offset))
		return -EFAULT;
	ret = do_sendfile(out_fd, in_fd, &pos, count);
	if (put_user(pos, offset))
		return -EFAULT;
	return ret;
}
