// SPDX-License-Identifier: GPL-2.0
/*
 * Unpacks the initramfs into the root ramfs at rootfs_initcall time, as
 * Linux's populate_rootfs() does: the GRUB module named "initramfs" (or
 * the first module) holds cpio newc archives, plain or gzip-compressed
 * (CONFIG_RD_GZIP), concatenated.  They stream through lib/cpio.c (a
 * gzip member inflated into it 32 KiB at a time), which validates the
 * entries; this file creates them through the ksys_*() calls, so
 * permissions and namespace rules are the VFS's.  A malformed archive
 * stops the unpacking where it goes wrong; what came before it stays, a
 * file it stopped in is removed.  Also home of rdinit=.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/inflate.h>
#include <keel/init.h>
#include <keel/initramfs.h>
#include <keel/kernel.h>
#include <keel/list.h>
#include <keel/param.h>
#include <keel/printk.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/vmalloc.h>
#include <asm/page.h>

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

/* A regular file created with nlink > 1: later entries link to it. */
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

/*
 * Everything unpacking needs besides the inflate state: about 12 KiB,
 * however large the archive.  Paths are relative to the root, which is
 * held open as rootfd; below any root but "/" every lookup is
 * RESOLVE_BENEATH, so that no symlink in the archive leads out of it.
 */
struct unpacker {
	long rootfd;
	u64 resolve;
	char path[CPIO_NAME_MAX];	/* the entry's, relative */
	long fd;			/* the regular file being written */
	u32 written;
	struct list_head links;
	struct list_head dirs;
	bool cpio_failed;		/* the error is the cpio stream's */
	struct cpio_stream cpio;
};

/* Makes @name relative to the root in u->path; false if too long. */
static bool make_path(struct unpacker *u, const char *name)
{
	size_t len;

	while (*name == '/' || (name[0] == '.' && name[1] == '/'))
		name += *name == '/' ? 1 : 2;
	if (!strcmp(name, "."))
		name = "";
	if (strscpy(u->path, name, sizeof(u->path)) < 0)
		return false;
	len = strlen(u->path);
	while (len && u->path[len - 1] == '/')
		u->path[--len] = '\0';
	return true;
}

/*
 * Opens the directory holding @path (relative to the root, not empty) and
 * points *@base at its last component.  Returns the directory's fd, which
 * may be u->rootfd (not to be closed: see put_parent()), or -errno.
 */
static long open_parent(struct unpacker *u, char *path, const char **base)
{
	struct open_how how = {
		.flags = O_RDONLY | O_DIRECTORY, .resolve = u->resolve,
	};
	char *slash = strrchr(path, '/');
	long fd;

	if (!slash) {
		*base = path;
		return u->rootfd;
	}
	*slash = '\0';
	fd = ksys_openat2(u->rootfd, path, &how);
	*slash = '/';
	*base = slash + 1;
	return fd;
}

static void put_parent(struct unpacker *u, long dirfd)
{
	if (dirfd != u->rootfd)
		ksys_close(dirfd);
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

static struct hardlink *find_link(struct unpacker *u,
				  const struct cpio_entry *e)
{
	struct hardlink *h;

	list_for_each_entry(h, &u->links, list)
		if (h->ino == e->ino && h->dev_major == e->dev_major &&
		    h->dev_minor == e->dev_minor && h->mode == e->mode)
			return h;
	return NULL;
}

/* Only a name that was created is remembered for the later links. */
static void remember_link(struct unpacker *u, const struct cpio_entry *e)
{
	struct hardlink *h = remember(&u->links,
				      offsetof(struct hardlink, path),
				      u->path);

	if (h) {
		h->ino = e->ino;
		h->dev_major = e->dev_major;
		h->dev_minor = e->dev_minor;
		h->mode = e->mode;
	}
}

/* Links @dirfd/@base to the earlier name @h; 0 or -errno. */
static long link_to(struct unpacker *u, struct hardlink *h, long dirfd,
		    const char *base)
{
	const char *old_base;
	long old_dirfd = open_parent(u, h->path, &old_base);
	long ret;

	if (old_dirfd < 0)
		return old_dirfd;
	ret = ksys_linkat(old_dirfd, old_base, dirfd, base, 0);
	put_parent(u, old_dirfd);
	return ret;
}

/* An existing entry of another type is removed first, as Linux does. */
static void clean_path(long dirfd, const char *base, umode_t mode)
{
	struct stat st;

	if (ksys_newfstatat(dirfd, base, &st, AT_SYMLINK_NOFOLLOW))
		return;
	if (!((st.st_mode ^ mode) & S_IFMT))
		return;
	ksys_unlinkat(dirfd, base, S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0);
}

/*
 * Opens the regular file for its data in u->fd: a new file, or another
 * name of a hard-linked one (the data may come with any of the names).
 * If linking to the earlier name fails, this name becomes a file of its
 * own and the one later names link to.
 */
static long open_file(struct unpacker *u, const struct cpio_entry *e,
		      long dirfd, const char *base)
{
	struct hardlink *h = e->nlink >= 2 ? find_link(u, e) : NULL;
	int flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW;
	long fd;

	if (h && !link_to(u, h, dirfd, base))
		flags &= ~(O_CREAT | O_TRUNC);
	fd = ksys_openat(dirfd, base, flags, e->mode & S_IALLUGO);
	if (fd < 0)
		return fd;
	if (e->nlink >= 2 && (flags & O_CREAT)) {
		if (h) {
			list_del(&h->list);
			kfree(h);
		}
		remember_link(u, e);
	}
	u->fd = fd;
	u->written = 0;
	return 0;
}

static long create_entry(struct unpacker *u, const struct cpio_entry *e,
			 long dirfd, const char *base)
{
	umode_t mode = e->mode;
	long ret;

	clean_path(dirfd, base, mode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		return open_file(u, e, dirfd, base);
	case S_IFDIR:
		ret = ksys_mkdirat(dirfd, base, mode & S_IALLUGO);
		return ret == -EEXIST ? 0 : ret;
	case S_IFLNK:
		return ksys_symlinkat(e->data, dirfd, base);
	default:
		return ksys_mknodat(dirfd, base, mode,
				    new_encode_dev(MKDEV(e->rdev_major,
							 e->rdev_minor)));
	}
}

/*
 * printk() keeps LOG_LINE_MAX bytes of a line: the error goes before the
 * path, which may be PATH_MAX long.
 */
static void entry_warn(const char *what, long err, const char *path)
{
	pr_warn("Initramfs: %s (%ld): /%s\n", what, err, path);
}

static int do_entry(void *priv, const struct cpio_entry *e)
{
	struct unpacker *u = priv;
	struct timespec64 t[2];
	const char *base;
	struct dir_mtime *d;
	long dirfd, ret;

	u->fd = -1;
	if (!make_path(u, e->name)) {
		pr_warn("Initramfs: name too long, skipped: %.200s...\n",
			e->name);
		return 0;
	}
	if (!u->path[0]) {
		/* The root itself: it is a directory already. */
		if (!S_ISDIR(e->mode)) {
			entry_warn("cannot create", -EEXIST, u->path);
			return 0;
		}
		dirfd = u->rootfd;
		base = ".";
		ret = 0;
	} else {
		dirfd = open_parent(u, u->path, &base);
		ret = dirfd < 0 ? dirfd : create_entry(u, e, dirfd, base);
	}
	if (ret) {
		entry_warn("cannot create", ret, u->path);
		goto out;
	}
	ksys_fchownat(dirfd, base, e->uid, e->gid, AT_SYMLINK_NOFOLLOW);
	if (!S_ISLNK(e->mode))
		ksys_fchmodat(dirfd, base, e->mode & S_IALLUGO);
	if (S_ISDIR(e->mode)) {
		d = remember(&u->dirs, offsetof(struct dir_mtime, path),
			     u->path);
		if (d)
			d->mtime = e->mtime;
	} else if (!S_ISREG(e->mode)) {
		t[0].tv_sec = t[1].tv_sec = e->mtime;
		t[0].tv_nsec = t[1].tv_nsec = 0;
		ksys_utimensat(dirfd, base, t, AT_SYMLINK_NOFOLLOW);
	}
out:
	if (dirfd >= 0)
		put_parent(u, dirfd);
	return 0;
}

/*
 * A regular file that cannot be completed is removed, and the log says
 * so: no truncated file is left behind silently.
 */
static void drop_file(struct unpacker *u, const char *why, long err)
{
	const char *base;
	long dirfd;

	ksys_close(u->fd);
	u->fd = -1;
	pr_warn("Initramfs: %s (%ld) after %u of %u bytes, removed: /%s\n",
		why, err, u->written, u->cpio.e.size, u->path);
	dirfd = open_parent(u, u->path, &base);
	if (dirfd < 0)
		return;
	ksys_unlinkat(dirfd, base, 0);
	put_parent(u, dirfd);
}

/* The data is kernel memory: kernel_write() at the offset reached so far. */
static int do_data(void *priv, const void *buf, size_t len)
{
	struct unpacker *u = priv;
	const char *p = buf;

	while (u->fd >= 0 && len) {
		struct file *file = fget(u->fd);
		loff_t pos = u->written;
		ssize_t n = -EBADF;

		if (file) {
			n = kernel_write(file, p, len, &pos);
			fput(file);
		}
		if (n <= 0) {
			/* Out of memory, most likely: the rest won't fit. */
			drop_file(u, "write error", n ? n : -EIO);
			return n ? n : -EIO;
		}
		p += n;
		len -= n;
		u->written += n;
	}
	return 0;
}

static int do_end(void *priv, const struct cpio_entry *e)
{
	struct unpacker *u = priv;
	struct timespec64 t[2] = {
		{ .tv_sec = e->mtime }, { .tv_sec = e->mtime },
	};

	if (u->fd < 0)
		return 0;
	/* futimens(): Linux sets a file's mtime once its data is in. */
	ksys_utimensat(u->fd, NULL, t, 0);
	ksys_close(u->fd);
	u->fd = -1;
	return 0;
}

static void do_skip(void *priv, const struct cpio_entry *e, const char *why)
{
	pr_warn("Initramfs: %s, skipped: %.200s\n", why, e->name);
}

static const struct cpio_ops unpack_ops = {
	.entry = do_entry,
	.data = do_data,
	.end = do_end,
	.skip = do_skip,
};

/* Sets the directories' mtimes, last, and forgets everything. */
static void finish(struct unpacker *u)
{
	struct hardlink *h, *hn;
	struct dir_mtime *d, *dn;

	if (u->fd >= 0)
		drop_file(u, "unpacking stopped in the file", -EINVAL);
	list_for_each_entry_safe(d, dn, &u->dirs, list) {
		struct timespec64 t[2] = {
			{ .tv_sec = d->mtime }, { .tv_sec = d->mtime },
		};
		const char *base = ".";
		long dirfd = d->path[0] ? open_parent(u, d->path, &base) :
					  u->rootfd;

		if (dirfd >= 0) {
			ksys_utimensat(dirfd, base, t, AT_SYMLINK_NOFOLLOW);
			put_parent(u, dirfd);
		}
		list_del(&d->list);
		kfree(d);
	}
	list_for_each_entry_safe(h, hn, &u->links, list) {
		list_del(&h->list);
		kfree(h);
	}
}

/* Compression methods Linux knows, by their magic (lib/decompress.c). */
static const struct {
	u8 magic[6];
	u8 len;
	const char *why;
} methods[] = {
	{ { 0x1f, 0x8b }, 2, "compression method gzip not configured" },
	{ { 0x1f, 0x9e }, 2, "compression method gzip not configured" },
	{ { 'B', 'Z', 'h' }, 3, "compression method bzip2 not configured" },
	{ { 0x5d, 0x00, 0x00 }, 3, "compression method lzma not configured" },
	{ { 0xfd, '7', 'z', 'X', 'Z', 0x00 }, 6,
	  "compression method xz not configured" },
	{ { 0x89, 'L', 'Z', 'O' }, 4, "compression method lzo not configured" },
	{ { 0x02, 0x21, 0x4c, 0x18 }, 4,
	  "compression method lz4 not configured" },
	{ { 0x28, 0xb5, 0x2f, 0xfd }, 4,
	  "compression method zstd not configured" },
};

/* Why data that is not cpio cannot be unpacked. */
static const char *not_cpio(const u8 *p, size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(methods); i++)
		if (len >= methods[i].len &&
		    !memcmp(p, methods[i].magic, methods[i].len))
			return methods[i].why;
	return "no cpio magic";
}

#ifdef CONFIG_RD_GZIP
/* The decompressed data goes straight into the cpio stream. */
static int gz_flush(void *priv, const void *buf, size_t len)
{
	struct unpacker *u = priv;
	long ret = cpio_write(&u->cpio, buf, len);

	if (ret >= 0 && (size_t)ret < len) {
		u->cpio.error->why = "junk within compressed archive";
		u->cpio.error->offset = u->cpio.pos;
		u->cpio.error->err = -EINVAL;
		ret = -EINVAL;
	}
	if (ret < 0) {
		u->cpio_failed = true;
		return ret;
	}
	return 0;
}

/*
 * Decompresses the gzip member at @buf + @start into the cpio stream, in
 * pieces of at most INFLATE_WINDOW bytes; returns the bytes of input it
 * used or -errno.  @error's offset counts bytes of @buf for a
 * decompression error, and bytes of the decompressed member for an error
 * in the archive it holds.
 */
static long unpack_gzip(struct unpacker *u, const u8 *buf, size_t start,
			size_t len, struct cpio_error *error)
{
	struct inflate_state *s = vmalloc(sizeof(*s));
	long used;

	if (!s) {
		*error = (struct cpio_error){ "out of memory", start, -ENOMEM };
		return -ENOMEM;
	}
	cpio_init(&u->cpio, &unpack_ops, u, error);
	u->cpio_failed = false;
	used = gunzip(s, buf + start, len - start, gz_flush, u);
	if (used < 0 && !u->cpio_failed) {
		error->why = s->error;
		error->offset = start + s->error_offset;
		error->err = used;
	}
	if (used >= 0 && cpio_finish(&u->cpio))
		used = error->err;
	vfree(s);
	return used;
}
#endif

int unpack_to_rootfs(const void *buf, size_t len, const char *root,
		     struct cpio_error *error)
{
	struct unpacker *u = vmalloc(sizeof(*u));
	const u8 *p = buf;
	size_t off = 0;
	long ret = 0;

	if (!u) {
		*error = (struct cpio_error){ "out of memory", 0, -ENOMEM };
		return -ENOMEM;
	}
	INIT_LIST_HEAD(&u->links);
	INIT_LIST_HEAD(&u->dirs);
	u->fd = -1;
	u->resolve = strcmp(root, "/") ? RESOLVE_BENEATH : 0;
	u->rootfd = ksys_openat(AT_FDCWD, root, O_RDONLY | O_DIRECTORY, 0);
	if (u->rootfd < 0) {
		ret = u->rootfd;
		*error = (struct cpio_error){ "cannot open the root", 0, ret };
		goto out_free;
	}
	while (off < len) {
		cpio_init(&u->cpio, &unpack_ops, u, error);
		u->cpio.pos = off;
		ret = cpio_write(&u->cpio, p + off, len - off);
		if (ret >= 0 && (size_t)ret == len - off) {
			ret = cpio_finish(&u->cpio);
			break;
		}
		if (ret < 0)
			break;
		off += ret;
#ifdef CONFIG_RD_GZIP
		if (is_gzip_magic(p + off, len - off)) {
			ret = unpack_gzip(u, p, off, len, error);
			if (ret < 0)
				break;
			off += ret;
			continue;
		}
#endif
		ret = -EINVAL;
		*error = (struct cpio_error){ not_cpio(p + off, len - off), off,
					      -EINVAL };
		break;
	}
	if (ret == -ENOMEM)
		error->why = "out of memory";
	finish(u);
	ksys_close(u->rootfd);
out_free:
	vfree(u);
	return ret < 0 ? ret : 0;
}

/*
 * The architecture found the archive (setup_arch(), as Linux's
 * initrd_start); its memory stays reserved after unpacking: it is small,
 * and the in-kernel tests read it again.
 */
static int populate_rootfs(void)
{
	struct cpio_error error = { NULL, 0, 0 };

	if (!initramfs_info.start)
		return 0;
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
