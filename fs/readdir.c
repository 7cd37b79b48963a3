// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64(): a directory's ->iterate_shared hands entries to an actor
 * that packs Linux's struct linux_dirent64 records (8-byte aligned,
 * NUL-terminated names) into the caller's user buffer.  Each record's
 * d_off is the position to resume after it, as Linux reports it.  The
 * directory's i_rwsem is held shared around ->iterate_shared, which keeps
 * its names from being removed or renamed meanwhile; f_lock guards f_pos.
 */
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/kernel.h>
#include <keel/namei.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int err;

	if (!file->f_op || !file->f_op->iterate_shared)
		return -ENOTDIR;
	spin_lock(&file->f_lock);
	ctx->pos = file->f_pos;
	spin_unlock(&file->f_lock);
	inode_lock_shared(inode);
	err = file->f_op->iterate_shared(file, ctx);
	inode_unlock_shared(inode);
	spin_lock(&file->f_lock);
	file->f_pos = ctx->pos;
	spin_unlock(&file->f_lock);
	return err;
}

struct getdents_callback64 {
	struct dir_context ctx;
	struct linux_dirent64 __user *current_dir;
	struct linux_dirent64 __user *prev;	/* the last record, or NULL */
	unsigned int count;		/* room left */
	int error;
};

/* Room for one record, header and name, as it goes out in one copy. */
#define DIRENT64_MAX	(offsetof(struct linux_dirent64, d_name) + NAME_MAX + 1)

static bool filldir64(struct dir_context *ctx, const char *name, int namelen,
		      loff_t offset, u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf =
		container_of(ctx, struct getdents_callback64, ctx);
	struct linux_dirent64 __user *dirent = buf->current_dir;
	size_t len = offsetof(struct linux_dirent64, d_name) + namelen + 1;
	unsigned int reclen = ALIGN(len, sizeof(u64));
	u64 out_buf[DIV_ROUND_UP(DIRENT64_MAX, sizeof(u64))];
	struct linux_dirent64 *out = (struct linux_dirent64 *)out_buf;

	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* only reported if nothing fit */
		return false;
	}
	/* This entry's position is where to resume after the previous one. */
	if (buf->prev && put_user(offset, &buf->prev->d_off))
		goto efault;
	out->d_ino = ino;
	out->d_off = 0;
	out->d_reclen = reclen;
	out->d_type = d_type;
	memcpy(out->d_name, name, namelen);
	out->d_name[namelen] = '\0';
	/* As Linux, the padding after the NUL is left as it was. */
	if (copy_to_user(dirent, out, len))
		goto efault;
	buf->prev = dirent;
	buf->current_dir = (void __user *)dirent + reclen;
	buf->count -= reclen;
	return true;

efault:
	buf->error = -EFAULT;
	return false;
}

long ksys_getdents64(unsigned int fd, void __user *dirent, unsigned int count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.current_dir = dirent,
		.count = count,
	};
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = iterate_dir(file, &buf.ctx);
	if (err >= 0)
		err = buf.error;
	if (buf.prev) {
		if (put_user(buf.ctx.pos, &buf.prev->d_off))
			err = -EFAULT;
		else
			err = count - buf.count;
	}
	fput(file);
	return err;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd,
		struct linux_dirent64 __user *, dirent, unsigned int, count)
{
	return ksys_getdents64(fd, dirent, count);
}
