// SPDX-License-Identifier: GPL-2.0
/*
 * The mount tree: vfsmounts, ksys_mount()/ksys_umount(), /proc/mounts'
 * text, d_path() across mounts, and vfs_caches_init(), which mounts
 * ramfs as "/" (Linux's rootfs) and points init_fs at it.  No bind
 * mounts, remounts or lazy unmounts.
 *
 * Locks, outermost first, inside any i_rwsem (fs/namei.c): rename_lock,
 * then mount_lock (the mount list, every mnt_parent and mnt_mountpoint,
 * DCACHE_MOUNTED).
 */
#include <keel/cred.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/fs_struct.h>
#include <keel/namei.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/slab.h>
#include <keel/sprintf.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <asm/page.h>

#include "internal.h"

DEFINE_SPINLOCK(mount_lock);
static LIST_HEAD(mounts);		/* in mount order [mount_lock] */

struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		atomic_inc(&mnt->mnt_count);
	return mnt;
}

void mntput(struct vfsmount *mnt)
{
	if (!mnt || !atomic_dec_and_test(&mnt->mnt_count))
		return;
	dput(mnt->mnt_root);
	deactivate_super(mnt->mnt_sb);
	kfree(mnt->mnt_devname);
	kfree(mnt);
}

void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

int mnt_want_write(struct vfsmount *mnt)
{
	return mnt->mnt_flags & MNT_READONLY ? -EROFS : 0;
}

struct vfsmount *lookup_mnt(struct vfsmount *mnt, struct dentry *dentry)
{
	struct vfsmount *child, *found = NULL;

	spin_lock(&mount_lock);
	list_for_each_entry(child, &mounts, mnt_list) {
		if (child->mnt_parent == mnt &&
		    child->mnt_mountpoint == dentry) {
			found = mntget(child);
			break;
		}
	}
	spin_unlock(&mount_lock);
	return found;
}

static char *dup_name(const char *name)
{
	size_t len = strlen(name) + 1;
	char *copy = kmalloc(len, GFP_KERNEL);

	if (copy)
		memcpy(copy, name, len);
	return copy;
}

static int ms_to_mnt_flags(unsigned long flags)
{
	int mnt_flags = 0;

	if (flags & MS_RDONLY)
		mnt_flags |= MNT_READONLY;
	if (flags & MS_NOSUID)
		mnt_flags |= MNT_NOSUID;
	if (flags & MS_NODEV)
		mnt_flags |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		mnt_flags |= MNT_NOEXEC;
	return mnt_flags;
}

struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data)
{
	struct vfsmount *mnt;
	struct dentry *root;
	int err = -ENOMEM;

	mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);
	if (!mnt)
		return ERR_PTR(-ENOMEM);
	mnt->mnt_devname = dup_name(name ? name : "none");
	if (!mnt->mnt_devname)
		goto free_mnt;
	root = type->mount(type, flags & MS_RDONLY, mnt->mnt_devname, data);
	if (IS_ERR(root)) {
		err = PTR_ERR(root);
		goto free_name;
	}
	mnt->mnt_root = root;
	mnt->mnt_sb = root->d_sb;
	mnt->mnt_flags = ms_to_mnt_flags(flags);
	atomic_set(&mnt->mnt_count, 1);
	INIT_LIST_HEAD(&mnt->mnt_list);
	return mnt;

free_name:
	kfree(mnt->mnt_devname);
free_mnt:
	kfree(mnt);
	return ERR_PTR(err);
}

/* Hangs @mnt on @mountpoint; the tree keeps its references. */
static void attach_mnt(struct vfsmount *mnt, const struct path *mountpoint)
{
	path_get(mountpoint);
	spin_lock(&mount_lock);
	mnt->mnt_parent = mountpoint->mnt;
	mnt->mnt_mountpoint = mountpoint->dentry;
	mountpoint->dentry->d_flags |= DCACHE_MOUNTED;
	list_add_tail(&mnt->mnt_list, &mounts);
	spin_unlock(&mount_lock);
}

static bool is_mountpoint_locked(struct dentry *dentry)
{
	struct vfsmount *mnt;

	assert_spin_locked(&mount_lock);
	list_for_each_entry(mnt, &mounts, mnt_list)
		if (mnt->mnt_mountpoint == dentry)
			return true;
	return false;
}

/* Takes @mnt off the tree and returns the mount point it held. */
static struct path detach_mnt(struct vfsmount *mnt)
{
	struct path mountpoint;

	spin_lock(&mount_lock);
	list_del_init(&mnt->mnt_list);
	mountpoint.mnt = mnt->mnt_parent;
	mountpoint.dentry = mnt->mnt_mountpoint;
	mnt->mnt_parent = NULL;
	mnt->mnt_mountpoint = NULL;
	if (!is_mountpoint_locked(mountpoint.dentry))
		mountpoint.dentry->d_flags &= ~DCACHE_MOUNTED;
	spin_unlock(&mount_lock);
	return mountpoint;
}

#define MS_MGC_VAL	0xC0ED0000UL	/* the old magic in the top bits */
#define MS_MGC_MSK	0xffff0000UL
#define MS_MNT_FLAGS	(MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC)
#define MS_KNOWN	(MS_MNT_FLAGS | MS_SILENT | MS_REMOUNT | MS_BIND)

/*
 * mount(MS_REMOUNT | MS_BIND) sets the per-mount flags of the mount whose
 * root @path is, as Linux's do_reconfigure_mnt(); the super block is not
 * touched.
 */
static int reconfigure_mnt(const struct path *path, unsigned long flags)
{
	struct vfsmount *mnt = path->mnt;

	if (path->dentry != mnt->mnt_root)
		return -EINVAL;
	spin_lock(&mount_lock);
	mnt->mnt_flags = ms_to_mnt_flags(flags);
	spin_unlock(&mount_lock);
	return 0;
}

/* @lookup: LOOKUP_FOLLOW, or 0 not to follow a final symlink. */
static long do_mount(const char *dev_name, const char *dir_name,
		     const char *type, unsigned long flags, void *data,
		     unsigned int lookup)
{
	struct file_system_type *fs_type;
	struct vfsmount *mnt;
	struct path path;
	int err;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & ~MS_KNOWN)
		return -EINVAL;
	/* A super block remount, or a bind mount, is not supported. */
	if (!(flags & MS_REMOUNT) != !(flags & MS_BIND))
		return -EINVAL;
	if (!capable_fowner())
		return -EPERM;
	err = kern_path(dir_name, lookup, &path);
	if (err)
		return err;
	if (flags & MS_REMOUNT) {
		err = reconfigure_mnt(&path, flags);
		goto put_path;
	}
	err = -EINVAL;
	if (!type || !*type)
		goto put_path;
	err = -ENODEV;
	fs_type = get_fs_type(type);
	if (!fs_type)
		goto put_path;
	err = -ENOTDIR;
	if (!S_ISDIR(d_inode(path.dentry)->i_mode))
		goto put_path;
	err = -ENOENT;
	if (d_unhashed(path.dentry) && path.dentry != path.mnt->mnt_root)
		goto put_path;
	mnt = vfs_kern_mount(fs_type, flags, dev_name, data);
	if (IS_ERR(mnt)) {
		err = PTR_ERR(mnt);
		goto put_path;
	}
	attach_mnt(mnt, &path);
	err = 0;
put_path:
	path_put(&path);
	return err;
}

long ksys_mount(const char *dev_name, const char *dir_name,
		const char *type, unsigned long flags, void *data)
{
	return do_mount(dev_name, dir_name, type, flags, data, LOOKUP_FOLLOW);
}

#define MNT_EXPIRE	4
#define UMOUNT_NOFOLLOW	8

long ksys_umount(const char *name, int flags)
{
	struct path path, mountpoint;
	struct vfsmount *mnt;
	int err;

	/* MNT_DETACH (lazy unmount) is not supported. */
	if (flags & ~(MNT_FORCE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (!capable_fowner())
		return -EPERM;
	err = kern_path(name, flags & UMOUNT_NOFOLLOW ? 0 : LOOKUP_FOLLOW,
			&path);
	if (err)
		return err;
	mnt = path.mnt;
	err = -EINVAL;
	if (path.dentry != mnt->mnt_root || !mnt->mnt_parent)
		goto put_path;
	/* The tree's reference and ours: any other (a file, a child mount,
	 * a working directory inside) makes it busy. */
	err = -EBUSY;
	if (atomic_read(&mnt->mnt_count) > 2)
		goto put_path;
	mountpoint = detach_mnt(mnt);
	path_put(&mountpoint);
	mntput(mnt);
	err = 0;
put_path:
	path_put(&path);
	return err;
}

/*
 * mount(2)'s strings (device name, type): NULL stays NULL; a string
 * longer than PATH_MAX is -EINVAL, as Linux's strndup_user().
 */
static char *copy_mount_string(const char __user *data)
{
	long len;
	char *copy;

	if (!data)
		return NULL;
	len = strnlen_user(data, PATH_MAX);
	if (!len)
		return ERR_PTR(-EFAULT);
	if (len > PATH_MAX)
		return ERR_PTR(-EINVAL);
	copy = kmalloc(len, GFP_KERNEL);
	if (!copy)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(copy, data, len)) {
		kfree(copy);
		return ERR_PTR(-EFAULT);
	}
	copy[len - 1] = '\0';
	return copy;
}

/*
 * mount(2)'s data: up to a page, as much of it as is readable (the rest
 * zero), -EFAULT if none is.
 */
static void *copy_mount_options(const void __user *data)
{
	char *copy;

	if (!data)
		return NULL;
	copy = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!copy)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(copy, data, PAGE_SIZE) == PAGE_SIZE) {
		kfree(copy);
		return ERR_PTR(-EFAULT);
	}
	return copy;
}

static void free_mount_arg(void *arg)
{
	if (!IS_ERR(arg))
		kfree(arg);
}

SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name,
		char __user *, type, unsigned long, flags, void __user *, data)
{
	struct filename *dir;
	char *kernel_type, *kernel_dev;
	void *options;
	long ret;

	kernel_type = copy_mount_string(type);
	ret = PTR_ERR(kernel_type);
	if (IS_ERR(kernel_type))
		goto out_type;
	kernel_dev = copy_mount_string(dev_name);
	ret = PTR_ERR(kernel_dev);
	if (IS_ERR(kernel_dev))
		goto out_dev;
	options = copy_mount_options(data);
	ret = PTR_ERR(options);
	if (IS_ERR(options))
		goto out_data;
	dir = getname(dir_name);
	ret = PTR_ERR(dir);
	if (IS_ERR(dir))
		goto out_dir;
	ret = ksys_mount(kernel_dev, dir->name, kernel_type, flags, options);
	putname(dir);
out_dir:
	free_mount_arg(options);
out_data:
	free_mount_arg(kernel_dev);
out_dev:
	free_mount_arg(kernel_type);
out_type:
	return ret;
}

SYSCALL_DEFINE2(umount, char __user *, name, int, flags)
{
	struct filename *kname;
	long ret;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	kname = getname(name);
	if (IS_ERR(kname))
		return PTR_ERR(kname);
	ret = ksys_umount(kname->name, flags);
	putname(kname);
	return ret;
}

static char *prepend(char *p, char *buf, const char *name, size_t len)
{
	if ((size_t)(p - buf) < len)
		return NULL;
	p -= len;
	memcpy(p, name, len);
	return p;
}

/* d_path() with rename_lock and mount_lock held. */
static char *__d_path(const struct path *path, const struct path *root,
		      char *buf, int buflen)
{
	struct vfsmount *mnt = path->mnt;
	struct dentry *dentry = path->dentry;
	char *end = buf + buflen, *p = end;

	p = prepend(p, buf, "", 1);
	while (p && !(dentry == root->dentry && mnt == root->mnt)) {
		if (dentry == mnt->mnt_root) {
			if (!mnt->mnt_parent)
				break;
			dentry = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		p = prepend(p, buf, dentry->d_name.name, dentry->d_name.len);
		if (p)
			p = prepend(p, buf, "/", 1);
		dentry = dentry->d_parent;
	}
	if (p && p == end - 1)
		p = prepend(p, buf, "/", 1);
	return p ? p : ERR_PTR(-ENAMETOOLONG);
}

char *d_path(const struct path *path, char *buf, int buflen)
{
	struct path root;
	char *p;

	get_fs_root(current_fs(), &root);
	spin_lock(&rename_lock);
	spin_lock(&mount_lock);
	p = __d_path(path, &root, buf, buflen);
	spin_unlock(&mount_lock);
	spin_unlock(&rename_lock);
	path_put(&root);
	return p;
}

/* /proc/mounts escapes what would break its fields: space, tab, \n, \. */
static size_t show_escaped(char *buf, size_t size, size_t len, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\\')
			len += snprintf(len < size ? buf + len : NULL,
					len < size ? size - len : 0, "\\%03o",
					(unsigned char)*s);
		else
			len += snprintf(len < size ? buf + len : NULL,
					len < size ? size - len : 0, "%c", *s);
	}
	return len;
}

static size_t show_text(char *buf, size_t size, size_t len, const char *s)
{
	return len + snprintf(len < size ? buf + len : NULL,
			      len < size ? size - len : 0, "%s", s);
}

/*
 * One "<dev> <dir> <type> <options> 0 0" line per mount, in mount order.
 * Returns the length of the whole text, as snprintf() does: @buf holds
 * it if that is less than @size.
 */
int mounts_show(char *buf, size_t size)
{
	struct vfsmount *mnt;
	struct path root;
	size_t len = 0;
	char *pathbuf;

	pathbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!pathbuf)
		return -ENOMEM;
	get_fs_root(current_fs(), &root);
	spin_lock(&rename_lock);
	spin_lock(&mount_lock);
	list_for_each_entry(mnt, &mounts, mnt_list) {
		struct path mnt_path = { mnt, mnt->mnt_root };
		char *dir = __d_path(&mnt_path, &root, pathbuf, PATH_MAX);

		if (IS_ERR(dir))
			continue;
		len = show_escaped(buf, size, len, mnt->mnt_devname);
		len = show_text(buf, size, len, " ");
		len = show_escaped(buf, size, len, dir);
		len = show_text(buf, size, len, " ");
		len = show_escaped(buf, size, len, mnt->mnt_sb->s_type->name);
		len = show_text(buf, size, len,
				mnt->mnt_flags & MNT_READONLY ? " ro" : " rw");
		if (mnt->mnt_flags & MNT_NOSUID)
			len = show_text(buf, size, len, ",nosuid");
		if (mnt->mnt_flags & MNT_NODEV)
			len = show_text(buf, size, len, ",nodev");
		if (mnt->mnt_flags & MNT_NOEXEC)
			len = show_text(buf, size, len, ",noexec");
		len = show_text(buf, size, len, " 0 0\n");
	}
	spin_unlock(&mount_lock);
	spin_unlock(&rename_lock);
	path_put(&root);
	kfree(pathbuf);
	if (!len && size)
		buf[0] = '\0';
	return len;
}

/*
 * The root mount: ramfs, the first entry of the tree, never unmounted.
 * Runs before the initcalls, so ramfs is registered here too.
 */
void vfs_caches_init(void)
{
	struct vfsmount *mnt;
	struct path root;

	dcache_init();
	inode_init();
	if (init_ramfs_fs())
		panic("VFS: cannot register ramfs");
	mnt = vfs_kern_mount(get_fs_type("ramfs"), 0, "none", NULL);
	if (IS_ERR(mnt))
		panic("VFS: Unable to mount root fs: %ld", PTR_ERR(mnt));
	spin_lock(&mount_lock);
	list_add_tail(&mnt->mnt_list, &mounts);
	spin_unlock(&mount_lock);
	root.mnt = mnt;
	root.dentry = mnt->mnt_root;
	set_fs_root(&init_fs, &root);
	set_fs_pwd(&init_fs, &root);
}

int init_mount_at(const char *type, const char *dir, umode_t mode)
{
	long err;

	err = ksys_mkdirat(AT_FDCWD, dir, mode);
	if (err && err != -EEXIST)
		goto fail;
	/* Not through a symlink the initramfs put there (-ENOTDIR). */
	err = do_mount(type, dir, type, 0, NULL, 0);
	if (err)
		goto fail;
	pr_info("%s: mounted on %s\n", type, dir);
	return 0;
fail:
	pr_err("%s: error mounting on %s: %ld\n", type, dir, err);
	return err;
}
