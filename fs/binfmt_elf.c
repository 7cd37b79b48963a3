// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF64 loader for x86-64 (Linux's fs/binfmt_elf.c, rewritten):
 * static executables (ET_EXEC), static PIE and dynamically linked
 * programs (ET_DYN), and programs with an interpreter (PT_INTERP: the
 * dynamic linker, mapped too and entered first, with AT_BASE telling it
 * where it is).
 *
 * Everything that can be wrong with the file is checked before the point
 * of no return, so a malformed ELF file fails the exec with -ENOEXEC (or
 * -EINVAL, -EIO) and the caller keeps running.  Then each PT_LOAD segment
 * is mapped privately from the file at its page-aligned offset; the part
 * of memsz past filesz is zero, the rest of its last file page by
 * clearing it (the page is a private copy once written) and whole pages
 * beyond by an anonymous mapping, as the bss.  ET_DYN programs are placed
 * at ELF_ET_DYN_BASE, interpreters wherever mmap() puts them.
 */
#include <keel/binfmts.h>
#include <keel/cred.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/kernel.h>
#include <keel/mm.h>
#include <keel/mmap_lock.h>
#include <keel/namei.h>
#include <keel/sched.h>
#include <keel/sched/mm.h>
#include <keel/sched/signal.h>
#include <keel/sched/task.h>
#include <keel/slab.h>
#include <keel/string.h>
#include <keel/uaccess.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <uapi/asm-generic/mman-common.h>
#include <uapi/linux/elf.h>

/* Where ET_DYN programs go: two thirds of the way up, as on Linux. */
#define ELF_ET_DYN_BASE		((TASK_SIZE / 3 * 2) & PAGE_MASK)
#define ELF_PAGESTART(v)	((v) & PAGE_MASK)
#define ELF_PAGEOFFSET(v)	((v) & (PAGE_SIZE - 1))
#define ELF_MAX_PHDRS_SIZE	65536		/* Linux's limit */
#define STACK_INITIAL		(128 * 1024)	/* grows down from there */
#define AUXV_ENTRIES		22		/* pairs, AT_NULL included */

/* An ELF file read and checked: its header and program headers. */
struct elf_image {
	struct file *file;
	Elf64_Ehdr ehdr;
	Elf64_Phdr *phdrs;
	unsigned long bias;		/* added to every p_vaddr */
};

static int elf_read(struct file *file, void *buf, size_t len, loff_t pos)
{
	ssize_t n = kernel_read(file, buf, len, &pos);

	if (n < 0)
		return n;
	return (size_t)n == len ? 0 : -EIO;
}

static bool elf_header_ok(const Elf64_Ehdr *e)
{
	return !memcmp(e->e_ident, ELFMAG, SELFMAG) &&
	       e->e_ident[EI_CLASS] == ELFCLASS64 &&
	       e->e_ident[EI_DATA] == ELFDATA2LSB &&
	       e->e_ident[EI_VERSION] == EV_CURRENT &&
	       (e->e_type == ET_EXEC || e->e_type == ET_DYN) &&
	       e->e_machine == EM_X86_64 &&
	       e->e_phentsize == sizeof(Elf64_Phdr) &&
	       e->e_phnum >= 1 &&
	       e->e_phnum <= ELF_MAX_PHDRS_SIZE / sizeof(Elf64_Phdr);
}

/*
 * A loadable segment the loader can map: its file bytes inside the
 * file, as many as it has memory for, congruent to its address modulo
 * the page size, and the whole of it in the user half.
 */
static bool load_segment_ok(const Elf64_Phdr *ph, loff_t size)
{
	u64 end = ph->p_vaddr + ph->p_memsz;

	return ph->p_filesz <= ph->p_memsz &&
	       ph->p_offset <= (u64)size &&
	       ph->p_filesz <= (u64)size - ph->p_offset &&
	       ELF_PAGEOFFSET(ph->p_offset) == ELF_PAGEOFFSET(ph->p_vaddr) &&
	       end >= ph->p_vaddr && end <= TASK_SIZE;
}

static int elf_image_read(struct elf_image *img, struct file *file,
			  const char *buf)
{
	loff_t size = file->f_inode->i_size;
	size_t phsize;
	unsigned int i;
	int err;

	img->file = file;
	memcpy(&img->ehdr, buf, sizeof(img->ehdr));
	if (!elf_header_ok(&img->ehdr))
		return -ENOEXEC;
	phsize = img->ehdr.e_phnum * sizeof(Elf64_Phdr);
	img->phdrs = kmalloc(phsize, GFP_KERNEL);
	if (!img->phdrs)
		return -ENOMEM;
	err = elf_read(file, img->phdrs, phsize, img->ehdr.e_phoff);
	if (err)
		return err;
	for (i = 0; i < img->ehdr.e_phnum; i++)
		if (img->phdrs[i].p_type == PT_LOAD &&
		    !load_segment_ok(&img->phdrs[i], size))
			return -ENOEXEC;
	return 0;
}

/* The span of the PT_LOAD segments, page-aligned: [*lo, return). */
static unsigned long load_span(const struct elf_image *img, unsigned long *lo)
{
	unsigned long start = ~0UL, end = 0;
	unsigned int i;

	for (i = 0; i < img->ehdr.e_phnum; i++) {
		const Elf64_Phdr *ph = &img->phdrs[i];

		if (ph->p_type != PT_LOAD)
			continue;
		start = min(start, (unsigned long)ELF_PAGESTART(ph->p_vaddr));
		end = max(end, (unsigned long)PAGE_ALIGN(ph->p_vaddr +
							 ph->p_memsz));
	}
	*lo = start;
	return end;
}

static unsigned long elf_prot(u32 p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) |
	       (p_flags & PF_W ? PROT_WRITE : 0) |
	       (p_flags & PF_X ? PROT_EXEC : 0);
}

/*
 * Map one segment at bias + p_vaddr: the file pages, then the zero tail
 * of the last one and the anonymous pages of the rest of memsz.
 */
static int map_segment(const struct elf_image *img, const Elf64_Phdr *ph)
{
	unsigned long vaddr = img->bias + ph->p_vaddr;
	unsigned long file_end = vaddr + ph->p_filesz;
	unsigned long mem_end = PAGE_ALIGN(vaddr + ph->p_memsz);
	unsigned long start = ELF_PAGESTART(vaddr), addr;
	unsigned long prot = elf_prot(ph->p_flags);

	if (ph->p_filesz) {
		addr = vm_mmap(img->file, start, PAGE_ALIGN(file_end) - start,
			       prot, MAP_PRIVATE | MAP_FIXED,
			       ELF_PAGESTART(ph->p_offset));
		if (IS_ERR_VALUE(addr))
			return addr;
		start = PAGE_ALIGN(file_end);
		if (ph->p_memsz > ph->p_filesz && ELF_PAGEOFFSET(file_end)) {
			/* The bss starts inside the last file page. */
			if (!(prot & PROT_WRITE))
				return -EINVAL;
			if (clear_user((void __user *)file_end,
				       start - file_end))
				return -EFAULT;
		}
	}
	if (mem_end > start) {
		int err = vm_brk_flags(start, mem_end - start,
				       prot & PROT_EXEC ? VM_EXEC : 0);

		if (err)
			return err;
		if (!(prot & PROT_WRITE)) {
			/* Only a writable bss is mapped writable. */
			addr = vm_mmap(NULL, start, mem_end - start, prot,
				       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				       0);
			if (IS_ERR_VALUE(addr))
				return addr;
		}
	}
	return 0;
}

static int map_image(struct elf_image *img)
{
	unsigned int i;
	int err;

	for (i = 0; i < img->ehdr.e_phnum; i++) {
		if (img->phdrs[i].p_type != PT_LOAD)
			continue;
		err = map_segment(img, &img->phdrs[i]);
		if (err)
			return err;
	}
	return 0;
}

/* Reserve room for the interpreter wherever mmap() finds it. */
static int place_interp(struct elf_image *interp)
{
	unsigned long lo, hi = load_span(interp, &lo), addr;

	if (interp->ehdr.e_type == ET_EXEC) {
		interp->bias = 0;
		return 0;
	}
	addr = vm_mmap(NULL, 0, hi - lo, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(addr))
		return addr;
	interp->bias = addr - lo;
	return 0;
}

static const Elf64_Phdr *find_phdr(const struct elf_image *img, u32 type)
{
	unsigned int i;

	for (i = 0; i < img->ehdr.e_phnum; i++)
		if (img->phdrs[i].p_type == type)
			return &img->phdrs[i];
	return NULL;
}

/* Read PT_INTERP's path and open the interpreter, before anything. */
static int open_interp(const struct elf_image *img, struct elf_image *interp,
		       char **namep, char *buf)
{
	const Elf64_Phdr *ph = find_phdr(img, PT_INTERP);
	struct file *file;
	char *name;
	loff_t pos = 0;
	int err;

	if (!ph)
		return 0;
	if (ph->p_filesz < 2 || ph->p_filesz > PATH_MAX)
		return -ENOEXEC;
	name = kmalloc(ph->p_filesz, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	*namep = name;
	err = elf_read(img->file, name, ph->p_filesz, ph->p_offset);
	if (err)
		return err;
	if (name[ph->p_filesz - 1] != '\0')
		return -ENOEXEC;
	file = open_exec(name);
	if (IS_ERR(file))
		return PTR_ERR(file);
	interp->file = file;
	memset(buf, 0, BINPRM_BUF_SIZE);
	if (kernel_read(file, buf, BINPRM_BUF_SIZE, &pos) < 0)
		return -EIO;
	err = elf_image_read(interp, file, buf);
	if (err)
		return err;
	/* An interpreter with an interpreter is not something we run. */
	return find_phdr(interp, PT_INTERP) ? -ELIBBAD : 0;
}

/* Where the program headers are in memory, for AT_PHDR. */
static unsigned long phdr_addr(const struct elf_image *img)
{
	const Elf64_Phdr *ph = find_phdr(img, PT_PHDR);
	unsigned int i;

	if (ph)
		return img->bias + ph->p_vaddr;
	/* Else inside the first segment that covers them in the file. */
	for (i = 0; i < img->ehdr.e_phnum; i++) {
		ph = &img->phdrs[i];
		if (ph->p_type == PT_LOAD && ph->p_offset <= img->ehdr.e_phoff &&
		    img->ehdr.e_phoff < ph->p_offset + ph->p_filesz)
			return img->bias + ph->p_vaddr +
			       (img->ehdr.e_phoff - ph->p_offset);
	}
	return 0;
}

static unsigned int fill_auxv(unsigned long *auxv, const struct elf_image *img,
			      const struct elf_image *interp)
{
	const struct cred *cred = current_cred();
	u32 eax, ebx, ecx, edx;
	unsigned int n = 0;

	cpuid(1, &eax, &ebx, &ecx, &edx);
#define NEW_AUX_ENT(id, val)	do { auxv[n++] = (id); auxv[n++] = (val); } while (0)
	NEW_AUX_ENT(AT_HWCAP, edx);
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, 100);
	NEW_AUX_ENT(AT_PHDR, phdr_addr(img));
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf64_Phdr));
	NEW_AUX_ENT(AT_PHNUM, img->ehdr.e_phnum);
	NEW_AUX_ENT(AT_BASE, interp->file ? interp->bias : 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, img->bias + img->ehdr.e_entry);
	NEW_AUX_ENT(AT_UID, cred->uid);
	NEW_AUX_ENT(AT_EUID, cred->euid);
	NEW_AUX_ENT(AT_GID, cred->gid);
	NEW_AUX_ENT(AT_EGID, cred->egid);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, 0);		/* create_elf_tables() */
	NEW_AUX_ENT(AT_HWCAP2, 0);
	NEW_AUX_ENT(AT_EXECFN, 0);		/* create_elf_tables() */
	NEW_AUX_ENT(AT_PLATFORM, 0);		/* create_elf_tables() */
	NEW_AUX_ENT(AT_MINSIGSTKSZ, 2048);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	return n;
}

static bool exec_stack(const struct elf_image *img)
{
	const Elf64_Phdr *ph = find_phdr(img, PT_GNU_STACK);

	return ph && (ph->p_flags & PF_X);
}

/* After the point of no return: map everything and build the stack. */
static int setup_new_program(struct linux_binprm *bprm,
			     struct elf_image *img, struct elf_image *interp)
{
	struct mm_struct *mm = current->mm;
	unsigned long auxv[AUXV_ENTRIES * 2], lo, hi, sp, entry, addr;
	unsigned int nr_auxv;
	int err;

	err = map_image(img);
	if (err)
		return err;
	hi = load_span(img, &lo);
	mm->start_code = img->bias + lo;
	mm->end_code = mm->start_data = mm->end_data = img->bias + hi;
	mm->start_brk = mm->brk = img->bias + hi;
	if (interp->file) {
		err = place_interp(interp);
		if (!err)
			err = map_image(interp);
		if (err)
			return err;
	}
	addr = vm_mmap(NULL, STACK_TOP - STACK_INITIAL, STACK_INITIAL,
		       PROT_READ | PROT_WRITE |
		       (exec_stack(img) ? PROT_EXEC : 0),
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN,
		       0);
	if (IS_ERR_VALUE(addr))
		return addr;
	/* Linux leaves the top word of the stack zero. */
	bprm->p = STACK_TOP - sizeof(void *);
	nr_auxv = fill_auxv(auxv, img, interp);
	err = create_elf_tables(bprm, auxv, nr_auxv, &sp);
	if (err)
		return err;
	mm->start_stack = sp;
	entry = interp->file ? interp->bias + interp->ehdr.e_entry :
			       img->bias + img->ehdr.e_entry;
	start_thread(current_pt_regs(), entry, sp);
	return 0;
}

static int load_elf_binary(struct linux_binprm *bprm)
{
	struct elf_image img = {}, interp = {};
	struct mm_struct *mm = NULL;
	char *interp_name = NULL;
	int err;

	err = elf_image_read(&img, bprm->file, bprm->buf);
	if (err)
		goto out;
	err = open_interp(&img, &interp, &interp_name, bprm->buf);
	if (err)
		goto out;
	if (img.ehdr.e_type == ET_DYN) {
		unsigned long lo;

		load_span(&img, &lo);
		img.bias = ELF_ET_DYN_BASE - lo;
	}
	err = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out;
	err = begin_new_exec(bprm, mm);
	if (!err)
		err = setup_new_program(bprm, &img, &interp);
	if (err)
		/* Past the point of no return: the process cannot go on. */
		force_sig_fault(SIGSEGV, SI_KERNEL, NULL);
	mm = NULL;
out:
	if (mm)
		mmput(mm);
	if (interp.file)
		fput(interp.file);
	kfree(interp.phdrs);
	kfree(interp_name);
	kfree(img.phdrs);
	return err;
}

const struct linux_binfmt elf_format = {
	.name		= "elf",
	.load_binary	= load_elf_binary,
};
