/* SPDX-License-Identifier: GPL-2.0 */
/*
 * procfs entries (fs/proc/), with Linux's names: a file is a show
 * function that prints its whole text with seq_printf() (single_open()
 * style) and is read at any offset; directories and symlinks hold them.
 * A NULL @parent is /proc itself.  Entries exist from creation on, in
 * every mount of proc, whether /proc is mounted yet or not.
 *
 * The per-process directories /proc/<pid> are not registered: proc
 * builds them at lookup from the live task list (fs/proc/base.c).
 */
#ifndef _KEEL_PROC_FS_H
#define _KEEL_PROC_FS_H

#include <keel/fs_types.h>
#include <keel/types.h>

struct proc_dir_entry;
struct seq_file;
struct vm_area_struct;

typedef int (*proc_show_t)(struct seq_file *m, void *v);

#ifdef CONFIG_PROC_FS
/*
 * One line of /proc/<pid>/maps for @vma, in Linux's format
 * (fs/proc/task_mmu.c); the caller holds the mm's mmap_lock.
 */
void show_map_vma(struct seq_file *m, struct vm_area_struct *vma);

/*
 * The show function finds @data in m->private.  These return NULL when
 * the name is taken or invalid or memory ran out.
 */
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       proc_show_t show, void *data);
struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent);
struct proc_dir_entry *proc_symlink(const char *name,
				    struct proc_dir_entry *parent,
				    const char *dest);
/* Removes @de and, for a directory, everything below it. */
void proc_remove(struct proc_dir_entry *de);
#else
static inline struct proc_dir_entry *
proc_create_single_data(const char *name, umode_t mode,
			struct proc_dir_entry *parent, proc_show_t show,
			void *data)
{
	return NULL;
}

static inline struct proc_dir_entry *
proc_mkdir(const char *name, struct proc_dir_entry *parent)
{
	return NULL;
}

static inline struct proc_dir_entry *
proc_symlink(const char *name, struct proc_dir_entry *parent,
	     const char *dest)
{
	return NULL;
}

static inline void proc_remove(struct proc_dir_entry *de)
{
}
#endif

#define proc_create_single(name, mode, parent, show)			\
	proc_create_single_data(name, mode, parent, show, NULL)

#endif /* _KEEL_PROC_FS_H */
