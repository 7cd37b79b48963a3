/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Buffered text for virtual files (Linux's seq_file, the single_open()
 * flavour): a show function prints the whole file into m->buf with
 * seq_printf()/seq_puts(); reads then copy from any offset of the result.
 * When the buffer is too small the output is marked overflowed and the
 * caller retries with a bigger one (fs/proc does, doubling).
 *
 * The formatting half is plain code with no allocation, so it also runs
 * on the host; the buffer's owner allocates it.
 */
#ifndef _KEEL_SEQ_FILE_H
#define _KEEL_SEQ_FILE_H

#include <keel/compiler.h>
#include <keel/fs_types.h>
#include <keel/types.h>

struct seq_file {
	char *buf;
	size_t size;		/* of buf */
	size_t count;		/* bytes shown; size + 1 once overflowed */
	size_t pad_until;	/* seq_pad()'s column, set by seq_setwidth() */
	void *private;		/* for the show function */
};

static inline void seq_init(struct seq_file *m, char *buf, size_t size)
{
	m->buf = buf;
	m->size = size;
	m->count = 0;
	m->pad_until = 0;
}

static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->count > m->size;
}

void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);

/*
 * Columns, as Linux: seq_setwidth() says the text from here on is @size
 * wide; seq_pad() then pads it with spaces to that width and adds @c
 * (unless it is 0).
 */
static inline void seq_setwidth(struct seq_file *m, size_t size)
{
	m->pad_until = m->count + size;
}
void seq_pad(struct seq_file *m, char c);

/*
 * For code that formats into a plain buffer itself (mounts_show()):
 * seq_get_buf() hands out the free space, seq_commit() keeps @num bytes
 * of it, or marks the output overflowed when @num is negative or did
 * not fit.
 */
size_t seq_get_buf(struct seq_file *m, char **bufp);
void seq_commit(struct seq_file *m, int num);

/*
 * Copy up to @count bytes of the shown text from *@pos to @dst and advance
 * *@pos; returns the bytes copied (0 at or past the end).
 */
size_t seq_copy_out(const struct seq_file *m, char *dst, size_t count,
		    loff_t *pos);

#endif /* _KEEL_SEQ_FILE_H */
