/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A pipe's state (fs/pipe.c), shared by the read and write ends of an
 * anonymous pipe or by every file open on a FIFO.  [mutex] fields are
 * under pipe->mutex, which may be held while the ring's pages are
 * allocated and is never held while waiting.
 */
#ifndef _KEEL_PIPE_FS_I_H
#define _KEEL_PIPE_FS_I_H

#include <keel/mutex.h>
#include <keel/types.h>
#include <keel/wait.h>

#define PIPE_DEF_BUFFERS	16

struct file;

struct pipe_inode_info {
	struct mutex mutex;
	wait_queue_head_t rd_wait;	/* readers wait for data or EOF */
	wait_queue_head_t wr_wait;	/* writers wait for room */
	unsigned int readers;		/* [mutex] */
	unsigned int writers;		/* [mutex] */
	unsigned int files;		/* open files on it [inode->i_lock] */
	size_t head;			/* ring offset of unread data [mutex] */
	size_t len;			/* unread bytes [mutex] */
	size_t size;			/* capacity, F_SETPIPE_SZ [mutex] */
	char *pages[PIPE_DEF_BUFFERS];	/* NULL until written [mutex] */
};

/* The pipe @file reads or writes, or NULL if it is not a pipe or FIFO. */
struct pipe_inode_info *get_pipe_info(struct file *file);

/* fcntl(F_GETPIPE_SZ, F_SETPIPE_SZ): -EBADF if @file is not a pipe. */
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg);

#endif /* _KEEL_PIPE_FS_I_H */
