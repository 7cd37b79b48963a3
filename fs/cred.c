// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials.  Each task acts with current->cred; the boot task runs as
 * root (init_cred).  override_creds() swaps in someone else's for a while
 * (kernel work on a user's behalf, permission tests) and revert_creds()
 * puts the old ones back.  The caller keeps the cred alive in between.
 */
#include <keel/cred.h>
#include <keel/sched.h>

struct cred init_cred;		/* all ids 0: root */

const struct cred *current_cred(void)
{
	return current->cred;
}

const struct cred *override_creds(const struct cred *new)
{
	const struct cred *old = current->cred;

	current->cred = new;
	return old;
}

void revert_creds(const struct cred *old)
{
	current->cred = old;
}
