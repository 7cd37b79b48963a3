// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers for file systems whose dentry cache is the whole namespace
 * (ramfs, devfs): every positive dentry is pinned by an extra reference
 * from creation until unlink, directories are listed by walking
 * d_subdirs, and kill_litter_super() drops the pins at unmount.
 *
 * Directory listing keeps a cursor dentry per open directory in its
 * d_subdirs: entries before the cursor were listed, so a listing in small
 * chunks sees every entry exactly once even while others are created or
 * removed.  The directory inode's i_lock protects d_subdirs and the
 * cursors in it; its i_rwsem, held by the caller, the names themselves.
 * single_instance_mutex makes a single-instance file system's super block
 * once, sleeping while it is allocated.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/mm.h>
#include <keel/mutex.h>
#include <keel/namei.h>
#include <keel/stat.h>
#include <keel/string.h>

#include "internal.h"

static bool d_listed(const struct dentry *dentry)
{
	return !(dentry->d_flags & DCACHE_CURSOR) && dentry->d_inode &&
	       !d_unhashed(dentry);
}

int dcache_dir_open(struct inode *inode, struct file *file)
{
	file->private_data = d_alloc_cursor(file->f_path.dentry);
	return file->private_data ? 0 : -ENOMEM;
}

int dcache_dir_close(struct inode *inode, struct file *file)
{
	dput(file->private_data);
	return 0;
}

/* Puts @cursor right after the @n-th listed entry (or at the end). */
static void move_cursor(struct dentry *parent, struct dentry *cursor,
			loff_t n)
{
	struct list_head *p = &parent->d_subdirs;
	struct dentry *child;

	list_for_each_entry(child, &parent->d_subdirs, d_child) {
		if (!n)
			break;
		if (child != cursor && d_listed(child)) {
			p = &child->d_child;
			n--;
		}
	}
	list_move(&cursor->d_child, p);
}

/* Positions: 0 is ".", 1 is "..", 2 + n the n-th entry. */
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	struct dentry *dentry = file->f_path.dentry;
	struct inode *dir = d_inode(dentry);

	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		break;
	case SEEK_SET:
		break;
	default:
		return -EINVAL;
	}
	if (offset < 0)
		return -EINVAL;
	if (offset != file->f_pos) {
		file->f_pos = offset;
		if (offset >= 2) {
			spin_lock(&dir->i_lock);
			move_cursor(dentry, file->private_data, offset - 2);
			spin_unlock(&dir->i_lock);
		}
	}
	return offset;
}

int dcache_dir_iterate(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry, *cursor;
	struct inode *dir = d_inode(dentry);
	struct list_head *p;

	cursor = file->private_data;
	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, ctx->pos, dir->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		/* A root's d_parent is itself, as Linux's parent_ino(). */
		u64 ino = d_inode(dentry->d_parent)->i_ino;

		if (!ctx->actor(ctx, "..", 2, ctx->pos, ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	/*
	 * The actor may sleep (it copies to user memory), so each entry is
	 * held and emitted with i_lock dropped; the shared i_rwsem of
	 * iterate_dir() keeps it in the directory meanwhile.
	 */
	for (;;) {
		struct dentry *next = NULL;
		struct inode *inode;
		bool emitted;

		spin_lock(&dir->i_lock);
		p = ctx->pos == 2 ? &dentry->d_subdirs : &cursor->d_child;
		for (p = p->next; p != &dentry->d_subdirs; p = p->next) {
			struct dentry *child = list_entry(p, struct dentry,
							  d_child);

			if (d_listed(child)) {
				next = dget(child);
				break;
			}
		}
		spin_unlock(&dir->i_lock);
		if (!next)
			return 0;
		inode = next->d_inode;
		emitted = ctx->actor(ctx, next->d_name.name, next->d_name.len,
				     ctx->pos, inode->i_ino,
				     mode_to_dtype(inode->i_mode));
		if (emitted) {
			spin_lock(&dir->i_lock);
			list_move(&cursor->d_child, &next->d_child);
			spin_unlock(&dir->i_lock);
			ctx->pos++;
		}
		dput(next);
		if (!emitted)
			return 0;
	}
}

static ssize_t generic_read_dir(struct kiocb *iocb, struct iov_iter *to)
{
	return -EISDIR;
}

/* Memory is all the storage there is: nothing to write back. */
int noop_fsync(struct file *file)
{
	return 0;
}

const struct file_operations simple_dir_operations = {
	.open = dcache_dir_open,
	.release = dcache_dir_close,
	.llseek = dcache_dir_lseek,
	.read_iter = generic_read_dir,
	.iterate_shared = dcache_dir_iterate,
	.fsync = noop_fsync,
};

struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	/* Everything that exists is cached: cache the absence too. */
	d_add(dentry, NULL);
	return NULL;
}

const struct inode_operations simple_dir_inode_operations = {
	.lookup = simple_lookup,
};

bool simple_empty(struct dentry *dentry)
{
	struct inode *dir = d_inode(dentry);
	struct dentry *child;
	bool empty = true;

	if (!dir || !S_ISDIR(dir->i_mode))
		return true;
	spin_lock(&dir->i_lock);
	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		if (d_listed(child)) {
			empty = false;
			break;
		}
	}
	spin_unlock(&dir->i_lock);
	return empty;
}

static void touch_dir(struct inode *dir)
{
	dir->i_mtime = dir->i_ctime = current_time(dir);
}

int simple_link(struct dentry *old, struct inode *dir, struct dentry *new)
{
	struct inode *inode = d_inode(old);

	inode_assert_locked_write(dir);
	inode->i_ctime = current_time(inode);
	touch_dir(dir);
	inc_nlink(inode);
	ihold(inode);
	dget(new);		/* the pin */
	d_instantiate(new, inode);
	return 0;
}

int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);

	inode_assert_locked_write(dir);
	inode->i_ctime = current_time(inode);
	touch_dir(dir);
	drop_nlink(inode);
	dput(dentry);		/* the pin */
	return 0;
}

int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	inode_assert_locked_write(dir);
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(d_inode(dentry));	/* its "." */
	simple_unlink(dir, dentry);
	drop_nlink(dir);		/* its ".." */
	return 0;
}

/* A directory that changes parents moves its ".." link with it. */
static void move_dotdot(struct inode *from, struct inode *to)
{
	if (from != to) {
		drop_nlink(from);
		inc_nlink(to);
	}
}

int simple_rename(struct inode *old_dir, struct dentry *old,
		  struct inode *new_dir, struct dentry *new,
		  unsigned int flags)
{
	bool old_is_dir = S_ISDIR(d_inode(old)->i_mode);

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if (flags & RENAME_EXCHANGE) {
		bool new_is_dir = S_ISDIR(d_inode(new)->i_mode);

		if (old_is_dir && !new_is_dir)
			move_dotdot(old_dir, new_dir);
		else if (!old_is_dir && new_is_dir)
			move_dotdot(new_dir, old_dir);
	} else if (d_inode(new)) {
		if (!simple_empty(new))
			return -ENOTEMPTY;
		if (old_is_dir) {
			drop_nlink(d_inode(new));	/* its "." */
			drop_nlink(old_dir);
		}
		simple_unlink(new_dir, new);
	} else if (old_is_dir) {
		move_dotdot(old_dir, new_dir);
	}
	touch_dir(old_dir);
	touch_dir(new_dir);
	d_inode(old)->i_ctime = current_time(old_dir);
	return 0;
}

int simple_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = dentry->d_sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

const char *simple_get_link(struct dentry *dentry, struct inode *inode,
			    struct delayed_call *done)
{
	return inode->i_private;
}

const struct inode_operations simple_symlink_inode_operations = {
	.get_link = simple_get_link,
	.setattr = simple_setattr,
};

/*
 * Drops the pin of every positive dentry below the root.  Nothing is
 * freed here (unused hashed dentries go to the LRU), so the walk's
 * pointers stay valid; kill_anon_super() then frees them all.  The mount
 * is gone, so nobody else walks the tree.
 */
static void drop_pins(struct dentry *root)
{
	struct dentry *this = root;
	struct list_head *next = root->d_subdirs.next;

	for (;;) {
		while (next != &this->d_subdirs) {
			struct dentry *child;

			child = list_entry(next, struct dentry, d_child);
			next = next->next;
			if (!d_listed(child))
				continue;
			if (!list_empty(&child->d_subdirs)) {
				this = child;
				next = child->d_subdirs.next;
			}
			dput(child);
		}
		if (this == root)
			return;
		next = this->d_child.next;
		this = this->d_parent;
	}
}

void kill_litter_super(struct super_block *sb)
{
	if (sb->s_root)
		drop_pins(sb->s_root);
	kill_anon_super(sb);
}

int simple_fill_root(struct super_block *sb, unsigned long magic,
		     const struct super_operations *sops, umode_t mode,
		     const struct inode_operations *dir_iops)
{
	struct inode *root;

	sb->s_magic = magic;
	sb->s_op = sops;
	root = new_inode(sb);
	if (!root)
		return -ENOMEM;
	root->i_mode = S_IFDIR | mode;
	root->i_op = dir_iops;
	root->i_fop = &simple_dir_operations;
	inc_nlink(root);	/* "." */
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static DEFINE_MUTEX(single_instance_mutex);

struct dentry *single_instance_root(struct file_system_type *fs_type,
				    struct dentry **root, fill_super_t fill)
{
	struct dentry *dentry;

	mutex_lock(&single_instance_mutex);
	dentry = *root;
	if (!dentry) {
		dentry = mount_nodev(fs_type, 0, NULL, fill);
		if (!IS_ERR(dentry))
			*root = dentry;
	}
	mutex_unlock(&single_instance_mutex);
	return dentry;
}

bool simple_name_ok(const char *name, size_t max, struct qstr *q)
{
	size_t len = name ? strlen(name) : 0;

	if (!len || len > max || strchr(name, '/') ||
	    !strcmp(name, ".") || !strcmp(name, ".."))
		return false;
	q->name = name;
	q->len = len;
	q->hash = full_name_hash(name, len);
	return true;
}

struct dentry *simple_new_dentry(struct dentry *parent, const char *name,
				 size_t max)
{
	struct dentry *dentry;
	struct qstr q;

	inode_assert_locked_write(d_inode(parent));
	if (!simple_name_ok(name, max, &q))
		return ERR_PTR(-EINVAL);
	/* A cached negative dentry (someone looked first) is reused. */
	dentry = d_lookup(parent, &q);
	if (dentry) {
		if (!d_inode(dentry))
			return dentry;
		dput(dentry);
		return ERR_PTR(-EEXIST);
	}
	dentry = d_alloc(parent, &q);
	if (!dentry)
		return ERR_PTR(-ENOMEM);
	d_add(dentry, NULL);
	return dentry;
}

struct dentry *mount_single_instance(struct file_system_type *fs_type,
				     struct dentry **root, fill_super_t fill)
{
	struct dentry *dentry = single_instance_root(fs_type, root, fill);

	if (IS_ERR(dentry))
		return dentry;
	atomic_inc(&dentry->d_sb->s_active);
	return dget(dentry);
}

int register_single_instance(struct file_system_type *fs_type,
			     struct dentry **root, fill_super_t fill)
{
	struct dentry *dentry;
	int err;

	err = register_filesystem(fs_type);
	if (err)
		return err;
	dentry = single_instance_root(fs_type, root, fill);
	return IS_ERR(dentry) ? PTR_ERR(dentry) : 0;
}
