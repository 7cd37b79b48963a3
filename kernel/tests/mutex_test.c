// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the sleeping locks: a mutex has one owner, trylock fails while
 * it is held, and (CONFIG_DEBUG_MUTEXES) an unlock by anyone but the owner
 * is reported and not performed; an rw_semaphore admits many readers or
 * one writer, downgrade keeps the readers' side, and (CONFIG_DEBUG_RWSEMS)
 * a release that does not match is reported.  Each report is a WARNING
 * with a backtrace, which the cases expect (KTEST_EXPECT_REPORT).
 */
#include <keel/ktest.h>
#include <keel/mutex.h>
#include <keel/rwsem.h>
#include <keel/sched.h>

#define EXPECT_WARNING(t, ...) KTEST_EXPECT_REPORT(t, DEBUG_REPORT_WARN, __VA_ARGS__)

static void test_mutex_owner(struct ktest *t)
{
	DEFINE_MUTEX(m);

	KTEST_EXPECT_FALSE(t, mutex_is_locked(&m));
	mutex_lock(&m);
	KTEST_EXPECT_TRUE(t, mutex_is_locked(&m));
	KTEST_EXPECT_PTR_EQ(t, m.owner, current);
	KTEST_EXPECT_EQ(t, preempt_count(), 0);	/* held across sleeps */
	mutex_assert_held(&m);
	KTEST_EXPECT_FALSE(t, mutex_trylock(&m));
	mutex_unlock(&m);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&m));
	KTEST_EXPECT_NULL(t, m.owner);
	KTEST_EXPECT_TRUE(t, mutex_trylock(&m));
	mutex_unlock(&m);
	KTEST_EXPECT_EQ(t, mutex_lock_interruptible(&m), 0);
	mutex_unlock(&m);
}

static void test_mutex_init(struct ktest *t)
{
	struct mutex m;

	mutex_init(&m);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&m));
	KTEST_EXPECT_TRUE(t, list_empty(&m.wait_list));
	mutex_lock(&m);
	mutex_unlock(&m);
}

static void test_mutex_unlock_by_non_owner(struct ktest *t)
{
#ifdef CONFIG_DEBUG_MUTEXES
	struct task_struct other = { .comm = "other" };
	DEFINE_MUTEX(m);

	EXPECT_WARNING(t, mutex_unlock(&m));
	mutex_lock(&m);
	m.owner = &other;		/* as if another task held it */
	EXPECT_WARNING(t, mutex_unlock(&m));
	KTEST_EXPECT_PTR_EQ(t, m.owner, &other);
	EXPECT_WARNING(t, mutex_assert_held(&m));
	m.owner = current;
	mutex_unlock(&m);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&m));
#else
	ktest_skip(t, "CONFIG_DEBUG_MUTEXES is off");
#endif
}

static void test_rwsem_readers_and_writer(struct ktest *t)
{
	DECLARE_RWSEM(sem);

	down_read(&sem);
	down_read(&sem);
	KTEST_EXPECT_EQ(t, sem.count, 2);
	KTEST_EXPECT_FALSE(t, down_write_trylock(&sem));
	KTEST_EXPECT_TRUE(t, down_read_trylock(&sem));
	up_read(&sem);
	up_read(&sem);
	up_read(&sem);
	KTEST_EXPECT_FALSE(t, rwsem_is_locked(&sem));

	down_write(&sem);
	KTEST_EXPECT_PTR_EQ(t, sem.owner, current);
	KTEST_EXPECT_FALSE(t, down_read_trylock(&sem));
	KTEST_EXPECT_FALSE(t, down_write_trylock(&sem));
	downgrade_write(&sem);
	KTEST_EXPECT_EQ(t, sem.count, 1);
	KTEST_EXPECT_NULL(t, sem.owner);
	KTEST_EXPECT_TRUE(t, down_read_trylock(&sem));
	up_read(&sem);
	up_read(&sem);
	KTEST_EXPECT_TRUE(t, down_write_trylock(&sem));
	up_write(&sem);
	KTEST_EXPECT_FALSE(t, rwsem_is_locked(&sem));
}

static void test_rwsem_bad_release(struct ktest *t)
{
#ifdef CONFIG_DEBUG_RWSEMS
	struct task_struct other = { .comm = "other" };
	struct rw_semaphore sem;

	init_rwsem(&sem);
	EXPECT_WARNING(t, up_read(&sem));
	KTEST_EXPECT_EQ(t, sem.count, 0);
	EXPECT_WARNING(t, up_write(&sem));
	down_write(&sem);
	sem.owner = &other;		/* as if another task were the writer */
	EXPECT_WARNING(t, up_write(&sem));
	KTEST_EXPECT_TRUE(t, rwsem_is_locked(&sem));
	sem.owner = current;
	up_write(&sem);
	KTEST_EXPECT_FALSE(t, rwsem_is_locked(&sem));
#else
	ktest_skip(t, "CONFIG_DEBUG_RWSEMS is off");
#endif
}

static struct ktest_case locks_cases[] = {
	KTEST_CASE(test_mutex_owner),
	KTEST_CASE(test_mutex_init),
	KTEST_CASE(test_mutex_unlock_by_non_owner),
	KTEST_CASE(test_rwsem_readers_and_writer),
	KTEST_CASE(test_rwsem_bad_release),
	{}
};

static struct ktest_suite locks_suite = {
	.name = "sleeping_locks",
	.cases = locks_cases,
};
ktest_register_suite(locks_suite);
