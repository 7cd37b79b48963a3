// SPDX-License-Identifier: GPL-2.0
/*
 * Unpacks the initramfs into the root ramfs at rootfs_initcall time, as
 * Linux's populate_rootfs() does: the GRUB module named "initramfs" (or
 * the first module) holds cpio newc archives, plain or gzip-compressed
 * (CONFIG_RD_GZIP), concatenated.  lib/cpio.c validates the entries;
 * this file creates them through the ksys_*() calls, so permissions and
 * namespace rules are the VFS's.  A malformed archive stops the unpacking
 * where it goes wrong; what came before it stays.  Also home of rdinit=.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/inflate.h>
#include <keel/init.h>
#include <keel/initramfs.h>
#include <keel/list.h>
#include <keel/param.h>
#include <keel/printk.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/vmalloc.h>
#include <asm/page.h>
#include <asm/setup.h>

struct initramfs_info initramfs_info;

static char rdinit[256] = "/init";

static int rdinit_setup(const char *val)
{
	if (!val || val[0] != '/')
		return -EINVAL;
	if (strscpy(rdinit, val, sizeof(rdinit)) < 0)
		return -E2BIG;
	return 0;
}
kernel_param("rdinit", rdinit_setup);

const char *rdinit_path(void)
{
	return rdinit;
}

/* A regular file seen with nlink > 1: later entries link to it. */
struct hardlink {
	struct list_head list;
	u32 ino, dev_major, dev_minor, mode;
	char path[];
};

/* A directory whose mtime is set last: creating entries changes it. */
struct dir_mtime {
	struct list_head list;
	s64 mtime;
	char path[];
};

struct unpacker {
	const char *root;
	size_t root_len;
	char *path;			/* root + '/' + entry name */
	struct list_head links;
	struct list_head dirs;
};

#define UNPACK_PATH_MAX	(2 * CPIO_NAME_MAX)

/* Builds the absolute path of @name under the root; false if too long. */
static bool make_path(struct unpacker *u, const char *name)
{
	while (*name == '/' || (name[0] == '.' && name[1] == '/'))
		name += *name == '/' ? 1 : 2;
	if (!strcmp(name, "."))
		name = "";
	if (u->root_len + 1 + strlen(name) >= UNPACK_PATH_MAX)
		return false;
	memcpy(u->path, u->root, u->root_len);
	u->path[u->root_len] = '/';
	strscpy(u->path + u->root_len + 1, name,
		UNPACK_PATH_MAX - u->root_len - 1);
	return true;
}

/*
 * Allocates a record whose list_head comes first and whose path is at
 * @path_off, copies @path in and queues it on @head.
 */
static void *remember(struct list_head *head, size_t path_off,
		      const char *path)
{
	size_t len = strlen(path) + 1;
	struct list_head *node = kmalloc(path_off + len, GFP_KERNEL);

	if (!node)
		return NULL;
	memcpy((char *)node + path_off, path, len);
	list_add_tail(node, head);
	return node;
}

static const char *find_link(struct unpacker *u, const struct cpio_entry *e)
{
	struct hardlink *h;

	list_for_each_entry(h, &u->links, list)
		if (h->ino == e->ino && h->dev_major == e->dev_major &&
		    h->dev_minor == e->dev_minor && h->mode == e->mode)
			return h->path;
	h = remember(&u->links, offsetof(struct hardlink, path), u->path);
	if (h) {
		h->ino = e->ino;
		h->dev_major = e->dev_major;
		h->dev_minor = e->dev_minor;
		h->mode = e->mode;
	}
	return NULL;
}

/* An existing entry of another type is removed first, as Linux does. */
static void clean_path(const char *path, umode_t mode)
{
	struct stat st;

	if (ksys_newfstatat(AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW))
		return;
	if (!((st.st_mode ^ mode) & S_IFMT))
		return;
	ksys_unlinkat(AT_FDCWD, path, S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0);
}

static long write_file(struct unpacker *u, const struct cpio_entry *e)
{
	int flags = O_WRONLY | O_CREAT | O_LARGEFILE;
	const char *data = e->data;
	u32 left = e->size;
	long fd, ret = 0;

	if (e->nlink >= 2) {
		const char *old = find_link(u, e);

		if (old) {
			ret = ksys_linkat(AT_FDCWD, old, AT_FDCWD, u->path, 0);
			if (ret)
				return ret;
			/* The data may come with any of the links. */
			flags &= ~O_CREAT;
		}
	}
	if (flags & O_CREAT)
		flags |= O_TRUNC;
	fd = ksys_openat(AT_FDCWD, u->path, flags, e->mode & S_IALLUGO);
	if (fd < 0)
		return fd;
	while (left) {
		ssize_t n = ksys_write(fd, data, left);

		if (n <= 0) {
			ret = n ? n : -EIO;
			break;
		}
		data += n;
		left -= n;
	}
	ksys_close(fd);
	return ret;
}

static long make_symlink(struct unpacker *u, const struct cpio_entry *e)
{
	char *target = kmalloc(e->size + 1, GFP_KERNEL);
	long ret;

	if (!target)
		return -ENOMEM;
	memcpy(target, e->data, e->size);
	target[e->size] = '\0';
	ret = ksys_symlinkat(target, AT_FDCWD, u->path);
	kfree(target);
	return ret;
}

static long create_entry(struct unpacker *u, const struct cpio_entry *e,
			 bool is_root)
{
	umode_t mode = e->mode;
	long ret;

	if (is_root)
		return S_ISDIR(mode) ? 0 : -EEXIST;
	clean_path(u->path, mode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		return write_file(u, e);
	case S_IFDIR:
		ret = ksys_mkdirat(AT_FDCWD, u->path, mode & S_IALLUGO);
		return ret == -EEXIST ? 0 : ret;
	case S_IFLNK:
		return make_symlink(u, e);
	default:
		return ksys_mknodat(AT_FDCWD, u->path, mode,
				    new_encode_dev(MKDEV(e->rdev_major,
							 e->rdev_minor)));
	}
}

static int do_entry(void *priv, const struct cpio_entry *e)
{
	struct unpacker *u = priv;
	struct timespec64 t[2];
	struct dir_mtime *d;
	long ret;

	if (!make_path(u, e->name)) {
		pr_warn("Initramfs: %s: name too long\n", e->name);
		return 0;
	}
	ret = create_entry(u, e, u->path[u->root_len + 1] == '\0');
	if (ret) {
		pr_warn("Initramfs: cannot create %s: %ld\n", u->path, ret);
		return 0;
	}
	ksys_fchownat(AT_FDCWD, u->path, e->uid, e->gid, AT_SYMLINK_NOFOLLOW);
	if (!S_ISLNK(e->mode))
		ksys_fchmodat(AT_FDCWD, u->path, e->mode & S_IALLUGO);
	if (S_ISDIR(e->mode)) {
		d = remember(&u->dirs, offsetof(struct dir_mtime, path),
			     u->path);
		if (d)
			d->mtime = e->mtime;
		return 0;
	}
	t[0].tv_sec = t[1].tv_sec = e->mtime;
	t[0].tv_nsec = t[1].tv_nsec = 0;
	ksys_utimensat(AT_FDCWD, u->path, t, AT_SYMLINK_NOFOLLOW);
	return 0;
}

/* Sets the directories' mtimes, last, and forgets everything. */
static void finish(struct unpacker *u)
{
	struct hardlink *h, *hn;
	struct dir_mtime *d, *dn;

	list_for_each_entry_safe(d, dn, &u->dirs, list) {
		struct timespec64 t[2] = {
			{ .tv_sec = d->mtime }, { .tv_sec = d->mtime },
		};

		ksys_utimensat(AT_FDCWD, d->path, t, 0);
		list_del(&d->list);
		kfree(d);
	}
	list_for_each_entry_safe(h, hn, &u->links, list) {
		list_del(&h->list);
		kfree(h);
	}
}

#ifdef CONFIG_RD_GZIP
/* The decompressed member, in a vmalloc()ed buffer that doubles. */
struct gz_buffer {
	u8 *data;
	size_t len, size;
};

static int gz_flush(void *priv, const void *buf, size_t len)
{
	struct gz_buffer *b = priv;

	if (len > b->size - b->len) {
		size_t size = b->size ? b->size : 64 * 1024;
		u8 *data;

		while (size - b->len < len)
			size *= 2;
		data = vmalloc(size);
		if (!data)
			return -ENOMEM;
		memcpy(data, b->data, b->len);
		vfree(b->data);
		b->data = data;
		b->size = size;
	}
	memcpy(b->data + b->len, buf, len);
	b->len += len;
	return 0;
}

/*
 * Decompresses the gzip member at @buf + @start and unpacks it; returns
 * the bytes of input it used or -errno.  @error's offset counts bytes of
 * @buf for a decompression error, and bytes of the decompressed member
 * for an error in the archive it holds.
 */
static long unpack_gzip(struct unpacker *u, const u8 *buf, size_t start,
			size_t len, struct cpio_error *error)
{
	struct inflate_state *s = vmalloc(sizeof(*s));
	struct gz_buffer out = { NULL, 0, 0 };
	long used, ret;

	if (!s) {
		*error = (struct cpio_error){ "out of memory", start, -ENOMEM };
		return -ENOMEM;
	}
	used = gunzip(s, buf + start, len - start, gz_flush, &out);
	if (used < 0) {
		error->why = s->error;
		error->offset = start + s->error_offset;
		error->err = used;
		ret = used;
		goto out_free;
	}
	ret = cpio_parse(out.data, out.len, do_entry, u, error);
	if (ret >= 0 && ret != out.len) {
		error->why = "junk within compressed archive";
		error->offset = ret;
		error->err = -EINVAL;
		ret = -EINVAL;
	}
	if (ret >= 0)
		ret = used;
out_free:
	vfree(out.data);
	vfree(s);
	return ret;
}
#endif

int unpack_to_rootfs(const void *buf, size_t len, const char *root,
		     struct cpio_error *error)
{
	struct unpacker u = {
		.root = strcmp(root, "/") ? root : "",
		.links = LIST_HEAD_INIT(u.links),
		.dirs = LIST_HEAD_INIT(u.dirs),
	};
	const u8 *p = buf;
	size_t off = 0;
	long ret = 0;

	u.root_len = strlen(u.root);
	u.path = kmalloc(UNPACK_PATH_MAX, GFP_KERNEL);
	if (!u.path)
		return -ENOMEM;
	while (off < len) {
		ret = cpio_parse(p + off, len - off, do_entry, &u, error);
		if (ret < 0) {
			error->offset += off;
			break;
		}
		off += ret;
		if (off == len)
			break;
#ifdef CONFIG_RD_GZIP
		if (is_gzip_magic(p + off, len - off)) {
			ret = unpack_gzip(&u, p, off, len, error);
			if (ret < 0)
				break;
			off += ret;
			continue;
		}
#endif
		ret = -EINVAL;
		*error = (struct cpio_error){ "no cpio magic", off, -EINVAL };
		break;
	}
	finish(&u);
	kfree(u.path);
	return ret < 0 ? ret : 0;
}

/* The module GRUB loaded with "module2 ... initramfs", else the first. */
static const struct boot_module *find_initramfs(void)
{
	unsigned int i;

	for (i = 0; i < boot_info.nr_modules; i++)
		if (!strcmp(boot_info.modules[i].cmdline, "initramfs"))
			return &boot_info.modules[i];
	return boot_info.nr_modules ? &boot_info.modules[0] : NULL;
}

/*
 * The module's memory stays reserved (memblock) after unpacking: it is
 * small, and the in-kernel tests read it again.
 */
static int populate_rootfs(void)
{
	const struct boot_module *mod = find_initramfs();
	struct cpio_error error = { NULL, 0, 0 };

	if (!mod || mod->end <= mod->start)
		return 0;
	initramfs_info.start = __va(mod->start);
	initramfs_info.size = mod->end - mod->start;
	pr_info("Unpacking initramfs...\n");
	initramfs_info.error = unpack_to_rootfs(initramfs_info.start,
						initramfs_info.size, "/",
						&error);
	if (initramfs_info.error)
		pr_emerg("Initramfs unpacking failed: %s at offset %zu\n",
			 error.why, error.offset);
	return 0;
}
rootfs_initcall(populate_rootfs);
