// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64(): a directory's ->iterate_shared hands entries to an actor
 * that packs Linux's struct linux_dirent64 records (8-byte aligned,
 * NUL-terminated names) into the caller's buffer.  Each record's d_off is
 * the position to resume after it, as Linux reports it.  The directory's
 * i_rwsem is held shared around ->iterate_shared, which keeps its names
 * from being removed or renamed meanwhile; f_lock guards f_pos.
 */
#include <keel/errno.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/kernel.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>

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
	struct linux_dirent64 *current_dir;
	struct linux_dirent64 *prev;	/* the last record, or NULL */
	unsigned int count;		/* room left */
	int error;
};

static bool filldir64(struct dir_context *ctx, const char *name, int namelen,
		      loff_t offset, u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf =
		container_of(ctx, struct getdents_callback64, ctx);
	struct linux_dirent64 *dirent = buf->current_dir;
	unsigned int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) +
				    namelen + 1, sizeof(u64));

	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* only reported if nothing fit */
		return false;
	}
	/* This entry's position is where to resume after the previous one. */
	if (buf->prev)
		buf->prev->d_off = offset;
	dirent->d_ino = ino;
	dirent->d_off = 0;
	dirent->d_reclen = reclen;
	dirent->d_type = d_type;
	/* As Linux, the padding after the NUL is left as it was. */
	memcpy(dirent->d_name, name, namelen);
	dirent->d_name[namelen] = '\0';
	buf->prev = dirent;
	buf->current_dir = (void *)dirent + reclen;
	buf->count -= reclen;
	return true;
}

long ksys_getdents64(unsigned int fd, void *dirent, unsigned int count)
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
	if (buf.prev) {
		buf.prev->d_off = buf.ctx.pos;
		err = count - buf.count;
	} else if (!err) {
		err = buf.error;
	}
	fput(file);
	return err;
}
