// SPDX-License-Identifier: GPL-2.0
/*
 * Futexes, the core: keys, the hash table of waiters and access to the
 * futex word.  A futex is a 32-bit user word; threads that found it at
 * a value they must wait on sleep in the kernel, queued under a key for
 * the word, until another thread that changed it wakes them.
 *
 * Locks: one spinlock per hash bucket; two are taken in address order
 * (double_lock_hb()).  mmap_lock is taken only for a shared key, and
 * never under a bucket lock.  The futex word is read or changed under a
 * bucket lock with page faults refused (a spinlock makes the context
 * atomic, so the fault handler takes the fix-up); the caller then
 * unlocks, faults the page in and starts again.
 */
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/mm.h>
#include <keel/mmap_lock.h>
#include <keel/sched.h>
#include <keel/sched/wake_q.h>
#include <keel/uaccess.h>
#include <keel/vma.h>
#include <asm/barrier.h>
#include <asm/futex.h>
#include <asm/page.h>
#include "futex.h"

#define FUTEX_HASH_BITS		8
#define FUTEX_HASH_SIZE		(1 << FUTEX_HASH_BITS)

static struct futex_hash_bucket futex_queues[FUTEX_HASH_SIZE];

static int futex_init(void)
{
	int i;

	for (i = 0; i < FUTEX_HASH_SIZE; i++) {
		spin_lock_init(&futex_queues[i].lock);
		INIT_LIST_HEAD(&futex_queues[i].chain);
	}
	return 0;
}
/* Before any task that could use a futex: PID 1 runs after these. */
early_initcall(futex_init);

struct futex_hash_bucket *futex_hash(const struct futex_key *key)
{
	u64 h = ((unsigned long)key->object ^ (key->offset << 7)) *
		0x61c8864680b583ebULL;

	return &futex_queues[h >> (64 - FUTEX_HASH_BITS)];
}

/*
 * A key for the word at @uaddr: 0, -EINVAL when it is not 4-byte
 * aligned, -EFAULT when it is not user memory (or, for a shared key,
 * not mapped).  A private key needs no look-up: FUTEX_WAKE on a word
 * that was never mapped wakes nobody, as in Linux.
 */
int get_futex_key(u32 __user *uaddr, unsigned int flags,
		  struct futex_key *key)
{
	unsigned long address = (unsigned long)uaddr;
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	if (address % sizeof(u32))
		return -EINVAL;
	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	key->object = mm;
	key->offset = address;
	if (!(flags & FLAGS_SHARED) || !mm)
		return 0;

	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	/* Linux pins the page for a shared key: it must be readable. */
	if (!vma || address < vma->vm_start || !(vma->vm_flags & VM_READ)) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	if (vma->vm_flags & VM_SHARED) {
		key->object = vma->vm_file ? (void *)file_inode(vma->vm_file) :
					     vma->vm_private_data;
		key->offset = (vma->vm_pgoff << PAGE_SHIFT) +
			      (address - vma->vm_start);
	}
	mmap_read_unlock(mm);
	return 0;
}

int futex_pair_get(struct futex_pair *fp, u32 __user *uaddr1,
		   u32 __user *uaddr2, unsigned int flags)
{
	int ret = get_futex_key(uaddr1, flags, &fp->key1);

	if (!ret)
		ret = get_futex_key(uaddr2, flags, &fp->key2);
	if (ret)
		return ret;
	fp->hb1 = futex_hash(&fp->key1);
	fp->hb2 = futex_hash(&fp->key2);
	return 0;
}

void futex_pair_lock(struct futex_pair *fp)
{
	struct futex_hash_bucket *first = min(fp->hb1, fp->hb2);
	struct futex_hash_bucket *second = max(fp->hb1, fp->hb2);

	spin_lock(&first->lock);
	if (first != second)
		spin_lock(&second->lock);
}

void futex_pair_unlock(struct futex_pair *fp)
{
	spin_unlock(&fp->hb1->lock);
	if (fp->hb1 != fp->hb2)
		spin_unlock(&fp->hb2->lock);
}

/* get_user() may sleep, so says might_sleep(); this one only fails. */
int futex_get_value_locked(u32 *val, u32 __user *uaddr)
{
	return __get_user(*val, uaddr);
}

/* A lock cmpxchg writes even when it does not match: a write fault. */
int fault_in_user_writeable(u32 __user *uaddr)
{
	u32 val;

	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	return futex_atomic_cmpxchg_inatomic(&val, uaddr, 0, 0);
}

void futex_wake_mark(struct wake_q_head *wake_q, struct futex_q *q)
{
	list_del_init(&q->list);
	wake_q_add(wake_q, q->task);
	/* The last touch: after it the waiter may return and free @q. */
	smp_store_release(&q->lock_ptr, NULL);
}
