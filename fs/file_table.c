// SPDX-License-Identifier: GPL-2.0
/*
 * The lifetime of struct file: alloc_file() builds one on a path and calls
 * the file system's ->open, get_file()/fput() count references, and the
 * last fput() calls ->release and drops the path.  It does not look names
 * up (fs/namei.c) nor keep fd tables (fs/file.c).  Without a scheduler
 * the final fput() runs at once, in the caller (Linux defers it).
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/slab.h>

/* O_ACCMODE 3 ("no access", used for ioctls) opens for neither. */
static fmode_t open_flags_to_mode(int flags)
{
	if (flags & O_PATH)
		return FMODE_PATH;
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		return FMODE_READ;
	case O_WRONLY:
		return FMODE_WRITE;
	case O_RDWR:
		return FMODE_READ | FMODE_WRITE;
	default:
		return 0;
	}
}

struct file *alloc_file(const struct path *path, int flags,
			const struct file_operations *fop)
{
	struct inode *inode = d_inode(path->dentry);
	struct file *file;
	int err;

	file = kzalloc(sizeof(*file), GFP_KERNEL);
	if (!file)
		return ERR_PTR(-ENOMEM);
	path_get(path);
	file->f_path = *path;
	file->f_inode = inode;
	file->f_op = fop;
	/* As Linux: the creation flags are spent, the others stay visible. */
	file->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	file->f_mode = open_flags_to_mode(flags);
	spin_lock_init(&file->f_lock);
	atomic_long_set(&file->f_count, 1);

	if (fop && fop->open) {
		err = fop->open(inode, file);
		if (err)
			goto out_put_path;
	}
	/*
	 * ->open may have replaced f_op (a device's own operations).  Only a
	 * file with a position can lseek, pread and pwrite (not a pipe).
	 */
	if (file->f_op && file->f_op->llseek && file->f_op->llseek != no_llseek)
		file->f_mode |= FMODE_LSEEK;
	return file;

out_put_path:
	path_put(&file->f_path);
	kfree(file);
	return ERR_PTR(err);
}

struct file *get_file(struct file *file)
{
	atomic_long_inc(&file->f_count);
	return file;
}

void fput(struct file *file)
{
	if (!atomic_long_dec_and_test(&file->f_count))
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file_inode(file), file);
	path_put(&file->f_path);
	kfree(file);
}
