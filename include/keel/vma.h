/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A set of non-overlapping virtual address ranges [vm_start, vm_end) with
 * flags, kept in a red-black tree ordered by address (mm/vma.c).  The
 * vmalloc area uses one; each user address space will too.  The tree
 * allocates nothing: callers embed or allocate struct vm_area_struct and
 * serialise all access to one tree with their own lock.
 */
#ifndef _KEEL_VMA_H
#define _KEEL_VMA_H

#include <keel/rbtree.h>
#include <keel/types.h>

struct mm_struct;

struct vm_area_struct {
	unsigned long vm_start;		/* first address */
	unsigned long vm_end;		/* first address after the area */
	unsigned long vm_flags;		/* the owner's; the tree ignores them */
	struct mm_struct *vm_mm;	/* the address space; NULL: vmalloc */
	struct rb_node vm_rb;
};

struct vma_tree {
	struct rb_root root;
};

#define VMA_TREE_INIT	{ .root = { NULL } }

/* Add @vma.  0, -EINVAL if vm_start >= vm_end, -EEXIST if it overlaps. */
int vma_insert(struct vma_tree *tree, struct vm_area_struct *vma);

void vma_remove(struct vma_tree *tree, struct vm_area_struct *vma);

/* The area containing @addr, or NULL. */
struct vm_area_struct *vma_find(const struct vma_tree *tree,
				unsigned long addr);

/*
 * The lowest @align-aligned (a power of two) address @addr in [low, high)
 * such that [addr, addr + size) overlaps no area and ends by @high: first
 * fit, so freed holes are reused.  -ENOMEM (as an unsigned long, test it
 * with IS_ERR_VALUE()) when there is no room; -EINVAL for a zero size.
 */
unsigned long vma_get_unmapped_area(const struct vma_tree *tree,
				    unsigned long low, unsigned long high,
				    unsigned long size, unsigned long align);

struct vm_area_struct *vma_first(const struct vma_tree *tree);
struct vm_area_struct *vma_next(const struct vm_area_struct *vma);

#endif /* _KEEL_VMA_H */
