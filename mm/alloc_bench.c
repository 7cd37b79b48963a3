// SPDX-License-Identifier: GPL-2.0
/*
 * KBENCH benchmarks for the allocators: alloc_pages/__free_pages,
 * kmem_cache_alloc/free and kmalloc/kfree.  One op is an allocation and
 * its free; objects are freed in batches, so the lists see real traffic
 * rather than one object bouncing.
 */
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/kbench.h>
#include <keel/mm.h>
#include <keel/slab.h>

#define BATCH	32

static void bench_pages(unsigned long iters, unsigned int order)
{
	struct page *held[BATCH];
	unsigned long i;
	unsigned int n = 0;

	for (i = 0; i < iters; i++) {
		held[n++] = alloc_pages(GFP_KERNEL, order);
		if (n == BATCH || i == iters - 1) {
			while (n)
				__free_pages(held[--n], order);
		}
	}
}

static void bench_pages_order0(unsigned long iters)
{
	bench_pages(iters, 0);
}
KBENCH("alloc_pages-order0", bench_pages_order0);

static void bench_pages_order3(unsigned long iters)
{
	bench_pages(iters, 3);
}
KBENCH("alloc_pages-order3", bench_pages_order3);

static void bench_kmalloc(unsigned long iters, size_t size)
{
	void *held[BATCH];
	unsigned long i;
	unsigned int n = 0;

	for (i = 0; i < iters; i++) {
		held[n++] = kmalloc(size, GFP_KERNEL);
		if (n == BATCH || i == iters - 1) {
			while (n)
				kfree(held[--n]);
		}
	}
}

static void bench_kmalloc_32(unsigned long iters)
{
	bench_kmalloc(iters, 32);
}
KBENCH("kmalloc-32", bench_kmalloc_32);

static void bench_kmalloc_256(unsigned long iters)
{
	bench_kmalloc(iters, 256);
}
KBENCH("kmalloc-256", bench_kmalloc_256);

static void bench_kmalloc_4k(unsigned long iters)
{
	bench_kmalloc(iters, 4096);
}
KBENCH("kmalloc-4k", bench_kmalloc_4k);

static struct kmem_cache *bench_cache;

static void bench_kmem_cache(unsigned long iters)
{
	void *held[BATCH];
	unsigned long i;
	unsigned int n = 0;

	for (i = 0; i < iters; i++) {
		held[n++] = kmem_cache_alloc(bench_cache, GFP_KERNEL);
		if (n == BATCH || i == iters - 1) {
			while (n)
				kmem_cache_free(bench_cache, held[--n]);
		}
	}
}
KBENCH("kmem_cache-96", bench_kmem_cache);

static int alloc_bench_init(void)
{
	bench_cache = kmem_cache_create("kbench-96", 96, 0, 0, NULL);
	return bench_cache ? 0 : -ENOMEM;
}
subsys_initcall(alloc_bench_init);
