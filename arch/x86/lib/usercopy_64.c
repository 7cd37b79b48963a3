// SPDX-License-Identifier: GPL-2.0
/*
 * The out-of-line user copies (<keel/uaccess.h>), and the string helpers
 * built on get_user().  Callers have already checked the range with
 * access_ok().  The bulk moves by eight bytes (rep movsq, rep stosq: one
 * step each, where emulators such as QEMU's TCG charge per step), the
 * rest by bytes; a fault in the quadwords falls back to the byte loop
 * from where it stopped, so the count left is exact to the byte.
 */
#include <keel/uaccess.h>

unsigned long raw_copy_user(void *dst, const void *src, unsigned long n)
{
	unsigned long tail = n & 7;

	n >>= 3;
	stac();
	__asm__ __volatile__("1:	rep movsq\n"
			     "	movq %[tail], %%rcx\n"
			     "2:	rep movsb\n"
			     "	jmp 4f\n"
			     "3:	leaq (%[tail], %%rcx, 8), %%rcx\n"
			     "	jmp 2b\n"
			     "4:\n"
			     _ASM_EXTABLE(1b, 3b)
			     _ASM_EXTABLE(2b, 4b)
			     : "+D"(dst), "+S"(src), "+c"(n)
			     : [tail] "r"(tail) : "memory");
	clac();
	return n;
}

unsigned long raw_clear_user(void __user *dst, unsigned long n)
{
	unsigned long tail = n & 7;

	n >>= 3;
	stac();
	__asm__ __volatile__("1:	rep stosq\n"
			     "	movq %[tail], %%rcx\n"
			     "2:	rep stosb\n"
			     "	jmp 4f\n"
			     "3:	leaq (%[tail], %%rcx, 8), %%rcx\n"
			     "	jmp 2b\n"
			     "4:\n"
			     _ASM_EXTABLE(1b, 3b)
			     _ASM_EXTABLE(2b, 4b)
			     : "+D"(dst), "+c"(n)
			     : "a"(0), [tail] "r"(tail) : "memory");
	clac();
	return n;
}

/*
 * Byte by byte: strings from user space are short (paths, argv), and a
 * fault must stop the copy exactly where the string became unreadable.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;
	char c;

	if (count <= 0)
		return 0;
	for (i = 0; i < count; i++) {
		if (get_user(c, src + i))
			return -EFAULT;
		dst[i] = c;
		if (!c)
			return i;
	}
	return count;
}

long strnlen_user(const char __user *str, long n)
{
	long i;
	char c;

	for (i = 0; i < n; i++) {
		if (get_user(c, str + i))
			return 0;
		if (!c)
			return i + 1;
	}
	return n + 1;
}
