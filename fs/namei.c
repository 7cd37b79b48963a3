// SPDX-License-Identifier: GPL-2.0
/*
 * Path walk and the namespace operations: turning "a/../b/c" into a
 * (mount, dentry) pair through the dentry cache, mount points and up to
 * MAXSYMLINKS symlinks, with a search-permission check on every directory
 * walked; then mkdir, mknod, unlink, rmdir, rename, link, symlink,
 * readlink, chdir, getcwd and open()'s lookup, with Linux's error codes.
 * The splitting of names is fs/path_component.c.
 *
 * Without a scheduler one task runs here at a time and no interrupt
 * handler enters the VFS, so a directory operation needs no sleeping lock
 * around it (Linux's i_rwsem); the dentry cache and mount table take
 * their own spinlocks.  The walk holds a reference on every path it uses.
 */
#include <keel/cred.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/fs_struct.h>
#include <keel/namei.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>

#include "internal.h"

struct nameidata {
	struct path path;		/* where the walk is: a directory */
	struct path root;		/* "/" and where ".." stops */
	unsigned int flags;		/* LOOKUP_BENEATH */
	struct qstr last;		/* the final component */
	int last_type;			/* LAST_* */
	bool last_slash;		/* the final component had a '/' after it */
	int total_links;		/* symlinks followed */
	/* Every symlink followed, held until the end: the names point in. */
	struct path links[MAXSYMLINKS];
	struct delayed_call link_done[MAXSYMLINKS];	/* each body's release */
	const char *link_body;		/* the last one picked */
};

static bool d_is_dir(const struct dentry *dentry)
{
	return d_inode(dentry) && S_ISDIR(d_inode(dentry)->i_mode);
}

static bool d_is_symlink(const struct dentry *dentry)
{
	return d_inode(dentry) && S_ISLNK(d_inode(dentry)->i_mode);
}

static bool d_mountpoint(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_MOUNTED;
}

/*
 * Owner, group, then other bits.  Root passes every check except
 * executing a file no one may execute.
 */
int inode_permission(struct inode *inode, int mask)
{
	const struct cred *cred = current_cred();
	umode_t mode = inode->i_mode;

	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (cred->fsuid == inode->i_uid)
		mode >>= 6;
	else if (cred->fsgid == inode->i_gid)
		mode >>= 3;
	if (!(mask & ~mode & 7))
		return 0;
	if (cred->fsuid == 0 &&
	    (!(mask & MAY_EXEC) || S_ISDIR(inode->i_mode) ||
	     (inode->i_mode & (S_IXUSR | S_IXGRP | S_IXOTH))))
		return 0;
	return -EACCES;
}

/*
 * With LOOKUP_BENEATH (Linux's, openat2()'s RESOLVE_BENEATH) the walk's
 * root is where it starts, and anything that would leave it, an absolute
 * name or symlink or a ".." above it, is -EXDEV.
 */
static int nd_init(struct nameidata *nd, int dfd, const char *name,
		   unsigned int flags)
{
	long len = path_name_len(name);

	memset(nd, 0, sizeof(*nd));
	nd->flags = flags;
	if (len < 0)
		return len;
	if ((flags & LOOKUP_BENEATH) && name[0] == '/')
		return -EXDEV;
	get_fs_root(current_fs(), &nd->root);
	if (name[0] == '/') {
		nd->path = nd->root;
		path_get(&nd->path);
	} else if (dfd == AT_FDCWD) {
		get_fs_pwd(current_fs(), &nd->path);
	} else {
		struct file *file = fget(dfd);

		if (!file)
			return -EBADF;
		nd->path = file->f_path;
		path_get(&nd->path);
		fput(file);
		if (!d_is_dir(nd->path.dentry))
			return -ENOTDIR;
	}
	if (flags & LOOKUP_BENEATH) {
		path_put(&nd->root);
		nd->root = nd->path;
		path_get(&nd->root);
	}
	return 0;
}

static void nd_release(struct nameidata *nd)
{
	int i;

	if (nd->path.dentry)
		path_put(&nd->path);
	if (nd->root.dentry)
		path_put(&nd->root);
	for (i = 0; i < nd->total_links && i < MAXSYMLINKS; i++) {
		do_delayed_call(&nd->link_done[i]);
		path_put(&nd->links[i]);
	}
}

/* Moves @path past everything mounted on it, to the topmost root. */
static void follow_mounts(struct path *path)
{
	while (d_mountpoint(path->dentry)) {
		struct vfsmount *child = lookup_mnt(path->mnt, path->dentry);

		if (!child)
			return;
		dput(path->dentry);
		mntput(path->mnt);
		path->mnt = child;
		path->dentry = dget(child->mnt_root);
	}
}

static void nd_move_to(struct nameidata *nd, struct vfsmount *mnt,
		       struct dentry *dentry)
{
	struct path old = nd->path;

	nd->path.mnt = mntget(mnt);
	nd->path.dentry = dget(dentry);
	path_put(&old);
}

/*
 * "..": never above the root (-EXDEV beneath it), and across a mount to
 * its mount point.
 */
static int follow_dotdot(struct nameidata *nd)
{
	for (;;) {
		struct path *p = &nd->path;

		if (path_equal(p, &nd->root)) {
			if (nd->flags & LOOKUP_BENEATH)
				return -EXDEV;
			break;
		}
		if (p->dentry != p->mnt->mnt_root) {
			nd_move_to(nd, p->mnt, p->dentry->d_parent);
			break;
		}
		if (!p->mnt->mnt_parent)
			break;
		nd_move_to(nd, p->mnt->mnt_parent, p->mnt->mnt_mountpoint);
	}
	follow_mounts(&nd->path);
	return 0;
}

/*
 * The dentry for @name in @parent, cached or looked up, positive or
 * negative, with a reference.
 */
static struct dentry *lookup_one(struct dentry *parent, struct qstr *name)
{
	struct inode *dir = d_inode(parent);
	struct dentry *dentry, *found;

	if (name->len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	dentry = d_lookup(parent, name);
	if (dentry)
		return dentry;
	if (!dir->i_op || !dir->i_op->lookup)
		return ERR_PTR(-ENOTDIR);
	/* A directory being removed gets no new names. */
	if (!dir->i_nlink)
		return ERR_PTR(-ENOENT);
	dentry = d_alloc(parent, name);
	if (!dentry)
		return ERR_PTR(-ENOMEM);
	found = dir->i_op->lookup(dir, dentry);
	if (found) {
		/* An error, or the file system had a dentry already. */
		dput(dentry);
		return found;
	}
	return dentry;
}

/*
 * Picks the symlink @link to follow: the walk continues at the directory
 * it is in (nd->path) or at the root, with nd->link_body.  Returns 1.
 */
static int pick_link(struct nameidata *nd, struct path *link)
{
	struct inode *inode = d_inode(link->dentry);
	const char *body;

	if (nd->total_links >= MAXSYMLINKS) {
		path_put(link);
		return -ELOOP;
	}
	nd->links[nd->total_links] = *link;
	body = inode->i_op->get_link(link->dentry, inode,
				     &nd->link_done[nd->total_links++]);
	if (IS_ERR(body))
		return PTR_ERR(body);
	if (*body == '/') {
		if (nd->flags & LOOKUP_BENEATH)
			return -EXDEV;
		nd_move_to(nd, nd->root.mnt, nd->root.dentry);
	}
	nd->link_body = body;
	return 1;
}

/*
 * Steps from nd->path into the component @name of @type.  Returns 0 when
 * nd->path is the result, 1 when it is a symlink to follow (pick_link()),
 * or -errno; a name that does not exist is -ENOENT.
 */
static int walk_component(struct nameidata *nd, struct qstr *name, int type,
			  bool follow)
{
	struct path next;
	struct dentry *dentry;

	if (type == LAST_DOT)
		return 0;
	if (type == LAST_DOTDOT)
		return follow_dotdot(nd);
	dentry = lookup_one(nd->path.dentry, name);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	if (!d_inode(dentry)) {
		dput(dentry);
		return -ENOENT;
	}
	next.mnt = mntget(nd->path.mnt);
	next.dentry = dentry;
	follow_mounts(&next);
	if (follow && d_is_symlink(next.dentry))
		return pick_link(nd, &next);
	path_put(&nd->path);
	nd->path = next;
	return 0;
}

static int may_lookup(struct nameidata *nd)
{
	return inode_permission(d_inode(nd->path.dentry), MAY_EXEC);
}

/*
 * Walks @name up to its final component: nd->path is then the directory
 * that should hold it, and nd->last, last_type and last_slash describe it.
 * Symlinks in between are followed, their bodies walked in place with
 * what remains of the outer names kept on a stack.
 */
static int link_path_walk(const char *name, struct nameidata *nd)
{
	const char *rest[MAXSYMLINKS];
	int depth = 0;

	while (*name == '/')
		name++;
	if (!*name) {
		nd->last_type = LAST_ROOT;
		nd->last.len = 0;
		return 0;
	}
	for (;;) {
		const char *comp = name;
		struct qstr this;
		unsigned int len;
		bool slash;
		int type, err;

		err = may_lookup(nd);
		if (err)
			return err;
		type = path_next_component(&name, &len, &slash);
		if (type < 0)
			return type;
		this.name = comp;
		this.len = len;
		this.hash = full_name_hash(comp, len);
		if (!*name) {
			if (!depth) {
				nd->last = this;
				nd->last_type = type;
				nd->last_slash = slash;
				return 0;
			}
			/* A symlink body ended: back to the name it was in. */
			name = rest[--depth];
		}
		err = walk_component(nd, &this, type, true);
		if (err < 0)
			return err;
		if (err > 0) {
			const char *body = nd->link_body;

			while (*body == '/')
				body++;
			if (*body) {
				rest[depth++] = name;
				name = body;
				continue;
			}
		}
		if (!d_is_dir(nd->path.dentry))
			return -ENOTDIR;
	}
}

/*
 * Resolves the final component into nd->path, following a final symlink
 * if @follow (or a trailing slash asks for a directory).
 */
static int lookup_last(struct nameidata *nd, bool follow, bool *want_dir)
{
	for (;;) {
		int err;

		*want_dir |= nd->last_slash;
		if (nd->last_type == LAST_ROOT)
			return 0;
		err = walk_component(nd, &nd->last, nd->last_type,
				     follow || *want_dir);
		if (err <= 0)
			return err;
		err = link_path_walk(nd->link_body, nd);
		if (err)
			return err;
	}
}

static int path_lookupat(int dfd, const char *name, unsigned int flags,
			 struct path *path)
{
	bool want_dir = flags & LOOKUP_DIRECTORY;
	struct nameidata nd;
	int err;

	err = nd_init(&nd, dfd, name, flags & LOOKUP_BENEATH);
	if (!err)
		err = link_path_walk(name, &nd);
	if (!err)
		err = lookup_last(&nd, flags & LOOKUP_FOLLOW, &want_dir);
	if (!err && want_dir && !d_is_dir(nd.path.dentry))
		err = -ENOTDIR;
	if (!err) {
		*path = nd.path;
		nd.path.dentry = NULL;
	}
	nd_release(&nd);
	return err;
}

int vfs_path_lookup(int dfd, const char *name, unsigned int flags,
		    struct path *path)
{
	return path_lookupat(dfd, name, flags, path);
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	return path_lookupat(AT_FDCWD, name, flags, path);
}

/* Walks to the parent of @name's final component (nd->last). */
static int path_parentat(int dfd, const char *name, unsigned int flags,
			 struct nameidata *nd)
{
	int err = nd_init(nd, dfd, name, flags);

	if (!err)
		err = link_path_walk(name, nd);
	return err;
}

static int may_create(struct path *dir)
{
	struct inode *inode = d_inode(dir->dentry);
	int err;

	if (!inode->i_nlink)
		return -ENOENT;
	err = inode_permission(inode, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	return mnt_want_write(dir->mnt);
}

/*
 * May @victim be removed from @dir?  Write and search permission on the
 * directory, the sticky bit's owner rule, and the type the caller wants.
 */
static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	const struct cred *cred = current_cred();
	struct inode *inode = d_inode(victim);
	int err;

	if (!inode)
		return -ENOENT;
	err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	if ((dir->i_mode & S_ISVTX) && cred->fsuid &&
	    cred->fsuid != inode->i_uid && cred->fsuid != dir->i_uid)
		return -EPERM;
	if (isdir && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (!isdir && S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (d_mountpoint(victim))
		return -EBUSY;
	return 0;
}

/*
 * The dentry a create at @name would fill, negative, with nd holding its
 * parent.  @is_dir allows a trailing slash.
 */
static struct dentry *filename_create(int dfd, const char *name,
				      struct nameidata *nd, bool is_dir)
{
	struct dentry *dentry;
	int err;

	err = path_parentat(dfd, name, 0, nd);
	if (err)
		return ERR_PTR(err);
	if (nd->last_type != LAST_NORM)
		return ERR_PTR(-EEXIST);
	err = mnt_want_write(nd->path.mnt);
	if (err)
		return ERR_PTR(err);
	dentry = lookup_one(nd->path.dentry, &nd->last);
	if (IS_ERR(dentry))
		return dentry;
	err = -EEXIST;
	if (d_inode(dentry))
		goto put_dentry;
	err = -ENOENT;
	if (nd->last_slash && !is_dir)
		goto put_dentry;
	err = may_create(&nd->path);
	if (err)
		goto put_dentry;
	return dentry;

put_dentry:
	dput(dentry);
	return ERR_PTR(err);
}

static int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	if (!dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry,
				 (mode & S_IALLUGO & ~current_umask()) | S_IFREG);
}

long ksys_mkdirat(int dfd, const char *pathname, umode_t mode)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	long err;

	dentry = filename_create(dfd, pathname, &nd, true);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto release;
	}
	dir = d_inode(nd.path.dentry);
	err = -EPERM;
	if (dir->i_op->mkdir)
		err = dir->i_op->mkdir(dir, dentry,
				       mode & (S_IRWXU | S_IRWXG | S_IRWXO | S_ISVTX) &
				       ~current_umask());
	dput(dentry);
release:
	nd_release(&nd);
	return err;
}

long ksys_mknodat(int dfd, const char *filename, umode_t mode,
		  unsigned int dev)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	long err;

	switch (mode & S_IFMT) {
	case 0:
	case S_IFREG:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFCHR:
	case S_IFBLK:
		if (current_cred()->fsuid)
			return -EPERM;
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	dentry = filename_create(dfd, filename, &nd, false);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto release;
	}
	dir = d_inode(nd.path.dentry);
	if ((mode & S_IFMT) == 0 || S_ISREG(mode)) {
		err = vfs_create(dir, dentry, mode);
	} else if (!dir->i_op->mknod) {
		err = -EPERM;
	} else {
		umode_t perm = mode & S_IALLUGO & ~current_umask();

		err = dir->i_op->mknod(dir, dentry, (mode & S_IFMT) | perm,
				       new_decode_dev(dev));
	}
	dput(dentry);
release:
	nd_release(&nd);
	return err;
}

long ksys_symlinkat(const char *target, int newdfd, const char *linkpath)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	long err;

	err = path_name_len(target);
	if (err < 0)
		return err;
	dentry = filename_create(newdfd, linkpath, &nd, false);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto release;
	}
	dir = d_inode(nd.path.dentry);
	err = -EPERM;
	if (dir->i_op->symlink)
		err = dir->i_op->symlink(dir, dentry, target);
	dput(dentry);
release:
	nd_release(&nd);
	return err;
}

long ksys_linkat(int olddfd, const char *oldname, int newdfd,
		 const char *newname, int flags)
{
	struct nameidata nd;
	struct path old;
	struct dentry *dentry;
	struct inode *dir, *inode;
	long err;

	if (flags & ~AT_SYMLINK_FOLLOW)
		return -EINVAL;
	err = vfs_path_lookup(olddfd, oldname,
			      flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0,
			      &old);
	if (err)
		return err;
	dentry = filename_create(newdfd, newname, &nd, false);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto release;
	}
	dir = d_inode(nd.path.dentry);
	inode = d_inode(old.dentry);
	if (nd.path.mnt != old.mnt)
		err = -EXDEV;
	else if (S_ISDIR(inode->i_mode))
		err = -EPERM;
	else if (!inode->i_nlink)
		err = -ENOENT;
	else if (!dir->i_op->link)
		err = -EPERM;
	else
		err = dir->i_op->link(old.dentry, dir, dentry);
	dput(dentry);
release:
	nd_release(&nd);
	path_put(&old);
	return err;
}

static long do_rmdir(int dfd, const char *pathname)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	long err;

	err = path_parentat(dfd, pathname, 0, &nd);
	if (err)
		goto release;
	switch (nd.last_type) {
	case LAST_DOTDOT:
		err = -ENOTEMPTY;
		goto release;
	case LAST_DOT:
		err = -EINVAL;
		goto release;
	case LAST_ROOT:
		err = -EBUSY;
		goto release;
	}
	err = mnt_want_write(nd.path.mnt);
	if (err)
		goto release;
	dentry = lookup_one(nd.path.dentry, &nd.last);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto release;
	}
	dir = d_inode(nd.path.dentry);
	err = may_delete(dir, dentry, true);
	if (!err && !dir->i_op->rmdir)
		err = -EPERM;
	if (!err)
		err = dir->i_op->rmdir(dir, dentry);
	if (!err)
		d_delete(dentry);
	dput(dentry);
release:
	nd_release(&nd);
	return err;
}

static long do_unlinkat(int dfd, const char *pathname)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	long err;

	err = path_parentat(dfd, pathname, 0, &nd);
	if (err)
		goto release;
	err = -EISDIR;
	if (nd.last_type != LAST_NORM)
		goto release;
	err = mnt_want_write(nd.path.mnt);
	if (err)
		goto release;
	dentry = lookup_one(nd.path.dentry, &nd.last);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto release;
	}
	dir = d_inode(nd.path.dentry);
	if (nd.last_slash && d_inode(dentry))
		err = d_is_dir(dentry) ? -EISDIR : -ENOTDIR;
	else
		err = may_delete(dir, dentry, false);
	if (!err && !dir->i_op->unlink)
		err = -EPERM;
	if (!err)
		err = dir->i_op->unlink(dir, dentry);
	if (!err)
		d_delete(dentry);
	dput(dentry);
release:
	nd_release(&nd);
	return err;
}

long ksys_unlinkat(int dfd, const char *pathname, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	if (flags & AT_REMOVEDIR)
		return do_rmdir(dfd, pathname);
	return do_unlinkat(dfd, pathname);
}

/* Is @dentry @ancestor or below it (in one super block)? */
static bool is_subdir(struct dentry *dentry, struct dentry *ancestor)
{
	bool found = false;

	spin_lock(&rename_lock);
	for (;;) {
		if (dentry == ancestor) {
			found = true;
			break;
		}
		if (dentry->d_parent == dentry)
			break;
		dentry = dentry->d_parent;
	}
	spin_unlock(&rename_lock);
	return found;
}

static int vfs_rename(struct inode *old_dir, struct dentry *old,
		      struct inode *new_dir, struct dentry *new,
		      unsigned int flags)
{
	bool is_dir = d_is_dir(old);
	int err;

	/* Two names of one inode (or one name twice): POSIX says do nothing. */
	if (d_inode(old) == d_inode(new))
		return 0;
	err = may_delete(old_dir, old, is_dir);
	if (err)
		return err;
	if (!d_inode(new))
		err = inode_permission(new_dir, MAY_WRITE | MAY_EXEC);
	else if (flags & RENAME_EXCHANGE)
		err = may_delete(new_dir, new, d_is_dir(new));
	else
		err = may_delete(new_dir, new, is_dir);
	if (err)
		return err;
	/* A directory that moves rewrites its "..": it must be writable. */
	if (is_dir && old_dir != new_dir) {
		err = inode_permission(d_inode(old), MAY_WRITE);
		if (err)
			return err;
	}
	if (!old_dir->i_op->rename)
		return -EPERM;
	err = old_dir->i_op->rename(old_dir, old, new_dir, new, flags);
	if (err)
		return err;
	if (flags & RENAME_EXCHANGE)
		d_exchange(old, new);
	else
		d_move(old, new);
	return 0;
}

long ksys_renameat2(int olddfd, const char *oldname, int newdfd,
		    const char *newname, unsigned int flags)
{
	struct nameidata old_nd, new_nd;
	struct dentry *old, *new;
	long err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	err = path_parentat(olddfd, oldname, 0, &old_nd);
	if (err)
		goto release_old;
	err = path_parentat(newdfd, newname, 0, &new_nd);
	if (err)
		goto release_new;
	err = -EXDEV;
	if (old_nd.path.mnt != new_nd.path.mnt)
		goto release_new;
	err = -EBUSY;
	if (old_nd.last_type != LAST_NORM)
		goto release_new;
	if (new_nd.last_type != LAST_NORM) {
		err = flags & RENAME_NOREPLACE ? -EEXIST : -EBUSY;
		goto release_new;
	}
	err = mnt_want_write(old_nd.path.mnt);
	if (err)
		goto release_new;
	old = lookup_one(old_nd.path.dentry, &old_nd.last);
	if (IS_ERR(old)) {
		err = PTR_ERR(old);
		goto release_new;
	}
	err = -ENOENT;
	if (!d_inode(old))
		goto put_old;
	new = lookup_one(new_nd.path.dentry, &new_nd.last);
	if (IS_ERR(new)) {
		err = PTR_ERR(new);
		goto put_old;
	}
	err = -EEXIST;
	if ((flags & RENAME_NOREPLACE) && d_inode(new))
		goto put_new;
	err = -ENOENT;
	if ((flags & RENAME_EXCHANGE) && !d_inode(new))
		goto put_new;
	err = -ENOTDIR;
	if (!d_is_dir(old) && (old_nd.last_slash ||
	    (!(flags & RENAME_EXCHANGE) && new_nd.last_slash)))
		goto put_new;
	if ((flags & RENAME_EXCHANGE) && !d_is_dir(new) && new_nd.last_slash)
		goto put_new;
	/* A directory cannot move into itself; nor be replaced by a child. */
	err = -EINVAL;
	if (is_subdir(new_nd.path.dentry, old))
		goto put_new;
	err = flags & RENAME_EXCHANGE ? -EINVAL : -ENOTEMPTY;
	if (is_subdir(old_nd.path.dentry, new))
		goto put_new;
	err = vfs_rename(d_inode(old_nd.path.dentry), old,
			 d_inode(new_nd.path.dentry), new, flags);
put_new:
	dput(new);
put_old:
	dput(old);
release_new:
	nd_release(&new_nd);
release_old:
	nd_release(&old_nd);
	return err;
}

long ksys_readlinkat(int dfd, const char *path, char *buf, int bufsiz)
{
	struct path link;
	struct inode *inode;
	DEFINE_DELAYED_CALL(done);
	const char *body;
	long err, len;

	if (bufsiz <= 0)
		return -EINVAL;
	err = vfs_path_lookup(dfd, path, 0, &link);
	if (err)
		return err;
	inode = d_inode(link.dentry);
	err = -EINVAL;
	if (!S_ISLNK(inode->i_mode) || !inode->i_op->get_link)
		goto put_link;
	body = inode->i_op->get_link(link.dentry, inode, &done);
	if (IS_ERR(body)) {
		err = PTR_ERR(body);
		goto put_link;
	}
	len = strlen(body);
	if (len > bufsiz)
		len = bufsiz;
	memcpy(buf, body, len);
	do_delayed_call(&done);
	err = len;
put_link:
	path_put(&link);
	return err;
}

long ksys_chdir(const char *filename)
{
	struct path path;
	long err;

	err = kern_path(filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	if (err)
		return err;
	err = inode_permission(d_inode(path.dentry), MAY_EXEC);
	if (!err)
		set_fs_pwd(current_fs(), &path);
	path_put(&path);
	return err;
}

/* The working directory's name with its NUL; its length, as Linux. */
long ksys_getcwd(char *buf, unsigned long size)
{
	struct path pwd;
	char *page, *cwd;
	long len;

	page = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	get_fs_pwd(current_fs(), &pwd);
	len = -ENOENT;
	if (d_unhashed(pwd.dentry) && pwd.dentry != pwd.mnt->mnt_root)
		goto put_pwd;
	cwd = d_path(&pwd, page, PATH_MAX);
	if (IS_ERR(cwd)) {
		len = PTR_ERR(cwd);
		goto put_pwd;
	}
	len = page + PATH_MAX - cwd;
	if ((unsigned long)len > size)
		len = -ERANGE;
	else
		memcpy(buf, cwd, len);
put_pwd:
	path_put(&pwd);
	kfree(page);
	return len;
}

/* The permissions an open with @flags needs (Linux's ACC_MODE). */
static int open_access_mask(int flags)
{
	static const int acc[4] = {
		MAY_READ, MAY_WRITE, MAY_READ | MAY_WRITE, MAY_READ | MAY_WRITE,
	};
	int mask = acc[flags & O_ACCMODE];

	if (flags & O_TRUNC)
		mask |= MAY_WRITE;
	return mask;
}

/* The checks between finding @path and opening it (Linux's may_open()). */
static int may_open(struct path *path, int flags, bool created)
{
	struct inode *inode = d_inode(path->dentry);
	int mask = open_access_mask(flags);
	int err;

	if (S_ISLNK(inode->i_mode))
		return -ELOOP;
	if (S_ISDIR(inode->i_mode) && (mask & MAY_WRITE))
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (!inode->i_fop)
		return -ENXIO;
	if (created)
		return 0;
	err = inode_permission(inode, mask);
	if (err)
		return err;
	if ((mask & MAY_WRITE) && (S_ISREG(inode->i_mode) ||
				   S_ISDIR(inode->i_mode)))
		return mnt_want_write(path->mnt);
	return 0;
}

/*
 * O_CREAT's last step: the final component in nd->path, created if
 * missing.  A final symlink is followed (and its target created) unless
 * O_EXCL or O_NOFOLLOW says otherwise.  Returns 1 if the file was created.
 */
static int open_create(struct nameidata *nd, int flags, umode_t mode,
		       struct path *path)
{
	for (;;) {
		struct dentry *dentry;
		int err;

		if (nd->last_type != LAST_NORM || nd->last_slash)
			return -EISDIR;
		dentry = lookup_one(nd->path.dentry, &nd->last);
		if (IS_ERR(dentry))
			return PTR_ERR(dentry);
		if (!d_inode(dentry)) {
			err = may_create(&nd->path);
			if (!err)
				err = vfs_create(d_inode(nd->path.dentry),
						 dentry, mode);
			if (err) {
				dput(dentry);
				return err;
			}
			path->mnt = mntget(nd->path.mnt);
			path->dentry = dentry;
			return 1;
		}
		if (flags & O_EXCL) {
			dput(dentry);
			return -EEXIST;
		}
		path->mnt = mntget(nd->path.mnt);
		path->dentry = dentry;
		follow_mounts(path);
		if (!d_is_symlink(path->dentry) || (flags & O_NOFOLLOW))
			return 0;
		err = pick_link(nd, path);
		if (err < 0)
			return err;
		err = link_path_walk(nd->link_body, nd);
		if (err)
			return err;
	}
}

struct file *do_filp_open(int dfd, const char *name, int flags, umode_t mode,
			  unsigned int lookup_flags)
{
	struct nameidata nd;
	struct path path = {};
	struct file *file;
	bool created = false;
	int err;

	if ((flags & O_CREAT) && (flags & O_DIRECTORY))
		return ERR_PTR(-EINVAL);
	err = path_parentat(dfd, name, lookup_flags & LOOKUP_BENEATH, &nd);
	if (err)
		goto release;
	if (flags & O_CREAT) {
		err = open_create(&nd, flags, mode, &path);
		if (err < 0)
			goto release;
		created = err;
		err = -EISDIR;
		if (d_is_dir(path.dentry))
			goto put_path;
	} else {
		bool want_dir = flags & O_DIRECTORY;

		err = lookup_last(&nd, !(flags & O_NOFOLLOW), &want_dir);
		if (err)
			goto release;
		path = nd.path;
		nd.path.dentry = NULL;
		err = -ENOTDIR;
		if (want_dir && !d_is_dir(path.dentry))
			goto put_path;
	}
	err = may_open(&path, flags, created);
	if (err)
		goto put_path;
	file = alloc_file(&path, flags, d_inode(path.dentry)->i_fop);
	if (IS_ERR(file)) {
		err = PTR_ERR(file);
		goto put_path;
	}
	if ((flags & O_TRUNC) && !created && S_ISREG(d_inode(path.dentry)->i_mode)) {
		err = do_truncate(path.dentry, 0);
		if (err) {
			fput(file);
			goto put_path;
		}
	}
	path_put(&path);
	nd_release(&nd);
	return file;

put_path:
	if (path.dentry)
		path_put(&path);
release:
	nd_release(&nd);
	return ERR_PTR(err);
}
