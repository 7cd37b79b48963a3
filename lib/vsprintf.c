// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf() and its wrappers: the C conversions d i u x X o c s p %, the
 * flags "-+ 0#", width and precision (also as '*'), and the length
 * modifiers hh h l ll z t j.  No floating point, no %n, and none of Linux's
 * %p extensions: %p is the pointer in hex after "0x", never hashed.
 *
 * Where Linux's printf and C's disagree ("%#x" and "%.0d" of 0), this
 * follows C.  Like Linux, an unknown conversion ends the output there,
 * because the arguments after it can no longer be matched to the format.
 */
#include <keel/ctype.h>
#include <keel/sprintf.h>
#include <keel/string.h>

#define LEFT	0x01	/* '-': pad on the right */
#define PLUS	0x02	/* '+': sign even when positive */
#define SPACE	0x04	/* ' ': blank where a '+' would go */
#define SPECIAL	0x08	/* '#': 0x for hex, a leading 0 for octal */
#define ZEROPAD	0x10	/* '0': pad with zeros after the sign */
#define SIGNED	0x20	/* a signed conversion */
#define UPPER	0x40	/* 'X' */
#define POINTER	0x80	/* %p: "0x" even for zero */

enum length {
	LEN_INT,
	LEN_CHAR,	/* hh */
	LEN_SHORT,	/* h */
	LEN_LONG,	/* l */
	LEN_LLONG,	/* ll */
	LEN_SIZE,	/* z */
	LEN_PTRDIFF,	/* t */
	LEN_INTMAX,	/* j */
};

struct spec {
	unsigned int flags;
	unsigned int width;
	int precision;		/* -1 when not given */
	unsigned int base;
	enum length length;
};

/*
 * The output so far.  @len counts every character produced, stored or
 * not, because vsnprintf returns the untruncated length.
 */
struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put_char(struct out *o, char c)
{
	/* The last byte of the buffer is kept for the terminating NUL. */
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_repeat(struct out *o, char c, unsigned int n)
{
	while (n--)
		put_char(o, c);
}

static void put_bytes(struct out *o, const char *s, size_t len)
{
	while (len--)
		put_char(o, *s++);
}

/* Emits @len bytes of @s padded with blanks to the field width. */
static void put_field(struct out *o, const char *s, size_t len,
		      const struct spec *spec)
{
	unsigned int pad = spec->width > len ? spec->width - len : 0;

	if (!(spec->flags & LEFT))
		put_repeat(o, ' ', pad);
	put_bytes(o, s, len);
	if (spec->flags & LEFT)
		put_repeat(o, ' ', pad);
}

static void put_number(struct out *o, unsigned long long num, bool negative,
		       const struct spec *spec)
{
	const char *xdigits = spec->flags & UPPER ? "0123456789ABCDEF"
						  : "0123456789abcdef";
	char digits[22];	/* 64 bits in octal */
	char prefix[2];	/* a sign, or "0x" */
	unsigned int ndigits = 0, nprefix = 0, zeros = 0, pad = 0, total;
	bool is_zero = !num;

	/* C prints no digits at all for a zero with a precision of zero. */
	if (!is_zero || spec->precision)
		do {
			digits[ndigits++] = xdigits[num % spec->base];
			num /= spec->base;
		} while (num);
	if (spec->precision > (int)ndigits)
		zeros = spec->precision - ndigits;
	/* "%#o" guarantees a leading 0, adding one if the digits lack it. */
	if (spec->base == 8 && (spec->flags & SPECIAL) && !zeros &&
	    !(is_zero && ndigits))
		zeros = 1;

	if (negative)
		prefix[nprefix++] = '-';
	else if ((spec->flags & SIGNED) && (spec->flags & PLUS))
		prefix[nprefix++] = '+';
	else if ((spec->flags & SIGNED) && (spec->flags & SPACE))
		prefix[nprefix++] = ' ';
	if (spec->base == 16 && (((spec->flags & SPECIAL) && !is_zero) ||
				 (spec->flags & POINTER))) {
		prefix[nprefix++] = '0';
		prefix[nprefix++] = spec->flags & UPPER ? 'X' : 'x';
	}

	total = nprefix + zeros + ndigits;
	if (spec->width > total)
		pad = spec->width - total;
	/* A precision or '-' overrides '0', as in C. */
	if ((spec->flags & ZEROPAD) && !(spec->flags & LEFT) &&
	    spec->precision < 0) {
		zeros += pad;
		pad = 0;
	}

	if (!(spec->flags & LEFT))
		put_repeat(o, ' ', pad);
	put_bytes(o, prefix, nprefix);
	put_repeat(o, '0', zeros);
	while (ndigits)
		put_char(o, digits[--ndigits]);
	if (spec->flags & LEFT)
		put_repeat(o, ' ', pad);
}

/* Reads a field width or precision, saturating rather than overflowing. */
static int read_decimal(const char **fmt)
{
	int n = 0;

	while (isdigit(**fmt)) {
		int digit = *(*fmt)++ - '0';

		if (n <= (__INT_MAX__ - digit) / 10)
			n = n * 10 + digit;
		else
			n = __INT_MAX__;
	}
	return n;
}

static const char *parse_flags(const char *fmt, unsigned int *flags)
{
	for (;; fmt++) {
		switch (*fmt) {
		case '-':
			*flags |= LEFT;
			break;
		case '+':
			*flags |= PLUS;
			break;
		case ' ':
			*flags |= SPACE;
			break;
		case '#':
			*flags |= SPECIAL;
			break;
		case '0':
			*flags |= ZEROPAD;
			break;
		default:
			return fmt;
		}
	}
}

static const char *parse_width(const char *fmt, struct spec *spec,
			       va_list *ap)
{
	int width;

	if (*fmt != '*') {
		spec->width = read_decimal(&fmt);
		return fmt;
	}
	/* A negative width from '*' means '-' and its absolute value. */
	width = va_arg(*ap, int);
	if (width < 0) {
		spec->flags |= LEFT;
		spec->width = 0u - (unsigned int)width;
	} else {
		spec->width = width;
	}
	return fmt + 1;
}

static const char *parse_precision(const char *fmt, struct spec *spec,
				   va_list *ap)
{
	if (*fmt != '.')
		return fmt;
	fmt++;
	if (*fmt != '*') {
		spec->precision = read_decimal(&fmt);
		return fmt;
	}
	/* A negative precision from '*' counts as none. */
	spec->precision = va_arg(*ap, int);
	if (spec->precision < 0)
		spec->precision = -1;
	return fmt + 1;
}

static const char *parse_length(const char *fmt, enum length *length)
{
	switch (*fmt) {
	case 'h':
		if (fmt[1] == 'h') {
			*length = LEN_CHAR;
			return fmt + 2;
		}
		*length = LEN_SHORT;
		break;
	case 'l':
		if (fmt[1] == 'l') {
			*length = LEN_LLONG;
			return fmt + 2;
		}
		*length = LEN_LONG;
		break;
	case 'z':
		*length = LEN_SIZE;
		break;
	case 't':
		*length = LEN_PTRDIFF;
		break;
	case 'j':
		*length = LEN_INTMAX;
		break;
	default:
		*length = LEN_INT;
		return fmt;
	}
	return fmt + 1;
}

static long long fetch_signed(enum length length, va_list *ap)
{
	switch (length) {
	case LEN_CHAR:
		return (signed char)va_arg(*ap, int);
	case LEN_SHORT:
		return (short)va_arg(*ap, int);
	case LEN_LONG:
		return va_arg(*ap, long);
	case LEN_LLONG:
		return va_arg(*ap, long long);
	case LEN_SIZE:
		return va_arg(*ap, ssize_t);
	case LEN_PTRDIFF:
		return va_arg(*ap, ptrdiff_t);
	case LEN_INTMAX:
		return va_arg(*ap, intmax_t);
	default:
		return va_arg(*ap, int);
	}
}

static unsigned long long fetch_unsigned(enum length length, va_list *ap)
{
	switch (length) {
	case LEN_CHAR:
		return (unsigned char)va_arg(*ap, int);
	case LEN_SHORT:
		return (unsigned short)va_arg(*ap, int);
	case LEN_LONG:
		return va_arg(*ap, unsigned long);
	case LEN_LLONG:
		return va_arg(*ap, unsigned long long);
	case LEN_SIZE:
	case LEN_PTRDIFF:	/* %tu: size_t is ptrdiff_t's unsigned twin */
		return va_arg(*ap, size_t);
	case LEN_INTMAX:
		return va_arg(*ap, uintmax_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static void put_integer(struct out *o, struct spec *spec, va_list *ap)
{
	long long value;

	if (!(spec->flags & SIGNED)) {
		put_number(o, fetch_unsigned(spec->length, ap), false, spec);
		return;
	}
	value = fetch_signed(spec->length, ap);
	/* Negate in unsigned arithmetic so LLONG_MIN does not overflow. */
	if (value < 0)
		put_number(o, 0ull - (unsigned long long)value, true, spec);
	else
		put_number(o, value, false, spec);
}

static void put_string(struct out *o, const char *s, const struct spec *spec)
{
	size_t max = spec->precision < 0 ? (size_t)-1 : (size_t)spec->precision;

	if (!s)
		s = "(null)";
	/* strnlen: with a precision, @s need not be terminated. */
	put_field(o, s, strnlen(s, max), spec);
}

/*
 * Formats the conversion that starts just after a '%'.  Returns where the
 * format goes on, or NULL for a conversion it does not know.
 */
static const char *format_one(struct out *o, const char *fmt, va_list *ap)
{
	struct spec spec = { .precision = -1, .base = 10 };
	char c;

	fmt = parse_flags(fmt, &spec.flags);
	fmt = parse_width(fmt, &spec, ap);
	fmt = parse_precision(fmt, &spec, ap);
	fmt = parse_length(fmt, &spec.length);

	switch (*fmt) {
	case 'd':
	case 'i':
		spec.flags |= SIGNED;
		break;
	case 'u':
		break;
	case 'o':
		spec.base = 8;
		break;
	case 'X':
		spec.flags |= UPPER;
		/* fall through */
	case 'x':
		spec.base = 16;
		break;
	case 'p':
		spec.base = 16;
		spec.flags |= POINTER;
		put_number(o, (unsigned long)va_arg(*ap, void *), false, &spec);
		return fmt + 1;
	case 'c':
		c = (char)va_arg(*ap, int);
		put_field(o, &c, 1, &spec);
		return fmt + 1;
	case 's':
		put_string(o, va_arg(*ap, const char *), &spec);
		return fmt + 1;
	case '%':
		put_char(o, '%');
		return fmt + 1;
	default:
		return NULL;
	}
	put_integer(o, &spec, ap);
	return fmt + 1;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size };
	va_list ap;

	/* A va_list parameter cannot be passed on by address portably. */
	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			put_char(&o, *fmt++);
			continue;
		}
		fmt = format_one(&o, fmt + 1, &ap);
		if (!fmt)
			break;
	}
	va_end(ap);

	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int len = vsnprintf(buf, size, fmt, args);

	if (!size)
		return 0;
	return (size_t)len < size ? len : (int)(size - 1);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

/* Unbounded, like Linux's: only for buffers sized for the worst case. */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, (size_t)__INT_MAX__ + 1, fmt, args);
	va_end(args);
	return len;
}
