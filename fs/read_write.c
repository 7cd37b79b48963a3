// SPDX-License-Identifier: GPL-2.0
/*
 * Reading, writing and seeking open files: the checks every file gets
 * (open mode, offsets, counts, O_APPEND) before the file's own ->read,
 * ->write and ->llseek, and the fd-based calls on top (read, write, pread64,
 * pwrite64, readv, writev, lseek).  Buffers are kernel memory; the system
 * call layer copies user memory around these.  f_lock guards f_pos.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/kernel.h>
#include <keel/stat.h>
#include <keel/syscalls.h>

#define IOV_MAX		1024
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

ssize_t vfs_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	ssize_t ret;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file_inode(file)->i_mode))
		return -EISDIR;
	if (!file->f_op || !file->f_op->read)
		return -EINVAL;
	ret = rw_verify_area(*pos, count);
	if (ret <= 0)
		return ret;
	return file->f_op->read(file, buf, ret, pos);
}

ssize_t vfs_write(struct file *file, const void *buf, size_t count,
		  loff_t *pos)
{
	struct inode *inode = file_inode(file);
	ssize_t ret;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	/* As Linux: O_APPEND sends even pwrite() to the end. */
	if ((file->f_flags & O_APPEND) && S_ISREG(inode->i_mode))
		*pos = READ_ONCE(inode->i_size);
	ret = rw_verify_area(*pos, count);
	if (ret <= 0)
		return ret;
	if (S_ISREG(inode->i_mode) && *pos >= MAX_LFS_FILESIZE)
		return -EFBIG;
	return file->f_op->write(file, buf, ret, pos);
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	return vfs_read(file, buf, count, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos)
{
	return vfs_write(file, buf, count, pos);
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

ssize_t ksys_read(unsigned int fd, void *buf, size_t count)
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

ssize_t ksys_write(unsigned int fd, const void *buf, size_t count)
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

ssize_t ksys_pread64(unsigned int fd, void *buf, size_t count, loff_t pos)
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

ssize_t ksys_pwrite64(unsigned int fd, const void *buf, size_t count,
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
 * Linux's import_iovec(): at most IOV_MAX segments, each length a valid
 * ssize_t, the total clamped to MAX_RW_COUNT.  Returns the total.
 */
static ssize_t check_iovec(const struct iovec *iov, int iovcnt)
{
	size_t total = 0, len;
	int i;

	if (iovcnt < 0 || iovcnt > IOV_MAX)
		return -EINVAL;
	for (i = 0; i < iovcnt; i++) {
		len = iov[i].iov_len;
		if ((ssize_t)len < 0)
			return -EINVAL;
		total += min(len, MAX_RW_COUNT - total);
	}
	return total;
}

/* Segment by segment, stopping at the first short transfer. */
static ssize_t do_iov_rw(struct file *file, const struct iovec *iov,
			 int iovcnt, size_t total, loff_t *pos, bool write)
{
	size_t done = 0;
	ssize_t ret;
	int i;

	for (i = 0; i < iovcnt && done < total; i++) {
		size_t len = min(iov[i].iov_len, total - done);

		if (!len)
			continue;
		ret = write ? vfs_write(file, iov[i].iov_base, len, pos) :
			      vfs_read(file, iov[i].iov_base, len, pos);
		if (ret < 0)
			return done ? (ssize_t)done : ret;
		done += ret;
		if ((size_t)ret < len)
			break;
	}
	return done;
}

static ssize_t do_readv_writev(unsigned int fd, const struct iovec *iov,
			       int iovcnt, bool write)
{
	fmode_t need = write ? FMODE_WRITE : FMODE_READ;
	struct file *file;
	ssize_t ret;
	loff_t pos;

	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = check_iovec(iov, iovcnt);
	if (ret < 0)
		goto out_fput;
	if (!(file->f_mode & need)) {
		ret = -EBADF;
		goto out_fput;
	}
	pos = file_pos_read(file);
	ret = do_iov_rw(file, iov, iovcnt, ret, &pos, write);
	if (ret >= 0)
		file_pos_write(file, pos);
out_fput:
	fput(file);
	return ret;
}

ssize_t ksys_readv(unsigned int fd, const struct iovec *iov, int iovcnt)
{
	return do_readv_writev(fd, iov, iovcnt, false);
}

ssize_t ksys_writev(unsigned int fd, const struct iovec *iov, int iovcnt)
{
	return do_readv_writev(fd, iov, iovcnt, true);
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
