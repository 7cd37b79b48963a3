/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Path names: Linux's limits and the pure logic of splitting a path into
 * components (fs/path_component.c), which also runs on the host.  The
 * walk itself (dentries, mounts, symlinks) is in fs/namei.c.
 */
#ifndef _KEEL_NAMEI_H
#define _KEEL_NAMEI_H

#include <keel/types.h>

#define NAME_MAX	255	/* bytes in a component, without the NUL */
#define PATH_MAX	4096	/* bytes in a path, with the NUL */
#define MAXSYMLINKS	40	/* symlinks one lookup may follow */

/* mount(2) flags (MS_*) Keel knows; others are -EINVAL. */
#define MS_RDONLY	1
#define MS_NOSUID	2
#define MS_NODEV	4
#define MS_NOEXEC	8
#define MS_REMOUNT	32	/* with MS_BIND: change one mount's flags */
#define MS_BIND		4096
#define MS_SILENT	32768

/* umount2(2) flags */
#define MNT_FORCE	1
#define MNT_DETACH	2

/* What a component is: */
enum {
	LAST_NORM,	/* a name */
	LAST_ROOT,	/* none: the path is "/" (or only slashes) */
	LAST_DOT,	/* "." */
	LAST_DOTDOT,	/* ".." */
};

/*
 * The length of @name, or -ENOENT if it is empty and -ENAMETOOLONG if it
 * does not fit in PATH_MAX bytes with its NUL (Linux's getname()).
 */
long path_name_len(const char *name);

/*
 * Takes the component at *@p (which must not start with '/'): sets *@len
 * to its length and *@p past it and any slashes that follow.  Returns its
 * LAST_* type, or -ENAMETOOLONG for a component over NAME_MAX bytes.
 * *@trailing_slash says whether slashes followed it.
 */
int path_next_component(const char **p, unsigned int *len,
			bool *trailing_slash);

/* The dentry hash of a component (its qstr.hash). */
u32 full_name_hash(const char *name, unsigned int len);

#endif /* _KEEL_NAMEI_H */
