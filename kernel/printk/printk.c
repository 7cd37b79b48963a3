// SPDX-License-Identifier: GPL-2.0
/*
 * printk: format a message, keep it as a record in the log ring buffer,
 * and have the consoles print it.  When the buffer is full the oldest
 * records are dropped.  A console registered late first replays what the
 * buffer still holds, so nothing printed before the consoles existed is
 * lost.
 *
 * Two locks, as in Linux:
 *  - logbuf_lock (irqsave, innermost) protects the ring and is held only
 *    to store or copy one record: never across a console write.
 *  - the console lock (console_lock()/console_trylock()/console_unlock(),
 *    Linux's console_sem) protects the console list, the consoles' output
 *    state and console_seq.  printk() stores its record and then, if it
 *    can take the console lock, flushes every pending record itself, with
 *    interrupts as the caller had them; if someone else holds it, that
 *    holder's console_unlock() prints the record before it lets go.
 *
 * During an oops a held lock is broken rather than waited for: the report
 * matters more than the interrupted message.  A record is published
 * (log_next_idx, log_next_seq) only once it is whole, so whatever the oops
 * interrupted, the ring is consistent and holds the message being printed.
 * A console whose write() was interrupted by the oops is the likely
 * culprit (it faulted, or overflowed the stack): it is disabled, and the
 * report goes to the others.
 */
#include <keel/console.h>
#include <keel/ctype.h>
#include <keel/delay.h>
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/kmsg.h>
#include <keel/kstrtox.h>
#include <keel/panic.h>
#include <keel/param.h>
#include <keel/printk.h>
#include <keel/spinlock.h>
#include <keel/sprintf.h>
#include <keel/string.h>
#include <keel/wait.h>

#define LOG_BUF_LEN	(1 << CONFIG_LOG_BUF_SHIFT)
#define LOG_LINE_MAX	1024
#define PREFIX_MAX	32

/* A record: this header, then the text, padded to 8 bytes. */
struct printk_log {
	u64 ts_nsec;
	u16 len;		/* whole record; 0 marks a wrap to offset 0 */
	u16 text_len;
	u8 level;
	u8 flags;
	u8 facility;		/* 0: the kernel's; /dev/kmsg writes set it */
} __aligned(8);

#define LOG_NEWLINE	(1 << 0)	/* the text ended with a newline */
#define LOG_CONT	(1 << 1)	/* continues the previous record */

static char log_buf[LOG_BUF_LEN] __aligned(8);
static u32 log_first_idx, log_next_idx;
static u64 log_first_seq, log_next_seq;

static DEFINE_SPINLOCK(logbuf_lock);
/* Where /dev/kmsg's last lookup ended, so reading on is not quadratic. */
static u64 lookup_seq;				/* [logbuf_lock] */
static u32 lookup_idx;				/* [logbuf_lock] */

/* The console lock: a flag with a wait queue, taken in any context. */
static int console_owned;
static DECLARE_WAIT_QUEUE_HEAD(console_sem_wait);
static LIST_HEAD(console_list);			/* [console lock] */
static u64 console_seq;				/* [console lock] next to print */
static u32 console_idx;				/* [console lock] its offset */
/* Whether the last text sent to the consoles ended its line. */
static bool console_at_line_start = true;
/* The console inside its write(), if any: who to blame for an oops there. */
static struct console *console_in_write;

int console_loglevel = CONFIG_CONSOLE_LOGLEVEL_DEFAULT;
static bool ignore_loglevel;

static struct printk_log *log_at(u32 idx)
{
	return (struct printk_log *)(log_buf + idx);
}

/* The record at @idx, following a wrap marker if there is one. */
static u32 log_resolve(u32 idx)
{
	return log_at(idx)->len ? idx : 0;
}

static u32 log_next(u32 idx)
{
	idx = log_resolve(idx);
	return idx + log_at(idx)->len;
}

static u32 log_free_space(void)
{
	if (log_first_seq == log_next_seq)
		return LOG_BUF_LEN;
	if (log_next_idx > log_first_idx)
		return max(LOG_BUF_LEN - log_next_idx, log_first_idx);
	return log_first_idx - log_next_idx;
}

/*
 * Drops the oldest records until @size bytes and a wrap marker fit, and
 * returns where the new record goes.  Nothing new is visible yet.
 */
static u32 log_make_room(u32 size)
{
	u32 idx;

	if (log_first_seq == log_next_seq)
		log_first_idx = log_next_idx = 0;
	while (log_first_seq < log_next_seq &&
	       log_free_space() < size + sizeof(struct printk_log)) {
		log_first_idx = log_next(log_first_idx);
		log_first_seq++;
	}
	idx = log_next_idx;
	if (idx + size + sizeof(struct printk_log) > LOG_BUF_LEN) {
		memset(log_at(idx), 0, sizeof(struct printk_log));
		idx = 0;
	}
	return idx;
}

static struct printk_log *log_store(u8 level, u8 flags, const char *text,
				    u16 text_len)
{
	u32 size = ALIGN(sizeof(struct printk_log) + text_len, 8);
	u32 idx = log_make_room(size);
	struct printk_log *rec = log_at(idx);

	rec->ts_nsec = local_clock();
	rec->len = size;
	rec->text_len = text_len;
	rec->level = level;
	rec->flags = flags;
	rec->facility = 0;
	memcpy(rec + 1, text, text_len);
	/* Publish the whole record. */
	barrier();
	log_next_idx = idx + size;
	log_next_seq++;
	return rec;
}

static bool suppress_message(const struct printk_log *rec)
{
	return !ignore_loglevel && rec->level >= console_loglevel;
}

static unsigned int print_prefix(const struct printk_log *rec, char *buf)
{
	unsigned long long secs = rec->ts_nsec / 1000000000ULL;
	unsigned long usecs = (rec->ts_nsec % 1000000000ULL) / 1000;

	if (!IS_ENABLED(CONFIG_PRINTK_TIME))
		return 0;
	return scnprintf(buf, PREFIX_MAX, "[%5llu.%06lu] ", secs, usecs);
}

static void console_emit(struct console *con, const char *s, unsigned int len)
{
	if (!len)
		return;
	console_in_write = con;
	con->write(con, s, len);
	console_in_write = NULL;
}

/*
 * Writes @rec to @con.  @at_line_start says whether the previous output
 * ended its line; returns whether this one does.
 */
static bool console_write_record(struct console *con,
				 const struct printk_log *rec, const char *text,
				 bool at_line_start)
{
	char prefix[PREFIX_MAX];

	if (!(rec->flags & LOG_CONT)) {
		if (!at_line_start)
			console_emit(con, "\n", 1);
		console_emit(con, prefix, print_prefix(rec, prefix));
	}
	console_emit(con, text, rec->text_len);
	if (rec->flags & LOG_NEWLINE)
		console_emit(con, "\n", 1);
	return rec->flags & LOG_NEWLINE;
}

static void console_write_all(const struct printk_log *rec, const char *text)
{
	struct console *con;
	bool eol = console_at_line_start;

	if (suppress_message(rec))
		return;
	list_for_each_entry(con, &console_list, node)
		eol = console_write_record(con, rec, text,
					   console_at_line_start);
	console_at_line_start = eol;
}

/* Linux's notice when records went before a console could print them. */
static void console_write_dropped(u64 dropped)
{
	struct printk_log hdr = { .level = LOGLEVEL_WARNING,
				  .flags = LOG_NEWLINE };
	char text[64];

	hdr.ts_nsec = local_clock();
	hdr.text_len = scnprintf(text, sizeof(text),
				 "** %llu printk messages dropped **",
				 (unsigned long long)dropped);
	console_write_all(&hdr, text);
}

/*
 * Copies the record at @*idx, out of the ring and moves @*idx to
 * the next one.  Called with logbuf_lock held.
 */
static void log_copy(u32 *idx, struct printk_log *hdr, char *text)
{
	const struct printk_log *rec = log_at(log_resolve(*idx));

	*hdr = *rec;
	memcpy(text, rec + 1, rec->text_len);
	*idx = log_resolve(*idx) + rec->len;
}

/* Strips a KERN_<LEVEL> prefix; returns the level, or -1 for KERN_CONT. */
static int parse_level(const char **text, int default_level)
{
	const char *s = *text;

	if (s[0] != KERN_SOH[0] || !s[1])
		return default_level;
	*text = s + 2;
	if (s[1] == 'c')
		return -1;
	if (s[1] >= '0' && s[1] <= '7')
		return s[1] - '0';
	return default_level;
}

static void console_drop(struct console *con);

/* An oops interrupted the holder of logbuf_lock, which will not run again. */
static void logbuf_lock_irqsave(unsigned long *flags)
{
	local_irq_save(*flags);
	if (!oops_in_progress) {
		spin_lock(&logbuf_lock);
	} else if (!spin_trylock(&logbuf_lock)) {
		spin_lock_init(&logbuf_lock);
		spin_lock(&logbuf_lock);
	}
}

bool console_trylock(void)
{
	return !__atomic_exchange_n(&console_owned, 1, __ATOMIC_ACQUIRE);
}

/* It may sleep, once something else can hold it (SYSTEM_SCHEDULING). */
void console_lock(void)
{
	wait_event(console_sem_wait, console_trylock());
}

/*
 * In an oops, take the console lock whoever holds it: the holder will not
 * run again.  If it was writing to a console, that console faulted or
 * overflowed the stack and would do it again.
 */
static void console_zap(void)
{
	struct console *culprit = console_in_write;

	__atomic_store_n(&console_owned, 1, __ATOMIC_SEQ_CST);
	console_in_write = NULL;
	if (culprit)
		console_drop(culprit);
}

/* A record for everyone, and never more than printk's line limit. */
static char console_text[LOG_LINE_MAX];		/* [console lock] */

/* Prints every record stored since the last flush, one at a time. */
static void console_flush(void)
{
	struct printk_log hdr;
	unsigned long flags;
	u64 dropped;

	for (;;) {
		logbuf_lock_irqsave(&flags);
		dropped = 0;
		if (console_seq < log_first_seq) {
			dropped = log_first_seq - console_seq;
			console_seq = log_first_seq;
			console_idx = log_first_idx;
		}
		if (console_seq == log_next_seq) {
			spin_unlock_irqrestore(&logbuf_lock, flags);
			return;
		}
		log_copy(&console_idx, &hdr, console_text);
		console_seq++;
		spin_unlock_irqrestore(&logbuf_lock, flags);

		if (dropped)
			console_write_dropped(dropped);
		console_write_all(&hdr, console_text);
	}
}

static bool records_pending(void)
{
	return READ_ONCE(console_seq) != READ_ONCE(log_next_seq);
}

/*
 * Print what is pending, then let go.  A record stored between the last
 * flush and the release found the lock taken and left it to us: look
 * again after releasing, and take the lock back if there is one.
 */
void console_unlock(void)
{
	do {
		console_flush();
		__atomic_store_n(&console_owned, 0, __ATOMIC_RELEASE);
		wake_up(&console_sem_wait);
	} while (records_pending() && console_trylock());
}

/* After storing a record: print it now, unless the lock holder will. */
static void console_print_pending(void)
{
	if (console_trylock()) {
		console_unlock();
	} else if (oops_in_progress) {
		console_zap();
		console_unlock();
	}
}

int vprintk(const char *fmt, va_list args)
{
	char text[LOG_LINE_MAX];
	const char *msg = text;
	unsigned long flags;
	int level, len;
	u8 rflags = 0;

	len = vscnprintf(text, sizeof(text), fmt, args);
	level = parse_level(&msg, LOGLEVEL_DEFAULT);
	len -= msg - text;
	if (level < 0) {
		rflags |= LOG_CONT;
		level = LOGLEVEL_DEFAULT;
	}
	if (len && msg[len - 1] == '\n') {
		rflags |= LOG_NEWLINE;
		len--;
	}

	logbuf_lock_irqsave(&flags);
	log_store(level, rflags, msg, len);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	console_print_pending();
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vprintk(fmt, args);
	va_end(args);
	return ret;
}

/* The records by number for /dev/kmsg (drivers/char/kmsg.c). */
int printk_get_record(u64 seq, struct kmsg_record *rec)
{
	const struct printk_log *log;
	unsigned long flags;
	u32 idx;
	u64 s;

	logbuf_lock_irqsave(&flags);
	if (seq >= log_next_seq) {
		spin_unlock_irqrestore(&logbuf_lock, flags);
		return -EAGAIN;
	}
	if (seq < log_first_seq) {
		rec->seq = log_first_seq;
		spin_unlock_irqrestore(&logbuf_lock, flags);
		return -EPIPE;
	}
	/* Reading on from the last lookup is O(1) a record. */
	if (lookup_seq >= log_first_seq && lookup_seq <= seq) {
		s = lookup_seq;
		idx = lookup_idx;
	} else {
		s = log_first_seq;
		idx = log_first_idx;
	}
	for (; s < seq; s++)
		idx = log_next(idx);
	lookup_seq = seq;
	lookup_idx = idx;
	log = log_at(log_resolve(idx));
	rec->seq = seq;
	rec->ts_nsec = log->ts_nsec;
	rec->facility = log->facility;
	rec->level = log->level;
	rec->cont = log->flags & LOG_CONT;
	rec->text_len = min(log->text_len, (u16)KMSG_TEXT_MAX);
	memcpy(rec->text, log + 1, rec->text_len);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return 0;
}

void printk_seq_range(u64 *first, u64 *next)
{
	unsigned long flags;

	logbuf_lock_irqsave(&flags);
	*first = log_first_seq;
	*next = log_next_seq;
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

void printk_emit(int facility, int level, const char *text, size_t len)
{
	struct printk_log *rec;
	unsigned long flags;
	u8 rflags = 0;

	len = min(len, (size_t)LOG_LINE_MAX);
	if (len && text[len - 1] == '\n') {
		rflags |= LOG_NEWLINE;
		len--;
	}
	logbuf_lock_irqsave(&flags);
	rec = log_store(level, rflags, text, len);
	rec->facility = facility;
	spin_unlock_irqrestore(&logbuf_lock, flags);
	console_print_pending();
}

void console_write_raw(const char *s, size_t len)
{
	struct console *con;

	if (!len)
		return;
	console_lock();
	console_flush();
	list_for_each_entry(con, &console_list, node)
		console_emit(con, s, len);
	console_at_line_start = s[len - 1] == '\n';
	console_unlock();
}

/*
 * Sends a console that has just appeared what the others have printed
 * (the records before console_seq); console_unlock() then prints the rest
 * to all of them.  Called with the console lock held.
 */
static void console_replay(struct console *con)
{
	struct printk_log hdr;
	bool at_line_start = true;
	unsigned long flags;
	u64 seq;
	u32 idx;

	logbuf_lock_irqsave(&flags);
	seq = log_first_seq;
	idx = log_first_idx;
	spin_unlock_irqrestore(&logbuf_lock, flags);
	for (;;) {
		logbuf_lock_irqsave(&flags);
		if (seq < log_first_seq) {
			seq = log_first_seq;
			idx = log_first_idx;
		}
		if (seq >= console_seq) {
			spin_unlock_irqrestore(&logbuf_lock, flags);
			break;
		}
		log_copy(&idx, &hdr, console_text);
		seq++;
		spin_unlock_irqrestore(&logbuf_lock, flags);
		if (!suppress_message(&hdr))
			at_line_start = console_write_record(con, &hdr,
							     console_text,
							     at_line_start);
	}
	console_at_line_start = at_line_start;
}

/* console= entries, in command-line order. */
#define MAX_CMDLINE_CONSOLES	8

struct console_cmdline {
	char name[16];
	int index;
	char options[32];
};

static struct console_cmdline console_cmdline[MAX_CMDLINE_CONSOLES];
static unsigned int nr_console_cmdline;

/* console=ttyS0,115200n8: name "ttyS", index 0, options "115200n8". */
static int console_setup(const char *val)
{
	struct console_cmdline *c;
	const char *comma, *digits;
	size_t name_len;

	if (!val || !*val)
		return -EINVAL;
	if (nr_console_cmdline == MAX_CMDLINE_CONSOLES) {
		/* Not an invalid value: one too many, ignored (Linux: -E2BIG). */
		pr_warn("console=%s: too many consoles (at most %d), ignored\n",
			val, MAX_CMDLINE_CONSOLES);
		return 0;
	}
	c = &console_cmdline[nr_console_cmdline];
	comma = strchr(val, ',');
	name_len = comma ? (size_t)(comma - val) : strlen(val);
	for (digits = val + name_len; digits > val && isdigit(digits[-1]); )
		digits--;
	if (digits == val || digits - val >= (long)sizeof(c->name))
		return -EINVAL;
	memcpy(c->name, val, digits - val);
	c->name[digits - val] = '\0';
	c->index = 0;
	if (digits < val + name_len) {
		char num[12];

		if (val + name_len - digits >= (long)sizeof(num))
			return -EINVAL;
		memcpy(num, digits, val + name_len - digits);
		num[val + name_len - digits] = '\0';
		if (kstrtoint(num, 10, &c->index))
			return -EINVAL;
	}
	if (comma)
		strscpy(c->options, comma + 1, sizeof(c->options));
	nr_console_cmdline++;
	return 0;
}
early_param("console", console_setup);

static int loglevel_setup(const char *val)
{
	int level;

	if (!val || kstrtoint(val, 0, &level) || level < 0)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel_setup);

static int quiet_setup(const char *val)
{
	console_loglevel = LOGLEVEL_WARNING;
	return 0;
}
early_param("quiet", quiet_setup);

static int debug_setup(const char *val)
{
	console_loglevel = 10;
	return 0;
}
early_param("debug", debug_setup);

static int ignore_loglevel_setup(const char *val)
{
	ignore_loglevel = true;
	return 0;
}
early_param("ignore_loglevel", ignore_loglevel_setup);

/* The console= entry naming @con, or NULL; with none, all consoles print. */
static const struct console_cmdline *console_match(const struct console *con)
{
	unsigned int i;

	for (i = 0; i < nr_console_cmdline; i++) {
		const struct console_cmdline *c = &console_cmdline[i];

		if (!strcmp(c->name, con->name) && c->index == con->index)
			return c;
	}
	return NULL;
}

/*
 * Called with the console lock held: the notice is stored for the flush
 * that follows, on the consoles that are left.
 */
static void console_drop(struct console *con)
{
	unsigned long flags;
	char msg[80];
	int len;

	list_del(&con->node);
	con->flags &= ~CON_ENABLED;
	len = scnprintf(msg, sizeof(msg),
			"printk: console [%s%d] disabled: oops while writing to it",
			con->name, con->index);
	logbuf_lock_irqsave(&flags);
	log_store(LOGLEVEL_EMERG, LOG_NEWLINE, msg, len);
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

/*
 * A console that comes enabled (CON_ENABLED already set, as Linux's
 * netconsole does) prints whatever console= says.
 */
void register_console(struct console *con)
{
	const struct console_cmdline *c = console_match(con);

	if (nr_console_cmdline && !c && !(con->flags & CON_ENABLED))
		return;
	if (con->setup && con->setup(con, c ? c->options : NULL))
		return;

	console_lock();
	console_flush();
	console_replay(con);
	con->flags |= CON_ENABLED;
	list_add_tail(&con->node, &console_list);
	console_unlock();
}

void unregister_console(struct console *con)
{
	console_lock();
	if (con->flags & CON_ENABLED) {
		list_del(&con->node);
		con->flags &= ~CON_ENABLED;
	}
	console_unlock();
}

extern const initcall_t __con_initcall_start[], __con_initcall_end[];

void console_init(void)
{
	static bool done;
	const initcall_t *call;

	if (done)
		return;
	done = true;
	for (call = __con_initcall_start; call < __con_initcall_end; call++)
		(*call)();
}
