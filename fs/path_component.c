// SPDX-License-Identifier: GPL-2.0
/*
 * The pure part of path walking: a path's length limit, splitting it into
 * components, and the component hash the dentry cache keys on.  No VFS
 * objects here, so it also runs on the host (tools/testing/host).
 */
#include <keel/errno.h>
#include <keel/namei.h>
#include <keel/string.h>

long path_name_len(const char *name)
{
	size_t len = strnlen(name, PATH_MAX);

	if (!len)
		return -ENOENT;
	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	return len;
}

int path_next_component(const char **p, unsigned int *len,
			bool *trailing_slash)
{
	const char *s = *p;
	unsigned int n = 0;
	int type = LAST_NORM;

	while (s[n] && s[n] != '/')
		n++;
	if (n > NAME_MAX)
		return -ENAMETOOLONG;
	if (n == 1 && s[0] == '.')
		type = LAST_DOT;
	else if (n == 2 && s[0] == '.' && s[1] == '.')
		type = LAST_DOTDOT;
	*len = n;
	*trailing_slash = s[n] == '/';
	s += n;
	while (*s == '/')
		s++;
	*p = s;
	return type;
}

/* FNV-1a: short, well spread over the low bits the hash table uses. */
u32 full_name_hash(const char *name, unsigned int len)
{
	u32 hash = 2166136261u;

	while (len--) {
		hash ^= (unsigned char)*name++;
		hash *= 16777619u;
	}
	return hash;
}
