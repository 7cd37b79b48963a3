// SPDX-License-Identifier: GPL-2.0
/*
 * Memory: anonymous and file mappings, copy-on-write and sharing across
 * fork, MAP_FIXED and MAP_FIXED_NOREPLACE, munmap splitting a mapping,
 * the faults an access takes (si_code and si_addr), mremap, madvise,
 * mincore, msync, brk, and the errors of each for bad arguments.
 */
#include "kselftest.h"

#include <stdint.h>
#include <sys/mman.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE	0x100000
#endif

#define PAGE	4096UL

/* The kernel's mmap(), without the C library's checks in front. */
static long sys_mmap(void *addr, size_t len, int prot, int flags, int fd,
		     long off)
{
	return syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

static char *map_anon(size_t len, int prot, int flags)
{
	char *p = mmap(NULL, len, prot, flags | MAP_ANONYMOUS, -1, 0);

	KS_ASSERT_TRUE(p != MAP_FAILED);
	return p;
}

/* A file of @len bytes, byte i being (i * 7) & 0xff, open O_RDWR. */
static int make_file(const char *path, size_t len)
{
	char buf[PAGE];
	size_t i, done;
	int fd;

	unlink(path);
	KS_ASSERT_OK_VAL(fd, open(path, O_RDWR | O_CREAT | O_EXCL, 0600));
	for (done = 0; done < len; done += sizeof(buf)) {
		for (i = 0; i < sizeof(buf); i++)
			buf[i] = ((done + i) * 7) & 0xff;
		KS_ASSERT_RET(write(fd, buf, len - done < PAGE ? len - done :
				    PAGE), len - done < PAGE ? len - done : PAGE);
	}
	return fd;
}

/* Reads one byte at @p; returns the signal it took (SEGV, BUS), or 0. */
static int read_faults(volatile char *p, siginfo_t *si)
{
	int taken;
	char c;

	KS_FAULTS(taken, SIGSEGV, *si, {
		ks_fault_catch(SIGBUS);
		c = *p;
		(void)c;
	});
	signal(SIGBUS, SIG_DFL);
	return taken;
}

static int write_faults(volatile char *p, siginfo_t *si)
{
	int taken;

	KS_FAULTS(taken, SIGSEGV, *si, *p = 1);
	return taken;
}

static void mmap_anon_is_zeroed_and_writable(void)
{
	char *p = map_anon(3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	size_t i;

	KS_ASSERT_EQ((uintptr_t)p % PAGE, 0);
	for (i = 0; i < 3 * PAGE; i++)
		KS_ASSERT_EQ(p[i], 0);
	memset(p, 0x5a, 3 * PAGE);
	for (i = 0; i < 3 * PAGE; i += 511)
		KS_ASSERT_EQ(p[i], 0x5a);
	KS_ASSERT_RET(munmap(p, 3 * PAGE), 0);
	/* A length that is not a page multiple is rounded up. */
	p = map_anon(10, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	p[PAGE - 1] = 1;
	KS_ASSERT_RET(munmap(p, 10), 0);
}

static void map_shared_file_is_the_file(void)
{
	int fd = make_file("/tmp/mem-shared", 2 * PAGE);
	char *p, buf[4];

	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	KS_ASSERT_TRUE(p != MAP_FAILED);
	KS_ASSERT_EQ((unsigned char)p[PAGE + 3], ((PAGE + 3) * 7) & 0xff);
	/* A store through the mapping is what read() returns ... */
	memcpy(p + 100, "abcd", 4);
	KS_ASSERT_RET(pread(fd, buf, 4, 100), 4);
	KS_ASSERT_MEMEQ(buf, "abcd", 4);
	/* ... and write() is what the mapping shows. */
	KS_ASSERT_RET(pwrite(fd, "WXYZ", 4, PAGE + 8), 4);
	KS_ASSERT_MEMEQ(p + PAGE + 8, "WXYZ", 4);
	KS_ASSERT_RET(msync(p, 2 * PAGE, MS_SYNC), 0);
	KS_ASSERT_RET(msync(p, PAGE, MS_ASYNC), 0);
	KS_ASSERT_RET(msync(p, PAGE, MS_INVALIDATE), 0);
	KS_ASSERT_RET(munmap(p, 2 * PAGE), 0);
	/* The store outlives the mapping. */
	KS_ASSERT_RET(pread(fd, buf, 4, 100), 4);
	KS_ASSERT_MEMEQ(buf, "abcd", 4);
	close(fd);
	unlink("/tmp/mem-shared");
}

static void map_private_file_is_a_copy(void)
{
	int fd = make_file("/tmp/mem-private", PAGE);
	char *p, buf[4];

	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	KS_ASSERT_TRUE(p != MAP_FAILED);
	KS_ASSERT_EQ((unsigned char)p[10], 70);
	memcpy(p + 10, "priv", 4);
	KS_ASSERT_RET(pread(fd, buf, 4, 10), 4);
	KS_ASSERT_EQ((unsigned char)buf[0], 70);
	KS_ASSERT_MEMEQ(p + 10, "priv", 4);
	/* A page offset other than 0 maps from there. */
	KS_ASSERT_RET(munmap(p, PAGE), 0);
	close(fd);
	unlink("/tmp/mem-private");
}

static void map_private_copy_on_write_across_fork(void)
{
	char *p = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	pid_t pid;

	p[0] = 'A';
	KS_CHILD(pid, {
		if (p[0] != 'A')
			_exit(1);
		p[0] = 'B';
		if (p[0] != 'B')
			_exit(2);
	});
	KS_WAIT(pid, KS_W_EXITED(0));
	KS_ASSERT_EQ(p[0], 'A');
	/* And the other way: the parent's store is not the child's. */
	KS_CHILD(pid, {
		usleep(50000);
		if (p[0] != 'A')
			_exit(3);
	});
	p[0] = 'C';
	KS_WAIT(pid, KS_W_EXITED(0));
}

static void map_shared_anon_survives_fork(void)
{
	char *p = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
	pid_t pid;

	p[0] = 'A';
	KS_CHILD(pid, {
		if (p[0] != 'A')
			_exit(1);
		p[0] = 'B';
		p[PAGE - 1] = 'Z';
	});
	KS_WAIT(pid, KS_W_EXITED(0));
	KS_ASSERT_EQ(p[0], 'B');
	KS_ASSERT_EQ(p[PAGE - 1], 'Z');
}

static void map_fixed_replaces_a_range(void)
{
	char *p = map_anon(3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	char *q;

	memset(p, 'x', 3 * PAGE);
	q = mmap(p + PAGE, PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	KS_ASSERT_EQ((uintptr_t)q, (uintptr_t)(p + PAGE));
	KS_ASSERT_EQ(p[PAGE - 1], 'x');
	KS_ASSERT_EQ(p[PAGE], 0);
	KS_ASSERT_EQ(p[2 * PAGE - 1], 0);
	KS_ASSERT_EQ(p[2 * PAGE], 'x');
	KS_ASSERT_ERRNO(sys_mmap(p + 1, PAGE, PROT_READ, MAP_PRIVATE |
			     MAP_ANONYMOUS | MAP_FIXED, -1, 0), EINVAL);
}

static void map_fixed_noreplace_is_eexist(void)
{
	char *p = map_anon(3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	char *q;

	KS_ASSERT_ERRNO(mmap(p + PAGE, PAGE, PROT_READ, MAP_PRIVATE |
			     MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0),
			EEXIST);
	/* Overlapping the end is refused too. */
	KS_ASSERT_ERRNO(mmap(p + 2 * PAGE, 2 * PAGE, PROT_READ, MAP_PRIVATE |
			     MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0),
			EEXIST);
	KS_ASSERT_RET(munmap(p + PAGE, PAGE), 0);
	q = mmap(p + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
		 MAP_FIXED_NOREPLACE, -1, 0);
	KS_ASSERT_EQ((uintptr_t)q, (uintptr_t)(p + PAGE));
}

static void mmap_hint_is_taken_when_free(void)
{
	char *p = map_anon(2 * PAGE, PROT_READ, MAP_PRIVATE), *q;

	KS_ASSERT_RET(munmap(p, 2 * PAGE), 0);
	q = mmap(p, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	KS_ASSERT_EQ((uintptr_t)q, (uintptr_t)p);
	/* A hint on a mapping in use is passed over, with no error. */
	q = mmap(p, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	KS_ASSERT_TRUE(q != MAP_FAILED);
	KS_ASSERT_NE((uintptr_t)q, (uintptr_t)p);
	KS_ASSERT_EQ(*p, 0);
	/* An unaligned hint is rounded down, or passed over. */
	q = mmap(p + PAGE + 1, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	KS_ASSERT_TRUE(q != MAP_FAILED);
	KS_ASSERT_EQ((uintptr_t)q % PAGE, 0);
}

static void munmap_middle_splits_the_mapping(void)
{
	char *p = map_anon(3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	unsigned char vec[3];
	siginfo_t si;

	memset(p, 'y', 3 * PAGE);
	KS_ASSERT_RET(munmap(p + PAGE, PAGE), 0);
	KS_ASSERT_EQ(p[0], 'y');
	KS_ASSERT_EQ(p[2 * PAGE], 'y');
	KS_ASSERT_EQ(read_faults(p + PAGE + 5, &si), SIGSEGV);
	KS_ASSERT_EQ(si.si_code, SEGV_MAPERR);
	KS_ASSERT_EQ((uintptr_t)si.si_addr, (uintptr_t)(p + PAGE + 5));
	KS_ASSERT_ERRNO(syscall(SYS_mincore, p, 3 * PAGE, vec), ENOMEM);
	KS_ASSERT_RET(mincore(p + 2 * PAGE, PAGE, vec), 0);
	/* munmap of a range with nothing mapped is no error. */
	KS_ASSERT_RET(munmap(p + PAGE, PAGE), 0);
	KS_ASSERT_RET(munmap(p, 3 * PAGE), 0);
	KS_ASSERT_EQ(read_faults(p, &si), SIGSEGV);
}

static void mprotect_read_only_write_is_accerr(void)
{
	char *p = map_anon(2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	siginfo_t si;

	p[PAGE + 1] = 'a';
	KS_ASSERT_RET(mprotect(p + PAGE, PAGE, PROT_READ), 0);
	KS_ASSERT_EQ(write_faults(p + PAGE + 17, &si), SIGSEGV);
	KS_ASSERT_EQ(si.si_signo, SIGSEGV);
	KS_ASSERT_EQ(si.si_code, SEGV_ACCERR);
	KS_ASSERT_EQ((uintptr_t)si.si_addr, (uintptr_t)(p + PAGE + 17));
	KS_ASSERT_EQ(p[PAGE + 1], 'a');
	/* The first page kept its protection. */
	KS_ASSERT_EQ(write_faults(p + 3, &si), 0);
	KS_ASSERT_RET(mprotect(p, PAGE, PROT_NONE), 0);
	KS_ASSERT_EQ(read_faults(p + 8, &si), SIGSEGV);
	KS_ASSERT_EQ(si.si_code, SEGV_ACCERR);
	KS_ASSERT_EQ((uintptr_t)si.si_addr, (uintptr_t)(p + 8));
	KS_ASSERT_RET(mprotect(p, 2 * PAGE, PROT_READ | PROT_WRITE), 0);
	KS_ASSERT_EQ(write_faults(p + PAGE + 17, &si), 0);
	KS_ASSERT_EQ(p[PAGE + 1], 'a');
}

static void unmapped_access_is_maperr(void)
{
	char *p = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	siginfo_t si;

	KS_ASSERT_RET(munmap(p, PAGE), 0);
	KS_ASSERT_EQ(write_faults(p + 123, &si), SIGSEGV);
	KS_ASSERT_EQ(si.si_code, SEGV_MAPERR);
	KS_ASSERT_EQ((uintptr_t)si.si_addr, (uintptr_t)(p + 123));
	KS_ASSERT_EQ(read_faults((char *)8, &si), SIGSEGV);
	KS_ASSERT_EQ(si.si_code, SEGV_MAPERR);
	KS_ASSERT_EQ((uintptr_t)si.si_addr, 8);
}

static void access_past_file_end_is_sigbus(void)
{
	int fd = make_file("/tmp/mem-short", 100);
	char *p;
	siginfo_t si;

	p = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	KS_ASSERT_TRUE(p != MAP_FAILED);
	/* The rest of the last page reads as zeros ... */
	KS_ASSERT_EQ((unsigned char)p[99], (99 * 7) & 0xff);
	KS_ASSERT_EQ(p[100], 0);
	KS_ASSERT_EQ(p[PAGE - 1], 0);
	/* ... a page wholly past the end is SIGBUS, BUS_ADRERR. */
	KS_ASSERT_EQ(read_faults(p + PAGE + 4, &si), SIGBUS);
	KS_ASSERT_EQ(si.si_code, BUS_ADRERR);
	KS_ASSERT_EQ((uintptr_t)si.si_addr, (uintptr_t)(p + PAGE + 4));
	close(fd);
	unlink("/tmp/mem-short");
}

static void mremap_grows_and_moves(void)
{
	/* p is two pages; the third, a mapping of its own, is in the way. */
	char *p = map_anon(3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	char *q, *fixed;

	KS_ASSERT_RET(mprotect(p + 2 * PAGE, PAGE, PROT_READ), 0);
	memset(p, 'm', 2 * PAGE);
	KS_ASSERT_ERRNO(syscall(SYS_mremap, p, 2 * PAGE, 4 * PAGE, 0), ENOMEM);
	q = mremap(p, 2 * PAGE, 4 * PAGE, MREMAP_MAYMOVE);
	KS_ASSERT_TRUE(q != MAP_FAILED);
	KS_ASSERT_NE((uintptr_t)q, (uintptr_t)p);
	KS_ASSERT_EQ(q[0], 'm');
	KS_ASSERT_EQ(q[2 * PAGE - 1], 'm');
	KS_ASSERT_EQ(q[2 * PAGE], 0);
	q[4 * PAGE - 1] = 'e';
	/* Shrinking stays in place. */
	KS_ASSERT_EQ((uintptr_t)mremap(q, 4 * PAGE, PAGE, 0), (uintptr_t)q);
	/* MREMAP_FIXED moves to the address given, replacing what was there. */
	fixed = map_anon(PAGE, PROT_READ, MAP_PRIVATE);
	KS_ASSERT_EQ((uintptr_t)mremap(q, PAGE, PAGE,
				       MREMAP_MAYMOVE | MREMAP_FIXED, fixed),
		     (uintptr_t)fixed);
	KS_ASSERT_EQ(fixed[0], 'm');
	KS_ASSERT_ERRNO(syscall(SYS_mremap, fixed, PAGE, PAGE, MREMAP_FIXED, p), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_mremap, fixed + 1, PAGE, PAGE, 0), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_mremap, fixed, PAGE, 0, MREMAP_MAYMOVE), EINVAL);
}

static void madvise_dontneed_zeroes_anon(void)
{
	char *p = map_anon(2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	int fd = make_file("/tmp/mem-advise", PAGE);
	char *f;

	memset(p, 'd', 2 * PAGE);
	KS_ASSERT_RET(madvise(p, PAGE, MADV_DONTNEED), 0);
	KS_ASSERT_EQ(p[0], 0);
	KS_ASSERT_EQ(p[PAGE - 1], 0);
	KS_ASSERT_EQ(p[PAGE], 'd');
	/* A shared file mapping reads the file again. */
	f = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	KS_ASSERT_TRUE(f != MAP_FAILED);
	f[1] = 'S';
	KS_ASSERT_RET(madvise(f, PAGE, MADV_DONTNEED), 0);
	KS_ASSERT_EQ(f[1], 'S');
	KS_ASSERT_EQ((unsigned char)f[2], 14);
	KS_ASSERT_ERRNO(syscall(SYS_madvise, p + 1, PAGE, MADV_DONTNEED), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_madvise, p, PAGE, 12345), EINVAL);
	KS_ASSERT_RET(munmap(p, 2 * PAGE), 0);
	KS_ASSERT_ERRNO(syscall(SYS_madvise, p, PAGE, MADV_DONTNEED), ENOMEM);
	close(fd);
	unlink("/tmp/mem-advise");
}

static void mincore_reports_resident_pages(void)
{
	char *p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	unsigned char vec[4];

	p[0] = 1;
	p[2 * PAGE] = 1;
	KS_ASSERT_RET(mincore(p, 4 * PAGE, vec), 0);
	KS_ASSERT_EQ(vec[0] & 1, 1);
	KS_ASSERT_EQ(vec[1] & 1, 0);
	KS_ASSERT_EQ(vec[2] & 1, 1);
	KS_ASSERT_EQ(vec[3] & 1, 0);
	KS_ASSERT_ERRNO(syscall(SYS_mincore, p + 1, PAGE, vec), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_mincore, p, PAGE, (unsigned char *)8), EFAULT);
}

static void msync_errors(void)
{
	char *p = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);

	KS_ASSERT_ERRNO(syscall(SYS_msync, p, PAGE, MS_SYNC | MS_ASYNC), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_msync, p + 1, PAGE, MS_SYNC), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_msync, p, PAGE, 0x100), EINVAL);
	KS_ASSERT_RET(munmap(p, PAGE), 0);
	KS_ASSERT_ERRNO(syscall(SYS_msync, p, PAGE, MS_SYNC), ENOMEM);
}

static void brk_grows_and_shrinks(void)
{
	char *start = (char *)syscall(SYS_brk, 0), *end;
	siginfo_t si;

	KS_ASSERT_NE((uintptr_t)start, 0);
	end = (char *)syscall(SYS_brk, start + 16 * PAGE);
	KS_ASSERT_EQ((uintptr_t)end, (uintptr_t)(start + 16 * PAGE));
	memset(start, 'b', 16 * PAGE);
	KS_ASSERT_EQ(start[16 * PAGE - 1], 'b');
	/* Shrinking unmaps what lies past the new break. */
	end = (char *)syscall(SYS_brk, start + PAGE);
	KS_ASSERT_EQ((uintptr_t)end, (uintptr_t)(start + PAGE));
	KS_ASSERT_EQ(read_faults(start + 8 * PAGE, &si), SIGSEGV);
	KS_ASSERT_EQ(si.si_code, SEGV_MAPERR);
	/* Growing again gives zeroed memory. */
	end = (char *)syscall(SYS_brk, start + 4 * PAGE);
	KS_ASSERT_EQ((uintptr_t)end, (uintptr_t)(start + 4 * PAGE));
	KS_ASSERT_EQ(start[2 * PAGE], 0);
	/* A refused break returns the current one (no errno). */
	end = (char *)syscall(SYS_brk, (char *)4096);
	KS_ASSERT_EQ((uintptr_t)end, (uintptr_t)(start + 4 * PAGE));
	end = (char *)syscall(SYS_brk, (char *)0x7ffffffff000UL);
	KS_ASSERT_EQ((uintptr_t)end, (uintptr_t)(start + 4 * PAGE));
}

static void mmap_bad_arguments(void)
{
	int fd = make_file("/tmp/mem-args", PAGE), rdonly;
	char *p;

	KS_ASSERT_ERRNO(sys_mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			     -1, 0), EINVAL);
	KS_ASSERT_ERRNO(sys_mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0),
			EINVAL);
	KS_ASSERT_ERRNO(sys_mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 1),
			EINVAL);
	KS_ASSERT_ERRNO(sys_mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 9999, 0),
			EBADF);
	KS_ASSERT_ERRNO(sys_mmap(NULL, (size_t)1 << 60, PROT_READ,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), ENOMEM);
	KS_ASSERT_ERRNO(sys_mmap(NULL, -PAGE, PROT_READ,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), ENOMEM);
	KS_ASSERT_OK_VAL(rdonly, open("/tmp/mem-args", O_RDONLY));
	KS_ASSERT_ERRNO(sys_mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
			     rdonly, 0), EACCES);
	/* A private writable mapping of a read-only file is fine. */
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, rdonly, 0);
	KS_ASSERT_TRUE(p != MAP_FAILED);
	/* Directories cannot be mapped. */
	close(rdonly);
	KS_ASSERT_OK_VAL(rdonly, open("/tmp", O_RDONLY | O_DIRECTORY));
	KS_ASSERT_ERRNO(sys_mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, rdonly, 0),
			ENODEV);

	KS_ASSERT_ERRNO(syscall(SYS_munmap, p + 1, PAGE), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_munmap, p, 0), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_mprotect, p + 1, PAGE, PROT_READ), EINVAL);
	KS_ASSERT_ERRNO(syscall(SYS_mprotect, p, PAGE, 0x100), EINVAL);
	KS_ASSERT_RET(munmap(p, PAGE), 0);
	KS_ASSERT_ERRNO(syscall(SYS_mprotect, p, PAGE, PROT_READ), ENOMEM);
	close(rdonly);
	close(fd);
	unlink("/tmp/mem-args");
}

static const struct ks_case cases[] = {
	KS_CASE(mmap_anon_is_zeroed_and_writable),
	KS_CASE(map_shared_file_is_the_file),
	KS_CASE(map_private_file_is_a_copy),
	KS_CASE(map_private_copy_on_write_across_fork),
	KS_CASE(map_shared_anon_survives_fork),
	KS_CASE(map_fixed_replaces_a_range),
	KS_CASE(map_fixed_noreplace_is_eexist),
	KS_CASE(mmap_hint_is_taken_when_free),
	KS_CASE(munmap_middle_splits_the_mapping),
	KS_CASE(mprotect_read_only_write_is_accerr),
	KS_CASE(unmapped_access_is_maperr),
	KS_CASE(access_past_file_end_is_sigbus),
	KS_CASE(mremap_grows_and_moves),
	KS_CASE(madvise_dontneed_zeroes_anon),
	KS_CASE(mincore_reports_resident_pages),
	KS_CASE(msync_errors),
	KS_CASE(brk_grows_and_shrinks),
	KS_CASE(mmap_bad_arguments),
};

KS_MAIN("memory", cases)
