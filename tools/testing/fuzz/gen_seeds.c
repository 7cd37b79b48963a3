// SPDX-License-Identifier: GPL-2.0
/*
 * Writes the fuzz seeds (seeds.c) as a libFuzzer corpus: one file per
 * seed, <dir>/<target>/<name>.  Built for the host with libc.
 */
#include <stdio.h>
#include <sys/stat.h>

#include "fuzz.h"

int main(int argc, char **argv)
{
	char path[4096];
	unsigned int i;

	if (argc != 2) {
		fprintf(stderr, "usage: %s <corpus dir>\n", argv[0]);
		return 1;
	}
	for (i = 0; i < nr_fuzz_seeds; i++) {
		const struct fuzz_seed *s = &fuzz_seeds[i];
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s", argv[1], s->target);
		mkdir(path, 0755);
		snprintf(path, sizeof(path), "%s/%s/%s", argv[1], s->target,
			 s->name);
		f = fopen(path, "wb");
		if (!f || fwrite(s->data, 1, s->size, f) != s->size ||
		    fclose(f)) {
			perror(path);
			return 1;
		}
	}
	return 0;
}
