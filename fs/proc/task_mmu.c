// SPDX-License-Identifier: GPL-2.0
/*
 * The text of /proc/<pid>/maps, one line per area, in Linux's format:
 *
 *   00400000-00452000 r-xp 00000000 08:02 173521      /usr/bin/dbus-daemon
 *
 * range, access (s: shared, p: private), file offset, the file's device
 * and inode, then, from column 73, the file's path or [heap] / [stack].
 * /proc/<pid>/maps prints it for every area with the mm's lock held.
 * Also the resident pages of an address space, for stat, statm and
 * status.
 */
#include <keel/err.h>
#include <keel/fs.h>
#include <keel/mm.h>
#include <keel/mmap_lock.h>
#include <keel/namei.h>
#include <keel/proc_fs.h>
#include <keel/seq_file.h>
#include <keel/sched/mm.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <asm/pgtable.h>

#include "internal.h"

/* seq_path(): the path, with a newline in it escaped as Linux does. */
static void seq_file_path(struct seq_file *m, struct file *file)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL), *p, *path;

	if (!buf) {
		seq_puts(m, "?");
		return;
	}
	path = d_path(&file->f_path, buf, PATH_MAX);
	if (IS_ERR(path)) {
		seq_puts(m, "?");
	} else {
		for (p = path; *p; p++) {
			if (*p == '\n')
				seq_puts(m, "\\012");
			else
				seq_putc(m, *p);
		}
	}
	kfree(buf);
}

static bool vma_is_initial_heap(const struct vm_area_struct *vma)
{
	return vma->vm_start <= vma->vm_mm->brk &&
	       vma->vm_end >= vma->vm_mm->start_brk;
}

static bool vma_is_initial_stack(const struct vm_area_struct *vma)
{
	return vma->vm_start <= vma->vm_mm->start_stack &&
	       vma->vm_end >= vma->vm_mm->start_stack;
}

void show_map_vma(struct seq_file *m, struct vm_area_struct *vma)
{
	unsigned long flags = vma->vm_flags, ino = 0;
	struct file *file = vma->vm_file;
	unsigned long long pgoff = 0;
	const char *name = NULL;
	dev_t dev = 0;

	if (file) {
		struct inode *inode = file_inode(file);

		dev = inode->i_sb->s_dev;
		ino = inode->i_ino;
		pgoff = (unsigned long long)vma->vm_pgoff << PAGE_SHIFT;
	}
	/* Linux's width: the name starts after 25 + 6 * sizeof(void *). */
	seq_setwidth(m, 25 + sizeof(void *) * 6 - 1);
	seq_printf(m, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
		   vma->vm_start, vma->vm_end,
		   flags & VM_READ ? 'r' : '-',
		   flags & VM_WRITE ? 'w' : '-',
		   flags & VM_EXEC ? 'x' : '-',
		   flags & VM_MAYSHARE ? 's' : 'p',
		   pgoff, MAJOR(dev), MINOR(dev), ino);
	if (file) {
		seq_pad(m, ' ');
		seq_file_path(m, file);
	} else if (vma_is_initial_heap(vma)) {
		name = "[heap]";
	} else if (vma_is_initial_stack(vma)) {
		name = "[stack]";
	}
	if (name) {
		seq_pad(m, ' ');
		seq_puts(m, name);
	}
	seq_putc(m, '\n');
}

int proc_pid_maps(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);
	struct vm_area_struct *vma;

	if (!mm)
		return 0;
	mmap_read_lock(mm);
	for (vma = vma_first(&mm->mm_rb); vma; vma = vma_next(vma))
		show_map_vma(m, vma);
	mmap_read_unlock(mm);
	mmput(mm);
	return 0;
}

/* Present pages of [@start, @end) in @mm's tables, holes skipped whole. */
static unsigned long count_present(struct mm_struct *mm, unsigned long start,
				   unsigned long end)
{
	unsigned long addr = start, n = 0;

	while (addr < end) {
		enum pg_level level;
		pte_t *pte = lookup_address_in_mm(mm, addr, &level);
		unsigned long size = page_level_size(level);
		unsigned long next = (addr & ~(size - 1)) + size;

		if (next > end || next <= addr)
			next = end;
		if (pte && pte_present(*pte))
			n += (next - addr) >> PAGE_SHIFT;
		addr = next;
	}
	return n;
}

void mm_rss_count(struct mm_struct *mm, struct mm_rss *rss)
{
	struct vm_area_struct *vma;

	memset(rss, 0, sizeof(*rss));
	mmap_read_lock(mm);
	for (vma = vma_first(&mm->mm_rb); vma; vma = vma_next(vma)) {
		unsigned long n = count_present(mm, vma->vm_start,
						vma->vm_end);

		if (vma->vm_file)
			rss->file += n;
		else if (vma->vm_flags & VM_MAYSHARE)
			rss->shmem += n;
		else
			rss->anon += n;
	}
	mmap_read_unlock(mm);
}
