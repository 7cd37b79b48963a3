/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux's iov_iter: a cursor over the memory of one read or write, so a
 * file's ->read_iter/->write_iter serve read, pread64, readv (user
 * memory: ITER_UBUF, ITER_IOVEC) and kernel_read (kernel memory:
 * ITER_KVEC) alike.  copy_to_iter()/copy_from_iter() return the bytes
 * copied and advance the cursor; at a fault in user memory they stop, so
 * the file returns a short count, or -EFAULT if it moved nothing.
 */
#ifndef _KEEL_UIO_H
#define _KEEL_UIO_H

#include <keel/compiler.h>
#include <keel/types.h>

/* One segment of user memory (readv/writev's array). */
struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

/* One segment of kernel memory. */
struct kvec {
	void *iov_base;
	size_t iov_len;
};

enum iter_type {
	ITER_UBUF,	/* one user buffer */
	ITER_IOVEC,	/* an array of user segments */
	ITER_KVEC,	/* an array of kernel segments */
};

/* The iterator's direction: memory the file reads into, or writes from. */
#define ITER_DEST	0	/* a read fills it */
#define ITER_SOURCE	1	/* a write drains it */

#define UIO_FASTIOV	8
#define UIO_MAXIOV	1024	/* IOV_MAX */

struct iov_iter {
	u8 iter_type;
	bool data_source;	/* ITER_SOURCE */
	size_t iov_offset;	/* into the current segment (or ubuf) */
	size_t count;		/* bytes left */
	union {
		const struct iovec *__iov;
		const struct kvec *kvec;
		void __user *ubuf;
	};
	unsigned long nr_segs;	/* segments left, the current one included */
};

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

static inline bool user_backed_iter(const struct iov_iter *i)
{
	return i->iter_type == ITER_UBUF || i->iter_type == ITER_IOVEC;
}

/* Limit the iterator to @count bytes (a clamp to MAX_RW_COUNT). */
static inline void iov_iter_truncate(struct iov_iter *i, u64 count)
{
	if (i->count > count)
		i->count = count;
}

void iov_iter_ubuf(struct iov_iter *i, unsigned int direction,
		   void __user *buf, size_t count);
void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs,
		   size_t count);
void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count);
void iov_iter_advance(struct iov_iter *i, size_t bytes);

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);

/*
 * Hand what @from holds to @sink (a console's output) a chunk at a time
 * through a small stack buffer, as Linux's tty write does: the bytes
 * handed over, which a fault cuts short, or -EFAULT if it left none.
 */
ssize_t iov_iter_drain(struct iov_iter *from,
		       void (*sink)(const char *s, size_t len));

/* -EFAULT unless [buf, buf + len) is user memory; len clamped to MAX_RW_COUNT. */
int import_ubuf(int type, void __user *buf, size_t len, struct iov_iter *i);
/*
 * Copy readv/writev's array in (into *@iovp, or a kmalloc'd array that
 * *@iovp then points to: kfree() it after), check it as Linux does
 * (-EINVAL past UIO_MAXIOV segments or for a negative length, -EFAULT if
 * a segment is not user memory), clamp the total to MAX_RW_COUNT and set
 * up @i.  Returns the total or -errno.
 */
ssize_t import_iovec(int type, const struct iovec __user *uvec,
		     unsigned int nr_segs, unsigned int fast_segs,
		     struct iovec **iovp, struct iov_iter *i);

#endif /* _KEEL_UIO_H */
