// SPDX-License-Identifier: GPL-2.0
/*
 * The out-of-line user copies (<keel/uaccess.h>): rep movsb and rep stosb
 * with an exception-table entry each, and the string helpers built on
 * get_user().  Callers have already checked the range with access_ok().
 */
#include <keel/uaccess.h>

unsigned long raw_copy_user(void *dst, const void *src, unsigned long n)
{
	stac();
	__asm__ __volatile__("1:	rep movsb\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+D"(dst), "+S"(src), "+c"(n)
			     : : "memory");
	clac();
	return n;
}

unsigned long raw_clear_user(void __user *dst, unsigned long n)
{
	stac();
	__asm__ __volatile__("1:	rep stosb\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+D"(dst), "+c"(n)
			     : "a"(0) : "memory");
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
