// SPDX-License-Identifier: GPL-2.0
/*
 * Threads and futexes: pthread create/join/detach, mutexes and condition
 * variables over the C library, then the futex(2) operations themselves
 * (WAIT, WAKE, REQUEUE, CMP_REQUEUE, the BITSET pair) with their timeouts
 * and errors, thread ids, tgkill() to one thread, and the clear_child_tid
 * store and wake at a thread's exit.  Built with musl and with glibc,
 * statically and (threads-dynamic) against glibc's shared libraries.
 */
#include "kselftest.h"

#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <sys/mman.h>
#include <time.h>

/* The futex(2) ABI (musl has no <linux/futex.h>). */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_WAIT_PRIVATE	(FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE	(FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_REQUEUE_PRIVATE	(FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_CMP_REQUEUE_PRIVATE (FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAIT_BITSET_PRIVATE (FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_BITSET_PRIVATE (FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_BITSET_MATCH_ANY	0xffffffff

static long futex(int *uaddr, int op, int val, long timeout_or_val2,
		  int *uaddr2, int val3)
{
	return syscall(SYS_futex, uaddr, op, val, timeout_or_val2, uaddr2,
		       val3);
}

static pid_t gettid_raw(void)
{
	return syscall(SYS_gettid);
}

static void *return_arg_plus_one(void *arg)
{
	return (void *)((uintptr_t)arg + 1);
}

static void pthread_join_returns_value(void)
{
	pthread_t t;
	void *ret = NULL;

	KS_ASSERT_EQ(pthread_create(&t, NULL, return_arg_plus_one,
				    (void *)41), 0);
	KS_ASSERT_EQ(pthread_join(t, &ret), 0);
	KS_ASSERT_EQ((uintptr_t)ret, 42);
}

static pid_t seen_tid, seen_pid, seen_ppid;

static void *record_ids(void *arg)
{
	seen_tid = gettid_raw();
	seen_pid = getpid();
	seen_ppid = getppid();
	return NULL;
}

static void gettid_differs_from_getpid_in_thread(void)
{
	pthread_t t;

	KS_ASSERT_EQ(gettid_raw(), getpid());
	KS_ASSERT_EQ(pthread_create(&t, NULL, record_ids, NULL), 0);
	KS_ASSERT_EQ(pthread_join(t, NULL), 0);
	KS_ASSERT_EQ(seen_pid, getpid());
	KS_ASSERT_EQ(seen_ppid, getppid());
	KS_ASSERT_NE(seen_tid, getpid());
	KS_ASSERT_GT(seen_tid, 0);
}

static int detached_ran;

static void *set_flag_and_wake(void *arg)
{
	__atomic_store_n(&detached_ran, 1, __ATOMIC_SEQ_CST);
	futex(&detached_ran, FUTEX_WAKE_PRIVATE, INT_MAX, 0, NULL, 0);
	return NULL;
}

static void detached_thread_runs(void)
{
	pthread_attr_t attr;
	pthread_t t;
	int state = -1;

	KS_ASSERT_EQ(pthread_attr_init(&attr), 0);
	KS_ASSERT_EQ(pthread_attr_setdetachstate(&attr,
						 PTHREAD_CREATE_DETACHED), 0);
	KS_ASSERT_EQ(pthread_attr_getdetachstate(&attr, &state), 0);
	KS_ASSERT_EQ(state, PTHREAD_CREATE_DETACHED);
	KS_ASSERT_EQ(pthread_create(&t, &attr, set_flag_and_wake, NULL), 0);
	while (!__atomic_load_n(&detached_ran, __ATOMIC_SEQ_CST))
		futex(&detached_ran, FUTEX_WAIT_PRIVATE, 0, 0, NULL, 0);
	KS_ASSERT_EQ(detached_ran, 1);
	KS_ASSERT_EQ(pthread_create(&t, NULL, return_arg_plus_one, NULL), 0);
	KS_ASSERT_EQ(pthread_detach(t), 0);
}

#define NR_COUNTERS	4
#define INCREMENTS	5000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *count_under_lock(void *arg)
{
	int i;

	for (i = 0; i < INCREMENTS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		if (i % 64 == 0)
			sched_yield();
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void mutex_serializes_increments(void)
{
	pthread_t t[NR_COUNTERS];
	int i;

	for (i = 0; i < NR_COUNTERS; i++)
		KS_ASSERT_EQ(pthread_create(&t[i], NULL, count_under_lock,
					    NULL), 0);
	for (i = 0; i < NR_COUNTERS; i++)
		KS_ASSERT_EQ(pthread_join(t[i], NULL), 0);
	KS_ASSERT_EQ(counter, NR_COUNTERS * INCREMENTS);
	KS_ASSERT_EQ(pthread_mutex_trylock(&lock), 0);
	KS_ASSERT_EQ(pthread_mutex_trylock(&lock), EBUSY);
	KS_ASSERT_EQ(pthread_mutex_unlock(&lock), 0);
}

static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int items;

static void *produce(void *arg)
{
	int i;

	for (i = 0; i < 100; i++) {
		pthread_mutex_lock(&lock);
		items++;
		pthread_cond_signal(&cond);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void condvar_hands_over_items(void)
{
	struct timespec deadline;
	pthread_t t;
	int taken = 0;

	KS_ASSERT_EQ(pthread_create(&t, NULL, produce, NULL), 0);
	pthread_mutex_lock(&lock);
	while (taken < 100) {
		while (!items)
			KS_ASSERT_EQ(pthread_cond_wait(&cond, &lock), 0);
		taken += items;
		items = 0;
	}
	KS_ASSERT_EQ(taken, 100);
	/* Nobody signals now: a timed wait ends with ETIMEDOUT. */
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_nsec += 20 * 1000000;
	if (deadline.tv_nsec >= 1000000000) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000;
	}
	KS_ASSERT_EQ(pthread_cond_timedwait(&cond, &lock, &deadline),
		     ETIMEDOUT);
	pthread_mutex_unlock(&lock);
	KS_ASSERT_EQ(pthread_join(t, NULL), 0);
}

static void futex_wait_value_mismatch_is_eagain(void)
{
	int word = 1;

	KS_ASSERT_ERRNO(futex(&word, FUTEX_WAIT, 2, 0, NULL, 0), EAGAIN);
	KS_ASSERT_ERRNO(futex(&word, FUTEX_WAIT_PRIVATE, 0, 0, NULL, 0),
			EAGAIN);
}

static void futex_wait_times_out(void)
{
	struct timespec ts = { 0, 30 * 1000000 }, start;
	int word = 0;

	clock_gettime(CLOCK_MONOTONIC, &start);
	KS_ASSERT_ERRNO(futex(&word, FUTEX_WAIT_PRIVATE, 0, (long)&ts, NULL,
			      0), ETIMEDOUT);
	KS_ASSERT_GE(ks_elapsed_ms(&start), 30);
	/* A timeout with tv_nsec out of range is EINVAL. */
	ts.tv_nsec = 1000000000;
	KS_ASSERT_ERRNO(futex(&word, FUTEX_WAIT_PRIVATE, 0, (long)&ts, NULL,
			      0), EINVAL);
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	KS_ASSERT_ERRNO(futex(&word, FUTEX_WAIT_PRIVATE, 0, (long)&ts, NULL,
			      0), EINVAL);
}

static int wake_word;

static void *wait_on_wake_word(void *arg)
{
	long ret = futex(&wake_word, FUTEX_WAIT_PRIVATE, 0, 0, NULL, 0);

	return (void *)ret;
}

/* Wakes one waiter on @word with @op once one is there; returns when. */
static long wake_one(int *word, int op)
{
	struct timespec start;
	long woken;

	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		woken = futex(word, op, 1, 0, NULL, 0);
		if (!woken)
			usleep(1000);
	} while (woken == 0 && ks_elapsed_ms(&start) < 10000);
	return woken;
}

static void futex_wake_wakes_a_waiter(void)
{
	pthread_t t;
	void *ret = (void *)-2;

	KS_ASSERT_RET(futex(&wake_word, FUTEX_WAKE_PRIVATE, 1, 0, NULL, 0), 0);
	KS_ASSERT_EQ(pthread_create(&t, NULL, wait_on_wake_word, NULL), 0);
	KS_ASSERT_EQ(wake_one(&wake_word, FUTEX_WAKE_PRIVATE), 1);
	KS_ASSERT_EQ(pthread_join(t, &ret), 0);
	KS_ASSERT_EQ((long)ret, 0);
}

static int rq_from, rq_to, rq_last;

static void *wait_on_rq_from(void *arg)
{
	return (void *)futex(&rq_from, FUTEX_WAIT_PRIVATE, 0, 0, NULL, 0);
}

static void futex_requeue_and_cmp_requeue(void)
{
	struct timespec start;
	pthread_t t[3];
	long moved = 0, r;
	int i;

	for (i = 0; i < 3; i++)
		KS_ASSERT_EQ(pthread_create(&t[i], NULL, wait_on_rq_from, NULL),
			     0);
	/* Move all three, as they arrive, to rq_to, waking none. */
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (moved < 3 && ks_elapsed_ms(&start) < 10000) {
		r = futex(&rq_from, FUTEX_REQUEUE_PRIVATE, 0, INT_MAX, &rq_to,
			  0);
		KS_ASSERT_GE(r, 0);
		moved += r;
		if (moved < 3)
			usleep(1000);
	}
	KS_ASSERT_EQ(moved, 3);
	KS_ASSERT_RET(futex(&rq_from, FUTEX_WAKE_PRIVATE, INT_MAX, 0, NULL, 0),
		      0);
	/* CMP_REQUEUE checks the word first: EAGAIN when it changed. */
	KS_ASSERT_ERRNO(futex(&rq_to, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2,
			      &rq_last, 5), EAGAIN);
	/* Wake one, move two: the count is of both. */
	KS_ASSERT_RET(futex(&rq_to, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, &rq_last,
			    0), 3);
	KS_ASSERT_RET(futex(&rq_to, FUTEX_WAKE_PRIVATE, INT_MAX, 0, NULL, 0),
		      0);
	KS_ASSERT_RET(futex(&rq_last, FUTEX_WAKE_PRIVATE, INT_MAX, 0, NULL, 0),
		      2);
	for (i = 0; i < 3; i++) {
		void *ret = (void *)-2;

		KS_ASSERT_EQ(pthread_join(t[i], &ret), 0);
		KS_ASSERT_EQ((long)ret, 0);
	}
}

static int bitset_word;

static void *wait_on_bit_2(void *arg)
{
	return (void *)futex(&bitset_word, FUTEX_WAIT_BITSET_PRIVATE, 0, 0,
			     NULL, 4);
}

static void futex_wait_bitset(void)
{
	struct timespec abs, start;
	pthread_t t;
	void *ret = (void *)-2;
	long woken;

	/* The timeout of WAIT_BITSET is absolute, on CLOCK_MONOTONIC. */
	clock_gettime(CLOCK_MONOTONIC, &start);
	abs = start;
	abs.tv_nsec += 30 * 1000000;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000;
	}
	KS_ASSERT_ERRNO(futex(&bitset_word, FUTEX_WAIT_BITSET_PRIVATE, 0,
			      (long)&abs, NULL, FUTEX_BITSET_MATCH_ANY),
			ETIMEDOUT);
	KS_ASSERT_GE(ks_elapsed_ms(&start), 30);
	/* A time already past times out at once. */
	KS_ASSERT_ERRNO(futex(&bitset_word, FUTEX_WAIT_BITSET_PRIVATE, 0,
			      (long)&start, NULL, FUTEX_BITSET_MATCH_ANY),
			ETIMEDOUT);
	KS_ASSERT_ERRNO(futex(&bitset_word, FUTEX_WAIT_BITSET_PRIVATE, 0, 0,
			      NULL, 0), EINVAL);
	KS_ASSERT_ERRNO(futex(&bitset_word, FUTEX_WAKE_BITSET_PRIVATE, 1, 0,
			      NULL, 0), EINVAL);

	KS_ASSERT_EQ(pthread_create(&t, NULL, wait_on_bit_2, NULL), 0);
	/* Wait until it sleeps: a wake of its own bit counts it. */
	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		KS_ASSERT_RET(futex(&bitset_word, FUTEX_WAKE_BITSET_PRIVATE,
				    1, 0, NULL, 3), 0);
		woken = futex(&bitset_word, FUTEX_WAKE_BITSET_PRIVATE, 1, 0,
			      NULL, 4 | 8);
		if (!woken)
			usleep(1000);
	} while (!woken && ks_elapsed_ms(&start) < 10000);
	KS_ASSERT_EQ(woken, 1);
	KS_ASSERT_EQ(pthread_join(t, &ret), 0);
	KS_ASSERT_EQ((long)ret, 0);
}

static void futex_bad_arguments(void)
{
	int words[2] = { 0, 0 };

	KS_ASSERT_ERRNO(futex((int *)((char *)words + 1), FUTEX_WAIT, 0, 0,
			      NULL, 0), EINVAL);
	KS_ASSERT_ERRNO(futex((int *)16, FUTEX_WAIT, 0, 0, NULL, 0), EFAULT);
	KS_ASSERT_ERRNO(futex(words, 99, 0, 0, NULL, 0), ENOSYS);
	/* REQUEUE counts must not be negative. */
	KS_ASSERT_ERRNO(futex(words, FUTEX_CMP_REQUEUE, -1, 1, &words[1], 0),
			EINVAL);
}

static volatile pid_t handled_in;

static void note_tid(int sig)
{
	handled_in = gettid_raw();
}

static int target_ready, target_done;

static void *wait_for_signal(void *arg)
{
	__atomic_store_n(&target_ready, gettid_raw(), __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&target_done, __ATOMIC_SEQ_CST))
		usleep(1000);
	return NULL;
}

static void tgkill_reaches_the_thread(void)
{
	sigset_t set;
	pthread_t t;
	pid_t tid;
	int i;

	KS_ASSERT_TRUE(signal(SIGUSR1, note_tid) != SIG_ERR);
	KS_ASSERT_EQ(pthread_create(&t, NULL, wait_for_signal, NULL), 0);
	while (!(tid = __atomic_load_n(&target_ready, __ATOMIC_SEQ_CST)))
		usleep(1000);
	/* The main thread blocks it, so only the target can take it. */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	KS_ASSERT_EQ(pthread_sigmask(SIG_BLOCK, &set, NULL), 0);
	KS_ASSERT_RET(syscall(SYS_tgkill, getpid(), tid, SIGUSR1), 0);
	while (!handled_in)
		usleep(1000);
	KS_ASSERT_EQ(handled_in, tid);
	KS_ASSERT_ERRNO(syscall(SYS_tgkill, getpid() + 100000, tid, 0), ESRCH);
	KS_ASSERT_ERRNO(syscall(SYS_tgkill, getpid(), tid, 1000), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_tgkill, 0, tid, 0), EINVAL);
	KS_ASSERT_RET(syscall(SYS_tkill, tid, 0), 0);
	__atomic_store_n(&target_done, 1, __ATOMIC_SEQ_CST);
	KS_ASSERT_EQ(pthread_join(t, NULL), 0);
	/* Gone soon: join returns at the clear_child_tid store, a little
	 * before the thread is released. */
	for (i = 0; i < 5000 && !syscall(SYS_tgkill, getpid(), tid, 0); i++)
		usleep(1000);
	KS_ASSERT_ERRNO(syscall(SYS_tgkill, getpid(), tid, 0), ESRCH);
}

static int ctid = -1;

static int exit_soon(void *arg)
{
	return 0;
}

static void clear_child_tid_is_zeroed_and_woken(void)
{
	size_t size = 64 * 1024;
	char *stack = mmap(NULL, size, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int st, seen;
	pid_t pid;

	KS_ASSERT_TRUE(stack != MAP_FAILED);
	/* A process sharing our memory: the kernel stores its tid in ctid
	 * at the start and zero at the exit, and wakes a futex waiter. */
	pid = clone(exit_soon, stack + size, CLONE_VM | CLONE_CHILD_SETTID |
		    CLONE_CHILD_CLEARTID | SIGCHLD, NULL, NULL, NULL, &ctid);
	KS_ASSERT_GT(pid, 0);
	while ((seen = __atomic_load_n(&ctid, __ATOMIC_SEQ_CST)) != 0) {
		KS_ASSERT_TRUE(seen == pid || seen == -1);
		futex(&ctid, FUTEX_WAIT, seen, 0, NULL, 0);
	}
	KS_ASSERT_RET(waitpid(pid, &st, 0), pid);
	KS_ASSERT_WSTATUS(st, 0);
	KS_ASSERT_EQ(ctid, 0);
}

static void set_tid_address_returns_tid(void)
{
	int word;

	KS_ASSERT_EQ(syscall(SYS_set_tid_address, &word), gettid_raw());
}

static void *exit_group_from_thread(void *arg)
{
	syscall(SYS_exit_group, 5);
	return NULL;
}

static void exit_group_in_thread_ends_process(void)
{
	pid_t pid;

	KS_CHILD(pid, {
		pthread_t t;

		pthread_create(&t, NULL, exit_group_from_thread, NULL);
		for (;;)
			pause();
	});
	KS_WAIT(pid, KS_W_EXITED(5));
}

static const struct ks_case cases[] = {
	KS_CASE(pthread_join_returns_value),
	KS_CASE(gettid_differs_from_getpid_in_thread),
	KS_CASE(detached_thread_runs),
	KS_CASE(mutex_serializes_increments),
	KS_CASE(condvar_hands_over_items),
	KS_CASE(futex_wait_value_mismatch_is_eagain),
	KS_CASE(futex_wait_times_out),
	KS_CASE(futex_wake_wakes_a_waiter),
	KS_CASE(futex_requeue_and_cmp_requeue),
	KS_CASE(futex_wait_bitset),
	KS_CASE(futex_bad_arguments),
	KS_CASE(tgkill_reaches_the_thread),
	KS_CASE(clear_child_tid_is_zeroed_and_woken),
	KS_CASE(set_tid_address_returns_tid),
	KS_CASE(exit_group_in_thread_ends_process),
};

KS_MAIN("threads", cases)
