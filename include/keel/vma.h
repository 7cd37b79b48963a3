/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A set of non-overlapping virtual address ranges [vm_start, vm_end) with
 * flags, kept in a red-black tree ordered by address (mm/vma.c).  The
 * vmalloc area uses one, and so does each user address space, whose
 * areas also say what they map (<keel/mm.h>, mm/mmap.c).  The tree
 * allocates nothing: callers embed or allocate struct vm_area_struct and
 * serialise all access to one tree with their own lock (a user address
 * space's mmap_lock: every field below is [mmap_lock]).
 */
#ifndef _KEEL_VMA_H
#define _KEEL_VMA_H

#include <keel/rbtree.h>
#include <keel/types.h>
#include <asm/pgtable_types.h>

struct file;
struct mm_struct;
struct vm_operations_struct;

struct vm_area_struct {
	unsigned long vm_start;		/* first address */
	unsigned long vm_end;		/* first address after the area */
	unsigned long vm_flags;		/* the owner's; the tree ignores them */
	struct mm_struct *vm_mm;	/* the address space; NULL: vmalloc */
	struct rb_node vm_rb;

	/* User address spaces only (mm/mmap.c). */
	pgprot_t vm_page_prot;		/* entries for vm_flags' access */
	unsigned long vm_pgoff;		/* vm_start's page in vm_file */
	struct file *vm_file;		/* mapped file (a reference), or NULL */
	/* Where the pages come from: NULL for private anonymous memory. */
	const struct vm_operations_struct *vm_ops;
	void *vm_private_data;		/* vm_ops' (shared anonymous memory) */
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

/*
 * The highest @align-aligned address @addr with [addr, addr + size) in
 * [low, high) and overlapping no area: last fit, for address spaces that
 * grow down from the top (user mmap()).  Errors as above.
 */
unsigned long vma_get_unmapped_area_topdown(const struct vma_tree *tree,
					    unsigned long low,
					    unsigned long high,
					    unsigned long size,
					    unsigned long align);

/* The area containing @addr or, failing that, the first above it. */
struct vm_area_struct *vma_find_above(const struct vma_tree *tree,
				      unsigned long addr);

struct vm_area_struct *vma_first(const struct vma_tree *tree);
struct vm_area_struct *vma_next(const struct vm_area_struct *vma);
struct vm_area_struct *vma_prev(const struct vm_area_struct *vma);

#endif /* _KEEL_VMA_H */
