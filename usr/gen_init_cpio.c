// SPDX-License-Identifier: GPL-2.0
/*
 * gen_init_cpio: a host tool that writes a cpio "newc" archive from a
 * list of entries, one a line, in the syntax of Linux's tool of the same
 * name (see usr/default_cpio_list and Documentation/filesystems/
 * initramfs.rst).  It writes archives only; it does not compress them.
 *
 *   gen_init_cpio [-t <timestamp>] [-c] [-C <dir>] [-o <file>] <cpio_list>
 *
 * -t sets every entry's mtime (reproducible archives), -c writes the
 * "070702" format with data checksums, -C resolves relative <location>s
 * against <dir>, -o writes to <file> instead of standard output.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_FIELDS	32
#define LINE_MAX_LEN	4096

static FILE *out;
static unsigned long offset;
static unsigned int next_ino = 721;
static long long timestamp = -1;
static int crc_format;
static const char *base_dir;
static const char *list_name;
static unsigned int line_no;

static void die(const char *fmt, const char *arg)
{
	fprintf(stderr, "gen_init_cpio: %s:%u: ", list_name, line_no);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(1);
}

static void emit(const void *buf, size_t len)
{
	if (fwrite(buf, 1, len, out) != len) {
		perror("gen_init_cpio: write");
		exit(1);
	}
	offset += len;
}

static void pad(void)
{
	static const char zeros[4];

	emit(zeros, (4 - offset % 4) % 4);
}

struct header {
	unsigned int ino, mode, uid, gid, nlink, mtime, filesize;
	unsigned int rdev_major, rdev_minor, check;
	const char *name;
};

static void emit_header(const struct header *h)
{
	char buf[111];
	const char *name = h->name;
	size_t namesize;

	while (*name == '/')
		name++;
	namesize = strlen(name) + 1;
	snprintf(buf, sizeof(buf),
		 "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 crc_format ? "070702" : "070701", h->ino, h->mode, h->uid,
		 h->gid, h->nlink, h->mtime, h->filesize, 0U, 0U,
		 h->rdev_major, h->rdev_minor, (unsigned int)namesize,
		 h->check);
	emit(buf, 110);
	emit(name, namesize);
	pad();
}

static unsigned int entry_time(void)
{
	return timestamp >= 0 ? (unsigned int)timestamp :
				(unsigned int)time(NULL);
}

static unsigned long parse_num(const char *s, int base, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, base);
	if (errno || !*s || *end || v > 0xffffffffUL)
		die("invalid %s", what);
	return v;
}

static void simple(char **f, int n, int nargs, unsigned long type,
		   const char *target)
{
	struct header h = { 0 };

	if (n != nargs)
		die("wrong number of fields for \"%s\"", f[0]);
	h.name = f[1];
	h.ino = next_ino++;
	h.mode = type | parse_num(f[n - 3], 8, "mode");
	h.uid = parse_num(f[n - 2], 10, "uid");
	h.gid = parse_num(f[n - 1], 10, "gid");
	h.nlink = type == S_IFDIR ? 2 : 1;
	h.mtime = entry_time();
	if (target) {
		h.filesize = strlen(target);
		for (const char *p = target; *p; p++)
			h.check += (unsigned char)*p;
	}
	emit_header(&h);
	if (target) {
		emit(target, h.filesize);
		pad();
	}
}

static void nod(char **f, int n)
{
	struct header h = { 0 };

	if (n != 8)
		die("wrong number of fields for \"%s\"", f[0]);
	if (strcmp(f[5], "c") && strcmp(f[5], "b"))
		die("device type \"%s\" is neither c nor b", f[5]);
	h.name = f[1];
	h.ino = next_ino++;
	h.mode = (f[5][0] == 'c' ? S_IFCHR : S_IFBLK) |
		 parse_num(f[2], 8, "mode");
	h.uid = parse_num(f[3], 10, "uid");
	h.gid = parse_num(f[4], 10, "gid");
	h.nlink = 1;
	h.mtime = entry_time();
	h.rdev_major = parse_num(f[6], 10, "major");
	h.rdev_minor = parse_num(f[7], 10, "minor");
	emit_header(&h);
}

/* file <name> <location> <mode> <uid> <gid> [<hard links>...] */
static void file(char **f, int n)
{
	struct header h = { 0 };
	char path[LINE_MAX_LEN * 2];
	unsigned char *data;
	struct stat st;
	FILE *in;
	int i;

	if (n < 6)
		die("wrong number of fields for \"%s\"", f[0]);
	if (f[2][0] != '/' && base_dir)
		snprintf(path, sizeof(path), "%s/%s", base_dir, f[2]);
	else
		snprintf(path, sizeof(path), "%s", f[2]);
	in = fopen(path, "rb");
	if (!in || fstat(fileno(in), &st) || !S_ISREG(st.st_mode))
		die("cannot read regular file %s", path);
	data = malloc(st.st_size ? st.st_size : 1);
	if (!data || fread(data, 1, st.st_size, in) != (size_t)st.st_size)
		die("cannot read %s", path);
	fclose(in);

	h.ino = next_ino++;
	h.mode = S_IFREG | parse_num(f[3], 8, "mode");
	h.uid = parse_num(f[4], 10, "uid");
	h.gid = parse_num(f[5], 10, "gid");
	h.nlink = n - 5;
	h.mtime = timestamp >= 0 ? (unsigned int)timestamp :
				   (unsigned int)st.st_mtime;
	/* As GNU cpio does, only the last link carries the data. */
	for (i = 0; i < n - 5; i++) {
		h.name = i ? f[5 + i] : f[1];
		h.filesize = i == n - 6 ? (unsigned int)st.st_size : 0;
		h.check = 0;
		for (unsigned int k = 0; k < h.filesize; k++)
			h.check += data[k];
		emit_header(&h);
		emit(data, h.filesize);
		pad();
	}
	free(data);
}

static void trailer(void)
{
	struct header h = { .nlink = 1, .name = "TRAILER!!!" };

	emit_header(&h);
	/* Pad the archive to 512 bytes, as cpio does. */
	while (offset % 512)
		emit("", 1);
}

static int split(char *line, char **f)
{
	int n = 0;
	char *tok;

	for (tok = strtok(line, " \t\n"); tok; tok = strtok(NULL, " \t\n")) {
		if (n == MAX_FIELDS)
			die("too many fields%s", "");
		f[n++] = tok;
	}
	return n;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: gen_init_cpio [-t <timestamp>] [-c] [-C <dir>] [-o <file>] <cpio_list>\n"
		"\n"
		"<cpio_list> lines (# starts a comment):\n"
		"  file <name> <location> <mode> <uid> <gid> [<hard links>...]\n"
		"  dir <name> <mode> <uid> <gid>\n"
		"  nod <name> <mode> <uid> <gid> <dev_type> <maj> <min>\n"
		"  slink <name> <target> <mode> <uid> <gid>\n"
		"  pipe <name> <mode> <uid> <gid>\n"
		"  sock <name> <mode> <uid> <gid>\n"
		"<mode> is octal, <dev_type> is c or b; \"-\" as <cpio_list> reads stdin.\n");
	exit(1);
}

int main(int argc, char **argv)
{
	char line[LINE_MAX_LEN], *f[MAX_FIELDS];
	const char *out_name = NULL;
	FILE *list;
	int opt;

	while ((opt = getopt(argc, argv, "t:cC:o:h")) != -1) {
		switch (opt) {
		case 't':
			timestamp = strtoll(optarg, NULL, 10);
			break;
		case 'c':
			crc_format = 1;
			break;
		case 'C':
			base_dir = optarg;
			break;
		case 'o':
			out_name = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1)
		usage();
	list_name = argv[optind];
	list = strcmp(list_name, "-") ? fopen(list_name, "r") : stdin;
	if (!list) {
		perror(list_name);
		return 1;
	}
	out = out_name ? fopen(out_name, "wb") : stdout;
	if (!out) {
		perror(out_name);
		return 1;
	}

	while (fgets(line, sizeof(line), list)) {
		int n;

		line_no++;
		*strchrnul(line, '#') = '\0';
		n = split(line, f);
		if (!n)
			continue;
		if (!strcmp(f[0], "file"))
			file(f, n);
		else if (!strcmp(f[0], "dir"))
			simple(f, n, 5, S_IFDIR, NULL);
		else if (!strcmp(f[0], "nod"))
			nod(f, n);
		else if (!strcmp(f[0], "slink"))
			simple(f, n, 6, S_IFLNK, f[2]);
		else if (!strcmp(f[0], "pipe"))
			simple(f, n, 5, S_IFIFO, NULL);
		else if (!strcmp(f[0], "sock"))
			simple(f, n, 5, S_IFSOCK, NULL);
		else
			die("unknown entry type \"%s\"", f[0]);
	}
	trailer();
	if (fflush(out) || ferror(out) || (out_name && fclose(out))) {
		perror("gen_init_cpio: write");
		return 1;
	}
	return 0;
}
