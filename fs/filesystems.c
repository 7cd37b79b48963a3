// SPDX-License-Identifier: GPL-2.0
/*
 * The list of registered file system types: register_filesystem(),
 * get_fs_type() for mount(), and /proc/filesystems' text.  A type is
 * registered once and, in Keel, stays registered while it is mounted
 * (unregister_filesystem() is for types nobody mounted).
 *
 * Lock: file_systems_lock protects the list; it nests inside nothing.
 */
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/sprintf.h>
#include <keel/string.h>

static LIST_HEAD(file_systems);		/* [file_systems_lock] */
static DEFINE_SPINLOCK(file_systems_lock);

/* FS_REQUIRES_DEV is the only fs_flags bit Keel knows (Linux's value). */
#define FS_REQUIRES_DEV	1

static struct file_system_type *find_filesystem(const char *name)
{
	struct file_system_type *fs;

	list_for_each_entry(fs, &file_systems, list)
		if (!strcmp(fs->name, name))
			return fs;
	return NULL;
}

int register_filesystem(struct file_system_type *fs)
{
	int err = 0;

	spin_lock(&file_systems_lock);
	if (find_filesystem(fs->name))
		err = -EBUSY;
	else
		list_add_tail(&fs->list, &file_systems);
	spin_unlock(&file_systems_lock);
	return err;
}

int unregister_filesystem(struct file_system_type *fs)
{
	int err = -EINVAL;

	spin_lock(&file_systems_lock);
	if (find_filesystem(fs->name) == fs) {
		list_del(&fs->list);
		err = 0;
	}
	spin_unlock(&file_systems_lock);
	return err;
}

struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	spin_lock(&file_systems_lock);
	fs = find_filesystem(name);
	spin_unlock(&file_systems_lock);
	return fs;
}

int filesystems_show(char *buf, size_t size)
{
	struct file_system_type *fs;
	size_t len = 0;

	spin_lock(&file_systems_lock);
	list_for_each_entry(fs, &file_systems, list) {
		len += snprintf(len < size ? buf + len : NULL,
				len < size ? size - len : 0, "%s\t%s\n",
				fs->fs_flags & FS_REQUIRES_DEV ? "" : "nodev",
				fs->name);
	}
	spin_unlock(&file_systems_lock);
	if (!len && size)
		buf[0] = '\0';
	return len;
}
