// SPDX-License-Identifier: GPL-2.0
/*
 * Path names from user space (Linux's getname() and putname()): a system
 * call copies its path argument into a struct filename once, up to
 * PATH_MAX bytes, and hands the kernel copy to the walk, so a name can
 * neither fault nor change under the walk.  The ksys_*() helpers and
 * in-kernel callers (the initramfs unpacker, tests) take kernel strings.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/namei.h>
#include <keel/slab.h>
#include <keel/uaccess.h>

struct filename *getname_flags(const char __user *filename,
			       unsigned int flags)
{
	struct filename *result;
	long len;

	result = kmalloc(sizeof(*result) + PATH_MAX, GFP_KERNEL);
	if (!result)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(result->iname, filename, PATH_MAX);
	if (len < 0)
		goto fail;
	if (len == PATH_MAX) {
		len = -ENAMETOOLONG;
		goto fail;
	}
	if (!len && !(flags & LOOKUP_EMPTY)) {
		len = -ENOENT;
		goto fail;
	}
	result->name = result->iname;
	result->uptr = filename;
	return result;

fail:
	kfree(result);
	return ERR_PTR(len);
}

struct filename *getname(const char __user *filename)
{
	return getname_flags(filename, 0);
}

struct filename *getname_uflags(const char __user *filename, int uflags)
{
	return getname_flags(filename,
			     uflags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0);
}

/*
 * newfstatat() and statx() take a NULL name with AT_EMPTY_PATH for ""
 * (Linux 6.11's getname_maybe_null(), which returns NULL where this
 * returns an empty name).
 */
struct filename *getname_maybe_null(const char __user *filename, int uflags)
{
	struct filename *result;

	if (filename || !(uflags & AT_EMPTY_PATH))
		return getname_uflags(filename, uflags);
	result = kmalloc(sizeof(*result) + 1, GFP_KERNEL);
	if (!result)
		return ERR_PTR(-ENOMEM);
	result->iname[0] = '\0';
	result->name = result->iname;
	result->uptr = NULL;
	return result;
}

void putname(struct filename *name)
{
	if (!IS_ERR_OR_NULL(name))
		kfree(name);
}
