// SPDX-License-Identifier: GPL-2.0
/*
 * seq_file's formatting: text appended to a caller-owned buffer, with
 * overflow detected rather than truncated silently, and reads of the
 * result at any offset.  It neither allocates nor locks (see seq_file.h).
 */
#include <keel/kernel.h>
#include <keel/seq_file.h>
#include <keel/sprintf.h>
#include <keel/string.h>

static void seq_set_overflow(struct seq_file *m)
{
	m->count = m->size + 1;
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (seq_has_overflowed(m))
		return;
	if (len > m->size - m->count) {
		seq_set_overflow(m);
		return;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

void seq_pad(struct seq_file *m, char c)
{
	if (seq_has_overflowed(m))
		return;
	if (m->pad_until > m->count) {
		size_t size = m->pad_until - m->count;

		if (size > m->size - m->count) {
			seq_set_overflow(m);
			return;
		}
		memset(m->buf + m->count, ' ', size);
		m->count += size;
	}
	if (c)
		seq_putc(m, c);
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	size_t room;
	va_list args;
	int len;

	if (seq_has_overflowed(m))
		return;
	room = m->size - m->count;
	va_start(args, fmt);
	len = vsnprintf(m->buf + m->count, room, fmt, args);
	va_end(args);
	/* vsnprintf() needs room for its NUL, which the text does not keep. */
	if (len < 0 || (size_t)len >= room) {
		seq_set_overflow(m);
		return;
	}
	m->count += len;
}

size_t seq_get_buf(struct seq_file *m, char **bufp)
{
	if (seq_has_overflowed(m)) {
		*bufp = NULL;
		return 0;
	}
	*bufp = m->buf + m->count;
	return m->size - m->count;
}

void seq_commit(struct seq_file *m, int num)
{
	if (seq_has_overflowed(m))
		return;
	/* Like snprintf()'s result: it fits only with room for a NUL. */
	if (num < 0 || (size_t)num >= m->size - m->count)
		seq_set_overflow(m);
	else
		m->count += num;
}

size_t seq_copy_out(const struct seq_file *m, char *dst, size_t count,
		    loff_t *pos)
{
	size_t n;

	if (*pos < 0 || (u64)*pos >= m->count)
		return 0;
	n = min(count, m->count - (size_t)*pos);
	memcpy(dst, m->buf + *pos, n);
	*pos += n;
	return n;
}
