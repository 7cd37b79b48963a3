// SPDX-License-Identifier: GPL-2.0
/*
 * The sparse page index of ramfs files (<keel/page_index.h>): a radix tree
 * of 64-slot nodes.  Level 0 nodes hold items; a node at level L covers
 * 64^(L+1) indices.  The tree grows a level when an index does not fit
 * and shrinks when truncation empties it, and empty nodes are freed at
 * once, so memory follows the data.  No locks: the owner serializes.
 */
#include <keel/errno.h>
#include <keel/page_index.h>

static unsigned int level_shift(unsigned int level)
{
	return level * PAGE_INDEX_SHIFT;
}

static bool index_fits(unsigned int height, unsigned long index)
{
	return (index >> level_shift(height)) == 0;
}

static unsigned int slot_of(unsigned long index, unsigned int level)
{
	return (index >> level_shift(level)) & (PAGE_INDEX_SLOTS - 1);
}

void page_index_init(struct page_index *pi, void *(*alloc_node)(size_t),
		     void (*free_node)(void *))
{
	pi->root = NULL;
	pi->height = 0;
	pi->nr_items = 0;
	pi->nr_nodes = 0;
	pi->alloc_node = alloc_node;
	pi->free_node = free_node;
}

static struct page_index_node *new_node(struct page_index *pi)
{
	struct page_index_node *node = pi->alloc_node(sizeof(*node));

	if (node)
		pi->nr_nodes++;
	return node;
}

static void free_node(struct page_index *pi, struct page_index_node *node)
{
	pi->nr_nodes--;
	pi->free_node(node);
}

void *page_index_lookup(const struct page_index *pi, unsigned long index)
{
	struct page_index_node *node = pi->root;
	unsigned int level;

	if (!node || !index_fits(pi->height, index))
		return NULL;
	for (level = pi->height - 1; level > 0; level--) {
		node = node->slots[slot_of(index, level)];
		if (!node)
			return NULL;
	}
	return node->slots[slot_of(index, 0)];
}

/* Add levels on top until @index fits; an empty tree just gets taller. */
static int grow(struct page_index *pi, unsigned long index)
{
	struct page_index_node *top;

	if (!pi->root) {
		pi->height = 1;
		while (!index_fits(pi->height, index))
			pi->height++;
		return 0;
	}
	while (!index_fits(pi->height, index)) {
		top = new_node(pi);
		if (!top)
			return -ENOMEM;
		top->slots[0] = pi->root;
		top->count = 1;
		pi->root = top;
		pi->height++;
	}
	return 0;
}

int page_index_insert(struct page_index *pi, unsigned long index, void *item)
{
	struct page_index_node *node, *child;
	unsigned int level, slot;
	int err;

	if (index >= PAGE_INDEX_LIMIT)
		return -EINVAL;
	err = grow(pi, index);
	if (err)
		return err;
	if (!pi->root) {
		pi->root = new_node(pi);
		if (!pi->root)
			return -ENOMEM;
	}
	node = pi->root;
	for (level = pi->height - 1; level > 0; level--) {
		slot = slot_of(index, level);
		child = node->slots[slot];
		if (!child) {
			child = new_node(pi);
			if (!child)
				return -ENOMEM;
			node->slots[slot] = child;
			node->count++;
		}
		node = child;
	}
	node->slots[slot_of(index, 0)] = item;
	node->count++;
	pi->nr_items++;
	return 0;
}

/* First slot of a node at @level based at @base that can reach @start. */
static unsigned int first_slot(unsigned long base, unsigned int level,
			       unsigned long start)
{
	return start > base ? (start - base) >> level_shift(level) : 0;
}

static bool next_in(const struct page_index_node *node, unsigned int level,
		    unsigned long base, unsigned long start,
		    unsigned long *found)
{
	unsigned int slot;

	for (slot = first_slot(base, level, start); slot < PAGE_INDEX_SLOTS;
	     slot++) {
		unsigned long idx = base + ((unsigned long)slot <<
					    level_shift(level));

		if (!node->slots[slot])
			continue;
		if (level == 0) {
			*found = idx;
			return true;
		}
		if (next_in(node->slots[slot], level - 1, idx, start, found))
			return true;
	}
	return false;
}

bool page_index_next(const struct page_index *pi, unsigned long start,
		     unsigned long *found)
{
	if (!pi->root || !index_fits(pi->height, start))
		return false;
	return next_in(pi->root, pi->height - 1, 0, start, found);
}

unsigned long page_index_next_hole(const struct page_index *pi,
				   unsigned long start)
{
	while (page_index_lookup(pi, start))
		start++;
	return start;
}

static void truncate_node(struct page_index *pi,
			  struct page_index_node *node, unsigned int level,
			  unsigned long base, unsigned long start,
			  void (*free_item)(void *item))
{
	unsigned int slot;

	for (slot = first_slot(base, level, start); slot < PAGE_INDEX_SLOTS;
	     slot++) {
		unsigned long idx = base + ((unsigned long)slot <<
					    level_shift(level));
		void *child = node->slots[slot];

		if (!child)
			continue;
		if (level == 0) {
			free_item(child);
			pi->nr_items--;
		} else {
			truncate_node(pi, child, level - 1, idx, start,
				      free_item);
			if (((struct page_index_node *)child)->count)
				continue;
			free_node(pi, child);
		}
		node->slots[slot] = NULL;
		node->count--;
	}
}

void page_index_truncate(struct page_index *pi, unsigned long start,
			 void (*free_item)(void *item))
{
	struct page_index_node *root = pi->root;

	if (!root || !index_fits(pi->height, start))
		return;
	truncate_node(pi, root, pi->height - 1, 0, start, free_item);
	/* Drop levels whose only child is slot 0: they cover nothing else. */
	while (pi->height > 1 && root->count == 1 && root->slots[0]) {
		pi->root = root->slots[0];
		free_node(pi, root);
		root = pi->root;
		pi->height--;
	}
	if (!root->count) {
		free_node(pi, root);
		pi->root = NULL;
		pi->height = 0;
	}
}
