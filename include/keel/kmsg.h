/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What /dev/kmsg and /dev/console need from printk (kernel/printk/
 * printk.c): records by sequence number, messages injected with a
 * facility, and the consoles' raw output path (no prefix, no log level).
 */
#ifndef _KEEL_KMSG_H
#define _KEEL_KMSG_H

#include <keel/types.h>

#define KMSG_TEXT_MAX	1024	/* printk's LOG_LINE_MAX */

struct kmsg_record {
	u64 seq;
	u64 ts_nsec;
	u8 facility;		/* 0 kernel, 1 user (LOG_USER)... */
	u8 level;
	bool cont;		/* continues the previous record */
	u16 text_len;
	char text[KMSG_TEXT_MAX];
};

/*
 * Copy the record numbered @seq into @rec: 0, -EAGAIN when it does not
 * exist yet, -EPIPE when it was overwritten (rec->seq is then the oldest
 * record still kept, where a reader resumes).
 */
int printk_get_record(u64 seq, struct kmsg_record *rec);
/* The sequence numbers of the oldest record kept and of the next one. */
void printk_seq_range(u64 *first, u64 *next);
/* Log @text (no level prefix; one trailing newline ends the line). */
void printk_emit(int facility, int level, const char *text, size_t len);
/* Write @s to every enabled console as it is. */
void console_write_raw(const char *s, size_t len);

#endif /* _KEEL_KMSG_H */
