// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials.  Until processes exist there is one context, running as
 * root (init_cred); override_creds() swaps in someone else's for a while
 * (kernel work on a user's behalf, permission tests) and revert_creds()
 * puts the old ones back.  The caller keeps the cred alive in between.
 */
#include <keel/cred.h>

struct cred init_cred;		/* all ids 0: root */

static const struct cred *current_creds = &init_cred;

const struct cred *current_cred(void)
{
	return current_creds;
}

const struct cred *override_creds(const struct cred *new)
{
	const struct cred *old = current_creds;

	current_creds = new;
	return old;
}

void revert_creds(const struct cred *old)
{
	current_creds = old;
}
