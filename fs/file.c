// SPDX-License-Identifier: GPL-2.0
/*
 * File descriptor tables (<keel/fdtable.h>): reserving the lowest free fd,
 * installing, looking up and closing, close-on-exec bits, and growing the
 * arrays by doubling up to NR_OPEN_MAX, and copying or dropping a whole
 * table (fork, exit).  Growth allocates with the lock dropped and retries
 * if the table changed meanwhile; old arrays, like the files that
 * close_fd() and replace_fd() release, are freed only after file_lock is
 * dropped.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fdtable.h>
#include <keel/fs.h>
#include <keel/sched/signal.h>
#include <keel/slab.h>
#include <keel/string.h>

/* init_task's; never freed. */
struct files_struct init_files = {
	.count = ATOMIC_INIT(1),
	.file_lock = __SPIN_LOCK_UNLOCKED(init_files.file_lock),
	.max_fds = NR_OPEN_DEFAULT,
	.fd = init_files.fd_array,
	.open_fds = init_files.open_fds_init,
	.close_on_exec = init_files.close_on_exec_init,
};

static bool fd_bit(const unsigned long *map, unsigned int fd)
{
	return map[fd / FDS_PER_LONG] & (1UL << (fd % FDS_PER_LONG));
}

static void assign_fd_bit(unsigned long *map, unsigned int fd, bool on)
{
	unsigned long mask = 1UL << (fd % FDS_PER_LONG);

	if (on)
		map[fd / FDS_PER_LONG] |= mask;
	else
		map[fd / FDS_PER_LONG] &= ~mask;
}

/* The lowest fd >= @start not open, or max_fds (maybe @start) if none. */
static unsigned int find_free_fd(struct files_struct *files,
				 unsigned int start)
{
	unsigned int fd = start;

	while (fd < files->max_fds) {
		unsigned long word = files->open_fds[fd / FDS_PER_LONG];

		word |= (1UL << (fd % FDS_PER_LONG)) - 1;	/* below fd */
		if (word != ~0UL)
			return ALIGN_DOWN(fd, FDS_PER_LONG) +
			       __builtin_ctzl(~word);
		fd = ALIGN_DOWN(fd, FDS_PER_LONG) + FDS_PER_LONG;
	}
	return max(start, files->max_fds);
}

unsigned int files_limit(void)
{
	return min(rlimit(RLIMIT_NOFILE), (unsigned long)NR_OPEN_MAX);
}

/*
 * Make room for @fd; called and returns without file_lock.  0 means "look
 * again" (grown, or grown by someone else meanwhile).
 */
static int expand_files(struct files_struct *files, unsigned int fd)
{
	unsigned int old_max, new_max, words, old_words;
	struct file **new_fd, **old_fd;
	unsigned long *new_open, *new_cloexec, *old_open, *old_cloexec;
	bool embedded;

	if (fd >= files_limit())
		return -EMFILE;
	spin_lock(&files->file_lock);
	old_max = files->max_fds;
	spin_unlock(&files->file_lock);
	if (fd < old_max)
		return 0;
	new_max = old_max;
	while (new_max <= fd)
		new_max *= 2;
	new_max = min(new_max, (unsigned int)NR_OPEN_MAX);
	words = new_max / FDS_PER_LONG;

	new_fd = kcalloc(new_max, sizeof(*new_fd), GFP_KERNEL);
	new_open = kcalloc(words, sizeof(*new_open), GFP_KERNEL);
	new_cloexec = kcalloc(words, sizeof(*new_cloexec), GFP_KERNEL);
	if (!new_fd || !new_open || !new_cloexec)
		goto out_free_new;

	spin_lock(&files->file_lock);
	if (files->max_fds != old_max) {
		spin_unlock(&files->file_lock);
		goto out_raced;
	}
	old_words = old_max / FDS_PER_LONG;
	memcpy(new_fd, files->fd, old_max * sizeof(*new_fd));
	memcpy(new_open, files->open_fds, old_words * sizeof(*new_open));
	memcpy(new_cloexec, files->close_on_exec,
	       old_words * sizeof(*new_cloexec));
	old_fd = files->fd;
	old_open = files->open_fds;
	old_cloexec = files->close_on_exec;
	embedded = old_fd == files->fd_array;
	files->fd = new_fd;
	files->open_fds = new_open;
	files->close_on_exec = new_cloexec;
	files->max_fds = new_max;
	spin_unlock(&files->file_lock);

	if (!embedded) {
		kfree(old_fd);
		kfree(old_open);
		kfree(old_cloexec);
	}
	return 0;

out_raced:
	kfree(new_fd);
	kfree(new_open);
	kfree(new_cloexec);
	return 0;
out_free_new:
	kfree(new_fd);
	kfree(new_open);
	kfree(new_cloexec);
	return -ENOMEM;
}

/* The lowest free fd >= @start, reserved; O_CLOEXEC in @flags. */
int alloc_fd_from(unsigned int start, unsigned int flags)
{
	struct files_struct *files = current_files();
	unsigned int fd;
	int err;

	spin_lock(&files->file_lock);
	for (;;) {
		fd = find_free_fd(files, max(start, files->next_fd));
		if (fd < files->max_fds)
			break;
		spin_unlock(&files->file_lock);
		err = expand_files(files, fd);
		if (err)
			return err;
		spin_lock(&files->file_lock);
	}
	assign_fd_bit(files->open_fds, fd, true);
	assign_fd_bit(files->close_on_exec, fd, flags & O_CLOEXEC);
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	spin_unlock(&files->file_lock);
	return fd;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd_from(0, flags);
}

static void release_fd_locked(struct files_struct *files, unsigned int fd)
{
	assert_spin_locked(&files->file_lock);
	assign_fd_bit(files->open_fds, fd, false);
	assign_fd_bit(files->close_on_exec, fd, false);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current_files();

	spin_lock(&files->file_lock);
	release_fd_locked(files, fd);
	spin_unlock(&files->file_lock);
}

void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current_files();

	spin_lock(&files->file_lock);
	files->fd[fd] = file;
	spin_unlock(&files->file_lock);
}

/*
 * exec: close every fd marked close-on-exec.  The table is unshared by
 * then; the lock is dropped around each fput(), which may sleep.
 */
void do_close_on_exec(struct files_struct *files)
{
	unsigned int fd;

	spin_lock(&files->file_lock);
	for (fd = 0; fd < files->max_fds; fd++) {
		struct file *file = files->fd[fd];

		if (!file || !fd_bit(files->close_on_exec, fd))
			continue;
		files->fd[fd] = NULL;
		release_fd_locked(files, fd);
		spin_unlock(&files->file_lock);
		fput(file);
		spin_lock(&files->file_lock);
	}
	spin_unlock(&files->file_lock);
}

static struct file *__fget(unsigned int fd, fmode_t mask)
{
	struct files_struct *files = current_files();
	struct file *file = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->max_fds && files->fd[fd] &&
	    !(files->fd[fd]->f_mode & mask))
		file = get_file(files->fd[fd]);
	spin_unlock(&files->file_lock);
	return file;
}

struct file *fget(unsigned int fd)
{
	return __fget(fd, FMODE_PATH);
}

struct file *fget_raw(unsigned int fd)
{
	return __fget(fd, 0);
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current_files();
	struct file *file = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->max_fds && files->fd[fd]) {
		file = files->fd[fd];
		files->fd[fd] = NULL;
		release_fd_locked(files, fd);
	}
	spin_unlock(&files->file_lock);
	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

int close_range(unsigned int fd, unsigned int max_fd, unsigned int flags)
{
	struct files_struct *files = current_files();

	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (fd > max_fd)
		return -EINVAL;
	if ((flags & CLOSE_RANGE_UNSHARE) && atomic_read(&files->count) > 1) {
		struct files_struct *copy = dup_fd(files);

		if (IS_ERR(copy))
			return PTR_ERR(copy);
		current->files = copy;
		put_files_struct(files);
	}
	for (; fd <= max_fd && fd < READ_ONCE(current_files()->max_fds); fd++) {
		if (flags & CLOSE_RANGE_CLOEXEC)
			set_close_on_exec(fd, true);
		else
			close_fd(fd);
	}
	return 0;
}

/*
 * dup2()/dup3(): make @fd refer to @file (a new reference), closing what
 * it referred to before.  -EBUSY for an fd reserved by an open that has
 * not installed its file yet, as Linux.
 */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current_files();
	struct file *old;
	int err;

	for (;;) {
		err = expand_files(files, fd);
		if (err)
			return err == -EMFILE ? -EBADF : err;
		spin_lock(&files->file_lock);
		if (fd < files->max_fds)
			break;
		spin_unlock(&files->file_lock);
	}
	old = files->fd[fd];
	if (!old && fd_bit(files->open_fds, fd)) {
		spin_unlock(&files->file_lock);
		return -EBUSY;
	}
	files->fd[fd] = get_file(file);
	assign_fd_bit(files->open_fds, fd, true);
	assign_fd_bit(files->close_on_exec, fd, flags & O_CLOEXEC);
	spin_unlock(&files->file_lock);
	if (old)
		fput(old);
	return fd;
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current_files();
	bool on;

	spin_lock(&files->file_lock);
	on = fd < files->max_fds && fd_bit(files->close_on_exec, fd);
	spin_unlock(&files->file_lock);
	return on;
}

void set_close_on_exec(unsigned int fd, bool on)
{
	struct files_struct *files = current_files();

	spin_lock(&files->file_lock);
	if (fd < files->max_fds && files->fd[fd])
		assign_fd_bit(files->close_on_exec, fd, on);
	spin_unlock(&files->file_lock);
}

unsigned int files_count_open(struct files_struct *files)
{
	unsigned int fd, n = 0;

	spin_lock(&files->file_lock);
	for (fd = 0; fd < files->max_fds; fd++)
		n += fd_bit(files->open_fds, fd);
	spin_unlock(&files->file_lock);
	return n;
}

struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *new = kzalloc(sizeof(*new), GFP_KERNEL);
	unsigned int fd, old_max;
	int err;

	if (!new)
		return ERR_PTR(-ENOMEM);
	atomic_set(&new->count, 1);
	spin_lock_init(&new->file_lock);
	new->max_fds = NR_OPEN_DEFAULT;
	new->fd = new->fd_array;
	new->open_fds = new->open_fds_init;
	new->close_on_exec = new->close_on_exec_init;

	/* Grow the copy, unlocked, until it is as large as the original. */
	spin_lock(&old->file_lock);
	while (old->max_fds > new->max_fds) {
		old_max = old->max_fds;
		spin_unlock(&old->file_lock);
		err = expand_files(new, old_max - 1);
		if (err) {
			put_files_struct(new);
			return ERR_PTR(err);
		}
		spin_lock(&old->file_lock);
	}
	for (fd = 0; fd < old->max_fds; fd++) {
		if (!old->fd[fd])
			continue;
		new->fd[fd] = get_file(old->fd[fd]);
		assign_fd_bit(new->open_fds, fd, true);
		assign_fd_bit(new->close_on_exec, fd,
			      fd_bit(old->close_on_exec, fd));
	}
	spin_unlock(&old->file_lock);
	return new;
}

void put_files_struct(struct files_struct *files)
{
	unsigned int fd;

	if (!atomic_dec_and_test(&files->count))
		return;
	/* Nobody else can see the table now: no lock. */
	for (fd = 0; fd < files->max_fds; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	if (files->fd != files->fd_array) {
		kfree(files->fd);
		kfree(files->open_fds);
		kfree(files->close_on_exec);
	}
	kfree(files);
}
