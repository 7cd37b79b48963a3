// SPDX-License-Identifier: GPL-2.0
/*
 * The dentry cache: names in directories, hashed by (parent, name), with
 * negative entries ("no such name"), reference counts, and an LRU of
 * unused dentries that shrink_dcache() frees under memory pressure (the
 * dcache's shrinker, which the page allocator calls when an allocation
 * would fail).  An unused
 * dentry stays cached while it is hashed; an unhashed one (dropped,
 * renamed over) is freed when its last reference goes.  Each dentry holds
 * a reference to its parent, so a directory with cached children is never
 * unused.  No inode cache: freeing a dentry puts its inode.
 *
 * Locks, outermost first, all inside the sleeping i_rwsem locks of
 * fs/namei.c's order: rename_lock (d_parent and d_name of every
 * dentry), the parent directory inode's i_lock (its d_subdirs), then
 * dcache_lock (the hash table, the LRU, the counters and each d_count's
 * moves to and from zero).  Nothing is allocated or freed with one held.
 */
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/namei.h>
#include <keel/panic.h>
#include <keel/shrinker.h>
#include <keel/slab.h>
#include <keel/string.h>

#include "internal.h"

DEFINE_SPINLOCK(rename_lock);
static DEFINE_SPINLOCK(dcache_lock);

#define D_HASHBITS	12
static struct hlist_head dentry_hashtable[1 << D_HASHBITS]; /* [dcache_lock] */
static LIST_HEAD(dentry_lru);		/* unused, newest first [dcache_lock] */
static unsigned long nr_dentry;		/* [dcache_lock] */
static unsigned long nr_unused;		/* [dcache_lock] */
static struct kmem_cache *dentry_cache;

static unsigned long dcache_shrink_count(struct shrinker *shrinker,
					 struct shrink_control *sc)
{
	return READ_ONCE(nr_unused) ?: SHRINK_EMPTY;
}

static unsigned long dcache_shrink_scan(struct shrinker *shrinker,
					struct shrink_control *sc)
{
	unsigned long freed = shrink_dcache(sc->nr_to_scan);

	return freed ?: SHRINK_STOP;
}

static struct shrinker dcache_shrinker = {
	.count_objects	= dcache_shrink_count,
	.scan_objects	= dcache_shrink_scan,
	.seeks		= DEFAULT_SEEKS,
};

void dcache_init(void)
{
	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 0,
					 0, NULL);
	if (!dentry_cache)
		panic("VFS: cannot create the dentry cache");
}

/* An initcall: registering may sleep, which dcache_init()'s caller can't. */
static int dcache_shrinker_init(void)
{
	return register_shrinker(&dcache_shrinker);
}
core_initcall(dcache_shrinker_init);

static struct hlist_head *d_hash(const struct dentry *parent, u32 hash)
{
	unsigned long h = hash + ((unsigned long)parent >> 6);

	h ^= h >> D_HASHBITS;
	return &dentry_hashtable[h & ((1 << D_HASHBITS) - 1)];
}

static bool name_is_inline(const struct dentry *dentry)
{
	return dentry->d_name.name == dentry->d_iname;
}

static struct dentry *__d_alloc(struct super_block *sb,
				const struct qstr *name)
{
	struct dentry *dentry;
	char *dname;

	dentry = kmem_cache_zalloc(dentry_cache, GFP_KERNEL);
	if (!dentry)
		return NULL;
	dname = dentry->d_iname;
	if (name->len >= sizeof(dentry->d_iname)) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cache, dentry);
			return NULL;
		}
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name.name = dname;
	dentry->d_name.len = name->len;
	dentry->d_name.hash = name->hash;
	atomic_set(&dentry->d_count, 1);
	spin_lock_init(&dentry->d_lock);
	INIT_HLIST_NODE(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	INIT_LIST_HEAD(&dentry->d_lru);
	dentry->d_parent = dentry;
	dentry->d_sb = sb;

	spin_lock(&dcache_lock);
	nr_dentry++;
	spin_unlock(&dcache_lock);
	return dentry;
}

static void d_attach(struct dentry *dentry, struct dentry *parent)
{
	struct inode *dir = d_inode(parent);

	dentry->d_parent = dget(parent);
	spin_lock(&dir->i_lock);
	list_add_tail(&dentry->d_child, &parent->d_subdirs);
	spin_unlock(&dir->i_lock);
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb, name);

	if (dentry)
		d_attach(dentry, parent);
	return dentry;
}

struct dentry *d_alloc_name(struct dentry *parent, const char *name)
{
	struct qstr q = { .name = name, .len = strlen(name) };

	q.hash = full_name_hash(q.name, q.len);
	return d_alloc(parent, &q);
}

struct dentry *d_alloc_cursor(struct dentry *parent)
{
	static const struct qstr none = { .name = "" };
	struct dentry *cursor = __d_alloc(parent->d_sb, &none);

	if (cursor) {
		cursor->d_flags |= DCACHE_CURSOR;
		d_attach(cursor, parent);
	}
	return cursor;
}

struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr slash = { .name = "/", .len = 1 };
	struct dentry *root;

	if (!root_inode)
		return NULL;
	root = __d_alloc(root_inode->i_sb, &slash);
	if (!root) {
		iput(root_inode);
		return NULL;
	}
	d_instantiate(root, root_inode);
	return root;
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&dentry->d_lock);
	dentry->d_inode = inode;
	spin_unlock(&dentry->d_lock);
}

static void __d_rehash(struct dentry *dentry)
{
	hlist_add_head(&dentry->d_hash,
		       d_hash(dentry->d_parent, dentry->d_name.hash));
}

void d_add(struct dentry *dentry, struct inode *inode)
{
	d_instantiate(dentry, inode);
	spin_lock(&dcache_lock);
	__d_rehash(dentry);
	spin_unlock(&dcache_lock);
}

static void __dget_locked(struct dentry *dentry)
{
	assert_spin_locked(&dcache_lock);
	if (atomic_inc_return(&dentry->d_count) == 1) {
		list_del_init(&dentry->d_lru);
		nr_unused--;
	}
}

struct dentry *dget(struct dentry *dentry)
{
	if (dentry) {
		spin_lock(&dcache_lock);
		__dget_locked(dentry);
		spin_unlock(&dcache_lock);
	}
	return dentry;
}

struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry;

	spin_lock(&dcache_lock);
	hlist_for_each_entry(dentry, d_hash(parent, name->hash), d_hash) {
		if (dentry->d_parent != parent ||
		    dentry->d_name.hash != name->hash ||
		    dentry->d_name.len != name->len ||
		    memcmp(dentry->d_name.name, name->name, name->len))
			continue;
		__dget_locked(dentry);
		spin_unlock(&dcache_lock);
		return dentry;
	}
	spin_unlock(&dcache_lock);
	return NULL;
}

struct dentry *d_lookup_valid(const struct dentry *parent,
			      const struct qstr *name)
{
	struct dentry *dentry = d_lookup(parent, name);

	if (dentry && dentry->d_op && dentry->d_op->d_revalidate &&
	    !dentry->d_op->d_revalidate(dentry, 0)) {
		d_drop(dentry);
		dput(dentry);
		return NULL;
	}
	return dentry;
}

/*
 * Frees an unhashed dentry nobody uses and returns its parent, whose
 * reference the caller must drop (NULL for a root).
 */
static struct dentry *dentry_kill(struct dentry *dentry)
{
	struct dentry *parent = dentry->d_parent;
	struct inode *inode = dentry->d_inode;

	if (parent != dentry) {
		struct inode *dir = d_inode(parent);

		spin_lock(&dir->i_lock);
		list_del(&dentry->d_child);
		spin_unlock(&dir->i_lock);
	} else {
		parent = NULL;
	}
	spin_lock(&dcache_lock);
	nr_dentry--;
	spin_unlock(&dcache_lock);
	if (!name_is_inline(dentry))
		kfree(dentry->d_name.name);
	kmem_cache_free(dentry_cache, dentry);
	iput(inode);
	return parent;
}

/* A loop, not recursion: a deep tree frees its chain of parents here. */
void dput(struct dentry *dentry)
{
	while (dentry) {
		spin_lock(&dcache_lock);
		if (!atomic_dec_and_test(&dentry->d_count)) {
			spin_unlock(&dcache_lock);
			return;
		}
		/* The file system may want it gone rather than cached. */
		if (!d_unhashed(dentry) && dentry->d_op &&
		    dentry->d_op->d_delete && dentry->d_op->d_delete(dentry))
			hlist_del_init(&dentry->d_hash);
		if (!d_unhashed(dentry)) {
			list_add(&dentry->d_lru, &dentry_lru);
			nr_unused++;
			spin_unlock(&dcache_lock);
			return;
		}
		spin_unlock(&dcache_lock);
		dentry = dentry_kill(dentry);
	}
}

void d_drop(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	hlist_del_init(&dentry->d_hash);
	spin_unlock(&dcache_lock);
}

/*
 * After a successful unlink or rmdir: if the caller's is the only
 * reference the dentry turns negative and stays cached, otherwise (an
 * open file) it is dropped and the inode goes with its last user.
 */
void d_delete(struct dentry *dentry)
{
	struct inode *inode;

	spin_lock(&dcache_lock);
	if (atomic_read(&dentry->d_count) > 1) {
		hlist_del_init(&dentry->d_hash);
		spin_unlock(&dcache_lock);
		return;
	}
	spin_lock(&dentry->d_lock);
	inode = dentry->d_inode;
	dentry->d_inode = NULL;
	spin_unlock(&dentry->d_lock);
	spin_unlock(&dcache_lock);
	iput(inode);
}

/* Takes both directories' i_lock in address order: no ABBA. */
static void lock_two_dirs(struct inode *a, struct inode *b)
{
	if (a == b) {
		spin_lock(&a->i_lock);
	} else if (a < b) {
		spin_lock(&a->i_lock);
		spin_lock(&b->i_lock);
	} else {
		spin_lock(&b->i_lock);
		spin_lock(&a->i_lock);
	}
}

static void unlock_two_dirs(struct inode *a, struct inode *b)
{
	spin_unlock(&a->i_lock);
	if (a != b)
		spin_unlock(&b->i_lock);
}

static void swap_names(struct dentry *a, struct dentry *b)
{
	struct qstr tmp = a->d_name;
	char iname[sizeof(a->d_iname)];

	a->d_name = b->d_name;
	b->d_name = tmp;
	memcpy(iname, a->d_iname, sizeof(iname));
	memcpy(a->d_iname, b->d_iname, sizeof(iname));
	memcpy(b->d_iname, iname, sizeof(iname));
	/* An inline name moved with the bytes: point at the new copy. */
	if (a->d_name.name == b->d_iname)
		a->d_name.name = a->d_iname;
	if (b->d_name.name == a->d_iname)
		b->d_name.name = b->d_iname;
}

/*
 * Swaps the places of @a and @b in the tree (names, parents, positions
 * in the parents' d_subdirs); both are unhashed, and the caller rehashes
 * what should stay visible.  Each keeps its reference to the parent it
 * had, and so hands it over: the counts balance.
 */
static void swap_places(struct dentry *a, struct dentry *b)
{
	struct dentry *pa = a->d_parent, *pb = b->d_parent;
	struct inode *da = d_inode(pa), *db = d_inode(pb);

	spin_lock(&rename_lock);
	lock_two_dirs(da, db);
	spin_lock(&dcache_lock);
	hlist_del_init(&a->d_hash);
	hlist_del_init(&b->d_hash);
	swap_names(a, b);
	a->d_parent = pb;
	b->d_parent = pa;
	list_move_tail(&a->d_child, &pb->d_subdirs);
	list_move_tail(&b->d_child, &pa->d_subdirs);
	spin_unlock(&dcache_lock);
	unlock_two_dirs(da, db);
	spin_unlock(&rename_lock);
}

void d_move(struct dentry *dentry, struct dentry *target)
{
	swap_places(dentry, target);
	spin_lock(&dcache_lock);
	__d_rehash(dentry);
	spin_unlock(&dcache_lock);
}

void d_exchange(struct dentry *a, struct dentry *b)
{
	swap_places(a, b);
	spin_lock(&dcache_lock);
	__d_rehash(a);
	__d_rehash(b);
	spin_unlock(&dcache_lock);
}

/* Takes the oldest unused dentry (of @sb, if not NULL) off the LRU. */
static struct dentry *lru_take(struct super_block *sb)
{
	struct dentry *dentry;

	list_for_each_entry_reverse(dentry, &dentry_lru, d_lru) {
		if (sb && dentry->d_sb != sb)
			continue;
		list_del_init(&dentry->d_lru);
		nr_unused--;
		hlist_del_init(&dentry->d_hash);
		return dentry;
	}
	return NULL;
}

/*
 * The dcache shrinker calls this when an allocation fails, maybe from
 * inside the dcache itself (d_alloc()): so it only trylocks, and frees
 * nothing if the lock is held.
 */
unsigned long shrink_dcache(unsigned long nr)
{
	unsigned long freed = 0;
	struct dentry *dentry;

	while (freed < nr) {
		if (!spin_trylock(&dcache_lock))
			break;
		dentry = lru_take(NULL);
		spin_unlock(&dcache_lock);
		if (!dentry)
			break;
		dput(dentry_kill(dentry));
		freed++;
	}
	return freed;
}

/* Freeing a child can make its parent unused: loop until none are. */
void shrink_dcache_sb(struct super_block *sb)
{
	struct dentry *dentry;

	for (;;) {
		spin_lock(&dcache_lock);
		dentry = lru_take(sb);
		spin_unlock(&dcache_lock);
		if (!dentry)
			return;
		dput(dentry_kill(dentry));
	}
}

void dcache_counts(unsigned long *nr_dentry_out, unsigned long *nr_unused_out)
{
	spin_lock(&dcache_lock);
	*nr_dentry_out = nr_dentry;
	*nr_unused_out = nr_unused;
	spin_unlock(&dcache_lock);
}
