// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator (CONFIG_SLAB): each cache carves objects of one size
 * out of slabs of 2^order pages and keeps its slabs on three lists: full,
 * partial and free.  A free object holds the next free object's address
 * (after the object when a constructor must not be overwritten).
 * kmalloc() uses caches of 8 bytes to 8 KiB; bigger requests go to the
 * page allocator.  CONFIG_DEBUG_SLAB adds red zones and poison.
 * Locking: each cache's lock (irqsave) protects its lists and counters
 * and, under DEBUG_SLAB, makes the double-free check and the free one
 * step; the page allocator's zone lock is never taken under it.
 * slab_caches_lock protects the list of caches and nests outside both.
 */
#include <keel/bug.h>
#include <keel/debug_report.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/list.h>
#include <keel/mm.h>
#include <keel/panic.h>
#include <keel/printk.h>
#include <keel/sched.h>
#include <keel/slab.h>
#include <keel/spinlock.h>
#include <keel/sprintf.h>
#include <keel/string.h>

#include "slab.h"

#define SLAB_MIN_ALIGN		8
#define CACHE_LINE_SIZE		64
#define SLAB_MIN_OBJECTS	4	/* per slab, when order allows */
#define SLAB_MAX_ORDER		3	/* above it, accept fewer objects */

/*
 * Object layout in its stride: [left red zone | object | right red zone |
 * free pointer].  Without DEBUG_SLAB the red zones are empty, and the
 * free pointer overlays the object unless a constructor's work must
 * survive.
 */
struct kmem_cache {
	struct list_head list;		/* [slab_caches_lock] */
	spinlock_t lock;
	struct list_head slabs_full;	/* [lock] */
	struct list_head slabs_partial;	/* [lock] */
	struct list_head slabs_free;	/* [lock] */
	unsigned long nr_slabs;		/* [lock] */
	unsigned long nr_free_slabs;	/* [lock] */
	unsigned long active_objs;	/* [lock] */

	/* Set by kmem_cache_create(), then read-only. */
	const char *name;
	unsigned int object_size;	/* usable bytes */
	unsigned int size;		/* stride */
	unsigned int offset;		/* object start in the stride */
	unsigned int free_offset;	/* free pointer in the stride */
	unsigned int order;
	unsigned int objs_per_slab;
	bool poison;			/* DEBUG_SLAB and no constructor */
	void (*ctor)(void *);
};

static struct kmem_cache kmem_cache_cache;	/* caches come from here */
static LIST_HEAD(slab_caches);			/* [slab_caches_lock] */
static DEFINE_SPINLOCK(slab_caches_lock);

static const unsigned int kmalloc_sizes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
};
static const char *const kmalloc_names[] = {
	"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-96",
	"kmalloc-128", "kmalloc-192", "kmalloc-256", "kmalloc-512",
	"kmalloc-1k", "kmalloc-2k", "kmalloc-4k", "kmalloc-8k",
};
static struct kmem_cache *kmalloc_caches[ARRAY_SIZE(kmalloc_sizes)];

/* kmalloc_caches[] index for each multiple of 8 up to 192: (size-1)/8. */
static const u8 kmalloc_small_index[24] = {
	0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5,
	6, 6, 6, 6, 6, 6, 6, 6,
};

#ifdef CONFIG_DEBUG_SLAB
#define RED_ZONE_SIZE		8
#define SLUB_RED_INACTIVE	0xbb
#define SLUB_RED_ACTIVE		0xcc
#define POISON_FREE		0x6b
#define POISON_END		0xa5

static void print_bytes(const char *what, const u8 *p, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i += 16) {
		unsigned int j;

		printk(KERN_ERR "%s %p:", what, p + i);
		for (j = i; j < n && j < i + 16; j++)
			pr_cont(" %02x", p[j]);
		pr_cont("\n");
	}
}

static void slab_bug(struct kmem_cache *s, const char *what)
{
	pr_err("=============================================================================\n");
	pr_err("BUG %s (Not tainted): %s\n", s->name, what);
	pr_err("-----------------------------------------------------------------------------\n");
	debug_report(DEBUG_REPORT_SLAB);
}

/*
 * Check that [start, start + n) holds @value; if not, report it like
 * Linux's SLUB ("BUG kmalloc-64 (Not tainted): Redzone overwritten"),
 * restore the bytes and return false.
 */
static bool check_bytes(struct kmem_cache *s, u8 *object, const char *what,
			u8 *start, unsigned int n, u8 value)
{
	u8 *bad = memchr_inv(start, value, n);
	char title[32];
	u8 *end;

	if (!bad)
		return true;
	for (end = start + n; end > bad && end[-1] == value; end--)
		;
	snprintf(title, sizeof(title), "%s overwritten", what);
	slab_bug(s, title);
	pr_err("0x%lx-0x%lx @offset=%ld. First byte 0x%x instead of 0x%x\n",
	       (unsigned long)bad, (unsigned long)end - 1,
	       (long)(bad - object), *bad, value);
	print_bytes("Object", object, min(s->object_size, 64u));
	dump_stack();
	pr_err("FIX %s: Restoring %s 0x%lx-0x%lx=0x%x\n", s->name, what,
	       (unsigned long)bad, (unsigned long)end - 1, value);
	memset(bad, value, end - bad);
	return false;
}

static bool check_red_zones(struct kmem_cache *s, u8 *object, u8 value)
{
	bool ok = check_bytes(s, object, "Left Redzone",
			      object - s->offset, s->offset, value);

	return check_bytes(s, object, "Redzone",
			   object + s->object_size,
			   s->free_offset - s->offset - s->object_size,
			   value) && ok;
}

static void set_red_zones(struct kmem_cache *s, u8 *object, u8 value)
{
	memset(object - s->offset, value, s->offset);
	memset(object + s->object_size, value,
	       s->free_offset - s->offset - s->object_size);
}

static void poison_object(struct kmem_cache *s, u8 *object)
{
	if (!s->poison)
		return;
	memset(object, POISON_FREE, s->object_size - 1);
	object[s->object_size - 1] = POISON_END;
}

/* A freshly made object: free, red zones inactive, poisoned. */
static void init_object_debug(struct kmem_cache *s, u8 *object)
{
	set_red_zones(s, object, SLUB_RED_INACTIVE);
	poison_object(s, object);
}

/* Taking a free object: was it written to while free? */
static void alloc_debug(struct kmem_cache *s, u8 *object)
{
	check_red_zones(s, object, SLUB_RED_INACTIVE);
	if (s->poison &&
	    check_bytes(s, object, "Poison", object,
			s->object_size - 1, POISON_FREE))
		check_bytes(s, object, "Poison",
			    object + s->object_size - 1, 1, POISON_END);
	set_red_zones(s, object, SLUB_RED_ACTIVE);
}

/*
 * Freeing: a pointer into the middle of an object, or an object already
 * free, is reported and not freed; overwritten red zones are reported.
 * Under the cache lock, so that two frees of one object cannot both pass.
 */
static bool free_debug(struct kmem_cache *s, struct page *slab, u8 *object)
{
	u8 *base = page_address(slab);
	unsigned long off = object - base;

	assert_spin_locked(&s->lock);
	if (off >= s->objs_per_slab * s->size ||
	    off % s->size != s->offset) {
		slab_bug(s, "Invalid object pointer");
		pr_err("Object %p is not the start of an object in slab %p\n",
		       object, base);
		dump_stack();
		return false;
	}
	if (!memchr_inv(object + s->object_size, SLUB_RED_INACTIVE,
			s->free_offset - s->offset - s->object_size)) {
		slab_bug(s, "Object already free");
		pr_err("Object %p freed twice\n", object);
		dump_stack();
		return false;
	}
	check_red_zones(s, object, SLUB_RED_ACTIVE);
	set_red_zones(s, object, SLUB_RED_INACTIVE);
	poison_object(s, object);
	return true;
}
#else
#define RED_ZONE_SIZE		0

static void init_object_debug(struct kmem_cache *s, u8 *object)
{
}

static void alloc_debug(struct kmem_cache *s, u8 *object)
{
}

static bool free_debug(struct kmem_cache *s, struct page *slab, u8 *object)
{
	return true;
}
#endif

static void **free_pointer(struct kmem_cache *s, u8 *object)
{
	return (void **)(object - s->offset + s->free_offset);
}

static struct page *object_slab(struct kmem_cache *s, const void *object)
{
	unsigned long pfn = page_to_pfn(virt_to_page(object));

	return pfn_to_page(pfn & ~((1UL << s->order) - 1));
}

static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp & ~__GFP_ZERO, s->order);
	u8 *base, *object;
	unsigned int i;

	if (!page)
		return NULL;
	for (i = 0; i < (1U << s->order); i++) {
		page_set_flag(page + i, PG_slab);
		page[i].slab_cache = s;
	}
	base = page_address(page);
	page->inuse = 0;
	page->freelist = NULL;
	/* Thread the free list so the lowest object is handed out first. */
	i = s->objs_per_slab;
	while (i--) {
		object = base + i * s->size + s->offset;
		init_object_debug(s, object);
		if (s->ctor)
			s->ctor(object);
		*free_pointer(s, object) = page->freelist;
		page->freelist = object;
	}
	return page;
}

static void discard_slab(struct kmem_cache *s, struct page *page)
{
	unsigned int i;

	for (i = 0; i < (1U << s->order); i++) {
		page_clear_flag(page + i, PG_slab);
		page[i].slab_cache = NULL;
	}
	__free_pages(page, s->order);
}

/* Take an object from a partial or free slab, or return NULL. */
static void *take_object(struct kmem_cache *s)
{
	struct page *slab;
	void *object;

	assert_spin_locked(&s->lock);
	slab = list_first_entry_or_null(&s->slabs_partial, struct page, lru);
	if (!slab) {
		slab = list_first_entry_or_null(&s->slabs_free, struct page,
						lru);
		if (!slab)
			return NULL;
		s->nr_free_slabs--;
		list_move(&slab->lru, &s->slabs_partial);
	}
	object = slab->freelist;
	slab->freelist = *free_pointer(s, object);
	if (++slab->inuse == s->objs_per_slab)
		list_move(&slab->lru, &s->slabs_full);
	s->active_objs++;
	return object;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	struct page *slab;
	void *object;

	might_alloc(gfp);
	spin_lock_irqsave(&s->lock, flags);
	object = take_object(s);
	spin_unlock_irqrestore(&s->lock, flags);
	if (!object) {
		/* Outside the lock: the page allocator is slow, ctors too. */
		slab = new_slab(s, gfp);
		if (!slab)
			return NULL;
		spin_lock_irqsave(&s->lock, flags);
		list_add(&slab->lru, &s->slabs_free);
		s->nr_slabs++;
		s->nr_free_slabs++;
		object = take_object(s);
		spin_unlock_irqrestore(&s->lock, flags);
	}
	alloc_debug(s, object);
	if (gfp & __GFP_ZERO)
		memset(object, 0, s->object_size);
	return object;
}

/* Give @object back to @slab; returns a slab to discard, or NULL. */
static struct page *put_object(struct kmem_cache *s, struct page *slab,
			       void *object)
{
	assert_spin_locked(&s->lock);
	*free_pointer(s, object) = slab->freelist;
	slab->freelist = object;
	s->active_objs--;
	if (slab->inuse-- == s->objs_per_slab)
		list_move(&slab->lru, &s->slabs_partial);
	if (slab->inuse)
		return NULL;
	/* Keep one empty slab for the next allocation; free the others. */
	if (s->nr_free_slabs) {
		list_del(&slab->lru);
		s->nr_slabs--;
		return slab;
	}
	list_move(&slab->lru, &s->slabs_free);
	s->nr_free_slabs++;
	return NULL;
}

static void slab_free(struct kmem_cache *s, struct page *slab, void *object)
{
	struct page *discard = NULL;
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	if (free_debug(s, slab, object))
		discard = put_object(s, slab, object);
	spin_unlock_irqrestore(&s->lock, flags);
	if (discard)
		discard_slab(s, discard);
}

void kmem_cache_free(struct kmem_cache *s, void *object)
{
	if (cache_owns_object(s, object))
		slab_free(s, object_slab(s, object), object);
}

const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	struct page *slab, *next;
	unsigned long flags;
	LIST_HEAD(empty);

	spin_lock_irqsave(&s->lock, flags);
	list_splice_init(&s->slabs_free, &empty);
	s->nr_slabs -= s->nr_free_slabs;
	s->nr_free_slabs = 0;
	spin_unlock_irqrestore(&s->lock, flags);
	list_for_each_entry_safe(slab, next, &empty, lru)
		discard_slab(s, slab);
	return 0;
}

void kmem_cache_shrink_all(void)
{
	unsigned long flags;
	struct kmem_cache *s;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

static void add_cache(struct kmem_cache *s)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

static int cache_init(struct kmem_cache *s, const char *name,
		      unsigned int size, unsigned int align,
		      void (*ctor)(void *))
{
	unsigned int obj = ALIGN(size, SLAB_MIN_ALIGN);
	unsigned int order;

	memset(s, 0, sizeof(*s));
	spin_lock_init(&s->lock);
	INIT_LIST_HEAD(&s->slabs_full);
	INIT_LIST_HEAD(&s->slabs_partial);
	INIT_LIST_HEAD(&s->slabs_free);
	s->name = name;
	s->ctor = ctor;
	s->object_size = size;
	s->poison = IS_ENABLED(CONFIG_DEBUG_SLAB) && !ctor;
	s->offset = RED_ZONE_SIZE ? ALIGN(RED_ZONE_SIZE, align) : 0;
	s->free_offset = s->offset + obj + RED_ZONE_SIZE;
	/* The free pointer overlays the object only if nothing needs it. */
	if (!ctor && !RED_ZONE_SIZE)
		s->free_offset = 0;
	s->size = ALIGN(max(s->free_offset + (unsigned int)sizeof(void *),
			    s->offset + obj), align);

	for (order = 0; order <= MAX_ORDER; order++) {
		s->objs_per_slab = (PAGE_SIZE << order) / s->size;
		if (s->objs_per_slab >= SLAB_MIN_OBJECTS ||
		    (s->objs_per_slab && order >= SLAB_MAX_ORDER))
			break;
	}
	if (!s->objs_per_slab)
		return -EINVAL;
	s->order = order;
	return 0;
}

static unsigned int cache_align(unsigned int align, slab_flags_t flags)
{
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, (unsigned int)CACHE_LINE_SIZE);
	return max(align, (unsigned int)SLAB_MIN_ALIGN);
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s;

	if (!size || (align & (align - 1)) || align > PAGE_SIZE) {
		pr_err("kmem_cache_create(%s) failed: bad size %u or align %u\n",
		       name, size, align);
		return NULL;
	}
	s = kmem_cache_alloc(&kmem_cache_cache, GFP_KERNEL);
	if (!s)
		return NULL;
	if (cache_init(s, name, size, cache_align(align, flags), ctor)) {
		pr_err("kmem_cache_create(%s) failed: %u bytes is too large\n",
		       name, size);
		kmem_cache_free(&kmem_cache_cache, s);
		return NULL;
	}
	add_cache(s);
	return s;
}

void __kmem_cache_release(struct kmem_cache *s)
{
	struct page *slab, *next;
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_del(&s->list);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	list_for_each_entry_safe(slab, next, &s->slabs_free, lru)
		discard_slab(s, slab);
	kmem_cache_free(&kmem_cache_cache, s);
}

void kmem_cache_get_stats(struct kmem_cache *s, struct kmem_cache_stats *st)
{
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	st->active_objs = s->active_objs;
	st->num_objs = s->nr_slabs * s->objs_per_slab;
	st->active_slabs = s->nr_slabs - s->nr_free_slabs;
	st->num_slabs = s->nr_slabs;
	spin_unlock_irqrestore(&s->lock, flags);
	st->objsize = s->object_size;
	st->objperslab = s->objs_per_slab;
	st->pagesperslab = 1U << s->order;
}

static unsigned int kmalloc_index(size_t size)
{
	unsigned int i;

	if (size <= 192)
		return kmalloc_small_index[(size - 1) / 8];
	for (i = 7; kmalloc_sizes[i] < size; i++)
		;
	return i;
}

void *kmalloc(size_t size, gfp_t gfp)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp);
	return kmem_cache_alloc(kmalloc_caches[kmalloc_index(size)], gfp);
}

size_t ksize(const void *p)
{
	const struct page *page;

	if (ZERO_OR_NULL_PTR(p))
		return 0;
	page = virt_to_page(p);
	if (page_test_flag(page, PG_slab))
		return page->slab_cache->object_size;
	return ksize_large(page);
}

void kmem_cache_init(void)
{
	unsigned int i;

	if (cache_init(&kmem_cache_cache, "kmem_cache",
		       sizeof(struct kmem_cache), SLAB_MIN_ALIGN, NULL))
		panic("kmem_cache_init: cannot set up the kmem_cache cache");
	add_cache(&kmem_cache_cache);
	for (i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++) {
		kmalloc_caches[i] = kmem_cache_create(kmalloc_names[i],
						      kmalloc_sizes[i], 0, 0,
						      NULL);
		if (!kmalloc_caches[i])
			panic("kmem_cache_init: cannot create %s",
			      kmalloc_names[i]);
	}
}
