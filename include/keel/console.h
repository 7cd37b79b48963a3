/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Consoles: the devices printk writes to.  A driver registers a console
 * from a console_initcall(); "console=name<N>[,options]" on the command
 * line chooses which ones print (all of them when there is none).  A newly
 * registered console first prints the messages logged before it existed.
 */
#ifndef _KEEL_CONSOLE_H
#define _KEEL_CONSOLE_H

#include <keel/list.h>
#include <keel/types.h>

struct console {
	char name[16];		/* "ttyS", "tty" */
	int index;		/* which unit: ttyS<index> */
	/*
	 * Writes @len bytes, with the console lock held and interrupts as
	 * printk()'s caller had them (maybe off).
	 */
	void (*write)(struct console *con, const char *s, unsigned int len);
	/* Applies the options of console=ttyS0,115200; may be NULL. */
	int (*setup)(struct console *con, const char *options);
	unsigned int flags;
	struct list_head node;
};

#define CON_ENABLED	(1 << 0)

void register_console(struct console *con);
void unregister_console(struct console *con);

/*
 * The console lock (Linux's console_sem): the console list and what the
 * consoles print.  console_lock() may sleep; console_trylock() works in
 * any context; console_unlock() first prints every record still pending.
 */
void console_lock(void);
bool console_trylock(void);
void console_unlock(void);

/* Registers the consoles built in; runs once, and from panic() if early. */
void console_init(void);

#endif /* _KEEL_CONSOLE_H */
