/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Red-black trees with Linux's API (lib/rbtree.c).
 *
 * The tree holds no keys and calls no comparison function: the user walks
 * down from rb_root to find the empty link where a node belongs, links it
 * there with rb_link_node() and lets rb_insert_color() rebalance.  Nodes
 * are embedded in the user's structures; rb_entry() gets back to them.
 * The caller serialises all access to one tree.
 */
#ifndef _KEEL_RBTREE_H
#define _KEEL_RBTREE_H

#include <keel/kernel.h>

/*
 * Nodes are at least 4-byte aligned, so the low bit of the parent pointer
 * is free to hold the node's colour.
 */
struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_RED		0
#define RB_BLACK	1

#define RB_ROOT		((struct rb_root){ NULL })

#define rb_entry(ptr, type, member)	container_of(ptr, type, member)

#define rb_entry_safe(ptr, type, member) ({				\
	__typeof__(ptr) ____ptr = (ptr);				\
	____ptr ? rb_entry(____ptr, type, member) : NULL;		\
})

#define RB_EMPTY_ROOT(root)	(READ_ONCE((root)->rb_node) == NULL)

/* A node that is in no tree points at itself, as RB_CLEAR_NODE() leaves it. */
#define RB_EMPTY_NODE(node)	\
	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node)	\
	((node)->__rb_parent_color = (unsigned long)(node))

static inline struct rb_node *rb_parent(const struct rb_node *node)
{
	return (struct rb_node *)(node->__rb_parent_color & ~3UL);
}

/* For tree checkers; users of the tree have no business with colours. */
static inline bool rb_is_black(const struct rb_node *node)
{
	return node->__rb_parent_color & RB_BLACK;
}

/* Hangs @node, red and childless, from @parent at *@link (NULL before). */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->__rb_parent_color = (unsigned long)parent;	/* RB_RED */
	node->rb_left = NULL;
	node->rb_right = NULL;
	*link = node;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);
void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root);

struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

#endif /* _KEEL_RBTREE_H */
