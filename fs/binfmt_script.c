// SPDX-License-Identifier: GPL-2.0
/*
 * "#!" scripts: "#!interpreter [argument]" on the first line execs the
 * interpreter with argv[0] replaced by the interpreter's path, the one
 * optional argument (everything after the path up to the end of the
 * line, blanks at both ends trimmed, as Linux passes it), and the path
 * of the script, followed by the original argv[1...].  A first line that
 * does not fit in the BINPRM_BUF_SIZE bytes the loader sees is refused
 * if the interpreter's path itself is cut, as Linux does.
 */
#include <keel/binfmts.h>
#include <keel/err.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/slab.h>
#include <keel/string.h>

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int load_script(struct linux_binprm *bprm)
{
	char *line = bprm->buf + 2, *end, *name, *arg = NULL, *p;
	const char *args[3];
	struct file *file;
	int nr = 0, err;

	if (bprm->buf[0] != '#' || bprm->buf[1] != '!')
		return -ENOEXEC;
	end = memchr(line, '\n', BINPRM_BUF_SIZE - 2);
	if (!end)
		end = bprm->buf + BINPRM_BUF_SIZE - 1;
	*end = '\0';
	for (name = line; is_blank(*name); name++)
		;
	for (p = name; *p && !is_blank(*p); p++)
		;
	if (p == name)
		return -ENOEXEC;		/* "#!" and nothing */
	if (p == bprm->buf + BINPRM_BUF_SIZE - 1)
		return -ENOEXEC;		/* the path is cut */
	if (*p) {
		*p++ = '\0';
		while (is_blank(*p))
			p++;
		if (*p) {
			arg = p;
			p += strlen(p);
			while (is_blank(p[-1]))
				*--p = '\0';
		}
	}
	bprm->interp_name = kstrdup(name, GFP_KERNEL);
	if (!bprm->interp_name)
		return -ENOMEM;
	args[nr++] = bprm->interp_name;
	if (arg)
		args[nr++] = arg;
	args[nr++] = bprm->filename;
	err = bprm_change_argv0(bprm, args, nr);
	if (err)
		return err;
	file = open_exec(bprm->interp_name);
	if (IS_ERR(file))
		return PTR_ERR(file);
	fput(bprm->file);
	bprm->file = file;
	bprm->recursion++;
	return search_binary_handler(bprm);
}

const struct linux_binfmt script_format = {
	.name		= "script",
	.load_binary	= load_script,
};
