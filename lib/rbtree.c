// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black trees after Cormen et al., "Introduction to Algorithms",
 * chapter 13, with NULL in place of the sentinel leaf (NULL counts as
 * black).  Each fix-up case exists in a left and a mirrored right form;
 * here both are written once, in terms of a direction @dir and its
 * opposite !dir.
 */
#include <keel/rbtree.h>

#define LEFT	0
#define RIGHT	1

static struct rb_node *get_child(const struct rb_node *node, int dir)
{
	return dir == LEFT ? node->rb_left : node->rb_right;
}

static struct rb_node **child_link(struct rb_node *node, int dir)
{
	return dir == LEFT ? &node->rb_left : &node->rb_right;
}

static bool is_red(const struct rb_node *node)
{
	return node && !rb_is_black(node);
}

static void set_parent(struct rb_node *node, struct rb_node *parent)
{
	node->__rb_parent_color = (unsigned long)parent |
				  (node->__rb_parent_color & RB_BLACK);
}

static void set_color(struct rb_node *node, unsigned long color)
{
	node->__rb_parent_color = (node->__rb_parent_color & ~1UL) | color;
}

/* Points the link that led to @old (in @parent, or the root) at @new. */
static void replace_child(struct rb_node *old, struct rb_node *new,
			  struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 * Moves @node down to its @dir side; its child on the other side takes its
 * place.  Colours stay with their nodes.
 */
static void rotate(struct rb_node *node, int dir, struct rb_root *root)
{
	struct rb_node *parent = rb_parent(node);
	struct rb_node *up = get_child(node, !dir);
	struct rb_node *inner = get_child(up, dir);

	*child_link(node, !dir) = inner;
	if (inner)
		set_parent(inner, node);
	*child_link(up, dir) = node;
	set_parent(node, up);
	set_parent(up, parent);
	replace_child(node, up, parent, root);
}

/* A newly linked node is red; only a red parent breaks the rules. */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *parent, *gparent, *uncle;
	int dir;

	while ((parent = rb_parent(node)) && is_red(parent)) {
		/* A red node is never the root: gparent exists. */
		gparent = rb_parent(parent);
		dir = parent == gparent->rb_left ? LEFT : RIGHT;
		uncle = get_child(gparent, !dir);
		if (is_red(uncle)) {
			/* Pull gparent's black down a level; go on from it. */
			set_color(parent, RB_BLACK);
			set_color(uncle, RB_BLACK);
			set_color(gparent, RB_RED);
			node = gparent;
			continue;
		}
		if (node == get_child(parent, !dir)) {
			/* An inner grandchild: make it an outer one. */
			rotate(parent, dir, root);
			node = parent;
			parent = rb_parent(node);
		}
		/* Parent takes gparent's place and colour; all is well. */
		set_color(parent, RB_BLACK);
		set_color(gparent, RB_RED);
		rotate(gparent, !dir, root);
	}
	set_color(root->rb_node, RB_BLACK);
}

/*
 * The paths through @node, which may be NULL, have one black fewer than
 * those through its sibling: move a black over or push the deficit up.
 */
static void erase_fixup(struct rb_node *node, struct rb_node *parent,
			struct rb_root *root)
{
	struct rb_node *sibling;
	int dir;

	while (node != root->rb_node && !is_red(node)) {
		/* The sibling exists: its side has at least one black. */
		dir = node == parent->rb_left ? LEFT : RIGHT;
		sibling = get_child(parent, !dir);
		if (is_red(sibling)) {
			/* Rotate so that @node gets a black sibling. */
			set_color(sibling, RB_BLACK);
			set_color(parent, RB_RED);
			rotate(parent, dir, root);
			sibling = get_child(parent, !dir);
		}
		if (!is_red(sibling->rb_left) && !is_red(sibling->rb_right)) {
			/* Take a black off the sibling's side too; go up. */
			set_color(sibling, RB_RED);
			node = parent;
			parent = rb_parent(node);
			continue;
		}
		if (!is_red(get_child(sibling, !dir))) {
			/* Make the sibling's outer child the red one. */
			set_color(get_child(sibling, dir), RB_BLACK);
			set_color(sibling, RB_RED);
			rotate(sibling, !dir, root);
			sibling = get_child(parent, !dir);
		}
		/* The sibling rises to parent's place, lending a black. */
		set_color(sibling, rb_is_black(parent) ? RB_BLACK : RB_RED);
		set_color(parent, RB_BLACK);
		set_color(get_child(sibling, !dir), RB_BLACK);
		rotate(parent, dir, root);
		node = root->rb_node;
	}
	if (node)
		set_color(node, RB_BLACK);
}

static struct rb_node *extreme(struct rb_node *node, int dir)
{
	while (get_child(node, dir))
		node = get_child(node, dir);
	return node;
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *parent = rb_parent(node);
	struct rb_node *child, *succ, *fix_parent;
	bool removed_black;

	if (!node->rb_left || !node->rb_right) {
		/* At most one child, which takes @node's place. */
		child = node->rb_left ? node->rb_left : node->rb_right;
		removed_black = rb_is_black(node);
		replace_child(node, child, parent, root);
		if (child)
			set_parent(child, parent);
		fix_parent = parent;
	} else {
		/*
		 * Two children: the successor, which has no left child,
		 * takes @node's place and colour, so the colour that goes
		 * missing is the successor's, from where it was.
		 */
		succ = extreme(node->rb_right, LEFT);
		child = succ->rb_right;
		removed_black = rb_is_black(succ);
		if (rb_parent(succ) == node) {
			fix_parent = succ;
		} else {
			fix_parent = rb_parent(succ);
			fix_parent->rb_left = child;
			if (child)
				set_parent(child, fix_parent);
			succ->rb_right = node->rb_right;
			set_parent(succ->rb_right, succ);
		}
		succ->rb_left = node->rb_left;
		set_parent(succ->rb_left, succ);
		succ->__rb_parent_color = node->__rb_parent_color;
		replace_child(node, succ, parent, root);
	}
	if (removed_black)
		erase_fixup(child, fix_parent, root);
}

/* Puts @new where @victim is, without rebalancing: keys must sort alike. */
void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root)
{
	*new = *victim;
	if (victim->rb_left)
		set_parent(victim->rb_left, new);
	if (victim->rb_right)
		set_parent(victim->rb_right, new);
	replace_child(victim, new, rb_parent(victim), root);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	return root->rb_node ? extreme(root->rb_node, LEFT) : NULL;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	return root->rb_node ? extreme(root->rb_node, RIGHT) : NULL;
}

/* The neighbour of @node in direction @dir, in sort order. */
static struct rb_node *step(const struct rb_node *node, int dir)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (get_child(node, dir))
		return extreme(get_child(node, dir), !dir);
	/* Climb until we come up out of a subtree on the other side. */
	while ((parent = rb_parent(node)) && node == get_child(parent, dir))
		node = parent;
	return parent;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	return step(node, RIGHT);
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	return step(node, LEFT);
}
