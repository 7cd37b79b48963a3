// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for copy-on-write credentials: prepare_creds() copies current's,
 * commit_creds() installs the copy as both the real and the acting
 * credentials and drops the old ones' references, abort_creds() frees an
 * unused copy, and override_creds() changes only the acting side.
 */
#include <keel/cred.h>
#include <keel/ktest.h>
#include <keel/mm.h>
#include <keel/sched.h>

static void test_prepare_copies_current(struct ktest *t)
{
	struct cred *new = prepare_creds();

	KTEST_ASSERT_NOT_NULL(t, new);
	KTEST_EXPECT_PTR_NE(t, new, current_cred());
	KTEST_EXPECT_EQ(t, new->uid, current_cred()->uid);
	KTEST_EXPECT_EQ(t, new->fsgid, current_cred()->fsgid);
	KTEST_EXPECT_EQ(t, atomic_read(&new->usage), 1);
	abort_creds(new);
}

static void test_commit_installs_both(struct ktest *t)
{
	const struct cred *old = get_cred(current->real_cred);
	int old_usage = atomic_read(&old->usage);
	struct cred *new = prepare_creds();

	KTEST_ASSERT_NOT_NULL(t, new);
	new->fsuid = 1000;
	new->euid = 1000;
	commit_creds(new);
	KTEST_EXPECT_PTR_EQ(t, current->real_cred, new);
	KTEST_EXPECT_PTR_EQ(t, current_cred(), new);
	KTEST_EXPECT_EQ(t, current_cred()->fsuid, 1000);
	KTEST_EXPECT_EQ(t, atomic_read(&new->usage), 2);
	KTEST_EXPECT_EQ(t, atomic_read(&old->usage), old_usage - 2);

	/* Back to the old ones: commit consumes the test's reference. */
	commit_creds((struct cred *)old);
	KTEST_EXPECT_PTR_EQ(t, current_cred(), old);
	KTEST_EXPECT_PTR_EQ(t, current->real_cred, old);
	KTEST_EXPECT_EQ(t, atomic_read(&old->usage), old_usage - 1);
}

static void test_override_changes_acting_side(struct ktest *t)
{
	struct cred user = { .usage = ATOMIC_INIT(1), .uid = 1000,
			     .euid = 1000, .fsuid = 1000 };
	const struct cred *old = override_creds(&user);

	KTEST_EXPECT_PTR_EQ(t, current_cred(), &user);
	KTEST_EXPECT_PTR_EQ(t, current->real_cred, old);
	KTEST_EXPECT_FALSE(t, capable_fowner());
	revert_creds(old);
	KTEST_EXPECT_PTR_EQ(t, current_cred(), current->real_cred);
	KTEST_EXPECT_TRUE(t, capable_fowner());
}

static void test_no_leak(struct ktest *t)
{
	unsigned long before;
	struct cred *new;
	int i;

	abort_creds(prepare_creds());	/* warm the kmalloc cache */
	before = nr_free_pages();
	for (i = 0; i < 1000; i++) {
		new = prepare_creds();
		KTEST_ASSERT_NOT_NULL(t, new);
		abort_creds(new);
	}
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static struct ktest_case cred_cases[] = {
	KTEST_CASE(test_prepare_copies_current),
	KTEST_CASE(test_commit_installs_both),
	KTEST_CASE(test_override_changes_acting_side),
	KTEST_CASE(test_no_leak),
	{}
};

static struct ktest_suite cred_suite = {
	.name = "cred",
	.cases = cred_cases,
};
ktest_register_suite(cred_suite);
