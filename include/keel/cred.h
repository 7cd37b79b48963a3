/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Credentials: who is asking, for permission checks.  current_cred() is
 * the current task's; the boot task runs as init_cred (root).
 * override_creds() lets kernel code (and tests) act as someone else for a
 * while, as in Linux.
 */
#ifndef _KEEL_CRED_H
#define _KEEL_CRED_H

#include <keel/fs_types.h>

struct cred {
	uid_t uid, euid, fsuid;
	gid_t gid, egid, fsgid;
};

extern struct cred init_cred;

const struct cred *current_cred(void);
/* Act with @new; returns the previous credentials for revert_creds(). */
const struct cred *override_creds(const struct cred *new);
void revert_creds(const struct cred *old);

static inline bool capable_fowner(void)
{
	return current_cred()->fsuid == 0;
}

#endif /* _KEEL_CRED_H */
