/* SPDX-License-Identifier: GPL-2.0 */
/* futex(2) and the robust-futex list: Linux's numbers and layouts. */
#ifndef _UAPI_LINUX_FUTEX_H
#define _UAPI_LINUX_FUTEX_H

#include <keel/types.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_FD		2
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_LOCK_PI		6
#define FUTEX_UNLOCK_PI		7
#define FUTEX_TRYLOCK_PI	8
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_WAIT_REQUEUE_PI	11
#define FUTEX_CMP_REQUEUE_PI	12
#define FUTEX_LOCK_PI2		13

#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)

#define FUTEX_WAIT_PRIVATE	(FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE	(FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_REQUEUE_PRIVATE	(FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_CMP_REQUEUE_PRIVATE (FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_OP_PRIVATE	(FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAIT_BITSET_PRIVATE (FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_BITSET_PRIVATE (FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG)

/* FUTEX_WAIT_BITSET/FUTEX_WAKE_BITSET: every waiter matches. */
#define FUTEX_BITSET_MATCH_ANY	0xffffffff

/*
 * The robust list: each lock a thread holds is linked through a
 * struct robust_list inside the lock; the futex word is at
 * futex_offset from that entry.  At the thread's exit the kernel marks
 * each word it still owns FUTEX_OWNER_DIED and wakes a waiter.
 */
struct robust_list {
	struct robust_list __user *next;
};

struct robust_list_head {
	struct robust_list list;	/* circular: ends at the head */
	long futex_offset;
	/* A lock being taken or released, which may not be linked yet. */
	struct robust_list __user *list_op_pending;
};

/* The futex word: the owner's TID and two flags. */
#define FUTEX_WAITERS		0x80000000
#define FUTEX_OWNER_DIED	0x40000000
#define FUTEX_TID_MASK		0x3fffffff

/* How many entries exit walks at most: a loop cannot hang it. */
#define ROBUST_LIST_LIMIT	2048

/*
 * FUTEX_WAKE_OP's val3: op (4 bits: SET, ADD, OR, ANDN, XOR, with
 * FUTEX_OP_OPARG_SHIFT meaning "1 << oparg"), cmp (4 bits), oparg and
 * cmparg (12 bits each, sign-extended).
 */
#define FUTEX_OP_SET		0	/* *uaddr2 = oparg */
#define FUTEX_OP_ADD		1	/* *uaddr2 += oparg */
#define FUTEX_OP_OR		2	/* *uaddr2 |= oparg */
#define FUTEX_OP_ANDN		3	/* *uaddr2 &= ~oparg */
#define FUTEX_OP_XOR		4	/* *uaddr2 ^= oparg */
#define FUTEX_OP_OPARG_SHIFT	8	/* oparg is 1 << oparg */

#define FUTEX_OP_CMP_EQ		0
#define FUTEX_OP_CMP_NE		1
#define FUTEX_OP_CMP_LT		2
#define FUTEX_OP_CMP_LE		3
#define FUTEX_OP_CMP_GT		4
#define FUTEX_OP_CMP_GE		5

#define FUTEX_OP(op, oparg, cmp, cmparg)				\
	((((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) |			\
	 (((oparg) & 0xfff) << 12) | ((cmparg) & 0xfff))

#endif /* _UAPI_LINUX_FUTEX_H */
