// SPDX-License-Identifier: GPL-2.0
/*
 * The pages of user address spaces: filling page-table entries on demand
 * (handle_mm_fault(): zero-filled anonymous pages, file and shared pages
 * from vm_ops->fault(), copy on write), access_remote_vm() to another
 * address space's memory through the same faults, and the walks the
 * mapping calls make over the entries of a range: dropping pages
 * (zap_page_range()), re-protecting them, moving them (mremap) and
 * sharing them with a child (copy_page_range(), for fork).  The tables themselves are the
 * architecture's (asm/pgtable.h); which VMA maps what is mm/mmap.c.
 *
 * Every mapped page holds one reference (page_ref.h) per entry mapping
 * it, so a page whose count is 1 belongs to that entry alone: a write
 * fault on it reuses it instead of copying.  A page-cache page also holds
 * its cache's reference, so a private mapping of a file always copies.
 *
 * An entry of an area without access keeps its page but not
 * _PAGE_PRESENT: _PAGE_PROTNONE marks it (bit 8, _PAGE_GLOBAL, which no
 * user entry has), as in Linux.  Empty entries are 0.
 *
 * Locks: the walks run with mmap_lock held for writing, so no fault
 * (which holds it for reading) changes the entries under them; faults
 * install entries with map_pages() (-EEXIST: someone was first) and
 * replace them under page_table_lock after checking they did not change.
 * Pages are put only after the TLB no longer maps them.  Keel runs user
 * address spaces on one CPU at a time: flushing is local.
 */
#include <keel/bug.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/mmap_lock.h>
#include <keel/sched.h>
#include <keel/string.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

#include "internal.h"

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pteval_t prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

	if (!(vm_flags & VM_ACCESS_FLAGS))
		return __pgprot(_PAGE_PROTNONE);
	/* Private writable pages start read-only: the first write copies. */
	if ((vm_flags & (VM_WRITE | VM_SHARED)) == (VM_WRITE | VM_SHARED))
		prot |= _PAGE_RW | _PAGE_DIRTY;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return __pgprot(prot & __supported_pte_mask);
}

static struct page *pte_page(pte_t pte)
{
	return pfn_to_page((pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT);
}

static phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	unsigned long addr;

	/* Loading another root flushed every user entry of this one. */
	if ((read_cr3() & PTE_PFN_MASK) != __pa(mm->pgd))
		return;
	if ((end - start) >> PAGE_SHIFT > TLB_FLUSH_ALL_CEILING) {
		write_cr3(read_cr3());
		return;
	}
	for (addr = start; addr < end; addr += PAGE_SIZE)
		__flush_tlb_one_kernel(addr);
}

/*
 * Call @fn for every non-empty 4 KiB entry of @mm in [start, end), in
 * address order, stopping at its first non-zero return.  Holes above the
 * last level are skipped a whole table at a time.
 */
int walk_ptes(struct mm_struct *mm, unsigned long start, unsigned long end,
	      int (*fn)(pte_t *pte, unsigned long va, void *arg), void *arg)
{
	unsigned long va = start;

	while (va < end) {
		enum pg_level level;
		pte_t *pte = lookup_address_in_mm(mm, va, &level);
		unsigned long next;
		int err;

		next = (va | (page_level_size(level) - 1)) + 1;
		if (!pte || WARN_ON(level != PG_LEVEL_4K)) {
			if (next <= va)		/* wrapped past the top */
				break;
			va = next;
			continue;
		}
		/* The rest of this table, without walking down again. */
		next = (va | (PMD_SIZE - 1)) + 1;
		for (; va < end && va != next; va += PAGE_SIZE, pte++) {
			if (!pte_val(*pte))
				continue;
			err = fn(pte, va, arg);
			if (err)
				return err;
		}
	}
	return 0;
}

static void set_pte(struct mm_struct *mm, pte_t *pte, pteval_t val)
{
	unsigned long flags;

	spin_lock_irqsave(&mm->page_table_lock, flags);
	WRITE_ONCE(pte->pte, val);
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
}

/* Pages unmapped but not yet put: the TLB may still reach them. */
#define ZAP_BATCH	64

struct zap {
	struct mm_struct *mm;
	unsigned long start;		/* of what the batch covers */
	unsigned int nr;
	struct page *pages[ZAP_BATCH];
};

static void zap_flush(struct zap *z, unsigned long end)
{
	unsigned int i;

	flush_tlb_mm_range(z->mm, z->start, end);
	for (i = 0; i < z->nr; i++)
		put_page(z->pages[i]);
	z->nr = 0;
	z->start = end;
}

/* @nr more (or fewer) pages mapped in @mm, and its high-water mark. */
static void add_mm_rss(struct mm_struct *mm, long nr)
{
	long rss = atomic_long_add_return(nr, &mm->rss);

	if (rss > 0 && (unsigned long)rss > READ_ONCE(mm->hiwater_rss))
		WRITE_ONCE(mm->hiwater_rss, rss);
}

static int zap_one(pte_t *pte, unsigned long va, void *arg)
{
	struct zap *z = arg;

	z->pages[z->nr++] = pte_page(*pte);
	set_pte(z->mm, pte, 0);
	add_mm_rss(z->mm, -1);
	if (z->nr == ZAP_BATCH)
		zap_flush(z, va + PAGE_SIZE);
	return 0;
}

void zap_page_range(struct mm_struct *mm, unsigned long start,
		    unsigned long end)
{
	struct zap z = { .mm = mm, .start = start };

	mmap_assert_locked(mm);
	walk_ptes(mm, start, end, zap_one, &z);
	zap_flush(&z, end);
	/* Every entry is 0 now: this only frees the tables left empty. */
	unmap_pages(mm, start, end - start);
}

/* An entry for @page in @vma, writable or not (@write only if allowed). */
static pteval_t make_pte(struct vm_area_struct *vma, struct page *page,
			 bool write)
{
	pteval_t val = page_to_phys(page) | pgprot_val(vma->vm_page_prot);

	if (write && (val & _PAGE_PRESENT))
		val |= _PAGE_RW | _PAGE_DIRTY;
	return val;
}

static int reprotect_one(pte_t *pte, unsigned long va, void *arg)
{
	struct vm_area_struct *vma = arg;

	/* Shared areas get _PAGE_RW from vm_page_prot; private ones fault. */
	set_pte(vma->vm_mm, pte, make_pte(vma, pte_page(*pte), false));
	return 0;
}

void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end)
{
	walk_ptes(vma->vm_mm, start, end, reprotect_one, vma);
	flush_tlb_mm_range(vma->vm_mm, start, end);
}

struct move {
	struct mm_struct *mm;
	long delta;			/* new address - old */
};

static int move_one(pte_t *pte, unsigned long va, void *arg)
{
	struct move *m = arg;
	pteval_t val = pte_val(*pte);
	int err;

	err = map_pages(m->mm, va + m->delta, val & PTE_PFN_MASK, PAGE_SIZE,
			__pgprot(val & ~PTE_PFN_MASK), PG_LEVEL_4K);
	if (err)
		return err;
	set_pte(m->mm, pte, 0);
	return 0;
}

int move_page_tables(struct mm_struct *mm, unsigned long old_addr,
		     unsigned long new_addr, unsigned long len)
{
	struct move m = { .mm = mm, .delta = new_addr - old_addr };
	int err;

	mmap_assert_locked(mm);
	err = walk_ptes(mm, old_addr, old_addr + len, move_one, &m);
	flush_tlb_mm_range(mm, old_addr, old_addr + len);
	return err;
}

struct copy {
	struct mm_struct *dst;
	struct vm_area_struct *src_vma;
	bool protected;			/* a source entry lost _PAGE_RW */
};

static int copy_one(pte_t *pte, unsigned long va, void *arg)
{
	struct copy *c = arg;
	pteval_t val = pte_val(*pte);
	struct page *page = pte_page(*pte);
	int err;

	/* Both sides read the private page until one writes. */
	if (!(c->src_vma->vm_flags & VM_SHARED) && (val & _PAGE_RW)) {
		val &= ~_PAGE_RW;
		set_pte(c->src_vma->vm_mm, pte, val);
		c->protected = true;
	}
	get_page(page);
	err = map_pages(c->dst, va, val & PTE_PFN_MASK, PAGE_SIZE,
			__pgprot(val & ~PTE_PFN_MASK), PG_LEVEL_4K);
	if (err)
		put_page(page);
	else
		add_mm_rss(c->dst, 1);
	return err;
}

int copy_page_range(struct mm_struct *dst, struct vm_area_struct *src_vma)
{
	struct copy c = { .dst = dst, .src_vma = src_vma };
	int err;

	err = walk_ptes(src_vma->vm_mm, src_vma->vm_start, src_vma->vm_end,
			copy_one, &c);
	if (c.protected)
		flush_tlb_mm_range(src_vma->vm_mm, src_vma->vm_start,
				   src_vma->vm_end);
	return err;
}

/* Map @page (our reference passes to the entry) unless someone was first. */
static vm_fault_t install_page(struct vm_area_struct *vma, unsigned long addr,
			       struct page *page, bool write)
{
	pteval_t val = make_pte(vma, page, write);
	int err;

	err = map_pages(vma->vm_mm, addr, val & PTE_PFN_MASK, PAGE_SIZE,
			__pgprot(val & ~PTE_PFN_MASK), PG_LEVEL_4K);
	if (err)
		put_page(page);
	else
		add_mm_rss(vma->vm_mm, 1);
	if (err && err != -EEXIST)
		return VM_FAULT_OOM;
	return 0;
}

static struct page *alloc_user_page(bool zero)
{
	return alloc_page(GFP_KERNEL | (zero ? __GFP_ZERO : 0));
}

/* A private anonymous page: zeroed, and ours alone, so writable at once. */
static vm_fault_t do_anonymous_page(struct vm_area_struct *vma,
				    unsigned long addr)
{
	struct page *page = alloc_user_page(true);

	if (!page)
		return VM_FAULT_OOM;
	return install_page(vma, addr, page, vma->vm_flags & VM_WRITE);
}

static unsigned long linear_page_index(struct vm_area_struct *vma,
				       unsigned long addr)
{
	return vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
}

/*
 * The page from vm_ops->fault(): mapped itself in a shared area or for a
 * read, copied first for a write to a private one.
 */
static vm_fault_t do_fault(struct vm_area_struct *vma, unsigned long addr,
			   unsigned int flags)
{
	struct vm_fault vmf = {
		.vma = vma, .address = addr, .flags = flags,
		.pgoff = linear_page_index(vma, addr),
	};
	struct page *copy;
	vm_fault_t ret;

	ret = vma->vm_ops->fault(&vmf);
	if (ret)
		return ret;
	if ((vma->vm_flags & VM_SHARED) || !(flags & FAULT_FLAG_WRITE))
		return install_page(vma, addr, vmf.page, false);
	copy = alloc_user_page(false);
	if (!copy) {
		put_page(vmf.page);
		return VM_FAULT_OOM;
	}
	memcpy(page_address(copy), page_address(vmf.page), PAGE_SIZE);
	put_page(vmf.page);
	return install_page(vma, addr, copy, true);
}

/* Replace *@pte by @val if it still holds @old: false if it changed. */
static bool replace_pte(struct mm_struct *mm, pte_t *pte, pteval_t old,
			pteval_t val, unsigned long addr)
{
	unsigned long flags;
	bool same;

	spin_lock_irqsave(&mm->page_table_lock, flags);
	same = pte_val(*pte) == old;
	if (same)
		WRITE_ONCE(pte->pte, val);
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	if (same)
		flush_tlb_mm_range(mm, addr, addr + PAGE_SIZE);
	return same;
}

/*
 * A write to a present read-only entry of a writable area: reuse the page
 * if this entry is its only user, else copy it.
 */
static vm_fault_t do_wp_page(struct vm_area_struct *vma, unsigned long addr,
			     pte_t *pte)
{
	pteval_t old = pte_val(*pte);
	struct page *page = pte_page(*pte), *copy;

	if ((vma->vm_flags & VM_SHARED) || page_count(page) == 1) {
		replace_pte(vma->vm_mm, pte, old, old | _PAGE_RW | _PAGE_DIRTY,
			    addr);
		return 0;
	}
	copy = alloc_user_page(false);
	if (!copy)
		return VM_FAULT_OOM;
	memcpy(page_address(copy), page_address(page), PAGE_SIZE);
	if (replace_pte(vma->vm_mm, pte, old,
			make_pte(vma, copy, true), addr))
		put_page(page);
	else
		put_page(copy);
	return 0;
}

vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags)
{
	unsigned long addr = address & PAGE_MASK;
	enum pg_level level;
	pte_t *pte;

	mmap_assert_locked(vma->vm_mm);
	pte = lookup_address_in_mm(vma->vm_mm, addr, &level);
	if (!pte || !pte_val(*pte)) {
		if (vma->vm_ops)
			return do_fault(vma, addr, flags);
		return do_anonymous_page(vma, addr);
	}
	if (!pte_present(*pte))		/* _PAGE_PROTNONE: vm_flags lied */
		return VM_FAULT_SIGSEGV;
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(*pte))
		return do_wp_page(vma, addr, pte);
	/* Another thread was first, or a stale TLB entry. */
	flush_tlb_mm_range(vma->vm_mm, addr, addr + PAGE_SIZE);
	return 0;
}

/*
 * The page mapping @addr in @vma, faulted in (and made writable for
 * @write) if it has to be, or NULL where the area forbids the access or
 * the fault fails.
 */
static struct page *get_page_for(struct vm_area_struct *vma,
				 unsigned long addr, bool write)
{
	enum pg_level level;
	pte_t *pte;

	if (!(vma->vm_flags & (write ? VM_WRITE : VM_READ)))
		return NULL;
	pte = lookup_address_in_mm(vma->vm_mm, addr, &level);
	if (!pte || !pte_present(*pte) || (write && !pte_write(*pte))) {
		if (handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0))
			return NULL;
		pte = lookup_address_in_mm(vma->vm_mm, addr, &level);
		if (!pte || !pte_present(*pte))
			return NULL;
	}
	return pte_page(*pte);
}

int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     int len, unsigned int gup_flags)
{
	bool write = gup_flags & FOLL_WRITE;
	int done = 0;

	mmap_read_lock(mm);
	while (done < len) {
		unsigned long at = addr + done, offset = offset_in_page(at);
		int chunk = min((unsigned long)(len - done),
				PAGE_SIZE - offset);
		struct vm_area_struct *vma = find_vma(mm, at);
		struct page *page;

		if (!vma || vma->vm_start > at)
			break;
		page = get_page_for(vma, at & PAGE_MASK, write);
		if (!page)
			break;
		if (write)
			memcpy(page_address(page) + offset, buf + done, chunk);
		else
			memcpy(buf + done, page_address(page) + offset, chunk);
		done += chunk;
	}
	mmap_read_unlock(mm);
	return done;
}

/* The page @addr maps in @mm, or NULL (mincore(), tests). */
struct page *follow_page(struct mm_struct *mm, unsigned long addr)
{
	enum pg_level level;
	pte_t *pte = lookup_address_in_mm(mm, addr & PAGE_MASK, &level);

	if (!pte || !pte_val(*pte) || level != PG_LEVEL_4K)
		return NULL;
	return pte_page(*pte);
}
