// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_DEBUG_LIST: before list_add() and list_del() change any link,
 * check that the neighbours still point at each other (or at the entry).
 * A corrupt list, a double add or a deleted entry deleted again is
 * reported as Linux reports it, with a WARNING and a backtrace, and the
 * caller leaves the list alone: writing through a corrupt pointer is how
 * a list bug becomes a write-anywhere.
 */
#include <keel/bug.h>
#include <keel/list.h>

/* Linux's %px: the raw pointer, as 16 hex digits. */
#define PX(p)	((unsigned long)(p))

bool __list_add_valid(struct list_head *new, struct list_head *prev,
		      struct list_head *next)
{
	if (WARN(!prev, "list_add corruption. prev is NULL.\n") ||
	    WARN(!next, "list_add corruption. next is NULL.\n") ||
	    WARN(next->prev != prev,
		 "list_add corruption. next->prev should be prev (%016lx), but was %016lx. (next=%016lx).\n",
		 PX(prev), PX(next->prev), PX(next)) ||
	    WARN(prev->next != next,
		 "list_add corruption. prev->next should be next (%016lx), but was %016lx. (prev=%016lx).\n",
		 PX(next), PX(prev->next), PX(prev)) ||
	    WARN(new == prev || new == next,
		 "list_add double add: new=%016lx, prev=%016lx, next=%016lx.\n",
		 PX(new), PX(prev), PX(next)))
		return false;
	return true;
}

bool __list_del_entry_valid(struct list_head *entry)
{
	struct list_head *prev = entry->prev, *next = entry->next;

	if (WARN(!next, "list_del corruption, %016lx->next is NULL\n",
		 PX(entry)) ||
	    WARN(!prev, "list_del corruption, %016lx->prev is NULL\n",
		 PX(entry)) ||
	    WARN(next == LIST_POISON1,
		 "list_del corruption, %016lx->next is LIST_POISON1 (%016lx)\n",
		 PX(entry), PX(LIST_POISON1)) ||
	    WARN(prev == LIST_POISON2,
		 "list_del corruption, %016lx->prev is LIST_POISON2 (%016lx)\n",
		 PX(entry), PX(LIST_POISON2)) ||
	    WARN(prev->next != entry,
		 "list_del corruption. prev->next should be %016lx, but was %016lx. (prev=%016lx)\n",
		 PX(entry), PX(prev->next), PX(prev)) ||
	    WARN(next->prev != entry,
		 "list_del corruption. next->prev should be %016lx, but was %016lx. (next=%016lx)\n",
		 PX(entry), PX(next->prev), PX(next)))
		return false;
	return true;
}
