/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-task table of open files (Linux's files_struct): fd -> struct
 * file, with an open bit and a close-on-exec bit per fd.  A table starts
 * with NR_OPEN_DEFAULT embedded slots and doubles (reallocated arrays) up
 * to the task's RLIMIT_NOFILE (at most NR_OPEN_MAX, Linux's fs.nr_open);
 * beyond that opens fail -EMFILE.
 * New fds are always the lowest free number, as POSIX requires.
 *
 * current_files() is the current task's table; the boot task's is init_files.
 * Lock: files->file_lock guards the arrays and counters; it is never held
 * while a file is released (fput) or memory is freed.
 */
#ifndef _KEEL_FDTABLE_H
#define _KEEL_FDTABLE_H

#include <keel/atomic.h>
#include <keel/sched.h>
#include <keel/spinlock.h>
#include <keel/types.h>

struct file;

#define NR_OPEN_DEFAULT	64
#define NR_OPEN_MAX	(1024 * 1024)	/* Linux's fs.nr_open default */
#define FDS_PER_LONG	(8 * sizeof(unsigned long))

struct files_struct {
	atomic_t count;			/* tasks sharing it (CLONE_FILES) */
	spinlock_t file_lock;
	unsigned int max_fds;		/* slots in fd[] [file_lock] */
	unsigned int next_fd;		/* no free fd below this [file_lock] */
	struct file **fd;		/* [file_lock] */
	unsigned long *open_fds;	/* bitmap, max_fds bits [file_lock] */
	unsigned long *close_on_exec;	/* bitmap, max_fds bits [file_lock] */
	/* The first NR_OPEN_DEFAULT slots, until the table grows. */
	struct file *fd_array[NR_OPEN_DEFAULT];
	unsigned long open_fds_init[NR_OPEN_DEFAULT / FDS_PER_LONG];
	unsigned long close_on_exec_init[NR_OPEN_DEFAULT / FDS_PER_LONG];
};

extern struct files_struct init_files;

static inline struct files_struct *current_files(void)
{
	return current->files;
}

/*
 * A copy of @old for fork: the same open files (each gains a reference)
 * at the same numbers, with their close-on-exec bits; fds reserved but
 * not yet installed are not copied.  ERR_PTR(-ENOMEM).
 */
struct files_struct *dup_fd(struct files_struct *old);

/* One more task shares @files (CLONE_FILES). */
static inline struct files_struct *get_files_struct(struct files_struct *files)
{
	atomic_inc(&files->count);
	return files;
}

/* A task stops using @files; the last one closes every fd and frees it. */
void put_files_struct(struct files_struct *files);

/* exec: close the fds marked close-on-exec (O_CLOEXEC, FD_CLOEXEC). */
void do_close_on_exec(struct files_struct *files);

/* How many fds the current task may have open: its RLIMIT_NOFILE. */
unsigned int files_limit(void);

/* Reserve the lowest free fd (O_CLOEXEC in @flags sets its bit); -EMFILE. */
int get_unused_fd_flags(unsigned int flags);
/* Give back a reserved fd that was never installed. */
void put_unused_fd(unsigned int fd);
/* Point the reserved @fd at @file; the table takes over the reference. */
void fd_install(unsigned int fd, struct file *file);
/*
 * The file at @fd with a new reference, or NULL (the caller's -EBADF).
 * fget() does not see O_PATH files, which only name a place; fget_raw()
 * does, for the calls that take them (a dfd, fstat, fchdir, dup, fcntl).
 */
struct file *fget(unsigned int fd);
struct file *fget_raw(unsigned int fd);
/* Remove @fd from the table and drop its reference: 0 or -EBADF. */
int close_fd(unsigned int fd);
/*
 * close_range(): close (or, with CLOSE_RANGE_CLOEXEC, mark close-on-exec)
 * every open fd from @fd to @max_fd; CLOSE_RANGE_UNSHARE first gives the
 * task a table of its own if it shares one.  0 or -errno.
 */
int close_range(unsigned int fd, unsigned int max_fd, unsigned int flags);
/* How many fds are open in @files (tests and /proc). */
unsigned int files_count_open(struct files_struct *files);

/* fs/file.c, for dup3() and fcntl(F_DUPFD): see there. */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
int alloc_fd_from(unsigned int start, unsigned int flags);
bool get_close_on_exec(unsigned int fd);
void set_close_on_exec(unsigned int fd, bool on);

#endif /* _KEEL_FDTABLE_H */
