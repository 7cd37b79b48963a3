// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for lib/rbtree.c.  After every insertion and every erasure
 * it checks the whole tree: the root is black, no red node has a red
 * child, every path has as many black nodes, parent links agree with
 * child links, and an in-order walk is sorted and sees every node.
 * Keys come from a fixed LCG, so each run exercises the same shapes.
 */
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/rbtree.h>

#define NR_NODES	1000

struct knode {
	struct rb_node rb;
	u32 key;
};

static struct knode nodes[NR_NODES];

/* Numerical Recipes' LCG; the high bits are the random-looking ones. */
static u32 lcg_next(u32 *state)
{
	*state = *state * 1664525u + 1013904223u;
	return *state >> 8;
}

/* Equal keys go right, so duplicates keep their insertion order. */
static void insert(struct rb_root *root, struct knode *new)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (new->key < rb_entry(parent, struct knode, rb)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&new->rb, parent, link);
	rb_insert_color(&new->rb, root);
}

enum tree_fault {
	TREE_OK,
	TREE_RED_ROOT,
	TREE_BAD_PARENT,
	TREE_RED_RED,
	TREE_BLACK_HEIGHT,
	TREE_UNSORTED,
	TREE_WRONG_COUNT,
	TREE_BAD_PREV,
};

/*
 * Returns the black height of the subtree at @node (NULL leaves count
 * as 1), or -fault.  Recursion depth is the tree height: at most 20 here.
 */
static int black_height(const struct rb_node *node,
			const struct rb_node *parent)
{
	int left, right;

	if (!node)
		return 1;
	if (rb_parent(node) != parent)
		return -TREE_BAD_PARENT;
	if (!rb_is_black(node) &&
	    ((node->rb_left && !rb_is_black(node->rb_left)) ||
	     (node->rb_right && !rb_is_black(node->rb_right))))
		return -TREE_RED_RED;
	left = black_height(node->rb_left, node);
	if (left < 0)
		return left;
	right = black_height(node->rb_right, node);
	if (right < 0)
		return right;
	if (left != right)
		return -TREE_BLACK_HEIGHT;
	return left + rb_is_black(node);
}

static enum tree_fault check_tree(const struct rb_root *root,
				  unsigned int count)
{
	const struct rb_node *node, *prev = NULL;
	unsigned int seen = 0;
	int height;

	if (root->rb_node && !rb_is_black(root->rb_node))
		return TREE_RED_ROOT;
	height = black_height(root->rb_node, NULL);
	if (height < 0)
		return -height;
	for (node = rb_first(root); node; prev = node, node = rb_next(node)) {
		if (prev && rb_entry(prev, struct knode, rb)->key >
			    rb_entry(node, struct knode, rb)->key)
			return TREE_UNSORTED;
		if (rb_prev(node) != prev)
			return TREE_BAD_PREV;
		seen++;
	}
	if (prev != rb_last(root))
		return TREE_BAD_PREV;
	return seen == count ? TREE_OK : TREE_WRONG_COUNT;
}

static unsigned int tree_height(const struct rb_node *node)
{
	unsigned int left, right;

	if (!node)
		return 0;
	left = tree_height(node->rb_left);
	right = tree_height(node->rb_right);
	return 1 + (left > right ? left : right);
}

static void empty_tree(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	struct knode *n = &nodes[0];

	KTEST_EXPECT_EQ(t, RB_EMPTY_ROOT(&root), true);
	KTEST_EXPECT_NULL(t, rb_first(&root));
	KTEST_EXPECT_NULL(t, rb_last(&root));
	KTEST_EXPECT_EQ(t, check_tree(&root, 0), TREE_OK);

	RB_CLEAR_NODE(&n->rb);
	KTEST_EXPECT_EQ(t, RB_EMPTY_NODE(&n->rb), true);
	KTEST_EXPECT_NULL(t, rb_next(&n->rb));
	KTEST_EXPECT_NULL(t, rb_prev(&n->rb));

	n->key = 5;
	insert(&root, n);
	KTEST_EXPECT_EQ(t, RB_EMPTY_ROOT(&root), false);
	KTEST_EXPECT_EQ(t, RB_EMPTY_NODE(&n->rb), false);
	KTEST_EXPECT_PTR_EQ(t, rb_first(&root), &n->rb);
	KTEST_EXPECT_PTR_EQ(t, rb_last(&root), &n->rb);
	KTEST_EXPECT_EQ(t, check_tree(&root, 1), TREE_OK);
	rb_erase(&n->rb, &root);
	KTEST_EXPECT_EQ(t, RB_EMPTY_ROOT(&root), true);
}

/* Fills the tree with NR_NODES random keys, checking after each one. */
static enum tree_fault fill_random(struct rb_root *root, u32 seed)
{
	enum tree_fault fault;
	unsigned int i;

	for (i = 0; i < NR_NODES; i++) {
		/* Few enough distinct keys that duplicates occur. */
		nodes[i].key = lcg_next(&seed) % (NR_NODES * 4);
		insert(root, &nodes[i]);
		fault = check_tree(root, i + 1);
		if (fault)
			return fault;
	}
	return TREE_OK;
}

static void insert_random(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	u32 min = ~0u, max = 0;
	unsigned int i;

	KTEST_ASSERT_EQ(t, fill_random(&root, 1), TREE_OK);
	for (i = 0; i < NR_NODES; i++) {
		min = nodes[i].key < min ? nodes[i].key : min;
		max = nodes[i].key > max ? nodes[i].key : max;
	}
	KTEST_EXPECT_EQ(t, rb_entry(rb_first(&root), struct knode, rb)->key,
			min);
	KTEST_EXPECT_EQ(t, rb_entry(rb_last(&root), struct knode, rb)->key,
			max);
	/* A red-black tree of n nodes is at most 2 * log2(n + 1) high. */
	KTEST_EXPECT_LE(t, tree_height(root.rb_node), 19);
}

static void erase_random(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	static unsigned int order[NR_NODES];
	unsigned int i;
	u32 seed = 2;

	KTEST_ASSERT_EQ(t, fill_random(&root, 3), TREE_OK);
	/* Erase in a random order: a Fisher-Yates shuffle of the indices. */
	for (i = 0; i < NR_NODES; i++)
		order[i] = i;
	for (i = NR_NODES - 1; i > 0; i--) {
		unsigned int j = lcg_next(&seed) % (i + 1), tmp = order[i];

		order[i] = order[j];
		order[j] = tmp;
	}
	for (i = 0; i < NR_NODES; i++) {
		rb_erase(&nodes[order[i]].rb, &root);
		KTEST_ASSERT_EQ(t, check_tree(&root, NR_NODES - 1 - i),
				TREE_OK);
	}
	KTEST_EXPECT_EQ(t, RB_EMPTY_ROOT(&root), true);
}

/* Sorted input is the worst case for an unbalanced tree. */
static void sequential(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	struct rb_node *node;
	unsigned int i;

	for (i = 0; i < NR_NODES; i++) {
		nodes[i].key = i;
		insert(&root, &nodes[i]);
	}
	KTEST_EXPECT_EQ(t, check_tree(&root, NR_NODES), TREE_OK);
	KTEST_EXPECT_LE(t, tree_height(root.rb_node), 19);

	for (i = 0; i < NR_NODES; i++) {
		node = rb_first(&root);
		KTEST_ASSERT_EQ(t, rb_entry(node, struct knode, rb)->key, i);
		rb_erase(node, &root);
		KTEST_ASSERT_EQ(t, check_tree(&root, NR_NODES - 1 - i),
				TREE_OK);
	}
	KTEST_EXPECT_EQ(t, RB_EMPTY_ROOT(&root), true);
}

static void walk_both_ways(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	struct rb_node *node;
	unsigned int n = 0;

	KTEST_ASSERT_EQ(t, fill_random(&root, 4), TREE_OK);
	for (node = rb_last(&root); node; node = rb_prev(node))
		n++;
	KTEST_EXPECT_EQ(t, n, NR_NODES);
	KTEST_EXPECT_NULL(t, rb_next(rb_last(&root)));
	KTEST_EXPECT_NULL(t, rb_prev(rb_first(&root)));
}

static void replace(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	struct rb_node *victims[3], *node;
	struct knode spares[3];
	unsigned int i, j, found = 0;

	for (i = 0; i < 15; i++) {
		nodes[i].key = i * 10;
		insert(&root, &nodes[i]);
	}
	/* The root, an inner node and a leaf: each is linked differently. */
	victims[0] = root.rb_node;
	victims[1] = root.rb_node->rb_left;
	victims[2] = rb_first(&root);
	if (victims[2]->rb_right)
		victims[2] = victims[2]->rb_right;
	KTEST_ASSERT_NOT_NULL(t, victims[1]->rb_left);
	KTEST_ASSERT_NULL(t, victims[2]->rb_left);
	KTEST_ASSERT_NULL(t, victims[2]->rb_right);

	for (i = 0; i < 3; i++) {
		spares[i].key = rb_entry(victims[i], struct knode, rb)->key;
		rb_replace_node(victims[i], &spares[i].rb, &root);
	}
	KTEST_EXPECT_EQ(t, check_tree(&root, 15), TREE_OK);
	for (node = rb_first(&root); node; node = rb_next(node)) {
		for (j = 0; j < 3; j++) {
			found += node == &spares[j].rb;
			KTEST_EXPECT_PTR_NE(t, node, victims[j]);
		}
	}
	KTEST_EXPECT_EQ(t, found, 3);
}

static struct ktest_case rbtree_cases[] = {
	KTEST_CASE(empty_tree),
	KTEST_CASE(insert_random),
	KTEST_CASE(erase_random),
	KTEST_CASE(sequential),
	KTEST_CASE(walk_both_ways),
	KTEST_CASE(replace),
	{}
};

static struct ktest_suite rbtree_suite = {
	.name = "rbtree",
	.cases = rbtree_cases,
};
ktest_register_suite(rbtree_suite);
