/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Credentials: who is asking, for permission checks, with Linux's rules.
 * A struct cred is copy-on-write: once installed it never changes.  To
 * change its ids a task copies its credentials (prepare_creds()), edits
 * the copy and installs it (commit_creds()), or throws it away
 * (abort_creds()).  Tasks that share credentials (fork) share the object
 * and hold a reference each (get_cred()/put_cred()).
 *
 * A task has two pointers: real_cred, who it is (what others check when
 * they act on it), and cred, how it acts (current_cred()).  They are the
 * same except inside override_creds() ... revert_creds(), which lets
 * kernel code (and tests) act as someone else for a while; as in Linux
 * since 6.13, the caller keeps the overriding cred alive meanwhile.
 */
#ifndef _KEEL_CRED_H
#define _KEEL_CRED_H

#include <keel/atomic.h>
#include <keel/fs_types.h>

/*
 * The supplementary groups (setgroups(2)): sorted ascending, shared
 * read-only by every cred that points to it once it is installed.
 */
struct group_info {
	atomic_t usage;
	int ngroups;
	gid_t gid[];
};

struct cred {
	atomic_t usage;
	uid_t uid, euid, suid, fsuid;	/* real, effective, saved, fs */
	gid_t gid, egid, sgid, fsgid;
	struct group_info *group_info;	/* never NULL once installed */
};

/* The boot task's: all ids 0 (root), no supplementary groups. */
extern struct cred init_cred;
extern struct group_info init_groups;

const struct cred *current_cred(void);
/* Act with @new; returns the previous credentials for revert_creds(). */
const struct cred *override_creds(const struct cred *new);
void revert_creds(const struct cred *old);

/* A private copy of current's credentials to edit; NULL without memory. */
struct cred *prepare_creds(void);
/* Install @new as current's credentials, consuming the reference. */
void commit_creds(struct cred *new);
/* Drop a prepared copy that will not be installed. */
void abort_creds(struct cred *new);

struct task_struct;
/* May @p's process dump core (prctl(PR_SET_DUMPABLE))?  For all threads. */
void set_dumpable(struct task_struct *p, bool dumpable);

static inline const struct cred *get_cred(const struct cred *cred)
{
	atomic_inc(&((struct cred *)cred)->usage);
	return cred;
}

void __put_cred(struct cred *cred);

static inline void put_cred(const struct cred *cred)
{
	if (atomic_dec_and_test(&((struct cred *)cred)->usage))
		__put_cred((struct cred *)cred);
}

/* Supplementary groups (kernel/groups.c). */
struct group_info *groups_alloc(int ngroups);
void groups_free(struct group_info *gi);
void groups_sort(struct group_info *gi);
/* Replace @new's groups with @gi, taking a reference to it. */
void set_groups(struct cred *new, struct group_info *gi);
bool groups_search(const struct group_info *gi, gid_t gid);
/* Is @gid the acting (fs) group or a supplementary one of current? */
bool in_group_p(gid_t gid);
/* The same with the effective group. */
bool in_egroup_p(gid_t gid);

static inline struct group_info *get_group_info(struct group_info *gi)
{
	atomic_inc(&gi->usage);
	return gi;
}

static inline void put_group_info(struct group_info *gi)
{
	if (atomic_dec_and_test(&gi->usage))
		groups_free(gi);
}

/*
 * The capabilities of Linux's root-only checks (CAP_SETUID, CAP_SYS_TIME,
 * CAP_SYS_NICE, CAP_SYS_RESOURCE, ...): Keel has no capability sets, and
 * a task holds them all exactly when its effective uid is 0, as Linux's
 * root does by default.
 */
static inline bool capable_root(void)
{
	return current_cred()->euid == 0;
}

static inline bool capable_fowner(void)
{
	return current_cred()->fsuid == 0;
}

#endif /* _KEEL_CRED_H */
