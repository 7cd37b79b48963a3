#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""checkpatch.py: check a patch, files or commits for Keel's coding style.

The rules are the ones of Linux's scripts/checkpatch.pl that Keel's tree
follows, with its messages:

  every source file opens with an SPDX-License-Identifier line in the
  comment style of its type, naming licenses that LICENSES/ holds;
  no trailing whitespace, no DOS line endings, a newline at the end;
  and in C: tabs for indentation, lines of at most 100 columns (a line
  ending in a string that starts within them may run over: grep must find
  a log message whole), no
  C99 // comments, a space between if/for/while/switch and "(", a blank
  line after the declarations at the top of a block.

  checkpatch.py [options] [PATCH...]      added lines of patches (or stdin)
  checkpatch.py -f FILE...                whole source files
  checkpatch.py -g REV...                 the commits REV names (a commit
                                          or a range such as HEAD~3..)
  checkpatch.py --tree                    every source file of the tree

Exit status 1 when it reports an error or a warning.
"""
import argparse
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

MAX_LINE_LENGTH = 100
SPDX_TAG = "SPDX-License-Identifier:"

# Where the tree keeps its license texts, as Linux's LICENSES/ does.
LICENSE_DIRS = ("preferred", "exceptions", "dual", "deprecated")

# Directories and files that are not sources (build products of an
# in-tree build, copies of the tree, license texts).
NOT_SOURCES = {".git", "bootmatrix", "check", "bench", "LICENSES",
               "include/config", "include/generated", "Documentation/output",
               "tools/testing/host/build", "tools/testing/fuzz/build"}
NOT_SOURCE_FILES = {"COPYING"}


# ------------------------------------------------------------ file kinds

def spdx_style(name):
    """The comment that carries the SPDX tag in file @name, or None if the
    file needs no tag."""
    base = os.path.basename(name)
    if name.endswith(".c"):
        return "//"
    if name.endswith((".h", ".S")):
        return "/*"
    if name.endswith(".rst"):
        return ".."
    if name.endswith((".py", ".sh")) or base in ("Makefile", "Kbuild") or \
            base.startswith(("Kconfig", "Makefile.", "Kbuild.")):
        return "#"
    return None


def is_c(name):
    return name.endswith((".c", ".h"))


def is_code(name):
    return name.endswith((".c", ".h", ".S"))


# ------------------------------------------------------------ C lexing

def strip_c(lines):
    """@lines with the contents of comments and of string and character
    literals blanked (quotes kept), so that rules see only code."""
    out = []
    in_comment = False
    for text in lines:
        res = []
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if in_comment:
                if text.startswith("*/", i):
                    in_comment = False
                    res.append("  ")
                    i += 2
                else:
                    res.append(" ")
                    i += 1
            elif text.startswith("/*", i):
                in_comment = True
                res.append("  ")
                i += 2
            elif text.startswith("//", i):
                res.append("//" + " " * (n - i - 2))
                break
            elif c in "\"'":
                j = i + 1
                while j < n and text[j] != c:
                    j += 2 if text[j] == "\\" else 1
                end = min(j, n)
                res.append(c + "X" * (end - i - 1) + (c if j < n else ""))
                i = j + 1
            else:
                res.append(c)
                i += 1
        out.append("".join(res))
    return out


def columns(text):
    return len(text.expandtabs(8))


# A line ending in a string (a log message, say) may run over if the string
# starts within the limit: grep must find it whole.
STRING_END = re.compile(r'"(?:[^"\\]|\\.)*"\s*(?:,|\)\s*;|;)?\s*$')


def long_string_line(text):
    m = STRING_END.search(text)
    return m is not None and columns(text[:m.start()]) < MAX_LINE_LENGTH

KEYWORD_PAREN = re.compile(r"\b(if|for|while|switch)\(")

# The start of a declaration inside a block: "unsigned long flags;",
# "struct page *p = x, *q;", "char __user *u;", "void (*fn)(void);", "struct {",
# "DEFINE_SPINLOCK(lock);".
DECL_KEYWORDS = {"return", "goto", "case", "else", "do", "sizeof", "break",
                 "continue", "default", "typedef"}
DECLARATION = re.compile(
    r"^\t+(?:(?:static|const|volatile|unsigned|signed|long|short|struct|"
    r"union|enum|register|extern)\s+)*([A-Za-z_]\w*)(?:\s+|\s*\*+\s*)"
    r"(?:(?:__user|__iomem|__percpu|__rcu|__force)\s*\**\s*)?"
    r"(?:const\s+)?(?:\**[A-Za-z_]\w*\s*(?:\[[^\]]*\]\s*)*(?:[=,;]|$)|"
    r"\(\s*\*\s*\w+\s*\)\s*\()")
DECLARATION_OTHER = re.compile(
    r"^\t+(?:(?:struct|union|enum)\s*(?:\w+\s*)?\{|"
    r"(?:DEFINE_\w+|DECLARE_\w+|LIST_HEAD)\(\w+\);)")


def is_declaration(code):
    m = DECLARATION.match(code)
    if m:
        return m.group(1) not in DECL_KEYWORDS
    return DECLARATION_OTHER.match(code) is not None


class Report:
    def __init__(self, args):
        self.args = args
        self.errors = 0
        self.warnings = 0
        self.lines = 0

    def __call__(self, level, kind, msg, name, lineno, text):
        if level == "ERROR":
            self.errors += 1
        else:
            self.warnings += 1
        label = "%s:%s" % (level, kind) if self.args.show_types else level
        if self.args.terse:
            print("%s:%d: %s: %s" % (name, lineno, label, msg))
        else:
            print("%s: %s" % (label, msg))
            print("#%d: FILE: %s:%d:" % (lineno, name, lineno))
            print("+" + text)
            print()


class Checker:
    def __init__(self, srctree, report):
        self.srctree = srctree
        self.report = report
        self.licenses = None

    def known_license(self, ident):
        """Whether a file under LICENSES/ declares @ident, in the metadata
        lines that open it (as Linux's scripts/spdxcheck.py reads them)."""
        if self.licenses is None:
            self.licenses = set()
            for sub in LICENSE_DIRS:
                d = self.srctree / "LICENSES" / sub
                for path in sorted(d.iterdir()) if d.is_dir() else ():
                    head = path.read_text(errors="replace").split(
                        "\nLicense-Text:", 1)[0]
                    self.licenses |= set(re.findall(
                        r"^(?:Valid-License|SPDX-Exception)-Identifier:"
                        r"\s*(\S+)", head, re.M))
        return ident in self.licenses

    def check_spdx(self, name, line, lineno, new):
        style = spdx_style(name)
        if style is None or lineno not in new:
            return
        emit = self.report
        m = re.match(r"^(//|/\*|#|\.\.) SPDX-License-Identifier: (.+?)"
                     r"(?: \*/)?\s*$", line)
        if not m:
            emit("WARNING", "SPDX_LICENSE_TAG",
                 "Missing or malformed SPDX-License-Identifier tag in line %d"
                 % lineno, name, lineno, line)
            return
        closed = line.rstrip().endswith("*/")
        if m.group(1) != style or (style == "/*") != closed:
            emit("WARNING", "SPDX_LICENSE_TAG",
                 "Improper SPDX comment style for '%s', please use '%s' "
                 "instead" % (name, style), name, lineno, line)
        expr = m.group(2)
        for ident in re.split(r"\s+(?:OR|AND|WITH)\s+|[()]", expr):
            ident = ident.strip()
            if ident and not self.known_license(ident):
                emit("WARNING", "SPDX_LICENSE_TAG",
                     "'%s' is not supported in LICENSES/..." % ident,
                     name, lineno, line)

    def check(self, name, lines, new):
        """Check @lines of file @name (1-based numbering); report only the
        line numbers in @new."""
        emit = self.report
        self.report.lines += len(new)
        first = 2 if lines and lines[0].startswith("#!") else 1
        if first <= len(lines):
            self.check_spdx(name, lines[first - 1], first, new)
        elif spdx_style(name) and 1 in new:
            emit("WARNING", "SPDX_LICENSE_TAG",
                 "Missing or malformed SPDX-License-Identifier tag in line 1",
                 name, 1, "")
        code = strip_c(lines) if is_c(name) else lines
        for i, text in enumerate(lines):
            lineno = i + 1
            if lineno not in new:
                continue
            if text.endswith("\r"):
                emit("ERROR", "DOS_LINE_ENDINGS", "DOS line endings",
                     name, lineno, text)
                text = text[:-1]
            elif text != text.rstrip():
                emit("ERROR", "TRAILING_WHITESPACE", "trailing whitespace",
                     name, lineno, text)
            if not is_code(name):
                continue
            if columns(text) > MAX_LINE_LENGTH and \
                    not long_string_line(text):
                emit("WARNING", "LONG_LINE",
                     "line length of %d exceeds %d columns"
                     % (columns(text), MAX_LINE_LENGTH), name, lineno, text)
            indent = re.match(r"^[ \t]*", text).group(0)
            if " " * 8 in indent:
                emit("ERROR", "CODE_INDENT",
                     "code indent should use tabs where possible",
                     name, lineno, text)
            elif text.startswith(" ") and not code[i].strip().startswith("*") \
                    and code[i].strip():
                emit("WARNING", "LEADING_SPACE",
                     "please, no spaces at the start of a line",
                     name, lineno, text)
            if " \t" in indent:
                emit("WARNING", "SPACE_BEFORE_TAB",
                     "please, no space before tabs", name, lineno, text)
            if not is_c(name):
                continue
            if "//" in code[i] and not (lineno == 1 and SPDX_TAG in text):
                emit("ERROR", "C99_COMMENTS", "do not use C99 // comments",
                     name, lineno, text)
            if KEYWORD_PAREN.search(code[i]):
                emit("ERROR", "SPACING",
                     "space required before the open parenthesis '('",
                     name, lineno, text)
            if i > 0:
                self.check_decl_spacing(name, code, i, lineno, text)
        if lines and len(lines) in new and self.missing_newline:
            emit("WARNING", "MISSING_EOF_NEWLINE",
                 "adding a line without newline at end of file",
                 name, len(lines), lines[-1])

    def check_decl_spacing(self, name, code, i, lineno, text):
        """Linux's "Missing a blank line after declarations": a statement
        right after a declaration at the same indentation."""
        prev, cur = code[i - 1], code[i]
        if not is_declaration(prev) or not prev.rstrip().endswith(";") or \
                is_declaration(cur):
            return
        indent = re.match(r"^\t*", prev).group(0)
        if not cur.startswith(indent) or cur[len(indent):len(indent) + 1] \
                in ("\t", " ", ""):
            return
        if re.match(r"^\s*(?:[}#]|$|[A-Za-z_]\w*:(?!:))", cur) or \
                not cur.strip():
            return
        self.report("WARNING", "LINE_SPACING",
                    "Missing a blank line after declarations",
                    name, lineno, text)

    def check_text(self, name, data, new=None):
        self.missing_newline = bool(data) and not data.endswith("\n")
        lines = data.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if new is None:
            new = set(range(1, len(lines) + 1))
        self.check(name, lines, new)


# ------------------------------------------------------------ inputs

def tree_files(srctree):
    """The tree's source files: what git tracks or would track, or without
    git everything outside NOT_SOURCES."""
    if (srctree / ".git").exists():
        out = subprocess.run(["git", "-C", str(srctree), "ls-files", "-co",
                              "--exclude-standard"], stdout=subprocess.PIPE,
                             text=True, check=True).stdout.splitlines()
    else:
        out = []
        for top, dirs, files in os.walk(srctree):
            rel = os.path.relpath(top, srctree)
            rel = "" if rel == "." else rel + "/"
            dirs[:] = sorted(d for d in dirs if rel + d not in NOT_SOURCES and
                             not d.startswith(".") and d != "__pycache__")
            out += [rel + f for f in files if not f.startswith(".") and
                    not f.endswith((".o", ".a"))]
    return sorted(f for f in out
                  if f.split("/")[0] not in NOT_SOURCES and
                  f not in NOT_SOURCE_FILES and (srctree / f).is_file())


NO_EOL = None    # parse_patch()'s key for the files missing a last newline
HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")


def parse_patch(text):
    """{file: {lineno: text}} of the added lines of a unified diff, with the
    context lines around them (as lines that are not new)."""
    files = {}
    name, lineno, lines = None, 0, None
    last_added = None
    for raw in text.split("\n"):
        if raw.startswith("\\ No newline") and \
                last_added == (name, lineno - 1):
            files.setdefault(NO_EOL, set()).add(name)
            continue
        if raw.startswith("+++ "):
            path = raw[4:].split("\t")[0]
            name = None if path == "/dev/null" else \
                re.sub(r"^[ab]/", "", path)
            lines = files.setdefault(name, {}) if name else None
            continue
        m = HUNK.match(raw)
        if m:
            lineno = int(m.group(1))
            continue
        if lines is None or raw.startswith(("---", "diff ", "index ")):
            continue
        if raw.startswith("+"):
            lines[lineno] = (raw[1:], True)
            last_added = (name, lineno)
            lineno += 1
        elif raw.startswith(" "):
            lines[lineno] = (raw[1:], False)
            lineno += 1
    return files


def check_patch(checker, text):
    files = parse_patch(text)
    no_eol = files.pop(NO_EOL, set())
    for name, lines in files.items():
        new = {n for n, (_, added) in lines.items() if added}
        if not new:
            continue
        top = max(lines)
        # Lines the patch does not show are blank to the rules.
        body = [lines.get(n, ("", False))[0] for n in range(1, top + 1)]
        checker.missing_newline = name in no_eol
        checker.check(name, body, new)


def git(srctree, *args):
    return subprocess.run(["git", "-C", str(srctree)] + list(args),
                          stdout=subprocess.PIPE, text=True,
                          check=True).stdout


def check_commits(checker, srctree, revs):
    for rev in revs:
        if ".." in rev:
            commits = git(srctree, "rev-list", "--reverse", rev).split()
        else:
            commits = [git(srctree, "rev-parse", rev).strip()]
        for commit in commits:
            print("Commit %s" % git(srctree, "log", "-1",
                                    "--format=%h (\"%s\")", commit).strip())
            diff = git(srctree, "show", "--format=", "-U0", "--no-renames",
                       commit)
            files = parse_patch(diff)
            files.pop(NO_EOL, None)
            for name, lines in files.items():
                data = git(srctree, "show", "%s:%s" % (commit, name))
                new = {n for n, (_, added) in lines.items() if added}
                checker.check_text(name, data, new)


def main(argv=None):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    p = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.splitlines()[2:]))
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("-f", "--file", action="store_true",
                      help="the arguments are source files, not patches")
    mode.add_argument("-g", "--git", action="store_true",
                      help="the arguments are git commits or ranges")
    mode.add_argument("--tree", action="store_true",
                      help="check every source file of the tree")
    p.add_argument("--terse", action="store_true",
                   help="one line per problem: FILE:LINE: LEVEL: message")
    p.add_argument("--show-types", action="store_true",
                   help="name each problem's type, as in WARNING:LONG_LINE")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="print only the problems")
    p.add_argument("--root", default=str(Path(__file__).resolve().parents[1]),
                   help="the source tree: its LICENSES/, and its files "
                   "for --tree")
    p.add_argument("args", nargs="*", metavar="PATCH|FILE|REV")
    args = p.parse_args(argv)
    srctree = Path(args.root)
    report = Report(args)
    checker = Checker(srctree, report)

    if args.tree:
        for name in tree_files(srctree):
            data = (srctree / name).read_text(errors="replace")
            checker.check_text(name, data)
    elif args.file:
        if not args.args:
            p.error("--file needs files to check")
        for name in args.args:
            try:
                data = Path(name).read_text(errors="replace")
            except OSError as e:
                sys.exit("checkpatch.py: %s: %s" % (name, e.strerror))
            checker.check_text(name, data)
    elif args.git:
        check_commits(checker, Path("."), args.args or ["HEAD"])
    else:
        for name in args.args or ["-"]:
            text = sys.stdin.read() if name == "-" else \
                Path(name).read_text(errors="replace")
            check_patch(checker, text)

    clean = not report.errors and not report.warnings
    if not args.quiet and not args.terse:
        print("total: %d errors, %d warnings, %d lines checked"
              % (report.errors, report.warnings, report.lines))
        if clean:
            print("\nThe checked lines have no obvious style problems.")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
