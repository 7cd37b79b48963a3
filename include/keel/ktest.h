/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KTEST: Keel's unit-test framework, modelled on Linux's KUnit.
 *
 * A suite is a named array of cases; each case gets a struct ktest that
 * records its outcome.  Suites register themselves into the .ktest_suites
 * section, so enabling a subsystem's tests needs no central list.  The same
 * test sources run inside the kernel (results as KTAP on the console) and
 * on the host under ASan/UBSan (tools/testing/host).
 *
 * KTEST_EXPECT_* record a failure and carry on; KTEST_ASSERT_* record it
 * and return from the function they are written in, so use them only in
 * the case function itself.
 *
 * A kernel bug report (<keel/debug_report.h>: slab or page corruption,
 * WARN(), spinlock debugging) while a case runs fails the case, unless
 * it comes from inside KTEST_EXPECT_REPORT(), which in turn fails the case
 * if its statements report nothing of the kind it names.
 */
#ifndef _KEEL_KTEST_H
#define _KEEL_KTEST_H

#include <keel/compiler.h>
#include <keel/debug_report.h>
#include <keel/types.h>

enum ktest_status {
	KTEST_PASS,
	KTEST_FAIL,
	KTEST_SKIP,
};

struct ktest {
	const char *name;		/* the running case */
	enum ktest_status status;
	const char *skip_reason;
	void *priv;			/* for the suite's init/exit */
	unsigned int expected_reports;	/* bits of enum debug_report */
	unsigned long reports[NR_DEBUG_REPORTS];	/* seen, per kind */
};

struct ktest_case {
	void (*run)(struct ktest *t);
	const char *name;
};

struct ktest_suite {
	const char *name;
	int (*init)(struct ktest *t);	/* before each case; non-zero fails it */
	void (*exit)(struct ktest *t);	/* after each case */
	struct ktest_case *cases;	/* ends with an empty entry */
};

struct ktest_totals {
	unsigned int pass, fail, skip;
};

#define KTEST_CASE(fn)	{ .run = fn, .name = #fn }

#define ktest_register_suite(suite)					\
	static struct ktest_suite *__ktest_ptr_##suite			\
	__used __section("ktest_suites") __aligned(sizeof(void *)) = &(suite)

/* Provided by the platform: printk in the kernel, stdio on the host. */
void ktest_printf(const char *fmt, ...) __printf(1, 2);

void ktest_fail_at(struct ktest *t, const char *file, int line,
		   const char *fmt, ...) __printf(4, 5);
void ktest_skip(struct ktest *t, const char *reason);

/* From debug_report(): fails the running case unless it expects @kind. */
void ktest_debug_report(enum debug_report kind);

unsigned long ktest_expect_report_begin(struct ktest *t,
					enum debug_report kind);
void ktest_expect_report_end(struct ktest *t, enum debug_report kind,
			     unsigned long before, const char *file, int line,
			     const char *what);

/*
 * Run the statements, expecting at least one report of @kind from them
 * (a slab case: KTEST_EXPECT_REPORT(t, DEBUG_REPORT_SLAB, kfree(p))).
 */
#define KTEST_EXPECT_REPORT(t, kind, ...)				\
	do {								\
		unsigned long __seen = ktest_expect_report_begin(t, kind); \
		__VA_ARGS__;						\
		ktest_expect_report_end(t, kind, __seen, __FILE__,	\
					__LINE__, #__VA_ARGS__);	\
	} while (0)

/*
 * Cases that exhaust memory skip (KTAP "# SKIP") above KTEST_EXHAUST_MAX
 * of free memory: taking and poisoning all of a big machine would take
 * most of its boot.  True if the case was skipped.
 */
#define KTEST_EXHAUST_MAX	(256UL << 20)
bool ktest_skip_memory_exhaustion(struct ktest *t);

/*
 * Run every suite between @start and @end whose "suite.case" name matches
 * @filter (a glob; NULL or "" runs all) and print KTAP.
 */
void ktest_run_suites(struct ktest_suite *const *start,
		      struct ktest_suite *const *end, const char *filter,
		      struct ktest_totals *totals);

/*
 * The expressions' text goes in as "%s" arguments, never into the format:
 * an expression may itself contain '%' (inline assembly, for one).
 */
#define __KTEST_CMP(t, a, op, b, on_fail)				\
	do {								\
		long long __a = (long long)(a);				\
		long long __b = (long long)(b);				\
		if (!(__a op __b)) {					\
			ktest_fail_at(t, __FILE__, __LINE__,		\
				"Expected %s %s %s, but\n"		\
				"        %s == %lld (0x%llx)\n"		\
				"        %s == %lld (0x%llx)",		\
				#a, #op, #b,				\
				#a, __a, (unsigned long long)__a,	\
				#b, __b, (unsigned long long)__b);	\
			on_fail;					\
		}							\
	} while (0)

#define __KTEST_PTR_CMP(t, a, op, b, on_fail)				\
	do {								\
		const void *__a = (a), *__b = (b);			\
		if (!(__a op __b)) {					\
			ktest_fail_at(t, __FILE__, __LINE__,		\
				"Expected %s %s %s, but\n"		\
				"        %s == %p\n"			\
				"        %s == %p", #a, #op, #b,	\
				#a, __a, #b, __b);			\
			on_fail;					\
		}							\
	} while (0)

#define __KTEST_STR_CMP(t, a, op, b, on_fail)				\
	do {								\
		const char *__a = (a), *__b = (b);			\
		if (!(ktest_strcmp(__a, __b) op 0)) {			\
			ktest_fail_at(t, __FILE__, __LINE__,		\
				"Expected %s %s %s, but\n"		\
				"        %s == \"%s\"\n"			\
				"        %s == \"%s\"", #a, #op, #b,	\
				#a, __a, #b, __b);			\
			on_fail;					\
		}							\
	} while (0)

#define __KTEST_MEM_EQ(t, a, b, n, on_fail)				\
	do {								\
		long __off = ktest_memdiff(a, b, n);			\
		if (__off >= 0) {					\
			ktest_fail_at(t, __FILE__, __LINE__,		\
				"Expected %s == %s over %lu bytes, "	\
				"but they differ at offset %ld: "	\
				"0x%02x != 0x%02x", #a, #b,		\
				(unsigned long)(n), __off,		\
				((const u8 *)(a))[__off],		\
				((const u8 *)(b))[__off]);		\
			on_fail;					\
		}							\
	} while (0)

#define __KTEST_BOOL(t, cond, want, on_fail)				\
	do {								\
		if ((!!(cond)) != (want)) {				\
			ktest_fail_at(t, __FILE__, __LINE__,		\
				"Expected %s to be %s", #cond,		\
				(want) ? "true" : "false");		\
			on_fail;					\
		}							\
	} while (0)

int ktest_strcmp(const char *a, const char *b);	/* NULL-safe */
long ktest_memdiff(const void *a, const void *b, unsigned long n);

#define KTEST_EXPECT_EQ(t, a, b)	__KTEST_CMP(t, a, ==, b, (void)0)
#define KTEST_EXPECT_NE(t, a, b)	__KTEST_CMP(t, a, !=, b, (void)0)
#define KTEST_EXPECT_LT(t, a, b)	__KTEST_CMP(t, a, <, b, (void)0)
#define KTEST_EXPECT_LE(t, a, b)	__KTEST_CMP(t, a, <=, b, (void)0)
#define KTEST_EXPECT_GT(t, a, b)	__KTEST_CMP(t, a, >, b, (void)0)
#define KTEST_EXPECT_GE(t, a, b)	__KTEST_CMP(t, a, >=, b, (void)0)
#define KTEST_EXPECT_TRUE(t, c)		__KTEST_BOOL(t, c, 1, (void)0)
#define KTEST_EXPECT_FALSE(t, c)	__KTEST_BOOL(t, c, 0, (void)0)
#define KTEST_EXPECT_PTR_EQ(t, a, b)	__KTEST_PTR_CMP(t, a, ==, b, (void)0)
#define KTEST_EXPECT_PTR_NE(t, a, b)	__KTEST_PTR_CMP(t, a, !=, b, (void)0)
#define KTEST_EXPECT_NULL(t, p)		__KTEST_PTR_CMP(t, p, ==, NULL, (void)0)
#define KTEST_EXPECT_NOT_NULL(t, p)	__KTEST_PTR_CMP(t, p, !=, NULL, (void)0)
#define KTEST_EXPECT_STREQ(t, a, b)	__KTEST_STR_CMP(t, a, ==, b, (void)0)
#define KTEST_EXPECT_STRNEQ(t, a, b)	__KTEST_STR_CMP(t, a, !=, b, (void)0)
#define KTEST_EXPECT_MEMEQ(t, a, b, n)	__KTEST_MEM_EQ(t, a, b, n, (void)0)

#define KTEST_ASSERT_EQ(t, a, b)	__KTEST_CMP(t, a, ==, b, return)
#define KTEST_ASSERT_NE(t, a, b)	__KTEST_CMP(t, a, !=, b, return)
#define KTEST_ASSERT_LT(t, a, b)	__KTEST_CMP(t, a, <, b, return)
#define KTEST_ASSERT_GE(t, a, b)	__KTEST_CMP(t, a, >=, b, return)
#define KTEST_ASSERT_TRUE(t, c)		__KTEST_BOOL(t, c, 1, return)
#define KTEST_ASSERT_FALSE(t, c)	__KTEST_BOOL(t, c, 0, return)
#define KTEST_ASSERT_NULL(t, p)		__KTEST_PTR_CMP(t, p, ==, NULL, return)
#define KTEST_ASSERT_NOT_NULL(t, p)	__KTEST_PTR_CMP(t, p, !=, NULL, return)
#define KTEST_ASSERT_STREQ(t, a, b)	__KTEST_STR_CMP(t, a, ==, b, return)

#endif /* _KEEL_KTEST_H */
