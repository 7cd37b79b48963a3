/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The file system calls as kernel functions (Linux's ksys_*): they
 * return a result or -errno, with Linux's semantics and error codes.
 * Path names and stat buffers are kernel memory (the system calls,
 * SYSCALL_DEFINEn() beside each, copy them with getname() and
 * copy_to_user()); the data of read, write, pread64, pwrite64, readv and
 * writev and getdents64's buffer are user memory (__user), reached
 * through an iov_iter or copy_to_user(), so no layer bounces them.
 * Kernel code with kernel buffers uses kernel_read()/kernel_write() on a
 * struct file instead.  They act on the
 * current file table, root and working directory (<keel/fdtable.h>).
 */
#ifndef _KEEL_SYSCALLS_H
#define _KEEL_SYSCALLS_H

#include <keel/fs_types.h>
#include <keel/stat.h>
#include <asm/ptrace.h>
#include <asm/syscall_wrapper.h>

struct iovec;

long ksys_openat(int dfd, const char *filename, int flags, umode_t mode);
struct open_how;
long ksys_openat2(int dfd, const char *filename, const struct open_how *how);
long ksys_close(unsigned int fd);
long ksys_faccessat(int dfd, const char *filename, int mode, int flags);
/* Reads and writes take user buffers (-EFAULT, short counts). */
ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count);
ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count);
ssize_t ksys_pread64(unsigned int fd, char __user *buf, size_t count,
		     loff_t pos);
ssize_t ksys_pwrite64(unsigned int fd, const char __user *buf, size_t count,
		      loff_t pos);
ssize_t ksys_readv(unsigned int fd, const struct iovec __user *vec,
		   int iovcnt);
ssize_t ksys_writev(unsigned int fd, const struct iovec __user *vec,
		    int iovcnt);
loff_t ksys_lseek(unsigned int fd, loff_t offset, unsigned int whence);
long ksys_getdents64(unsigned int fd, void __user *dirent, unsigned int count);
long ksys_newfstatat(int dfd, const char *filename, struct stat *st,
		     int flags);
long ksys_fstat(unsigned int fd, struct stat *st);
long ksys_statx(int dfd, const char *filename, int flags, unsigned int mask,
		struct statx *buf);
long ksys_mkdirat(int dfd, const char *pathname, umode_t mode);
long ksys_mknodat(int dfd, const char *filename, umode_t mode,
		  unsigned int dev);
long ksys_unlinkat(int dfd, const char *pathname, int flags);
long ksys_renameat2(int olddfd, const char *oldname, int newdfd,
		    const char *newname, unsigned int flags);
long ksys_linkat(int olddfd, const char *oldname, int newdfd,
		 const char *newname, int flags);
long ksys_symlinkat(const char *target, int newdfd, const char *linkpath);
long ksys_readlinkat(int dfd, const char *path, char *buf, int bufsiz);
long ksys_truncate(const char *path, loff_t length);
long ksys_ftruncate(unsigned int fd, loff_t length);
long ksys_fchmodat(int dfd, const char *filename, umode_t mode);
long ksys_fchownat(int dfd, const char *filename, uid_t user, gid_t group,
		   int flag);
long ksys_utimensat(int dfd, const char *filename,
		    const struct timespec64 times[2], int flags);
long ksys_dup(unsigned int fildes);
long ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long ksys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long ksys_pipe2(int fds[2], int flags);
long ksys_mount(const char *dev_name, const char *dir_name,
		const char *type, unsigned long flags, void *data);
long ksys_umount(const char *name, int flags);
long ksys_chdir(const char *filename);
long ksys_getcwd(char *buf, unsigned long size);

/*
 * Defining a system call, as in Linux:
 *
 *	SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf,
 *			size_t, count)
 *	{
 *		...
 *	}
 *
 * makes the table's entry point __x64_sys_read(regs), which passes each
 * argument register as a long to __se_sys_read(), which converts each to
 * its declared type (an int argument keeps only the low 32 bits, as on
 * Linux) and calls the body, __do_sys_read().  The entry point of a call
 * listed in arch/x86/entry/syscalls/syscall_64.tbl that nothing defines
 * returns -ENOSYS.  A call that needs the whole register frame (fork,
 * rt_sigreturn) reads current_pt_regs().
 */
#define __SC_DECL(t, a)		t a
#define __SC_LONG(t, a)		long a
#define __SC_CAST(t, a)		(__force t) a

#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...)	m(t, a)
#define __MAP2(m, t, a, ...)	m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...)	m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...)	m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...)	m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...)	m(t, a), __MAP5(m, __VA_ARGS__)
/* Apply m(type, name) to each of the @n (type, name) pairs. */
#define __MAP(n, ...)		__MAP##n(__VA_ARGS__)

#define SYSCALL_DEFINE0(name)						\
	__SYSCALL_ENTRY_DECL(_##name);					\
	static long __do_sys_##name(void);				\
	__SYSCALL_ENTRY_DECL(_##name)					\
	{								\
		return __do_sys_##name();				\
	}								\
	static long __do_sys_##name(void)

#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

#define SYSCALL_DEFINEx(x, name, ...)					\
	__SYSCALL_ENTRY_DECL(name);					\
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__));	\
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__)); \
	__SYSCALL_ENTRY_DECL(name)					\
	{								\
		return __se_sys##name(SC_X86_64_REGS_TO_ARGS(x));	\
	}								\
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__))	\
	{								\
		return __do_sys##name(__MAP(x, __SC_CAST, __VA_ARGS__)); \
	}								\
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))

#endif /* _KEEL_SYSCALLS_H */
