// SPDX-License-Identifier: GPL-2.0
/*
 * /proc's entries (Linux's fs/proc/generic.c and the single_open() half
 * of seq_file): every entry is a pinned dentry and inode in the one proc
 * super block, made when it is registered, so lookup and readdir are
 * libfs's.  A file's text is made by its show function on the first read
 * into a buffer that doubles until the text fits, and read from there
 * at any offset until the file is closed.
 *
 * An entry is made and removed with its parent's i_rwsem held exclusive,
 * as the VFS's own namespace operations hold it; proc_remove() of a
 * directory takes each child's in turn, a parent before its child.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/mm.h>
#include <keel/namei.h>
#include <keel/proc_fs.h>
#include <keel/seq_file.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/uio.h>
#include <keel/vmalloc.h>

#include "internal.h"

/* The largest text a /proc file may have. */
#define PROC_BUF_MAX	(1UL << 20)

static void *proc_buf_alloc(size_t size)
{
	return size <= KMALLOC_MAX_CACHE_SIZE ? kmalloc(size, GFP_KERNEL) :
						 vmalloc(size);
}

static void proc_buf_free(void *buf, size_t size)
{
	if (size <= KMALLOC_MAX_CACHE_SIZE)
		kfree(buf);
	else
		vfree(buf);
}

/* Run the show function into a buffer big enough for all of it. */
static int proc_render(struct seq_file *m, struct proc_dir_entry *de)
{
	size_t size = PAGE_SIZE;
	int ret;

	for (;;) {
		char *buf = proc_buf_alloc(size);

		if (!buf)
			return -ENOMEM;
		seq_init(m, buf, size);
		m->private = de->data;
		ret = de->show(m, NULL);
		if (!ret && !seq_has_overflowed(m))
			return 0;
		proc_buf_free(buf, size);
		m->buf = NULL;
		if (ret)
			return ret;
		size *= 2;
		if (size > PROC_BUF_MAX)
			return -ENOMEM;
	}
}

int proc_single_open(struct inode *inode, struct file *file)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	file->private_data = m;
	return 0;
}

/*
 * The text rendered at the first read, from the position on; a fault in
 * user memory gives a short count, or -EFAULT if nothing was copied.
 */
ssize_t proc_single_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct seq_file *m = file->private_data;
	size_t n, copied;

	if (!m->buf) {
		int ret = proc_render(m, file_inode(file)->i_private);

		if (ret)
			return ret;
	}
	if (iocb->ki_pos < 0 || (u64)iocb->ki_pos >= m->count)
		return 0;
	n = min(iov_iter_count(to), m->count - (size_t)iocb->ki_pos);
	copied = copy_to_iter(m->buf + iocb->ki_pos, n, to);
	if (!copied && n)
		return -EFAULT;
	iocb->ki_pos += copied;
	return copied;
}

/* Linux's seq_lseek(): SEEK_SET and SEEK_CUR only. */
loff_t proc_single_lseek(struct file *file, loff_t offset, int whence)
{
	loff_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

int proc_single_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	if (m->buf)
		proc_buf_free(m->buf, m->size);
	kfree(m);
	return 0;
}

const struct file_operations proc_single_file_operations = {
	.open = proc_single_open,
	.read_iter = proc_single_read_iter,
	.llseek = proc_single_lseek,
	.release = proc_single_release,
};

const struct inode_operations proc_file_inode_operations = {
	.setattr = simple_setattr,
};

static const struct inode_operations proc_dir_inode_operations = {
	.lookup = simple_lookup,
	.setattr = simple_setattr,
};

const char *proc_get_link(struct dentry *dentry, struct inode *inode,
			  struct delayed_call *done)
{
	struct proc_dir_entry *de = inode->i_private;

	return de->link;
}

static const struct inode_operations proc_link_inode_operations = {
	.get_link = proc_get_link,
};

struct proc_dir_entry *proc_new_entry(const char *name, umode_t mode,
				      struct proc_dir_entry *parent,
				      size_t link_size,
				      const struct inode_operations *iops,
				      const struct file_operations *fops)
{
	struct dentry *dir, *dentry;
	struct proc_dir_entry *de;
	struct inode *inode;

	dir = parent ? parent->dentry : proc_get_root();
	if (IS_ERR(dir))
		return NULL;
	de = kzalloc(sizeof(*de) + link_size, GFP_KERNEL);
	if (!de)
		return NULL;
	inode = new_inode(dir->d_sb);
	if (!inode)
		goto free_de;
	inode_lock(d_inode(dir));
	dentry = simple_new_dentry(dir, name, NAME_MAX);
	if (IS_ERR(dentry))
		goto unlock;
	inode->i_mode = mode;
	inode->i_op = iops;
	inode->i_fop = fops;
	inode->i_private = de;
	if (S_ISDIR(mode)) {
		inc_nlink(inode);		/* "." */
		inc_nlink(d_inode(dir));	/* its ".." */
	}
	de->dentry = dentry;			/* d_lookup's or d_alloc's: the pin */
	d_instantiate(dentry, inode);
	inode_unlock(d_inode(dir));
	return de;

unlock:
	inode_unlock(d_inode(dir));
	iput(inode);	/* i_private is not set: the entry is ours to free */
free_de:
	kfree(de);
	return NULL;
}

struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       proc_show_t show, void *data)
{
	struct proc_dir_entry *de;

	if (!show)
		return NULL;
	de = proc_new_entry(name, S_IFREG | (mode & 0777 ? mode & 0777 : 0444),
			    parent, 0, &proc_file_inode_operations,
			    &proc_single_file_operations);
	if (de) {
		de->show = show;
		de->data = data;
	}
	return de;
}

struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent)
{
	return proc_new_entry(name, S_IFDIR | 0555, parent, 0,
			      &proc_dir_inode_operations,
			      &simple_dir_operations);
}

struct proc_dir_entry *proc_symlink(const char *name,
				    struct proc_dir_entry *parent,
				    const char *dest)
{
	size_t len = strlen(dest);
	struct proc_dir_entry *de;

	de = proc_new_entry(name, S_IFLNK | 0777, parent, len + 1,
			    &proc_link_inode_operations, NULL);
	if (de) {
		memcpy(de->link, dest, len + 1);
		d_inode(de->dentry)->i_size = len;
	}
	return de;
}

/* The first entry below @dir, with a reference, or NULL. */
static struct dentry *proc_first_child(struct dentry *dir)
{
	struct inode *inode = d_inode(dir);
	struct dentry *child, *found = NULL;

	spin_lock(&inode->i_lock);
	list_for_each_entry(child, &dir->d_subdirs, d_child) {
		if (!(child->d_flags & DCACHE_CURSOR) && d_inode(child) &&
		    !d_unhashed(child)) {
			found = dget(child);
			break;
		}
	}
	spin_unlock(&inode->i_lock);
	return found;
}

void proc_remove(struct proc_dir_entry *de)
{
	struct dentry *dentry, *child;
	struct inode *inode, *dir;

	if (!de)
		return;
	dentry = de->dentry;
	inode = d_inode(dentry);
	dir = d_inode(dentry->d_parent);
	inode_lock_nested(dir, I_MUTEX_PARENT);
	if (S_ISDIR(inode->i_mode)) {
		while ((child = proc_first_child(dentry))) {
			proc_remove(d_inode(child)->i_private);
			dput(child);
		}
		drop_nlink(dir);
	}
	/* From here @de may go with the inode: only the dentry is used. */
	dget(dentry);
	set_nlink(inode, 0);
	dput(dentry);		/* the pin */
	d_delete(dentry);
	dput(dentry);
	inode_unlock(dir);
}
