// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for <keel/list.h>: insertion order, deletion and poisoning,
 * moving and splicing between lists, the entry accessors and iterators,
 * and the hlist variant.
 */
#include <keel/ktest.h>
#include <keel/list.h>

struct item {
	int value;
	struct list_head node;
	struct hlist_node hnode;
};

static struct item items[6];

static void init_items(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(items); i++)
		items[i].value = i;
}

/*
 * Packs the values on @head, in order, as decimal digits: 0 -> 1 -> 2
 * reads 12 (leading zero lost), so the items used below start at 1.
 */
static long values(const struct list_head *head)
{
	const struct item *it;
	long packed = 0;

	list_for_each_entry(it, head, node)
		packed = packed * 10 + it->value;
	return packed;
}

static long values_reverse(const struct list_head *head)
{
	const struct item *it;
	long packed = 0;

	list_for_each_entry_reverse(it, head, node)
		packed = packed * 10 + it->value;
	return packed;
}

static void empty_and_singular(struct ktest *t)
{
	LIST_HEAD(head);
	struct list_head other;

	INIT_LIST_HEAD(&other);
	KTEST_EXPECT_TRUE(t, list_empty(&head));
	KTEST_EXPECT_TRUE(t, list_empty(&other));
	KTEST_EXPECT_FALSE(t, list_is_singular(&head));
	KTEST_EXPECT_NULL(t, list_first_entry_or_null(&head, struct item,
						      node));
	init_items();
	list_add(&items[1].node, &head);
	KTEST_EXPECT_FALSE(t, list_empty(&head));
	KTEST_EXPECT_TRUE(t, list_is_singular(&head));
	list_add(&items[2].node, &head);
	KTEST_EXPECT_FALSE(t, list_is_singular(&head));
}

static void add_order(struct ktest *t)
{
	LIST_HEAD(stack);
	LIST_HEAD(queue);
	struct list_head *pos;
	int n = 0;

	init_items();
	list_add(&items[1].node, &stack);
	list_add(&items[2].node, &stack);
	list_add(&items[3].node, &stack);
	KTEST_EXPECT_EQ(t, values(&stack), 321);
	KTEST_EXPECT_EQ(t, values_reverse(&stack), 123);

	list_for_each(pos, &stack)
		n++;
	KTEST_EXPECT_EQ(t, n, 3);

	list_add_tail(&items[4].node, &queue);
	list_add_tail(&items[5].node, &queue);
	KTEST_EXPECT_EQ(t, values(&queue), 45);
	KTEST_EXPECT_PTR_EQ(t, list_first_entry(&queue, struct item, node),
			    &items[4]);
	KTEST_EXPECT_PTR_EQ(t, list_last_entry(&queue, struct item, node),
			    &items[5]);
	KTEST_EXPECT_PTR_EQ(t, list_first_entry_or_null(&queue, struct item,
							node), &items[4]);
	KTEST_EXPECT_PTR_EQ(t, list_next_entry(&items[4], node), &items[5]);
}

static void del_and_poison(struct ktest *t)
{
	LIST_HEAD(head);

	init_items();
	list_add_tail(&items[1].node, &head);
	list_add_tail(&items[2].node, &head);
	list_add_tail(&items[3].node, &head);

	list_del(&items[2].node);
	KTEST_EXPECT_EQ(t, values(&head), 13);
	KTEST_EXPECT_EQ(t, values_reverse(&head), 31);
	KTEST_EXPECT_PTR_EQ(t, items[2].node.next, LIST_POISON1);
	KTEST_EXPECT_PTR_EQ(t, items[2].node.prev, LIST_POISON2);

	list_del_init(&items[1].node);
	KTEST_EXPECT_TRUE(t, list_empty(&items[1].node));
	KTEST_EXPECT_EQ(t, values(&head), 3);

	list_del(&items[3].node);
	KTEST_EXPECT_TRUE(t, list_empty(&head));
}

static void move_between(struct ktest *t)
{
	LIST_HEAD(a);
	LIST_HEAD(b);

	init_items();
	list_add_tail(&items[1].node, &a);
	list_add_tail(&items[2].node, &a);
	list_add_tail(&items[3].node, &b);

	list_move(&items[2].node, &b);
	KTEST_EXPECT_EQ(t, values(&a), 1);
	KTEST_EXPECT_EQ(t, values(&b), 23);
	list_move_tail(&items[1].node, &b);
	KTEST_EXPECT_TRUE(t, list_empty(&a));
	KTEST_EXPECT_EQ(t, values(&b), 231);
	/* Moving within one list reorders it. */
	list_move_tail(&items[2].node, &b);
	KTEST_EXPECT_EQ(t, values(&b), 312);
}

static void splice(struct ktest *t)
{
	LIST_HEAD(a);
	LIST_HEAD(b);
	LIST_HEAD(empty);

	init_items();
	list_add_tail(&items[1].node, &a);
	list_add_tail(&items[2].node, &a);
	list_add_tail(&items[3].node, &b);
	list_add_tail(&items[4].node, &b);

	list_splice(&empty, &a);
	KTEST_EXPECT_EQ(t, values(&a), 12);

	list_splice_init(&b, &a);
	KTEST_EXPECT_EQ(t, values(&a), 3412);
	KTEST_EXPECT_EQ(t, values_reverse(&a), 2143);
	KTEST_EXPECT_TRUE(t, list_empty(&b));

	list_add_tail(&items[5].node, &b);
	list_splice(&b, &a);
	KTEST_EXPECT_EQ(t, values(&a), 53412);
	KTEST_EXPECT_EQ(t, values_reverse(&a), 21435);
}

static void delete_while_iterating(struct ktest *t)
{
	LIST_HEAD(head);
	struct list_head *pos, *n;
	struct item *it, *next;
	unsigned int i;

	init_items();
	for (i = 1; i < ARRAY_SIZE(items); i++)
		list_add_tail(&items[i].node, &head);

	list_for_each_entry_safe(it, next, &head, node)
		if (it->value % 2 == 0)
			list_del(&it->node);
	KTEST_EXPECT_EQ(t, values(&head), 135);

	list_for_each_safe(pos, n, &head)
		list_del_init(pos);
	KTEST_EXPECT_TRUE(t, list_empty(&head));
}

static long hlist_values(const struct hlist_head *head)
{
	const struct item *it;
	long packed = 0;

	hlist_for_each_entry(it, head, hnode)
		packed = packed * 10 + it->value;
	return packed;
}

static void hlist(struct ktest *t)
{
	HLIST_HEAD(head);
	struct hlist_head other;
	struct hlist_node *n;
	struct item *it;

	init_items();
	INIT_HLIST_HEAD(&other);
	INIT_HLIST_NODE(&items[1].hnode);
	KTEST_EXPECT_TRUE(t, hlist_empty(&head));
	KTEST_EXPECT_TRUE(t, hlist_empty(&other));
	KTEST_EXPECT_TRUE(t, hlist_unhashed(&items[1].hnode));

	hlist_add_head(&items[1].hnode, &head);
	hlist_add_head(&items[2].hnode, &head);
	hlist_add_head(&items[3].hnode, &head);
	KTEST_EXPECT_FALSE(t, hlist_empty(&head));
	KTEST_EXPECT_FALSE(t, hlist_unhashed(&items[1].hnode));
	KTEST_EXPECT_EQ(t, hlist_values(&head), 321);

	/* Middle, last and first: each relinks its neighbours correctly. */
	hlist_del(&items[2].hnode);
	KTEST_EXPECT_PTR_EQ(t, items[2].hnode.next, LIST_POISON1);
	KTEST_EXPECT_PTR_EQ(t, items[2].hnode.pprev, LIST_POISON2);
	KTEST_EXPECT_EQ(t, hlist_values(&head), 31);
	hlist_del_init(&items[1].hnode);
	KTEST_EXPECT_TRUE(t, hlist_unhashed(&items[1].hnode));
	hlist_del_init(&items[1].hnode);
	KTEST_EXPECT_EQ(t, hlist_values(&head), 3);
	hlist_add_head(&items[4].hnode, &head);
	hlist_del(&items[4].hnode);
	KTEST_EXPECT_EQ(t, hlist_values(&head), 3);

	hlist_add_head(&items[5].hnode, &head);
	hlist_for_each_entry_safe(it, n, &head, hnode)
		hlist_del(&it->hnode);
	KTEST_EXPECT_TRUE(t, hlist_empty(&head));
}

static struct ktest_case list_cases[] = {
	KTEST_CASE(empty_and_singular),
	KTEST_CASE(add_order),
	KTEST_CASE(del_and_poison),
	KTEST_CASE(move_between),
	KTEST_CASE(splice),
	KTEST_CASE(delete_while_iterating),
	KTEST_CASE(hlist),
	{}
};

static struct ktest_suite list_suite = {
	.name = "list",
	.cases = list_cases,
};
ktest_register_suite(list_suite);
