// SPDX-License-Identifier: GPL-2.0
/*
 * Supplementary groups: the group_info a cred points to, and
 * getgroups(2)/setgroups(2) with Linux's rules.  A group_info is
 * immutable once a cred points to it; setgroups() builds a new one and
 * installs it in a new cred.
 */
#include <keel/cred.h>
#include <keel/errno.h>
#include <keel/slab.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <keel/vmalloc.h>
#include <uapi/linux/limits.h>

struct group_info init_groups = { .usage = ATOMIC_INIT(2) };

/* Up to NGROUPS_MAX ids (256 KiB): big ones come from vmalloc. */
struct group_info *groups_alloc(int ngroups)
{
	size_t size = sizeof(struct group_info) + ngroups * sizeof(gid_t);
	struct group_info *gi;

	if (size <= PAGE_SIZE)
		gi = kmalloc(size, GFP_KERNEL);
	else
		gi = vmalloc(size);
	if (!gi)
		return NULL;
	atomic_set(&gi->usage, 1);
	gi->ngroups = ngroups;
	return gi;
}

void groups_free(struct group_info *gi)
{
	if (sizeof(*gi) + gi->ngroups * sizeof(gid_t) <= PAGE_SIZE)
		kfree(gi);
	else
		vfree(gi);
}

/* Shell sort: no recursion, no extra memory, fine for 65536 ids. */
void groups_sort(struct group_info *gi)
{
	int n = gi->ngroups, gap, i, j;
	gid_t v;

	for (gap = n / 2; gap > 0; gap /= 2) {
		for (i = gap; i < n; i++) {
			v = gi->gid[i];
			for (j = i; j >= gap && gi->gid[j - gap] > v; j -= gap)
				gi->gid[j] = gi->gid[j - gap];
			gi->gid[j] = v;
		}
	}
}

bool groups_search(const struct group_info *gi, gid_t gid)
{
	int lo = 0, hi;

	if (!gi)
		return false;
	hi = gi->ngroups;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (gi->gid[mid] == gid)
			return true;
		if (gi->gid[mid] < gid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

void set_groups(struct cred *new, struct group_info *gi)
{
	get_group_info(gi);
	if (new->group_info)
		put_group_info(new->group_info);
	new->group_info = gi;
}

bool in_group_p(gid_t gid)
{
	const struct cred *cred = current_cred();

	return gid == cred->fsgid || groups_search(cred->group_info, gid);
}

bool in_egroup_p(gid_t gid)
{
	const struct cred *cred = current_cred();

	return gid == cred->egid || groups_search(cred->group_info, gid);
}

/* A size of 0 asks only for the count. */
SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	const struct group_info *gi = current_cred()->group_info;
	int n = gi ? gi->ngroups : 0;

	if (gidsetsize < 0)
		return -EINVAL;
	if (!gidsetsize)
		return n;
	if (gidsetsize < n)
		return -EINVAL;
	if (n && copy_to_user(grouplist, gi->gid, n * sizeof(gid_t)))
		return -EFAULT;
	return n;
}

SYSCALL_DEFINE2(setgroups, int, gidsetsize, const gid_t __user *, grouplist)
{
	struct group_info *gi;
	struct cred *new;
	long ret;

	if (current_cred()->euid != 0)
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	gi = groups_alloc(gidsetsize);
	if (!gi)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(gi->gid, grouplist, gidsetsize * sizeof(gid_t)))
		goto out_put;
	groups_sort(gi);
	ret = -ENOMEM;
	new = prepare_creds();
	if (!new)
		goto out_put;
	set_groups(new, gi);
	commit_creds(new);
	ret = 0;
out_put:
	put_group_info(gi);
	return ret;
}
