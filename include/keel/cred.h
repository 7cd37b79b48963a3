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

struct cred {
	atomic_t usage;
	uid_t uid, euid, suid, fsuid;	/* real, effective, saved, fs */
	gid_t gid, egid, sgid, fsgid;
};

/* The boot task's: all ids 0 (root). */
extern struct cred init_cred;

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

static inline bool capable_fowner(void)
{
	return current_cred()->fsuid == 0;
}

#endif /* _KEEL_CRED_H */
