// SPDX-License-Identifier: GPL-2.0
/*
 * Command-line parsing helpers with Linux's semantics: splitting
 * "param=value" words (next_arg), comparing parameter names (parameq),
 * and reading integers (get_option) and sizes (memparse) from options.
 * They parse in place and allocate nothing.
 */
#include <keel/cmdline.h>
#include <keel/ctype.h>
#include <keel/kstrtox.h>
#include <keel/string.h>

/*
 * Cuts the first word off @args, in place: a word ends at white space
 * outside double quotes.  *@param gets the word and *@val what follows its
 * first '=', or NULL if it has none.  Quotes around the value, or around
 * the whole word, are removed.  Returns the rest of @args, past the white
 * space after the word.
 */
char *next_arg(char *args, char **param, char **val)
{
	char *equals = NULL;
	bool quoted = *args == '"', in_quote;
	size_t i;

	args += quoted;
	in_quote = quoted;
	for (i = 0; args[i]; i++) {
		if (isspace(args[i]) && !in_quote)
			break;
		/* As in Linux, an '=' in first place belongs to the name. */
		if (!equals && i > 0 && args[i] == '=')
			equals = args + i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}

	*param = args;
	*val = NULL;
	if (equals) {
		*equals = '\0';
		*val = equals + 1;
		if (**val == '"') {
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';

	if (args[i])
		args[i++] = '\0';
	return skip_spaces(args + i);
}

/* Parameter names treat '-' and '_' alike: "log-level" is "log_level". */
static char dash_to_underscore(char c)
{
	return c == '-' ? '_' : c;
}

/* Compares at most @n bytes of two parameter names. */
bool parameqn(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (dash_to_underscore(a[i]) != dash_to_underscore(b[i]))
			return false;
		if (!a[i])
			break;
	}
	return true;
}

bool parameq(const char *a, const char *b)
{
	return parameqn(a, b, strlen(a) + 1);
}

/*
 * Reads an integer (base 0, optionally negative) from *@str into *@pint
 * and moves *@str past it and past a following ','.  Returns 0 if there
 * was no integer, 1 if one ended the string or was followed by something
 * else, 2 if a ',' followed (more to come) and 3 if a '-' followed (the
 * start of a range).
 */
int get_option(char **str, int *pint)
{
	char *cur = *str;
	int value;

	if (!cur || !*cur)
		return 0;
	if (*cur == '-')
		value = (int)(0ull - simple_strtoull(++cur, str, 0));
	else
		value = (int)simple_strtoull(cur, str, 0);
	if (pint)
		*pint = value;
	if (cur == *str)
		return 0;
	if (**str == ',') {
		(*str)++;
		return 2;
	}
	return **str == '-' ? 3 : 1;
}

/*
 * Parses a size such as "64K", "16m" or "0x1000": a number (base 0)
 * optionally followed by one of K, M, G, T, P or E (either case), each
 * 1024 times the one before.  *@retptr, if given, is set past the suffix.
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	static const char suffixes[] = "kmgtpe";
	unsigned long long size;
	const char *suffix;
	char *end;

	size = simple_strtoull(ptr, &end, 0);
	/* strchr() would find the NUL at the end of the string too. */
	suffix = *end ? strchr(suffixes, tolower(*end)) : NULL;
	if (suffix) {
		size <<= 10 * (suffix - suffixes + 1);
		end++;
	}
	if (retptr)
		*retptr = end;
	return size;
}
