/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Atomic counters with Linux's API.  Operations that return a value are
 * fully ordered, as in Linux; the others (atomic_inc(), atomic_add(), ...)
 * promise atomicity only.  Built on the compiler's __atomic builtins, which
 * emit locked instructions on x86.
 */
#ifndef _KEEL_ATOMIC_H
#define _KEEL_ATOMIC_H

#include <keel/compiler.h>
#include <keel/types.h>

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_INIT(i)		{ (i) }

#define __ATOMIC_OPS(prefix, type, vtype)				\
static inline vtype prefix##_read(const type *v)			\
{									\
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);		\
}									\
static inline void prefix##_set(type *v, vtype i)			\
{									\
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);		\
}									\
static inline void prefix##_add(vtype i, type *v)			\
{									\
	__atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);		\
}									\
static inline void prefix##_sub(vtype i, type *v)			\
{									\
	__atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED);		\
}									\
static inline void prefix##_inc(type *v)				\
{									\
	prefix##_add(1, v);						\
}									\
static inline void prefix##_dec(type *v)				\
{									\
	prefix##_sub(1, v);						\
}									\
static inline vtype prefix##_add_return(vtype i, type *v)		\
{									\
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);	\
}									\
static inline vtype prefix##_sub_return(vtype i, type *v)		\
{									\
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);	\
}									\
static inline vtype prefix##_inc_return(type *v)			\
{									\
	return prefix##_add_return(1, v);				\
}									\
static inline vtype prefix##_dec_return(type *v)			\
{									\
	return prefix##_sub_return(1, v);				\
}									\
static inline bool prefix##_dec_and_test(type *v)			\
{									\
	return prefix##_sub_return(1, v) == 0;				\
}									\
static inline vtype prefix##_xchg(type *v, vtype i)			\
{									\
	return __atomic_exchange_n(&v->counter, i, __ATOMIC_SEQ_CST);	\
}									\
/* Swap if *v is *@old and return true; else *@old = *v, false. */	\
static inline bool prefix##_try_cmpxchg(type *v, vtype *old, vtype new)\
{									\
	return __atomic_compare_exchange_n(&v->counter, old, new, false,\
					   __ATOMIC_SEQ_CST,		\
					   __ATOMIC_SEQ_CST);		\
}									\
/* Returns the old value; the swap happened if it equals @old. */	\
static inline vtype prefix##_cmpxchg(type *v, vtype old, vtype new)	\
{									\
	__atomic_compare_exchange_n(&v->counter, &old, new, false,	\
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);\
	return old;							\
}

__ATOMIC_OPS(atomic, atomic_t, int)
__ATOMIC_OPS(atomic_long, atomic_long_t, long)

#undef __ATOMIC_OPS

#endif /* _KEEL_ATOMIC_H */
