// SPDX-License-Identifier: GPL-2.0
/*
 * The VMA tree: non-overlapping address ranges in a red-black tree keyed
 * by start address.  Pure bookkeeping: it maps nothing, allocates nothing
 * and takes no lock (the owner's lock covers the whole tree), so it also
 * runs on the host under the sanitizers.  Finding free space walks the
 * areas in order, first fit from @low: fine for the few areas the kernel
 * has; user address spaces may add gap caching later.
 */
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/vma.h>

static struct vm_area_struct *to_vma(const struct rb_node *node)
{
	return rb_entry_safe((struct rb_node *)node, struct vm_area_struct,
			     vm_rb);
}

int vma_insert(struct vma_tree *tree, struct vm_area_struct *vma)
{
	struct rb_node **link = &tree->root.rb_node, *parent = NULL;

	if (vma->vm_start >= vma->vm_end)
		return -EINVAL;
	while (*link) {
		struct vm_area_struct *cur = to_vma(*link);

		parent = *link;
		if (vma->vm_end <= cur->vm_start)
			link = &parent->rb_left;
		else if (vma->vm_start >= cur->vm_end)
			link = &parent->rb_right;
		else
			return -EEXIST;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &tree->root);
	return 0;
}

void vma_remove(struct vma_tree *tree, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &tree->root);
	RB_CLEAR_NODE(&vma->vm_rb);
}

struct vm_area_struct *vma_find(const struct vma_tree *tree,
				unsigned long addr)
{
	const struct rb_node *node = tree->root.rb_node;

	while (node) {
		struct vm_area_struct *cur = to_vma(node);

		if (addr < cur->vm_start)
			node = node->rb_left;
		else if (addr >= cur->vm_end)
			node = node->rb_right;
		else
			return cur;
	}
	return NULL;
}

struct vm_area_struct *vma_find_above(const struct vma_tree *tree,
				      unsigned long addr)
{
	const struct rb_node *node = tree->root.rb_node;
	struct vm_area_struct *above = NULL;

	while (node) {
		struct vm_area_struct *cur = to_vma(node);

		if (addr < cur->vm_end) {
			above = cur;
			if (addr >= cur->vm_start)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return above;
}

struct vm_area_struct *vma_first(const struct vma_tree *tree)
{
	return to_vma(rb_first(&tree->root));
}

struct vm_area_struct *vma_next(const struct vm_area_struct *vma)
{
	return to_vma(rb_next(&vma->vm_rb));
}

struct vm_area_struct *vma_prev(const struct vm_area_struct *vma)
{
	return to_vma(rb_prev(&vma->vm_rb));
}

/* Does [addr, addr + size) end by @limit? */
static bool fits_below(unsigned long addr, unsigned long size,
		       unsigned long limit)
{
	return addr <= limit && limit - addr >= size;
}

unsigned long vma_get_unmapped_area(const struct vma_tree *tree,
				    unsigned long low, unsigned long high,
				    unsigned long size, unsigned long align)
{
	const struct vm_area_struct *vma;
	unsigned long addr = ALIGN(low, align);

	if (!size)
		return -EINVAL;
	if (addr < low)		/* aligning wrapped past the top */
		return -ENOMEM;
	for (vma = vma_first(tree); vma; vma = vma_next(vma)) {
		if (vma->vm_end <= addr)
			continue;
		if (fits_below(addr, size, min(vma->vm_start, high)))
			return addr;
		addr = ALIGN(vma->vm_end, align);
		if (addr < vma->vm_end || addr >= high)
			return -ENOMEM;
	}
	return fits_below(addr, size, high) ? addr : (unsigned long)-ENOMEM;
}

unsigned long vma_get_unmapped_area_topdown(const struct vma_tree *tree,
					    unsigned long low,
					    unsigned long high,
					    unsigned long size,
					    unsigned long align)
{
	const struct vm_area_struct *vma;
	unsigned long gap_start = low, best = -ENOMEM, addr;

	if (!size)
		return -EINVAL;
	/* Each gap [gap_start, end) in turn; the last that fits wins. */
	for (vma = vma_first(tree); ; vma = vma_next(vma)) {
		unsigned long end = vma ? min(vma->vm_start, high) : high;

		if (end > gap_start && end - gap_start >= size) {
			addr = (end - size) & ~(align - 1);
			if (addr >= gap_start)
				best = addr;
		}
		if (!vma || vma->vm_start >= high)
			break;
		gap_start = max(gap_start, vma->vm_end);
	}
	return best;
}
