// SPDX-License-Identifier: GPL-2.0
/*
 * KTEST suite for lib/cpio.c: archives built here entry by entry, valid
 * (every file type, both magics, concatenation with NUL padding) and
 * broken in one place each; the parser must report the exact reason and
 * offset and have passed on every entry before it.  Each archive is fed
 * whole and again one byte at a time: a stream parser must not care where
 * its input is cut.  Also runs on the host under ASan/UBSan.
 */
#include <keel/cpio.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/ktest.h>
#include <keel/sprintf.h>
#include <keel/stat.h>
#include <keel/string.h>

struct archive {
	u8 buf[2048];
	size_t len;
};

struct seen {
	unsigned int nr;
	char names[8][32];
	u32 mode[8], size[8], rdev_major[8], rdev_minor[8], uid[8], mtime[8];
	char data[8][32];
	u32 data_len[8];
	int fail_at;		/* reject the entry with this index, or -1 */
	unsigned int nr_skipped;
	char skipped[32];
};

static struct archive ar;
static struct seen seen;
static struct cpio_stream stream;

static void pad(struct archive *a)
{
	while (a->len % 4)
		a->buf[a->len++] = 0;
}

/*
 * Appends an entry; @namesize 0 means strlen(name) + 1.  The data is
 * @data's first @size bytes.
 */
static size_t add(struct archive *a, const char *magic, const char *name,
		  u32 mode, const char *data, u32 size, u32 namesize)
{
	size_t at = a->len;
	u32 sum = 0, i;

	for (i = 0; i < size; i++)
		sum += (u8)data[i];
	if (!namesize)
		namesize = strlen(name) + 1;
	snprintf((char *)a->buf + a->len, 111,
		 "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 magic, 100 + (u32)at, mode, 7, 8, 1, 1234, size, 0, 0, 5, 1,
		 namesize, strcmp(magic, "070702") ? 0 : sum);
	a->len += CPIO_HEADER_SIZE;
	memcpy(a->buf + a->len, name, namesize);
	a->len += namesize;
	pad(a);
	memcpy(a->buf + a->len, data, size);
	a->len += size;
	pad(a);
	return at;
}

static size_t trailer(struct archive *a)
{
	return add(a, "070701", CPIO_TRAILER, 0, "", 0, 0);
}

static int record(void *priv, const struct cpio_entry *e)
{
	struct seen *s = priv;
	unsigned int i = s->nr;

	if ((int)i == s->fail_at)
		return -ENOSPC;
	if (i < ARRAY_SIZE(s->names)) {
		strscpy(s->names[i], e->name, sizeof(s->names[i]));
		s->mode[i] = e->mode;
		s->size[i] = e->size;
		s->uid[i] = e->uid;
		s->mtime[i] = e->mtime;
		s->rdev_major[i] = e->rdev_major;
		s->rdev_minor[i] = e->rdev_minor;
		if (e->data)
			strscpy(s->data[i], e->data, sizeof(s->data[i]));
	}
	s->nr++;
	return 0;
}

/* A regular file's data, in pieces: appended to the last entry's. */
static int record_data(void *priv, const void *buf, size_t len)
{
	struct seen *s = priv;
	unsigned int i = s->nr - 1;

	if (i < ARRAY_SIZE(s->data) &&
	    s->data_len[i] + len < sizeof(s->data[i])) {
		memcpy(s->data[i] + s->data_len[i], buf, len);
		s->data_len[i] += len;
	}
	return 0;
}

static void record_skip(void *priv, const struct cpio_entry *e,
			const char *why)
{
	struct seen *s = priv;

	s->nr_skipped++;
	strscpy(s->skipped, e->name, sizeof(s->skipped));
}

static const struct cpio_ops record_ops = {
	.entry = record,
	.data = record_data,
	.skip = record_skip,
};

static int init(struct ktest *t)
{
	memset(&ar, 0, sizeof(ar));
	memset(&seen, 0, sizeof(seen));
	seen.fail_at = -1;
	return 0;
}

/*
 * Parses the archive whole, then again one byte at a time: both must give
 * the same result, entries and error.
 */
static long parse(struct cpio_error *err)
{
	struct seen initial = seen, whole;
	struct cpio_error first;
	long ret, ret1;
	size_t i;

	memset(err, 0, sizeof(*err));
	cpio_init(&stream, &record_ops, &seen, err);
	ret = cpio_parse(&stream, ar.buf, ar.len);
	first = *err;
	whole = seen;
	seen = initial;

	cpio_init(&stream, &record_ops, &seen, err);
	for (i = 0, ret1 = 0; i < ar.len && ret1 >= 0; i++) {
		ret1 = cpio_write(&stream, ar.buf + i, 1);
		if (ret1 == 0) {
			ret1 = i;
			break;
		}
	}
	if (i == ar.len && ret1 >= 0)
		ret1 = cpio_finish(&stream) ?: (long)ar.len;
	if (ret1 != ret || err->why != first.why ||
	    err->offset != first.offset || memcmp(&whole, &seen, sizeof(seen)))
		return -1000;	/* fails every expectation */
	return ret;
}

static void every_type(struct ktest *t)
{
	struct cpio_error err;
	size_t second;

	add(&ar, "070701", "dir", S_IFDIR | 0755, "", 0, 0);
	add(&ar, "070701", "dir/file", S_IFREG | 0644, "hello\n", 6, 0);
	add(&ar, "070701", "dir/link", S_IFLNK | 0777, "file", 4, 0);
	add(&ar, "070701", "console", S_IFCHR | 0600, "", 0, 0);
	add(&ar, "070701", "fifo", S_IFIFO | 0644, "", 0, 0);
	trailer(&ar);
	/* NUL padding, then an archive in the checksummed format. */
	memset(ar.buf + ar.len, 0, 12);
	ar.len += 12;
	second = ar.len;
	add(&ar, "070702", "./crc", S_IFREG | 0600, "sum", 3, 0);
	trailer(&ar);

	KTEST_EXPECT_EQ(t, parse(&err), ar.len);
	KTEST_ASSERT_EQ(t, seen.nr, 6);
	KTEST_EXPECT_STREQ(t, seen.names[0], "dir");
	KTEST_EXPECT_EQ(t, seen.mode[0], S_IFDIR | 0755);
	KTEST_EXPECT_STREQ(t, seen.names[1], "dir/file");
	KTEST_EXPECT_EQ(t, seen.size[1], 6);
	KTEST_EXPECT_STREQ(t, seen.data[1], "hello\n");
	KTEST_EXPECT_EQ(t, seen.uid[1], 7);
	KTEST_EXPECT_EQ(t, seen.mtime[1], 1234);
	KTEST_EXPECT_STREQ(t, seen.data[2], "file");
	KTEST_EXPECT_EQ(t, seen.mode[3], S_IFCHR | 0600);
	KTEST_EXPECT_EQ(t, seen.rdev_major[3], 5);
	KTEST_EXPECT_EQ(t, seen.rdev_minor[3], 1);
	KTEST_EXPECT_EQ(t, seen.mode[4], S_IFIFO | 0644);
	KTEST_EXPECT_STREQ(t, seen.names[5], "./crc");
	KTEST_EXPECT_STREQ(t, seen.data[5], "sum");
	KTEST_EXPECT_GT(t, second, 0);
}

/* Where the next archive is not cpio, the parser stops and says where. */
static void stops_before_other_data(struct ktest *t)
{
	struct cpio_error err;
	size_t end;

	add(&ar, "070701", "a", S_IFREG | 0644, "", 0, 0);
	trailer(&ar);
	end = ar.len;
	ar.buf[ar.len++] = 0;
	ar.buf[ar.len++] = 0x1f;
	ar.buf[ar.len++] = 0x8b;
	KTEST_EXPECT_EQ(t, parse(&err), end + 1);
	KTEST_EXPECT_EQ(t, seen.nr, 1);
}

/* Parsing must stop with @why at @at, after the entry "good" only. */
static void expect_error(struct ktest *t, const char *why, size_t at)
{
	struct cpio_error err;

	KTEST_EXPECT_EQ(t, parse(&err), -EINVAL);
	KTEST_EXPECT_STREQ(t, err.why, why);
	KTEST_EXPECT_EQ(t, err.offset, at);
	KTEST_EXPECT_EQ(t, err.err, -EINVAL);
	KTEST_EXPECT_EQ(t, seen.nr, 1);
	KTEST_EXPECT_STREQ(t, seen.names[0], "good");
}

static size_t good_then(struct archive *a)
{
	add(a, "070701", "good", S_IFREG | 0644, "ok", 2, 0);
	return a->len;
}

static void truncated_header(struct ktest *t)
{
	size_t at = good_then(&ar);

	add(&ar, "070701", "next", S_IFREG | 0644, "", 0, 0);
	ar.len = at + 60;
	expect_error(t, "truncated header", at);
}

static void bad_magic(struct ktest *t)
{
	size_t at = good_then(&ar);

	add(&ar, "070707", "next", S_IFREG | 0644, "", 0, 0);
	trailer(&ar);
	expect_error(t, "no cpio magic", at);
}

static void bad_hex(struct ktest *t)
{
	size_t at = good_then(&ar);

	add(&ar, "070701", "next", S_IFREG | 0644, "", 0, 0);
	trailer(&ar);
	ar.buf[at + 6 + 8 + 3] = 'g';	/* in the mode */
	expect_error(t, "invalid header field", at);
}

static void name_without_nul(struct ktest *t)
{
	size_t at = good_then(&ar);

	add(&ar, "070701", "next", S_IFREG | 0644, "", 0, 4);
	trailer(&ar);
	expect_error(t, "name not NUL-terminated", at);
}

static void name_beyond_end(struct ktest *t)
{
	size_t at = good_then(&ar);

	add(&ar, "070701", "next", S_IFREG | 0644, "", 0, 0);
	ar.len = at + CPIO_HEADER_SIZE + 2;
	expect_error(t, "truncated name", at);
}

static void data_beyond_end(struct ktest *t)
{
	struct cpio_error err;
	size_t at = good_then(&ar);

	add(&ar, "070701", "next", S_IFREG | 0644, "0123456789", 10, 0);
	ar.len -= 4;
	KTEST_EXPECT_EQ(t, parse(&err), -EINVAL);
	KTEST_EXPECT_STREQ(t, err.why, "file data beyond the end");
	KTEST_EXPECT_EQ(t, err.offset, at);
	/* A stream has passed the entry and its first bytes on by then. */
	KTEST_EXPECT_EQ(t, seen.nr, 2);
	KTEST_EXPECT_STREQ(t, seen.data[1], "01234567");
}

static void dotdot_rejected(struct ktest *t)
{
	static const char *const bad[] = { "..", "../x", "a/../b", "a/..",
					   "a//../b" };
	struct cpio_error err;
	unsigned int i;
	size_t at;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		init(t);
		at = good_then(&ar);
		add(&ar, "070701", bad[i], S_IFREG | 0644, "", 0, 0);
		trailer(&ar);
		expect_error(t, "'..' in path", at);
	}
	/* Dots that are not a ".." component are names like any other. */
	init(t);
	add(&ar, "070701", "...", S_IFREG | 0644, "", 0, 0);
	add(&ar, "070701", "a..b/..c", S_IFREG | 0644, "", 0, 0);
	add(&ar, "070701", ".", S_IFDIR | 0755, "", 0, 0);
	trailer(&ar);
	KTEST_EXPECT_EQ(t, parse(&err), ar.len);
	KTEST_EXPECT_EQ(t, seen.nr, 3);
}

static void unknown_mode(struct ktest *t)
{
	size_t at = good_then(&ar);

	add(&ar, "070701", "next", 0160644, "", 0, 0);
	trailer(&ar);
	expect_error(t, "unknown file type", at);
}

/* An empty or overlong symlink target skips that entry only, as Linux. */
static void bad_symlink(struct ktest *t)
{
	static char target[CPIO_NAME_MAX + 1];
	struct cpio_error err;
	size_t at;

	good_then(&ar);
	add(&ar, "070701", "empty", S_IFLNK | 0777, "", 0, 0);
	add(&ar, "070701", "after", S_IFLNK | 0777, "good", 4, 0);
	trailer(&ar);
	KTEST_EXPECT_EQ(t, parse(&err), ar.len);
	KTEST_EXPECT_EQ(t, seen.nr, 2);
	KTEST_EXPECT_STREQ(t, seen.names[1], "after");
	KTEST_EXPECT_STREQ(t, seen.data[1], "good");
	KTEST_EXPECT_EQ(t, seen.nr_skipped, 1);
	KTEST_EXPECT_STREQ(t, seen.skipped, "empty");

	/* A PATH_MAX target: a stream, so the archive is fed in two parts. */
	init(t);
	memset(target, 'a', sizeof(target) - 1);
	good_then(&ar);
	at = add(&ar, "070701", "long", S_IFLNK | 0777, "", 0, 0);
	snprintf((char *)ar.buf + at + 6 + 8 * 6, 9, "%08X", CPIO_NAME_MAX);
	ar.buf[at + 6 + 8 * 7] = '0';	/* over snprintf's NUL */
	memset(&err, 0, sizeof(err));
	cpio_init(&stream, &record_ops, &seen, &err);
	KTEST_EXPECT_EQ(t, cpio_write(&stream, ar.buf, ar.len), ar.len);
	KTEST_EXPECT_EQ(t, cpio_write(&stream, target, CPIO_NAME_MAX),
			CPIO_NAME_MAX);
	ar.len = 0;
	add(&ar, "070701", "after", S_IFLNK | 0777, "good", 4, 0);
	trailer(&ar);
	KTEST_EXPECT_EQ(t, cpio_write(&stream, ar.buf, ar.len), ar.len);
	KTEST_EXPECT_EQ(t, cpio_finish(&stream), 0);
	KTEST_EXPECT_EQ(t, seen.nr, 2);
	KTEST_EXPECT_STREQ(t, seen.data[1], "good");
	KTEST_EXPECT_STREQ(t, seen.skipped, "long");
}

static void bad_checksum(struct ktest *t)
{
	struct cpio_error err;
	size_t at = good_then(&ar);

	add(&ar, "070702", "next", S_IFREG | 0644, "abc", 3, 0);
	trailer(&ar);
	ar.buf[ar.len - 128] = 'x';	/* "abc" becomes "xbc" */
	KTEST_ASSERT_EQ(t, ar.buf[at + 116], 'x');
	KTEST_EXPECT_EQ(t, parse(&err), -EINVAL);
	KTEST_EXPECT_STREQ(t, err.why, "checksum error");
	KTEST_EXPECT_EQ(t, err.offset, at);
	/* Found at the end of the data, which was passed on. */
	KTEST_EXPECT_EQ(t, seen.nr, 2);
	KTEST_EXPECT_STREQ(t, seen.data[1], "xbc");
}

static void no_trailer(struct ktest *t)
{
	good_then(&ar);
	expect_error(t, "truncated archive (no TRAILER!!!)", ar.len);
}

static void callback_error(struct ktest *t)
{
	struct cpio_error err;
	size_t at = good_then(&ar);

	add(&ar, "070701", "next", S_IFREG | 0644, "", 0, 0);
	trailer(&ar);
	seen.fail_at = 1;
	KTEST_EXPECT_EQ(t, parse(&err), -ENOSPC);
	KTEST_EXPECT_STREQ(t, err.why, "entry rejected");
	KTEST_EXPECT_EQ(t, err.offset, at);
	KTEST_EXPECT_EQ(t, err.err, -ENOSPC);
}

/* Only NULs, or nothing, is an empty but valid sequence of archives. */
static void empty_input(struct ktest *t)
{
	struct cpio_error err;

	KTEST_EXPECT_EQ(t, parse(&err), 0);
	ar.len = 16;
	KTEST_EXPECT_EQ(t, parse(&err), 16);
	KTEST_EXPECT_EQ(t, seen.nr, 0);
}

static struct ktest_case cpio_cases[] = {
	KTEST_CASE(every_type),
	KTEST_CASE(stops_before_other_data),
	KTEST_CASE(truncated_header),
	KTEST_CASE(bad_magic),
	KTEST_CASE(bad_hex),
	KTEST_CASE(name_without_nul),
	KTEST_CASE(name_beyond_end),
	KTEST_CASE(data_beyond_end),
	KTEST_CASE(dotdot_rejected),
	KTEST_CASE(unknown_mode),
	KTEST_CASE(bad_symlink),
	KTEST_CASE(bad_checksum),
	KTEST_CASE(no_trailer),
	KTEST_CASE(callback_error),
	KTEST_CASE(empty_input),
	{}
};

static struct ktest_suite cpio_suite = {
	.name = "cpio",
	.init = init,
	.cases = cpio_cases,
};
ktest_register_suite(cpio_suite);
