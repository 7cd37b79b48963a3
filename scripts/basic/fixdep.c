// SPDX-License-Identifier: GPL-2.0
/*
 * fixdep: turn a compiler dependency file into a .cmd file for make.
 *
 *   fixdep <depfile> <target> <cmdline>
 *
 * The compiler lists include/generated/autoconf.h as a dependency of every
 * object, so any configuration change would rebuild everything.  fixdep
 * drops that file and instead scans each dependency for CONFIG_ symbols,
 * making the target depend on include/config/<symbol>.h, which kconfig
 * touches only when that symbol's value changes.  Changing one option then
 * rebuilds only the files that mention it.  (kconfig-frontends 4.11 splits
 * CONFIG_FOO_BAR into include/config/foo/bar.h.)
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define PREFIX		"CONFIG_"
#define PREFIX_LEN	(sizeof(PREFIX) - 1)

/* Symbols already emitted for this target: a small open hash set. */
#define HASH_SIZE	4096
static char *seen[HASH_SIZE];

static unsigned int hash_str(const char *s, size_t len)
{
	unsigned int h = 2166136261u;

	while (len--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* Returns 1 when @sym (of @len bytes) was not seen before, and records it. */
static int mark_seen(const char *sym, size_t len)
{
	unsigned int i = hash_str(sym, len) % HASH_SIZE;

	while (seen[i]) {
		if (strlen(seen[i]) == len && !memcmp(seen[i], sym, len))
			return 0;
		i = (i + 1) % HASH_SIZE;
	}
	seen[i] = strndup(sym, len);
	if (!seen[i]) {
		perror("fixdep");
		exit(2);
	}
	return 1;
}

static void print_config_dep(const char *sym, size_t len)
{
	size_t i;

	if (!mark_seen(sym, len))
		return;
	printf("    $(wildcard include/config/");
	for (i = 0; i < len; i++)
		putchar(sym[i] == '_' ? '/' : tolower((unsigned char)sym[i]));
	printf(".h) \\\n");
}

static int is_ident(int c)
{
	return isalnum(c) || c == '_';
}

/* Emit a dependency on every CONFIG_ symbol named in @buf. */
static void parse_config_symbols(const char *buf, size_t size)
{
	const char *end = buf + size, *p = buf;

	while ((p = memmem(p, end - p, PREFIX, PREFIX_LEN))) {
		const char *sym = p + PREFIX_LEN, *q = sym;

		if (p > buf && is_ident((unsigned char)p[-1])) {
			p = sym;
			continue;
		}
		while (q < end && is_ident((unsigned char)*q))
			q++;
		if (q > sym)
			print_config_dep(sym, q - sym);
		p = q;
	}
}

static void scan_file(const char *name)
{
	struct stat st;
	void *map;
	int fd;

	fd = open(name, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "fixdep: %s: %s\n", name, strerror(errno));
		exit(2);
	}
	if (fstat(fd, &st) < 0) {
		fprintf(stderr, "fixdep: %s: %s\n", name, strerror(errno));
		exit(2);
	}
	if (st.st_size == 0) {
		close(fd);
		return;
	}
	map = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED) {
		fprintf(stderr, "fixdep: mmap %s: %s\n", name, strerror(errno));
		exit(2);
	}
	parse_config_symbols(map, st.st_size);
	munmap(map, st.st_size);
	close(fd);
}

/* Files whose CONFIG_ contents stand for the whole configuration. */
static int is_config_file(const char *name)
{
	static const char *const ignored[] = {
		"include/generated/autoconf.h",
		"include/config/auto.conf",
		"include/keel/kconfig.h",
	};
	size_t len = strlen(name), i;

	for (i = 0; i < sizeof(ignored) / sizeof(ignored[0]); i++) {
		size_t n = strlen(ignored[i]);

		if (len >= n && !strcmp(name + len - n, ignored[i]))
			return 1;
	}
	return 0;
}

static char *read_file(const char *name)
{
	FILE *f = fopen(name, "r");
	long size;
	char *buf;

	if (!f) {
		fprintf(stderr, "fixdep: %s: %s\n", name, strerror(errno));
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = malloc(size + 1);
	if (!buf || fread(buf, 1, size, f) != (size_t)size) {
		fprintf(stderr, "fixdep: cannot read %s\n", name);
		exit(2);
	}
	buf[size] = '\0';
	fclose(f);
	return buf;
}

/*
 * The depfile reads "target.o: first.c a.h \ b.h ...".  The first
 * prerequisite is the source; every one is scanned for CONFIG_ symbols.
 */
static void parse_depfile(char *buf, const char *target)
{
	char *p = strchr(buf, ':'), *tok;
	int first = 1;

	if (!p) {
		fprintf(stderr, "fixdep: no ':' in dependency file\n");
		exit(2);
	}
	for (tok = strtok(p + 1, " \t\n\\"); tok; tok = strtok(NULL, " \t\n\\")) {
		if (is_config_file(tok))
			continue;
		if (first) {
			printf("source_%s := %s\n\n", target, tok);
			printf("deps_%s := \\\n", target);
			first = 0;
		}
		printf("  %s \\\n", tok);
		scan_file(tok);
	}
	printf("\n%s: $(deps_%s)\n\n$(deps_%s):\n", target, target, target);
}

int main(int argc, char **argv)
{
	char *buf;

	if (argc != 4) {
		fprintf(stderr, "usage: fixdep <depfile> <target> <cmdline>\n");
		return 2;
	}
	printf("cmd_%s := %s\n\n", argv[2], argv[3]);
	buf = read_file(argv[1]);
	parse_depfile(buf, argv[2]);
	free(buf);
	return 0;
}
