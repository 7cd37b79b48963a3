// SPDX-License-Identifier: GPL-2.0
/*
 * The fuzz target for the unpacking side: init/initramfs.c itself, built for
 * the host, over a small in-memory file system that stands in for the VFS
 * (the ksys_*() calls it makes, with Linux's lookup rules: symlinks
 * followed in the middle of a path, RESOLVE_BENEATH, hard links, -errno
 * returns) and for kmalloc(), vmalloc() and printk().  Each input is
 * unpacked into /r with a memory budget for file data, so that running out
 * of memory is fuzzed too.  Then nothing may exist outside /r, every fd
 * must be closed, and LeakSanitizer sees every allocation freed.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/initramfs.h>
#include <keel/kernel.h>
#include <keel/namei.h>
#include <keel/printk.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/vmalloc.h>

#include "fuzz.h"

#define fuzz_assert(cond)	do { if (!(cond)) __builtin_trap(); } while (0)

void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void free(void *p);

/* What init/initramfs.c needs from the rest of the kernel. */
void *kmalloc(size_t size, gfp_t gfp)
{
	return malloc(size ? size : 1);
}

void kfree(const void *p)
{
	free((void *)p);
}

void *vmalloc(unsigned long size)
{
	return malloc(size);
}

void vfree(const void *p)
{
	free((void *)p);
}

int printk(const char *fmt, ...)
{
	return 0;
}

/* lib/string.c's, which libc lacks: the rest of string.h is libc's. */
ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t len = strnlen(src, size);

	if (!size)
		return -E2BIG;
	if (len == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return len;
}

/* The file system: dentries over inodes, index 0 the root. */
#define NR_DENTRIES	256
#define NR_INODES	256
#define NR_FDS		16
#define DATA_BUDGET	(256 * 1024)	/* bytes of file data, then -ENOMEM */

struct inode {
	int nlink;			/* 0: free */
	umode_t mode;
	u32 uid, gid;
	char *data;			/* file contents or symlink target */
	size_t size;
};

struct dentry {
	bool used;
	int parent, inode;
	char name[NAME_MAX + 1];
};

static struct inode inodes[NR_INODES];
static struct dentry dentries[NR_DENTRIES];
static struct {
	int dentry;			/* -1: free */
	loff_t pos;
} fds[NR_FDS];
static size_t data_used;

static void fs_reset(void)
{
	int i;

	for (i = 0; i < NR_INODES; i++) {
		free(inodes[i].data);
		memset(&inodes[i], 0, sizeof(inodes[i]));
	}
	memset(dentries, 0, sizeof(dentries));
	for (i = 0; i < NR_FDS; i++)
		fds[i].dentry = -1;
	data_used = 0;
	inodes[0] = (struct inode){ .nlink = 2, .mode = S_IFDIR | 0755 };
	dentries[0] = (struct dentry){ .used = true, .parent = 0, .inode = 0 };
}

static struct inode *d_inode(int d)
{
	return &inodes[dentries[d].inode];
}

static bool is_dir(int d)
{
	return S_ISDIR(d_inode(d)->mode);
}

static int child(int dir, const char *name, size_t len)
{
	int i;

	for (i = 1; i < NR_DENTRIES; i++)
		if (dentries[i].used && dentries[i].parent == dir &&
		    strlen(dentries[i].name) == len &&
		    !memcmp(dentries[i].name, name, len))
			return i;
	return -ENOENT;
}

static int fd_dentry(int dfd)
{
	if (dfd == AT_FDCWD)
		return 0;
	if (dfd < 0 || dfd >= NR_FDS || fds[dfd].dentry < 0)
		return -EBADF;
	return fds[dfd].dentry;
}

struct walk {
	int root;			/* "/", or the start with beneath */
	bool beneath;
	int links;
};

static int resolve(struct walk *w, int dir, const char *path,
		   bool follow_last, char *last);

/* One step from @dir into @name (@len bytes); follows a symlink if asked. */
static int step(struct walk *w, int dir, const char *name, size_t len,
		bool follow)
{
	int d;

	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (len == 1 && name[0] == '.')
		return dir;
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		if (dir == w->root)
			return w->beneath ? -EXDEV : dir;
		return dentries[dir].parent;
	}
	d = child(dir, name, len);
	if (d < 0 || !follow || !S_ISLNK(d_inode(d)->mode))
		return d;
	if (++w->links > 40)
		return -ELOOP;
	return resolve(w, dir, d_inode(d)->data, true, NULL);
}

/*
 * Resolves @path from @dir.  With @last, stops before the final component
 * and copies it there (returning its directory).
 */
static int resolve(struct walk *w, int dir, const char *path,
		   bool follow_last, char *last)
{
	if (*path == '/') {
		if (w->beneath)
			return -EXDEV;
		dir = w->root;
	}
	for (;;) {
		size_t len;
		bool final;

		while (*path == '/')
			path++;
		len = strcspn(path, "/");
		final = !path[len + strspn(path + len, "/")];
		if (!len) {
			if (last)
				strscpy(last, ".", NAME_MAX + 1);
			return dir;
		}
		if (final && last) {
			if (len > NAME_MAX)
				return -ENAMETOOLONG;
			memcpy(last, path, len);
			last[len] = '\0';
			return dir;
		}
		if (!is_dir(dir))
			return -ENOTDIR;
		dir = step(w, dir, path, len, !final || follow_last ||
			   path[len] == '/');
		if (dir < 0 || final)
			return dir;
		path += len;
	}
}

static int lookup(int dfd, const char *path, bool follow, bool beneath,
		  char *last)
{
	int start = fd_dentry(dfd);
	struct walk w = { .beneath = beneath };

	if (start < 0)
		return start;
	if (!*path)
		return -ENOENT;
	w.root = beneath ? start : 0;
	return resolve(&w, start, path, follow, last);
}

static int new_inode(umode_t mode)
{
	int i;

	for (i = 1; i < NR_INODES; i++)
		if (!inodes[i].nlink) {
			inodes[i] = (struct inode){ .nlink = 1, .mode = mode };
			return i;
		}
	return -ENOSPC;
}

static int new_dentry(int dir, const char *name, int inode)
{
	int i;

	for (i = 1; i < NR_DENTRIES; i++)
		if (!dentries[i].used) {
			dentries[i] = (struct dentry){ .used = true, .parent = dir,
						.inode = inode };
			strscpy(dentries[i].name, name, sizeof(dentries[i].name));
			return i;
		}
	return -ENOSPC;
}

static void drop_inode(int i)
{
	if (--inodes[i].nlink > 0)
		return;
	data_used -= S_ISREG(inodes[i].mode) ? inodes[i].size : 0;
	free(inodes[i].data);
	memset(&inodes[i], 0, sizeof(inodes[i]));
}

/* Makes @name in @dfd, of @mode, with @data; returns the dentry. */
static int create(int dfd, const char *path, umode_t mode, const char *data,
		  int link_inode)
{
	char last[NAME_MAX + 1];
	int dir = lookup(dfd, path, false, false, last), ino, d;

	if (dir < 0)
		return dir;
	if (!is_dir(dir))
		return -ENOTDIR;
	if (!strcmp(last, ".") || !strcmp(last, ".."))
		return -EEXIST;
	if (child(dir, last, strlen(last)) >= 0)
		return -EEXIST;
	if (link_inode >= 0) {
		ino = link_inode;
		inodes[ino].nlink++;
	} else {
		ino = new_inode(mode);
		if (ino < 0)
			return ino;
		if (data) {
			inodes[ino].size = strlen(data);
			inodes[ino].data = malloc(inodes[ino].size + 1);
			fuzz_assert(inodes[ino].data);
			memcpy(inodes[ino].data, data, inodes[ino].size + 1);
		}
	}
	d = new_dentry(dir, last, ino);
	if (d < 0)
		drop_inode(ino);
	return d;
}

long ksys_mkdirat(int dfd, const char *path, umode_t mode)
{
	int d = create(dfd, path, S_IFDIR | (mode & 07777), NULL, -1);

	return d < 0 ? d : 0;
}

long ksys_mknodat(int dfd, const char *path, umode_t mode, unsigned int dev)
{
	int d = create(dfd, path, mode, NULL, -1);

	return d < 0 ? d : 0;
}

long ksys_symlinkat(const char *target, int dfd, const char *path)
{
	int d;

	if (!*target)
		return -ENOENT;
	d = create(dfd, path, S_IFLNK | 0777, target, -1);
	return d < 0 ? d : 0;
}

long ksys_linkat(int olddfd, const char *oldname, int newdfd,
		 const char *newname, int flags)
{
	int old = lookup(olddfd, oldname, flags & AT_SYMLINK_FOLLOW, false,
			 NULL);
	int d;

	if (old < 0)
		return old;
	if (is_dir(old))
		return -EPERM;
	d = create(newdfd, newname, 0, NULL, dentries[old].inode);
	return d < 0 ? d : 0;
}

long ksys_unlinkat(int dfd, const char *path, int flags)
{
	int d = lookup(dfd, path, false, false, NULL), i;

	if (d < 0)
		return d;
	if (!d)
		return -EBUSY;
	if (!!(flags & AT_REMOVEDIR) != is_dir(d))
		return flags & AT_REMOVEDIR ? -ENOTDIR : -EISDIR;
	for (i = 0; i < NR_DENTRIES; i++)
		if (dentries[i].used && i && dentries[i].parent == d)
			return -ENOTEMPTY;
	for (i = 0; i < NR_FDS; i++)
		if (fds[i].dentry == d)
			return -EBUSY;	/* keeps the fake simple */
	drop_inode(dentries[d].inode);
	dentries[d].used = false;
	return 0;
}

long ksys_newfstatat(int dfd, const char *path, struct stat *st, int flags)
{
	int d = lookup(dfd, path, !(flags & AT_SYMLINK_NOFOLLOW), false, NULL);

	if (d < 0)
		return d;
	memset(st, 0, sizeof(*st));
	st->st_mode = d_inode(d)->mode;
	st->st_size = d_inode(d)->size;
	st->st_ino = dentries[d].inode;
	return 0;
}

static int path_or_fd(int dfd, const char *path, int flags)
{
	if (!path || (!*path && (flags & AT_EMPTY_PATH)))
		return fd_dentry(dfd);
	return lookup(dfd, path, !(flags & AT_SYMLINK_NOFOLLOW), false, NULL);
}

long ksys_fchownat(int dfd, const char *path, uid_t uid, gid_t gid,
		   int flags)
{
	int d = path_or_fd(dfd, path, flags);

	if (d < 0)
		return d;
	d_inode(d)->uid = uid;
	d_inode(d)->gid = gid;
	return 0;
}

long ksys_fchmodat(int dfd, const char *path, umode_t mode)
{
	int d = path_or_fd(dfd, path, 0);

	if (d < 0)
		return d;
	d_inode(d)->mode = (d_inode(d)->mode & S_IFMT) | (mode & 07777);
	return 0;
}

long ksys_utimensat(int dfd, const char *path,
		    const struct timespec64 times[2], int flags)
{
	int d = path_or_fd(dfd, path, flags);

	return d < 0 ? d : 0;
}

static long do_open(int dfd, const char *path, int flags, umode_t mode,
		    bool beneath)
{
	char last[NAME_MAX + 1];
	int d, fd;

	for (fd = 0; fd < NR_FDS && fds[fd].dentry >= 0; fd++)
		;
	if (fd == NR_FDS)
		return -EMFILE;
	if (flags & O_CREAT) {
		int dir = lookup(dfd, path, false, beneath, last);

		if (dir < 0)
			return dir;
		d = child(dir, last, strlen(last));
		if (d >= 0 && S_ISLNK(d_inode(d)->mode) && (flags & O_NOFOLLOW))
			return -ELOOP;
		if (d >= 0 && S_ISLNK(d_inode(d)->mode))
			return -EOPNOTSUPP;	/* initramfs never asks */
		if (d < 0) {
			d = create(dfd, path, S_IFREG | (mode & 07777), NULL,
				   -1);
			if (d < 0)
				return d;
		}
	} else {
		d = lookup(dfd, path, !(flags & O_NOFOLLOW), beneath, NULL);
		if (d < 0)
			return d;
	}
	if ((flags & O_DIRECTORY) && !is_dir(d))
		return -ENOTDIR;
	if ((flags & O_ACCMODE) != O_RDONLY && is_dir(d))
		return -EISDIR;
	if ((flags & O_ACCMODE) != O_RDONLY && !S_ISREG(d_inode(d)->mode))
		return -EINVAL;
	if ((flags & O_TRUNC) && S_ISREG(d_inode(d)->mode)) {
		data_used -= d_inode(d)->size;
		d_inode(d)->size = 0;
	}
	fds[fd].dentry = d;
	fds[fd].pos = 0;
	return fd;
}

long ksys_openat(int dfd, const char *path, int flags, umode_t mode)
{
	return do_open(dfd, path, flags, mode, false);
}

long ksys_openat2(int dfd, const char *path, const struct open_how *how)
{
	fuzz_assert(!(how->flags & O_CREAT));
	return do_open(dfd, path, how->flags, how->mode,
		       how->resolve & RESOLVE_BENEATH);
}

long ksys_close(unsigned int fd)
{
	if (fd >= NR_FDS || fds[fd].dentry < 0)
		return -EBADF;
	fds[fd].dentry = -1;
	return 0;
}

/* An open file is its fd slot; initramfs holds none across calls. */
struct file *fget(unsigned int fd)
{
	if (fd >= NR_FDS || fds[fd].dentry < 0)
		return NULL;
	return (struct file *)&fds[fd];
}

void fput(struct file *file)
{
	fuzz_assert(file);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos)
{
	unsigned int fd = (typeof(fds[0]) *)file - fds;
	struct inode *inode;
	size_t end;
	char *data;

	fuzz_assert(fd < NR_FDS && fds[fd].dentry >= 0);
	fuzz_assert(*pos == fds[fd].pos);
	inode = d_inode(fds[fd].dentry);
	end = fds[fd].pos + count;
	if (end > inode->size) {
		if (end - inode->size > DATA_BUDGET - data_used)
			return -ENOMEM;
		data = realloc(inode->data, end);
		if (!data)
			return -ENOMEM;
		memset(data + inode->size, 0, end - inode->size);
		data_used += end - inode->size;
		inode->data = data;
		inode->size = end;
	}
	memcpy(inode->data + fds[fd].pos, buf, count);
	fds[fd].pos = end;
	*pos = end;
	return count;
}

int fuzz_initramfs(const u8 *data, size_t size)
{
	struct cpio_error err = { NULL, 0, 0 };
	int ret, i;

	fs_reset();
	fuzz_assert(!ksys_mkdirat(AT_FDCWD, "/r", 0755));
	ret = unpack_to_rootfs(data, size, "/r", &err);
	fuzz_assert(!ret || (ret < 0 && err.why && err.err));
	/* Nothing outside /r: the root holds "r" only. */
	for (i = 1; i < NR_DENTRIES; i++)
		fuzz_assert(!dentries[i].used || dentries[i].parent ||
			    !strcmp(dentries[i].name, "r"));
	for (i = 0; i < NR_FDS; i++)
		fuzz_assert(fds[i].dentry < 0);
	fs_reset();
	return 0;
}
