/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual file system's objects, as in Linux:
 *
 *   file_system_type  a registered kind of file system ("ramfs", "proc")
 *   super_block       one mounted instance of it
 *   inode             a file's metadata and operations
 *   dentry            a name in a directory, cached; a negative dentry
 *                     (d_inode == NULL) caches "no such name"
 *   vfsmount          where a super_block's root is attached in the tree
 *   file              an open file: position, flags, operations
 *
 * Lifetimes are reference counts: dget()/dput(), iget()/iput(),
 * mntget()/mntput(), get_file()/fput().  An object is freed when its last
 * reference goes, never while a lock is held.
 *
 * Locks (outermost first; the full order heads fs/namei.c): the sleeping
 * sb->s_vfs_rename_mutex, a directory's i_rwsem (its names), an inode's
 * own i_rwsem; then the spinlocks rename_lock (a whole-tree rename),
 * inode->i_lock of a directory (its entries), dcache_lock (the dentry
 * hash and LRU), mount_lock, and each object's own spinlock for its
 * counters.  Nothing sleeps or allocates under a spinlock.
 *
 * File operations take kernel buffers; the system-call layer copies user
 * memory in and out (copy_from_user) around them.
 */
#ifndef _KEEL_FS_H
#define _KEEL_FS_H

#include <keel/delayed_call.h>
#include <keel/atomic.h>
#include <keel/fs_types.h>
#include <keel/list.h>
#include <keel/mutex.h>
#include <keel/rwsem.h>
#include <keel/spinlock.h>
#include <keel/types.h>

struct dentry;
struct file;
struct inode;
struct kstat;
struct poll_table_struct;
struct super_block;
struct vfsmount;
struct vm_area_struct;

struct qstr {
	const char *name;
	u32 len;
	u32 hash;
};

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/* What getdents64() and friends hand each entry to. */
struct dir_context {
	/* Returns false to stop (the caller's buffer is full). */
	bool (*actor)(struct dir_context *ctx, const char *name, int namelen,
		      loff_t offset, u64 ino, unsigned int d_type);
	loff_t pos;
};

struct iattr {
	unsigned int ia_valid;		/* ATTR_* */
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime;
	struct timespec64 ia_mtime;
	struct timespec64 ia_ctime;
};

#define ATTR_MODE	(1 << 0)
#define ATTR_UID	(1 << 1)
#define ATTR_GID	(1 << 2)
#define ATTR_SIZE	(1 << 3)
#define ATTR_ATIME	(1 << 4)
#define ATTR_MTIME	(1 << 5)
#define ATTR_CTIME	(1 << 6)

/*
 * One read or write in progress (Linux's kiocb, synchronous only): the
 * file and the position it starts at, which ->read_iter/->write_iter
 * advance by what they moved.
 */
struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
};

static inline void init_sync_kiocb(struct kiocb *kiocb, struct file *filp)
{
	*kiocb = (struct kiocb){ .ki_filp = filp };
}

struct iov_iter;

struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	/* The POLL* events that hold now; <keel/poll.h>. */
	__poll_t (*poll)(struct file *file, struct poll_table_struct *pt);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd,
			       unsigned long arg);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	int (*fsync)(struct file *file);
	/* Set up @vma to map the file: its vm_ops (<keel/mm.h>). */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
};

struct inode_operations {
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*link)(struct dentry *old, struct inode *dir, struct dentry *new);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*symlink)(struct inode *dir, struct dentry *dentry,
		       const char *target);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode,
		     dev_t rdev);
	int (*rename)(struct inode *old_dir, struct dentry *old,
		      struct inode *new_dir, struct dentry *new,
		      unsigned int flags);
	/* The target of a symlink; NULL-terminated, owned by the inode. */
	const char *(*get_link)(struct dentry *dentry, struct inode *inode,
				struct delayed_call *done);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
	int (*getattr)(const struct path *path, struct kstat *stat);
};

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*free_inode)(struct inode *inode);
	/* The last link and reference are gone: release the data. */
	void (*evict_inode)(struct inode *inode);
	void (*put_super)(struct super_block *sb);
	int (*statfs)(struct dentry *dentry, struct kstatfs *buf);
};

struct inode {
	umode_t i_mode;
	uid_t i_uid;
	gid_t i_gid;
	unsigned int i_nlink;		/* [i_lock] */
	dev_t i_rdev;			/* device files */
	loff_t i_size;			/* [i_lock] */
	struct timespec64 i_atime, i_mtime, i_ctime;
	unsigned long i_ino;		/* [I] */
	unsigned int i_blkbits;
	blkcnt_t i_blocks;
	atomic_t i_count;
	spinlock_t i_lock;
	/* A directory's entries; a regular file's data (ramfs). */
	struct rw_semaphore i_rwsem;
	const struct inode_operations *i_op;	/* [I] */
	const struct file_operations *i_fop;	/* [I] */
	struct super_block *i_sb;		/* [I] */
	struct list_head i_sb_list;		/* [sb->s_inode_list_lock] */
	void *i_private;			/* the file system's */
};

/*
 * A file system's hooks into the dcache (Linux's, the two /proc needs):
 * d_revalidate() is asked whether a cached dentry still names what it
 * did before a lookup uses it (0: no, it is dropped and looked up
 * afresh); d_delete() whether an unused one should be freed at once
 * rather than cached (nonzero: free it).
 */
struct dentry_operations {
	int (*d_revalidate)(struct dentry *dentry, unsigned int flags);
	int (*d_delete)(const struct dentry *dentry);
};

/* d_flags */
#define DCACHE_MOUNTED		(1 << 0)	/* a mount point */
#define DCACHE_DISCONNECTED	(1 << 1)	/* unhashed, being freed */
#define DCACHE_CURSOR		(1 << 2)	/* a reader's place (libfs), no name */

struct dentry {
	unsigned int d_flags;			/* [d_lock] */
	spinlock_t d_lock;
	atomic_t d_count;
	struct inode *d_inode;			/* NULL: negative [d_lock] */
	struct dentry *d_parent;		/* [rename_lock] */
	struct qstr d_name;			/* [rename_lock] */
	char d_iname[32];			/* short names live here */
	struct hlist_node d_hash;		/* [dcache_lock] */
	struct list_head d_child;		/* in d_parent's d_subdirs */
	struct list_head d_subdirs;		/* [d_inode->i_lock] */
	struct list_head d_lru;			/* unused, evictable [dcache_lock] */
	struct super_block *d_sb;		/* [I] */
	const struct dentry_operations *d_op;	/* [I] set before d_add() */
	void *d_fsdata;
};

struct file_system_type {
	const char *name;
	int fs_flags;
	/* Returns the root dentry of a new or existing super_block. */
	struct dentry *(*mount)(struct file_system_type *fs_type, int flags,
				const char *dev_name, void *data);
	void (*kill_sb)(struct super_block *sb);
	struct list_head list;
};

struct super_block {
	struct file_system_type *s_type;	/* [I] */
	const struct super_operations *s_op;	/* [I] */
	struct dentry *s_root;
	dev_t s_dev;
	unsigned long s_flags;			/* SB_RDONLY... */
	unsigned long s_magic;
	unsigned long s_blocksize;
	atomic_t s_active;			/* mounts using it */
	spinlock_t s_inode_list_lock;
	struct list_head s_inodes;		/* [s_inode_list_lock] */
	unsigned long s_next_ino;		/* [s_inode_list_lock] */
	/* Serializes renames between directories: lock_rename(). */
	struct mutex s_vfs_rename_mutex;
	void *s_fs_info;
	struct list_head s_list;		/* [sb_lock] */
};

struct vfsmount {
	struct dentry *mnt_root;		/* [I] */
	struct super_block *mnt_sb;		/* [I] */
	struct vfsmount *mnt_parent;		/* [mount_lock] */
	struct dentry *mnt_mountpoint;		/* [mount_lock] */
	const char *mnt_devname;		/* [I] */
	int mnt_flags;
	atomic_t mnt_count;
	struct list_head mnt_list;		/* [mount_lock] */
};

struct file {
	struct path f_path;			/* [I] */
	struct inode *f_inode;			/* [I] */
	const struct file_operations *f_op;	/* [I] */
	unsigned int f_flags;			/* O_* [f_lock] */
	fmode_t f_mode;				/* FMODE_* */
	loff_t f_pos;				/* [f_lock] */
	spinlock_t f_lock;
	atomic_long_t f_count;
	void *private_data;
};

/* f_mode */
#define FMODE_READ	(1 << 0)
#define FMODE_WRITE	(1 << 1)
#define FMODE_LSEEK	(1 << 2)
/* O_PATH: a place in the tree, no I/O (only fget_raw() finds it) */
#define FMODE_PATH	(1 << 3)

/* --- file systems and super blocks (fs/super.c, fs/filesystems.c) --- */
int register_filesystem(struct file_system_type *fs);
int unregister_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);
/* A super_block with no backing device (ramfs, proc, devfs): */
struct dentry *mount_nodev(struct file_system_type *fs_type, int flags,
			   void *data,
			   int (*fill_super)(struct super_block *, void *));
void kill_anon_super(struct super_block *sb);
/* "nodev\tramfs" lines, as /proc/filesystems shows them. */
int filesystems_show(char *buf, size_t size);

/* --- inodes (fs/inode.c) --- */
struct inode *new_inode(struct super_block *sb);
void ihold(struct inode *inode);
void iput(struct inode *inode);
void inode_init_owner(struct inode *inode, const struct inode *dir,
		      umode_t mode);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
void set_nlink(struct inode *inode, unsigned int nlink);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
struct timespec64 current_time(struct inode *inode);
int simple_setattr(struct dentry *dentry, struct iattr *attr);

/* --- dentries (fs/dcache.c) --- */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_name(struct dentry *parent, const char *name);
struct dentry *d_make_root(struct inode *root_inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_add(struct dentry *dentry, struct inode *inode);
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name);
/*
 * d_lookup() of a dentry its d_op->d_revalidate() still accepts; one it
 * refuses is dropped (unhashed) and NULL returned, for a fresh lookup.
 */
struct dentry *d_lookup_valid(const struct dentry *parent,
			      const struct qstr *name);
void d_delete(struct dentry *dentry);
void d_drop(struct dentry *dentry);
struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
/* Frees up to @nr unused dentries (and their inodes); returns how many. */
unsigned long shrink_dcache(unsigned long nr);
/* For tests and /proc: dentries allocated, and unused ones cached. */
void dcache_counts(unsigned long *nr_dentry, unsigned long *nr_unused);
/* Rename: @dentry takes @target's name and parent, @target is dropped. */
void d_move(struct dentry *dentry, struct dentry *target);
/* RENAME_EXCHANGE: the two swap names and parents, both stay hashed. */
void d_exchange(struct dentry *a, struct dentry *b);
/*
 * "/a/b" for @path as seen from the current root, built at the end of
 * @buf; returns its start, or ERR_PTR(-ENAMETOOLONG) if it does not fit.
 */
char *d_path(const struct path *path, char *buf, int buflen);

static inline bool d_unhashed(const struct dentry *dentry)
{
	return hlist_unhashed(&dentry->d_hash);
}

/* --- mounts and path walk (fs/namespace.c, fs/namei.c) --- */
struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
void path_get(const struct path *path);
void path_put(const struct path *path);
/* LOOKUP_* flags, as in Linux */
#define LOOKUP_FOLLOW		(1 << 0)
#define LOOKUP_DIRECTORY	(1 << 1)
#define LOOKUP_BENEATH		(1 << 2)	/* never leave the start: -EXDEV */
#define LOOKUP_EMPTY		(1 << 3)	/* getname(): "" is allowed */
int kern_path(const char *name, unsigned int flags, struct path *path);
int vfs_path_lookup(int dfd, const char *name, unsigned int flags,
		    struct path *path);
int inode_permission(struct inode *inode, int mask);	/* MAY_* */

/*
 * A path name a system call was handed, copied in from user memory
 * (fs/filename.c).  The walk and the ksys_*() helpers take ->name, a
 * kernel string; putname() frees it.
 */
struct filename {
	const char *name;		/* NUL-terminated, < PATH_MAX bytes */
	const char __user *uptr;	/* where it was copied from */
	char iname[];
};

/*
 * ERR_PTR(-EFAULT) for an unreadable name, -ENAMETOOLONG for one with no
 * NUL in PATH_MAX bytes, -ENOENT for "" unless @flags has LOOKUP_EMPTY;
 * getname_uflags() takes AT_EMPTY_PATH for LOOKUP_EMPTY.
 */
struct filename *getname_flags(const char __user *filename,
			       unsigned int flags);
struct filename *getname(const char __user *filename);
struct filename *getname_uflags(const char __user *filename, int uflags);
/* The same, and a NULL @filename with AT_EMPTY_PATH is "" (the stats). */
struct filename *getname_maybe_null(const char __user *filename, int uflags);
void putname(struct filename *name);
#define MAY_EXEC	0x1
#define MAY_WRITE	0x2
#define MAY_READ	0x4

/*
 * inode->i_rwsem, as Linux (lock order: fs/namei.c).  The subclass of
 * inode_lock_nested() names the role (a parent before its child) for the
 * reader; Keel has no lockdep to check it.
 */
enum inode_i_mutex_lock_class {
	I_MUTEX_NORMAL,
	I_MUTEX_PARENT,
	I_MUTEX_CHILD,
	I_MUTEX_NONDIR2,
	I_MUTEX_PARENT2,
};

static inline void inode_lock(struct inode *inode)
{
	down_write(&inode->i_rwsem);
}

static inline void inode_unlock(struct inode *inode)
{
	up_write(&inode->i_rwsem);
}

static inline void inode_lock_shared(struct inode *inode)
{
	down_read(&inode->i_rwsem);
}

static inline void inode_unlock_shared(struct inode *inode)
{
	up_read(&inode->i_rwsem);
}

static inline void inode_lock_nested(struct inode *inode, unsigned int subclass)
{
	down_write(&inode->i_rwsem);
}

static inline bool inode_is_locked(struct inode *inode)
{
	return rwsem_is_locked(&inode->i_rwsem);
}

/* Linux's lockdep_assert_held(&inode->i_rwsem) and ..._write. */
static inline void inode_assert_locked(struct inode *inode)
{
	rwsem_assert_held(&inode->i_rwsem);
}

static inline void inode_assert_locked_write(struct inode *inode)
{
	rwsem_assert_held_write(&inode->i_rwsem);
}

struct dentry *lookup_one_len(const char *name, struct dentry *base, int len);
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2);
void unlock_rename(struct dentry *p1, struct dentry *p2);

/*
 * The namespace operations under the syscalls (fs/namei.c, Linux's names
 * and arguments): the caller holds @dir's i_rwsem for writing (both
 * parents through lock_rename() for vfs_rename()); each checks
 * permission, calls the file system and locks the victim inode itself.
 */
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode,
	       bool want_excl);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode,
	      dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry,
		const char *oldname);
int vfs_link(struct dentry *old_dentry, struct inode *dir,
	     struct dentry *new_dentry);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);
int vfs_unlink(struct inode *dir, struct dentry *dentry);
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry,
	       struct inode *new_dir, struct dentry *new_dentry,
	       unsigned int flags);
/* "/dev/root / ramfs rw 0 0" lines for every mount, as /proc/mounts. */
int mounts_show(char *buf, size_t size);
/*
 * Mounts a @type file system on @dir, making @dir (with @mode) first if
 * the initramfs had none: how the kernel mounts /dev and /proc itself.
 */
int init_mount_at(const char *type, const char *dir, umode_t mode);
/* Mount the root file system and the standard mounts; called once. */
void vfs_caches_init(void);
/*
 * open()'s lookup: finds (O_CREAT: creates) @name relative to @dfd with
 * O_EXCL, O_NOFOLLOW, O_DIRECTORY, O_TRUNC and the access-mode permission
 * checks, and returns the opened file (alloc_file()) or ERR_PTR(-errno).
 */
/* @lookup_flags: LOOKUP_BENEATH or 0. */
struct file *do_filp_open(int dfd, const char *name, int flags, umode_t mode,
			  unsigned int lookup_flags);
/* Paths: true if @a and @b are the same place in the tree. */
static inline bool path_equal(const struct path *a, const struct path *b)
{
	return a->mnt == b->mnt && a->dentry == b->dentry;
}

/* --- open files (fs/file_table.c, fs/open.c, fs/read_write.c) --- */
struct file *get_file(struct file *file);
void fput(struct file *file);
struct file *filp_open(const char *name, int flags, umode_t mode);
int filp_close(struct file *file);
/* Reads and writes with kernel buffers (ITER_KVEC), from kernel code. */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t no_llseek(struct file *file, loff_t offset, int whence);
int vfs_getattr(const struct path *path, struct kstat *stat);
/*
 * A new open file on @path (takes its own path_get) with O_* @flags and
 * @fop, after @fop->open succeeds; ERR_PTR on failure.
 */
struct file *alloc_file(const struct path *path, int flags,
			const struct file_operations *fop);
/* Change attributes through ->setattr (or simple_setattr); fs/attr.c. */
int notify_change(struct dentry *dentry, struct iattr *attr);
/* The largest file offset; the most one read or write moves (INT_MAX,
 * page-aligned, as Linux). */
#define MAX_LFS_FILESIZE	((loff_t)0x7fffffffffffffffLL)
#define MAX_RW_COUNT		(0x7fffffffUL & ~0xfffUL)
ssize_t vfs_read(struct file *file, char __user *buf, size_t count,
		 loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count,
		  loff_t *pos);
ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *pos);
ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter,
		       loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
/* Set a regular file's size (O_TRUNC, truncate()): 0 or -errno. */
int do_truncate(struct dentry *dentry, loff_t length);
/* dir_context actor of getdents64 records; fs/readdir.c. */
int iterate_dir(struct file *file, struct dir_context *ctx);

/* Pipes and FIFOs (fs/pipe.c): init_special_inode() uses the fops. */
#define PIPE_BUF	4096
extern const struct file_operations pipefifo_fops;

/*
 * ramfs regular files (fs/ramfs/file.c).  Their data hangs off i_private;
 * ramfs_evict_data() frees it when the inode is evicted.
 */
extern const struct file_operations ramfs_file_operations;
extern const struct inode_operations ramfs_file_inode_operations;
void ramfs_evict_data(struct inode *inode);

/* Helpers for simple file systems (fs/libfs.c) */
extern const struct file_operations simple_dir_operations;
/*
 * File systems with one instance for every mount (devfs, proc): made on
 * first use, stored in *@root and kept for good, so what it holds
 * survives an unmount.
 */
typedef int (*fill_super_t)(struct super_block *sb, void *data);
struct dentry *single_instance_root(struct file_system_type *fs_type,
				    struct dentry **root, fill_super_t fill);
struct dentry *mount_single_instance(struct file_system_type *fs_type,
				     struct dentry **root, fill_super_t fill);
int register_single_instance(struct file_system_type *fs_type,
			     struct dentry **root, fill_super_t fill);
/*
 * Entries a file system makes itself (devfs nodes, proc entries):
 * simple_name_ok() fills @q for a name that is one component of at most
 * @max bytes; simple_new_dentry() is the negative dentry for it in
 * @parent, whose i_rwsem the caller holds exclusive, or ERR_PTR(-EINVAL)
 * for a bad name, -EEXIST for one taken, -ENOMEM.
 */
bool simple_name_ok(const char *name, size_t max, struct qstr *q);
struct dentry *simple_new_dentry(struct dentry *parent, const char *name,
				 size_t max);
/* Gives @sb a root directory: what devfs and proc share. */
int simple_fill_root(struct super_block *sb, unsigned long magic,
		     const struct super_operations *sops, umode_t mode,
		     const struct inode_operations *dir_iops);
extern const struct inode_operations simple_dir_inode_operations;
int dcache_dir_iterate(struct file *file, struct dir_context *ctx);
int dcache_dir_open(struct inode *inode, struct file *file);
int dcache_dir_close(struct inode *inode, struct file *file);
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence);
/* For file systems whose dcache is all there is (ramfs, devfs): */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry);
bool simple_empty(struct dentry *dentry);
int simple_link(struct dentry *old, struct inode *dir, struct dentry *new);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
int simple_rename(struct inode *old_dir, struct dentry *old,
		  struct inode *new_dir, struct dentry *new,
		  unsigned int flags);
int simple_statfs(struct dentry *dentry, struct kstatfs *buf);
/* ->fsync of a file system that keeps everything in memory. */
int noop_fsync(struct file *file);
/* Symlinks whose target string is i_private (kfree()d at eviction). */
const char *simple_get_link(struct dentry *dentry, struct inode *inode,
			    struct delayed_call *done);
extern const struct inode_operations simple_symlink_inode_operations;
/* Drops the pin of every dentry in the tree, then kill_anon_super(). */
void kill_litter_super(struct super_block *sb);

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline struct inode *file_inode(const struct file *file)
{
	return file->f_inode;
}

#endif /* _KEEL_FS_H */
