// SPDX-License-Identifier: GPL-2.0
/*
 * Path walk and the namespace operations: turning "a/../b/c" into a
 * (mount, dentry) pair through the dentry cache, mount points and up to
 * MAXSYMLINKS symlinks, with a search-permission check on every directory
 * walked; then mkdir, mknod, unlink, rmdir, rename, link, symlink,
 * readlink, chdir, getcwd and open()'s lookup, with Linux's error codes.
 * The splitting of names is fs/path_component.c.  The walk holds a
 * reference on every path it uses.
 *
 * Lock order, outermost first (Linux's; Documentation/filesystems/vfs.rst):
 *   sb->s_vfs_rename_mutex     a rename between two directories
 *   dir->i_rwsem               a directory's names: shared to look one up
 *                              that is not in the dcache, exclusive to
 *                              create, remove or rename one; of two
 *                              directories, an ancestor before its
 *                              descendant, else the rename's target
 *                              parent first (lock_rename())
 *   inode->i_rwsem             the inode a name is removed from, replaced
 *                              or linked to; two of them in address order
 *   the spinlocks              rename_lock, then a directory's i_lock
 *                              and dcache_lock (fs/dcache.c), or
 *                              mount_lock (fs/namespace.c); an inode's
 *                              i_lock for its counters, innermost
 * The vfs_*() operations want the parent held exclusive by their caller
 * and take the victim's own lock.  Nothing sleeps under a spinlock.
 */
#include <keel/cred.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/fs_struct.h>
#include <keel/kernel.h>
#include <keel/namei.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>

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
		struct file *file = fget_raw(dfd);

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
 * negative, with a reference; @parent's i_rwsem is held, shared or
 * exclusive (Linux's lookup_one_qstr_excl() and __lookup_slow()).
 */
static struct dentry *__lookup_hash(const struct qstr *name,
				    struct dentry *parent)
{
	struct inode *dir = d_inode(parent);
	struct dentry *dentry, *found;

	inode_assert_locked(dir);
	if (name->len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	dentry = d_lookup_valid(parent, name);
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
 * The dentry for the @len bytes of @name, one component, in @base, whose
 * i_rwsem the caller holds (Linux's lookup_one_len()).
 */
struct dentry *lookup_one_len(const char *name, struct dentry *base, int len)
{
	struct qstr this = { .name = name, .len = len };
	int err;

	if (len <= 0 || (len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.') ||
	    memchr(name, '/', len))
		return ERR_PTR(-EACCES);
	err = inode_permission(d_inode(base), MAY_EXEC);
	if (err)
		return ERR_PTR(err);
	this.hash = full_name_hash(name, len);
	return __lookup_hash(&this, base);
}

/* The walk's lookup: the dcache, else the file system under i_rwsem shared. */
static struct dentry *lookup_slow(const struct qstr *name,
				  struct dentry *parent)
{
	struct inode *dir = d_inode(parent);
	struct dentry *dentry;

	if (name->len <= NAME_MAX) {
		dentry = d_lookup_valid(parent, name);
		if (dentry)
			return dentry;
	}
	inode_lock_shared(dir);
	dentry = __lookup_hash(name, parent);
	inode_unlock_shared(dir);
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
	dentry = lookup_slow(name, nd->path.dentry);
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

/* Look @filename up from @dfd, or take @dfd itself for AT_EMPTY_PATH "". */
int path_at(int dfd, const char *filename, int flags, struct path *path)
{
	struct file *file;

	if (!filename[0] && (flags & AT_EMPTY_PATH) && dfd != AT_FDCWD) {
		file = fget_raw(dfd);
		if (!file)
			return -EBADF;
		*path = file->f_path;
		path_get(path);
		fput(file);
		return 0;
	}
	if (!filename[0] && (flags & AT_EMPTY_PATH))
		filename = ".";
	return vfs_path_lookup(dfd, filename,
			       flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW,
			       path);
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

/* May @child, a negative dentry, be created in @dir? */
static int may_create(struct inode *dir, struct dentry *child)
{
	if (d_inode(child))
		return -EEXIST;
	if (!dir->i_nlink)
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
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
 * parent and the parent's i_rwsem held: done_path_create() drops both.
 * @is_dir allows a trailing slash.
 */
static struct dentry *filename_create(int dfd, const char *name,
				      struct nameidata *nd, bool is_dir)
{
	struct dentry *dentry;
	struct inode *dir;
	int err;

	err = path_parentat(dfd, name, 0, nd);
	if (err)
		return ERR_PTR(err);
	if (nd->last_type != LAST_NORM)
		return ERR_PTR(-EEXIST);
	err = mnt_want_write(nd->path.mnt);
	if (err)
		return ERR_PTR(err);
	dir = d_inode(nd->path.dentry);
	inode_lock_nested(dir, I_MUTEX_PARENT);
	dentry = __lookup_hash(&nd->last, nd->path.dentry);
	if (IS_ERR(dentry))
		goto unlock;
	err = -EEXIST;
	if (d_inode(dentry))
		goto put_dentry;
	err = -ENOENT;
	if (nd->last_slash && !is_dir)
		goto put_dentry;
	return dentry;

put_dentry:
	dput(dentry);
	dentry = ERR_PTR(err);
unlock:
	inode_unlock(dir);
	return dentry;
}

static void done_path_create(struct nameidata *nd, struct dentry *dentry)
{
	dput(dentry);
	inode_unlock(d_inode(nd->path.dentry));
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode,
	       bool want_excl)
{
	int err;

	inode_assert_locked_write(dir);
	err = may_create(dir, dentry);
	if (err)
		return err;
	if (!dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry, (mode & S_IALLUGO) | S_IFREG);
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err;

	inode_assert_locked_write(dir);
	err = may_create(dir, dentry);
	if (err)
		return err;
	if (!dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode & (S_IRWXU | S_IRWXG | S_IRWXO | S_ISVTX));
}

/* Device nodes need root (Linux's CAP_MKNOD). */
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode,
	      dev_t dev)
{
	int err;

	inode_assert_locked_write(dir);
	err = may_create(dir, dentry);
	if (err)
		return err;
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && current_cred()->fsuid)
		return -EPERM;
	if (!dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname)
{
	int err;

	inode_assert_locked_write(dir);
	err = may_create(dir, dentry);
	if (err)
		return err;
	if (!dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, oldname);
}

/* The linked inode's own i_rwsem keeps its i_nlink from reaching 0. */
int vfs_link(struct dentry *old_dentry, struct inode *dir,
	     struct dentry *new_dentry)
{
	struct inode *inode = d_inode(old_dentry);
	int err;

	inode_assert_locked_write(dir);
	if (!inode)
		return -ENOENT;
	err = may_create(dir, new_dentry);
	if (err)
		return err;
	if (dir->i_sb != inode->i_sb)
		return -EXDEV;
	if (!dir->i_op->link || S_ISDIR(inode->i_mode))
		return -EPERM;
	inode_lock(inode);
	if (!inode->i_nlink)
		err = -ENOENT;
	else
		err = dir->i_op->link(old_dentry, dir, new_dentry);
	inode_unlock(inode);
	return err;
}

long ksys_mkdirat(int dfd, const char *pathname, umode_t mode)
{
	struct nameidata nd;
	struct dentry *dentry;
	long err;

	dentry = filename_create(dfd, pathname, &nd, true);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto release;
	}
	err = vfs_mkdir(d_inode(nd.path.dentry), dentry,
			mode & ~current_umask());
	done_path_create(&nd, dentry);
release:
	nd_release(&nd);
	return err;
}

/* The file types mknod() makes: mkdir() makes directories (-EPERM). */
static int may_mknod(umode_t mode)
{
	switch (mode & S_IFMT) {
	case 0:
	case S_IFREG:
	case S_IFIFO:
	case S_IFSOCK:
	case S_IFCHR:
	case S_IFBLK:
		return 0;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
}

long ksys_mknodat(int dfd, const char *filename, umode_t mode,
		  unsigned int dev)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	long err;

	err = may_mknod(mode);
	if (err)
		return err;
	dentry = filename_create(dfd, filename, &nd, false);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto release;
	}
	dir = d_inode(nd.path.dentry);
	mode = (mode & S_IFMT) | (mode & S_IALLUGO & ~current_umask());
	if ((mode & S_IFMT) == 0 || S_ISREG(mode))
		err = vfs_create(dir, dentry, mode, true);
	else
		err = vfs_mknod(dir, dentry, mode, new_decode_dev(dev));
	done_path_create(&nd, dentry);
release:
	nd_release(&nd);
	return err;
}

long ksys_symlinkat(const char *target, int newdfd, const char *linkpath)
{
	struct nameidata nd;
	struct dentry *dentry;
	long err;

	err = path_name_len(target);
	if (err < 0)
		return err;
	dentry = filename_create(newdfd, linkpath, &nd, false);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto release;
	}
	err = vfs_symlink(d_inode(nd.path.dentry), dentry, target);
	done_path_create(&nd, dentry);
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
	long err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	/* Linking a file by its descriptor takes CAP_DAC_READ_SEARCH. */
	if (!capable_fowner())
		flags &= ~AT_EMPTY_PATH;
	err = path_at(olddfd, oldname, (flags & AT_EMPTY_PATH) |
		      (flags & AT_SYMLINK_FOLLOW ? 0 : AT_SYMLINK_NOFOLLOW),
		      &old);
	if (err)
		return err;
	dentry = filename_create(newdfd, newname, &nd, false);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto release;
	}
	if (nd.path.mnt != old.mnt)
		err = -EXDEV;
	else
		err = vfs_link(old.dentry, d_inode(nd.path.dentry), dentry);
	done_path_create(&nd, dentry);
release:
	nd_release(&nd);
	path_put(&old);
	return err;
}

/*
 * Removes @victim from @dir, whose i_rwsem the caller holds exclusive,
 * with the victim's own held around the file system's call.
 */
static int vfs_remove(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = d_inode(victim);
	int err;

	inode_assert_locked_write(dir);
	err = may_delete(dir, victim, isdir);
	if (err)
		return err;
	if (isdir ? !dir->i_op->rmdir : !dir->i_op->unlink)
		return -EPERM;
	inode_lock(inode);
	err = isdir ? dir->i_op->rmdir(dir, victim) :
		      dir->i_op->unlink(dir, victim);
	inode_unlock(inode);
	if (!err)
		d_delete(victim);
	return err;
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	return vfs_remove(dir, dentry, true);
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	return vfs_remove(dir, dentry, false);
}

/* rmdir()'s error for a final "..", "." or "/"; unlink()'s is -EISDIR. */
static int rmdir_last_type_error(int last_type)
{
	switch (last_type) {
	case LAST_DOTDOT:
		return -ENOTEMPTY;
	case LAST_DOT:
		return -EINVAL;
	default:
		return -EBUSY;
	}
}

/* Linux's do_rmdir() and do_unlinkat(), which differ only in errors. */
static long do_remove(int dfd, const char *pathname, bool isdir)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	long err;

	err = path_parentat(dfd, pathname, 0, &nd);
	if (err)
		goto release;
	if (nd.last_type != LAST_NORM) {
		err = isdir ? rmdir_last_type_error(nd.last_type) : -EISDIR;
		goto release;
	}
	err = mnt_want_write(nd.path.mnt);
	if (err)
		goto release;
	dir = d_inode(nd.path.dentry);
	inode_lock_nested(dir, I_MUTEX_PARENT);
	dentry = __lookup_hash(&nd.last, nd.path.dentry);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto unlock;
	}
	if (!isdir && nd.last_slash && d_inode(dentry))
		err = d_is_dir(dentry) ? -EISDIR : -ENOTDIR;
	else
		err = vfs_remove(dir, dentry, isdir);
	dput(dentry);
unlock:
	inode_unlock(dir);
release:
	nd_release(&nd);
	return err;
}

long ksys_unlinkat(int dfd, const char *pathname, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_remove(dfd, pathname, flags & AT_REMOVEDIR);
}

/*
 * The child of @p1 that @p2 is or is below, if @p1 is an ancestor of @p2
 * (in one super block); else NULL.  Linux's d_ancestor().
 */
static struct dentry *d_ancestor(struct dentry *p1, struct dentry *p2)
{
	struct dentry *found = NULL;

	spin_lock(&rename_lock);
	for (; p2->d_parent != p2; p2 = p2->d_parent) {
		if (p2->d_parent == p1) {
			found = p2;
			break;
		}
	}
	spin_unlock(&rename_lock);
	return found;
}

/*
 * Locks the parents of a rename, @p1 the target's and @p2 the source's
 * (Linux's lock_rename()): one lock if they are one directory; else,
 * under s_vfs_rename_mutex, an ancestor before its descendant, or @p1
 * before @p2 if neither is.  Returns the ancestor's child on the way to
 * the other (the "trap" a rename must not move or replace), or NULL.
 */
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2)
{
	struct dentry *trap;

	if (p1 == p2) {
		inode_lock_nested(d_inode(p1), I_MUTEX_PARENT);
		return NULL;
	}
	mutex_lock(&p1->d_sb->s_vfs_rename_mutex);
	trap = d_ancestor(p2, p1);
	if (trap) {
		inode_lock_nested(d_inode(p2), I_MUTEX_PARENT);
		inode_lock_nested(d_inode(p1), I_MUTEX_CHILD);
		return trap;
	}
	trap = d_ancestor(p1, p2);
	inode_lock_nested(d_inode(p1), I_MUTEX_PARENT);
	inode_lock_nested(d_inode(p2), trap ? I_MUTEX_CHILD : I_MUTEX_PARENT2);
	return trap;
}

void unlock_rename(struct dentry *p1, struct dentry *p2)
{
	inode_unlock(d_inode(p1));
	if (p1 != p2) {
		inode_unlock(d_inode(p2));
		mutex_unlock(&p1->d_sb->s_vfs_rename_mutex);
	}
}

/* Two inodes (either may be NULL or both the same) in address order. */
static void lock_two_inodes(struct inode *a, struct inode *b)
{
	if (a > b) {
		struct inode *t = a;

		a = b;
		b = t;
	}
	if (a)
		inode_lock(a);
	if (b && b != a)
		inode_lock_nested(b, I_MUTEX_NONDIR2);
}

static void unlock_two_inodes(struct inode *a, struct inode *b)
{
	if (a)
		inode_unlock(a);
	if (b && b != a)
		inode_unlock(b);
}

/* Both parents are held through lock_rename(). */
int vfs_rename(struct inode *old_dir, struct dentry *old,
	       struct inode *new_dir, struct dentry *new, unsigned int flags)
{
	struct inode *source = d_inode(old), *target = d_inode(new);
	bool is_dir = d_is_dir(old);
	int err;

	inode_assert_locked_write(old_dir);
	inode_assert_locked_write(new_dir);
	/* Two names of one inode (or one name twice): POSIX says do nothing. */
	if (source == target)
		return 0;
	err = may_delete(old_dir, old, is_dir);
	if (err)
		return err;
	if (!target)
		err = may_create(new_dir, new);
	else if (flags & RENAME_EXCHANGE)
		err = may_delete(new_dir, new, d_is_dir(new));
	else
		err = may_delete(new_dir, new, is_dir);
	if (err)
		return err;
	/* A directory that moves rewrites its "..": it must be writable. */
	if (is_dir && old_dir != new_dir) {
		err = inode_permission(source, MAY_WRITE);
		if (err)
			return err;
	}
	if (!old_dir->i_op->rename)
		return -EPERM;
	/* A moving directory's own lock is not needed: its ".." is ours. */
	lock_two_inodes(is_dir && !(flags & RENAME_EXCHANGE) ? NULL : source,
			target);
	err = old_dir->i_op->rename(old_dir, old, new_dir, new, flags);
	unlock_two_inodes(is_dir && !(flags & RENAME_EXCHANGE) ? NULL : source,
			  target);
	if (err)
		return err;
	if (flags & RENAME_EXCHANGE)
		d_exchange(old, new);
	else
		d_move(old, new);
	return 0;
}

/* renameat2()'s flags: -EINVAL for others, or for both at once. */
static int check_rename_flags(unsigned int flags)
{
	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	return 0;
}

long ksys_renameat2(int olddfd, const char *oldname, int newdfd,
		    const char *newname, unsigned int flags)
{
	struct nameidata old_nd, new_nd;
	struct dentry *old, *new, *trap;
	long err;

	err = check_rename_flags(flags);
	if (err)
		return err;
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
	trap = lock_rename(new_nd.path.dentry, old_nd.path.dentry);
	old = __lookup_hash(&old_nd.last, old_nd.path.dentry);
	if (IS_ERR(old)) {
		err = PTR_ERR(old);
		goto unlock;
	}
	err = -ENOENT;
	if (!d_inode(old))
		goto put_old;
	new = __lookup_hash(&new_nd.last, new_nd.path.dentry);
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
	if (old == trap)
		goto put_new;
	err = flags & RENAME_EXCHANGE ? -EINVAL : -ENOTEMPTY;
	if (new == trap)
		goto put_new;
	err = vfs_rename(d_inode(old_nd.path.dentry), old,
			 d_inode(new_nd.path.dentry), new, flags);
put_new:
	dput(new);
put_old:
	dput(old);
unlock:
	unlock_rename(new_nd.path.dentry, old_nd.path.dentry);
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

/*
 * The system calls over the helpers above: each copies its path names in
 * with getname() and the results out with copy_to_user().
 */
SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename,
		umode_t, mode, unsigned int, dev)
{
	struct filename *name;
	long err;

	err = may_mknod(mode);
	if (err)
		return err;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_mknodat(dfd, name->name, mode, dev);
	putname(name);
	return err;
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	return __do_sys_mknodat(AT_FDCWD, filename, mode, dev);
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname,
		umode_t, mode)
{
	struct filename *name = getname(pathname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_mkdirat(dfd, name->name, mode);
	putname(name);
	return err;
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return __do_sys_mkdirat(AT_FDCWD, pathname, mode);
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	struct filename *name;
	long err;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_unlinkat(dfd, name->name, flag);
	putname(name);
	return err;
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return __do_sys_unlinkat(AT_FDCWD, pathname, 0);
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return __do_sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

/* Both names of a two-name call, or -errno with neither held. */
static int getname_pair(const char __user *uold, int old_flags,
			const char __user *unew, struct filename **old,
			struct filename **new)
{
	*new = NULL;
	*old = getname_uflags(uold, old_flags);
	if (IS_ERR(*old))
		return PTR_ERR(*old);
	*new = getname(unew);
	if (IS_ERR(*new)) {
		putname(*old);
		return PTR_ERR(*new);
	}
	return 0;
}

static void putname_pair(struct filename *old, struct filename *new)
{
	putname(new);
	putname(old);
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	struct filename *from, *to;
	long err;

	err = getname_pair(oldname, 0, newname, &from, &to);
	if (err)
		return err;
	err = ksys_symlinkat(from->name, newdfd, to->name);
	putname_pair(from, to);
	return err;
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname,
		const char __user *, newname)
{
	return __do_sys_symlinkat(oldname, AT_FDCWD, newname);
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname,
		int, newdfd, const char __user *, newname, int, flags)
{
	struct filename *from, *to;
	long err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = getname_pair(oldname, flags, newname, &from, &to);
	if (err)
		return err;
	err = ksys_linkat(olddfd, from->name, newdfd, to->name, flags);
	putname_pair(from, to);
	return err;
}

SYSCALL_DEFINE2(link, const char __user *, oldname,
		const char __user *, newname)
{
	return __do_sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname,
		int, newdfd, const char __user *, newname, unsigned int, flags)
{
	struct filename *from, *to;
	long err;

	err = check_rename_flags(flags);
	if (!err)
		err = getname_pair(oldname, 0, newname, &from, &to);
	if (err)
		return err;
	err = ksys_renameat2(olddfd, from->name, newdfd, to->name, flags);
	putname_pair(from, to);
	return err;
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname,
		int, newdfd, const char __user *, newname)
{
	return __do_sys_renameat2(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname,
		const char __user *, newname)
{
	return __do_sys_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/* Through a kernel copy of at most PATH_MAX bytes: no link is longer. */
SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname,
		char __user *, buf, int, bufsiz)
{
	struct filename *name;
	char *kbuf;
	long len;

	if (bufsiz <= 0)
		return -EINVAL;
	name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	kbuf = kmalloc(min(bufsiz, PATH_MAX), GFP_KERNEL);
	len = -ENOMEM;
	if (!kbuf)
		goto put_name;
	len = ksys_readlinkat(dfd, name->name, kbuf, min(bufsiz, PATH_MAX));
	if (len > 0 && copy_to_user(buf, kbuf, len))
		len = -EFAULT;
	kfree(kbuf);
put_name:
	putname(name);
	return len;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf,
		int, bufsiz)
{
	return __do_sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct filename *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = ksys_chdir(name->name);
	putname(name);
	return err;
}

SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *kbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!kbuf)
		return -ENOMEM;
	len = ksys_getcwd(kbuf, min(size, (unsigned long)PATH_MAX));
	if (len > 0 && copy_to_user(buf, kbuf, len))
		len = -EFAULT;
	kfree(kbuf);
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
		struct inode *dir;
		int err;

		if (nd->last_type != LAST_NORM || nd->last_slash)
			return -EISDIR;
		dir = d_inode(nd->path.dentry);
		inode_lock(dir);
		dentry = __lookup_hash(&nd->last, nd->path.dentry);
		if (IS_ERR(dentry)) {
			inode_unlock(dir);
			return PTR_ERR(dentry);
		}
		if (!d_inode(dentry)) {
			err = mnt_want_write(nd->path.mnt);
			if (!err)
				err = vfs_create(dir, dentry,
						 mode & ~current_umask(),
						 flags & O_EXCL);
			inode_unlock(dir);
			if (err) {
				dput(dentry);
				return err;
			}
			path->mnt = mntget(nd->path.mnt);
			path->dentry = dentry;
			return 1;
		}
		inode_unlock(dir);
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

/* An O_PATH file's operations: none. */
static const struct file_operations empty_fops = {};

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
	/* O_PATH names the place: no access checks, no ->open, no I/O. */
	if (flags & O_PATH) {
		file = alloc_file(&path, flags, &empty_fops);
		if (IS_ERR(file)) {
			err = PTR_ERR(file);
			goto put_path;
		}
		path_put(&path);
		nd_release(&nd);
		return file;
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
