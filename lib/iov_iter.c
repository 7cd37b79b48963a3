// SPDX-License-Identifier: GPL-2.0
/*
 * iov_iter: walking the memory of one read or write segment by segment.
 * User segments are copied with the fault-tolerant raw helpers of
 * <asm/uaccess.h> (and checked with access_ok() again, so a forged
 * iterator cannot reach kernel memory); kernel segments with memcpy().
 * Every copy returns the bytes it moved and advances the iterator by as
 * much; a fault ends it early.
 */
#include <keel/bug.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/kernel.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <keel/uaccess.h>
#include <keel/uio.h>

void iov_iter_ubuf(struct iov_iter *i, unsigned int direction,
		   void __user *buf, size_t count)
{
	*i = (struct iov_iter){
		.iter_type = ITER_UBUF,
		.data_source = direction,
		.ubuf = buf,
		.count = count,
		.nr_segs = 1,
	};
}

void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs,
		   size_t count)
{
	*i = (struct iov_iter){
		.iter_type = ITER_IOVEC,
		.data_source = direction,
		.__iov = iov,
		.nr_segs = nr_segs,
		.count = count,
	};
}

void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count)
{
	*i = (struct iov_iter){
		.iter_type = ITER_KVEC,
		.data_source = direction,
		.kvec = kvec,
		.nr_segs = nr_segs,
		.count = count,
	};
}

/*
 * The current segment: its address (user or kernel, by iter_type) and
 * what is left of it, at most i->count.  Empty segments are skipped.
 */
static size_t iter_segment(struct iov_iter *i, void **base)
{
	size_t len;

	if (i->iter_type == ITER_UBUF) {
		*base = (void __force *)i->ubuf + i->iov_offset;
		return i->count;
	}
	for (;;) {
		if (!i->nr_segs)
			return 0;
		if (i->iter_type == ITER_IOVEC) {
			*base = (void __force *)i->__iov->iov_base;
			len = i->__iov->iov_len;
		} else {
			*base = i->kvec->iov_base;
			len = i->kvec->iov_len;
		}
		if (i->iov_offset < len)
			break;
		/* Segment done: on to the next. */
		i->iov_offset = 0;
		i->nr_segs--;
		if (i->iter_type == ITER_IOVEC)
			i->__iov++;
		else
			i->kvec++;
	}
	*base += i->iov_offset;
	return min(len - i->iov_offset, i->count);
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	void *base;
	size_t len;

	bytes = min(bytes, i->count);
	while (bytes) {
		len = min(iter_segment(i, &base), bytes);
		if (!len)
			break;
		i->iov_offset += len;
		i->count -= len;
		bytes -= len;
	}
}

enum iter_op { TO_ITER, FROM_ITER, ZERO_ITER };

/* One chunk of user memory; returns the bytes NOT done. */
static size_t user_chunk(void *base, void *kaddr, size_t n, enum iter_op op)
{
	void __user *u = (void __force __user *)base;

	if (!access_ok(u, n))
		return n;
	switch (op) {
	case TO_ITER:
		return raw_copy_user(base, kaddr, n);
	case FROM_ITER:
		return raw_copy_user(kaddr, base, n);
	default:
		return raw_clear_user(u, n);
	}
}

static size_t iterate(struct iov_iter *i, void *kaddr, size_t bytes,
		      enum iter_op op)
{
	size_t done = 0, len, left;
	void *base;

	while (done < bytes) {
		len = min(iter_segment(i, &base), bytes - done);
		if (!len)
			break;
		if (i->iter_type != ITER_KVEC) {
			left = user_chunk(base, kaddr ? kaddr + done : NULL,
					  len, op);
		} else {
			left = 0;
			if (op == TO_ITER)
				memcpy(base, kaddr + done, len);
			else if (op == FROM_ITER)
				memcpy(kaddr + done, base, len);
			else
				memset(base, 0, len);
		}
		len -= left;
		i->iov_offset += len;
		i->count -= len;
		done += len;
		if (left)
			break;
	}
	return done;
}

static bool iter_dir_ok(const struct iov_iter *i, bool source)
{
	return !WARN_ON(i->data_source != source);
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	if (!iter_dir_ok(i, ITER_DEST))
		return 0;
	if (user_backed_iter(i))
		might_sleep();
	return iterate(i, (void *)addr, bytes, TO_ITER);
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	if (!iter_dir_ok(i, ITER_SOURCE))
		return 0;
	if (user_backed_iter(i))
		might_sleep();
	return iterate(i, addr, bytes, FROM_ITER);
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	if (user_backed_iter(i))
		might_sleep();
	if (!iter_dir_ok(i, ITER_DEST))
		return 0;
	return iterate(i, NULL, bytes, ZERO_ITER);
}

ssize_t iov_iter_drain(struct iov_iter *from,
		       void (*sink)(const char *s, size_t len))
{
	size_t done = 0, n, copied;
	char chunk[256];

	while (iov_iter_count(from)) {
		n = min(iov_iter_count(from), sizeof(chunk));
		copied = copy_from_iter(chunk, n, from);
		sink(chunk, copied);
		done += copied;
		if (copied < n)
			break;
	}
	return done ? (ssize_t)done : -EFAULT;
}

int import_ubuf(int type, void __user *buf, size_t len, struct iov_iter *i)
{
	len = min(len, (size_t)MAX_RW_COUNT);
	if (!access_ok(buf, len))
		return -EFAULT;
	iov_iter_ubuf(i, type, buf, len);
	return 0;
}

ssize_t import_iovec(int type, const struct iovec __user *uvec,
		     unsigned int nr_segs, unsigned int fast_segs,
		     struct iovec **iovp, struct iov_iter *i)
{
	struct iovec *iov = *iovp;
	size_t total = 0, len;
	unsigned int seg;
	ssize_t ret;

	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	if (nr_segs > fast_segs) {
		iov = kcalloc(nr_segs, sizeof(*iov), GFP_KERNEL);
		if (!iov)
			return -ENOMEM;
	}
	ret = -EFAULT;
	if (copy_from_user(iov, uvec, nr_segs * sizeof(*iov)))
		goto out_free;
	ret = -EINVAL;
	for (seg = 0; seg < nr_segs; seg++)
		if ((ssize_t)iov[seg].iov_len < 0)
			goto out_free;
	for (seg = 0; seg < nr_segs; seg++) {
		len = iov[seg].iov_len;
		if (len > MAX_RW_COUNT - total) {
			len = MAX_RW_COUNT - total;
			iov[seg].iov_len = len;
		}
		ret = -EFAULT;
		if (!access_ok(iov[seg].iov_base, len))
			goto out_free;
		total += len;
	}
	iov_iter_init(i, type, iov, nr_segs, total);
	*iovp = iov == *iovp ? NULL : iov;
	return total;

out_free:
	if (iov != *iovp)
		kfree(iov);
	return ret;
}
