// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs regular files: data lives in whole pages from the page allocator,
 * found through a sparse page index (<keel/page_index.h>) hung off
 * i_private.  A page exists only where something was written: holes read
 * as zeros, take no memory and are found by SEEK_DATA/SEEK_HOLE; truncation
 * frees the pages past the new size.  mmap() maps the file's own pages
 * (<keel/mm.h>'s vm_ops), so read(), write() and the mappings see the
 * same bytes.  Directories, symlinks and the super block are
 * fs/ramfs/inode.c.
 *
 * Locks, as Linux: the inode's i_rwsem covers the data, shared to read or
 * seek, exclusive to write or truncate (which free pages); inside it
 * i_lock covers i_size and i_blocks for stat().  A page fault cannot take
 * i_rwsem (write() holds it while it faults on user memory), so the
 * indexes have a lock of their own, ramfs_pages_lock, innermost, held
 * only to look up, add or remove pages: a fault adds pages but never
 * removes one, so a reader holding i_rwsem may use what it found after
 * dropping it.  Truncation leaves a page still mapped to the mapping
 * (its reference keeps it), no longer part of the file.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/fs.h>
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/mutex.h>
#include <keel/page_index.h>
#include <keel/slab.h>
#include <keel/stat.h>
#include <keel/string.h>
#include <keel/uio.h>

/*
 * Index nodes come from their own cache (Linux has radix_tree_node too):
 * its one cached empty slab is all that outlives a file, whatever its size.
 * Made on first use, since the root ramfs exists before any initcall.
 */
static struct kmem_cache *ramfs_node_cachep;
static DEFINE_MUTEX(ramfs_node_cache_mutex);
static DEFINE_MUTEX(ramfs_pages_lock);

static void *ramfs_alloc_node(size_t size)
{
	return kmem_cache_zalloc(ramfs_node_cachep, GFP_KERNEL);
}

static void ramfs_free_node(void *node)
{
	kmem_cache_free(ramfs_node_cachep, node);
}

static void ramfs_free_page(void *addr)
{
	__free_pages(virt_to_page(addr), 0);
}

static struct page_index *ramfs_index(struct inode *inode)
{
	return inode->i_private;
}

/* The file's index, created on the first write or fault. */
static struct page_index *ramfs_get_index(struct inode *inode)
{
	struct page_index *pi = ramfs_index(inode);

	if (pi)
		return pi;
	mutex_lock(&ramfs_node_cache_mutex);
	if (!ramfs_node_cachep)
		ramfs_node_cachep = kmem_cache_create("ramfs_index_node",
				sizeof(struct page_index_node), 0, 0, NULL);
	mutex_unlock(&ramfs_node_cache_mutex);
	if (!ramfs_node_cachep)
		return NULL;
	pi = kmalloc(sizeof(*pi), GFP_KERNEL);
	if (!pi)
		return NULL;
	page_index_init(pi, ramfs_alloc_node, ramfs_free_node);
	inode->i_private = pi;
	return pi;
}

/* st_blocks counts 512-byte units of the pages actually held. */
static void ramfs_update_blocks(struct inode *inode)
{
	struct page_index *pi = ramfs_index(inode);

	spin_lock(&inode->i_lock);
	inode->i_blocks = pi ? pi->nr_items << (PAGE_SHIFT - 9) : 0;
	spin_unlock(&inode->i_lock);
}

/*
 * The page holding @index of @inode's data, or NULL for a hole.  With
 * @create a hole gets a zeroed page (NULL: out of memory); with @get the
 * caller gets a reference to the page.
 */
static char *ramfs_page(struct inode *inode, unsigned long index,
			bool create, bool get)
{
	struct page_index *pi;
	char *page = NULL;
	struct page *new;

	mutex_lock(&ramfs_pages_lock);
	pi = create ? ramfs_get_index(inode) : ramfs_index(inode);
	if (pi)
		page = page_index_lookup(pi, index);
	if (!page && pi && create) {
		new = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (new && page_index_insert(pi, index, page_address(new)))
			__free_pages(new, 0);
		else if (new)
			page = page_address(new);
	}
	if (page && get)
		get_page(virt_to_page(page));
	mutex_unlock(&ramfs_pages_lock);
	return page;
}

/*
 * Page by page into @to; a fault in user memory ends the read with what
 * was copied before it, or -EFAULT if nothing was (Linux's
 * filemap_read()).
 */
static ssize_t ramfs_read_locked(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	loff_t size = READ_ONCE(inode->i_size);
	size_t count = iov_iter_count(to);
	size_t done = 0, copied;

	if (iocb->ki_pos >= size)
		return 0;
	count = min(count, (size_t)(size - iocb->ki_pos));
	while (done < count) {
		loff_t at = iocb->ki_pos + done;
		size_t offset = at & ~PAGE_MASK;
		size_t chunk = min(count - done, PAGE_SIZE - offset);
		char *page = ramfs_page(inode, at >> PAGE_SHIFT, false, false);

		if (page)
			copied = copy_to_iter(page + offset, chunk, to);
		else
			copied = iov_iter_zero(chunk, to);
		done += copied;
		if (copied < chunk)
			break;
	}
	if (!done && count)
		return -EFAULT;
	iocb->ki_pos += done;
	return done;
}

/*
 * Page by page from @from.  Running out of memory or a fault in user
 * memory ends the write with what was copied before, or -ENOMEM/-EFAULT
 * if nothing was.  A page it allocated past the (new) end and left
 * empty is freed again; inside the file it stays, zeros where a hole was.
 */
static ssize_t ramfs_write_locked(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	size_t count = iov_iter_count(from);
	size_t done = 0, copied;
	ssize_t err = 0;
	loff_t size;

	while (done < count) {
		loff_t at = iocb->ki_pos + done;
		size_t offset = at & ~PAGE_MASK;
		size_t chunk = min(count - done, PAGE_SIZE - offset);
		char *page = ramfs_page(inode, at >> PAGE_SHIFT, true, false);

		if (!page) {
			err = -ENOMEM;
			break;
		}
		copied = copy_from_iter(page + offset, chunk, from);
		done += copied;
		if (copied < chunk) {
			err = -EFAULT;
			break;
		}
	}
	iocb->ki_pos += done;
	spin_lock(&inode->i_lock);
	if (done && iocb->ki_pos > inode->i_size)
		inode->i_size = iocb->ki_pos;
	if (done)
		inode->i_mtime = inode->i_ctime = current_time(inode);
	size = inode->i_size;
	spin_unlock(&inode->i_lock);
	if (err && ramfs_index(inode)) {
		mutex_lock(&ramfs_pages_lock);
		page_index_truncate(ramfs_index(inode),
				    DIV_ROUND_UP(size, PAGE_SIZE),
				    ramfs_free_page);
		mutex_unlock(&ramfs_pages_lock);
	}
	ramfs_update_blocks(inode);
	return done ? (ssize_t)done : err;
}

static ssize_t ramfs_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	inode_lock_shared(inode);
	ret = ramfs_read_locked(iocb, to);
	inode_unlock_shared(inode);
	return ret;
}

static ssize_t ramfs_file_write_iter(struct kiocb *iocb,
				     struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	inode_lock(inode);
	ret = ramfs_write_locked(iocb, from);
	inode_unlock(inode);
	return ret;
}

/* SEEK_DATA and SEEK_HOLE from the index; the rest as any file. */
static loff_t ramfs_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);
	struct page_index *pi;
	unsigned long index;
	loff_t size, at;

	if (whence != SEEK_DATA && whence != SEEK_HOLE)
		return generic_file_llseek(file, offset, whence);
	inode_lock_shared(inode);
	mutex_lock(&ramfs_pages_lock);
	pi = ramfs_index(inode);
	size = READ_ONCE(inode->i_size);
	at = -ENXIO;
	if (offset < 0 || offset >= size)
		goto unlock;
	if (whence == SEEK_DATA) {
		if (!pi || !page_index_next(pi, offset >> PAGE_SHIFT, &index))
			goto unlock;
		at = max(offset, (loff_t)index << PAGE_SHIFT);
		if (at >= size)
			at = -ENXIO;
	} else {
		index = pi ? page_index_next_hole(pi, offset >> PAGE_SHIFT) :
			     (unsigned long)(offset >> PAGE_SHIFT);
		at = min(max(offset, (loff_t)index << PAGE_SHIFT), size);
	}
unlock:
	mutex_unlock(&ramfs_pages_lock);
	inode_unlock_shared(inode);
	if (at < 0)
		return at;
	spin_lock(&file->f_lock);
	file->f_pos = at;
	spin_unlock(&file->f_lock);
	return at;
}

/*
 * Free the pages wholly past @size and zero the tail of the page @size
 * ends in, so that growing the file again reads zeros there.
 */
static void ramfs_truncate_data(struct inode *inode, loff_t size)
{
	struct page_index *pi = ramfs_index(inode);
	char *page;

	inode_assert_locked_write(inode);
	if (!pi)
		return;
	mutex_lock(&ramfs_pages_lock);
	page_index_truncate(pi, PFN_UP(size), ramfs_free_page);
	if (size & ~PAGE_MASK) {
		page = page_index_lookup(pi, size >> PAGE_SHIFT);
		if (page)
			memset(page + (size & ~PAGE_MASK), 0,
			       PAGE_SIZE - (size & ~PAGE_MASK));
	}
	mutex_unlock(&ramfs_pages_lock);
	ramfs_update_blocks(inode);
}

static int ramfs_file_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);
	struct iattr rest = *attr;

	if (attr->ia_valid & ATTR_SIZE) {
		if (attr->ia_size < inode->i_size)
			ramfs_truncate_data(inode, attr->ia_size);
		spin_lock(&inode->i_lock);
		inode->i_size = attr->ia_size;
		spin_unlock(&inode->i_lock);
		rest.ia_valid &= ~ATTR_SIZE;
	}
	return simple_setattr(dentry, &rest);
}

void ramfs_evict_data(struct inode *inode)
{
	struct page_index *pi = ramfs_index(inode);

	if (!pi)
		return;
	page_index_truncate(pi, 0, ramfs_free_page);
	inode->i_private = NULL;
	kfree(pi);
	inode->i_blocks = 0;
}

/*
 * A page of the file for a mapping: a hole gets its page now, as a write
 * would; past the end of the file is SIGBUS, as in Linux.
 */
static vm_fault_t ramfs_vm_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	bool create = !(vmf->flags & FAULT_FLAG_NOALLOC);
	loff_t size = READ_ONCE(inode->i_size);
	char *page;

	vmf->page = NULL;
	if (vmf->pgoff >= DIV_ROUND_UP(size, PAGE_SIZE))
		return VM_FAULT_SIGBUS;
	page = ramfs_page(inode, vmf->pgoff, create, true);
	if (!page)
		return create ? VM_FAULT_OOM : 0;
	if (create)
		ramfs_update_blocks(inode);
	vmf->page = virt_to_page(page);
	return 0;
}

static const struct vm_operations_struct ramfs_file_vm_ops = {
	.fault = ramfs_vm_fault,
};

static int ramfs_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &ramfs_file_vm_ops;
	return 0;
}

const struct file_operations ramfs_file_operations = {
	.llseek = ramfs_file_llseek,
	.mmap = ramfs_file_mmap,
	.read_iter = ramfs_file_read_iter,
	.write_iter = ramfs_file_write_iter,
	.fsync = noop_fsync,
};

const struct inode_operations ramfs_file_inode_operations = {
	.setattr = ramfs_file_setattr,
};
