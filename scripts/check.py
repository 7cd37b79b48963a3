#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make check: every test Keel has, ending with one line "N passed, N failed".

Stages, in order (--stages picks some):
  lint        every Kconfig option with a prompt has help text
  style       scripts/checkpatch.py finds no problem in the tree (SPDX tags
              with their LICENSES/ files included) and reports a bad file,
              a commit and a patch in Linux's words
  docs        make htmldocs builds with no Sphinx warning; make help names
              every target; make tags/TAGS/cscope/gtags index the sources;
              kernelversion and kernelrelease need no .config
  defconfigs  each configs/*_defconfig applies cleanly and equals its own
              savedefconfig output; tinyconfig and fragments work; a bad
              defconfig line is refused
  build       the build system on a scratch copy of the tree: an unknown
              goal stops before configuring; an in-tree build, its single
              targets, and mrproper/distclean leaving nothing behind; O=
              leaves the source untouched and writes dir/Makefile, a no-op
              make does nothing, touching one file or changing one option
              rebuilds only what depends on it, a changed command line
              rebuilds, V=1 shows commands, single targets with O=, W=1 and
              sparse (C=2) find nothing in full_defconfig
  host        the host unit tests under ASan/UBSan
  bootmatrix  every configuration built with W=1 warnings as errors and
              booted in QEMU (scripts/bootmatrix.py), one of them with LLVM=1
  boots       full_defconfig booted with special command lines: lkdtm
              crashes (each fault reported as Linux reports it), heap
              misuse the allocators must report and survive,
              initcall_debug, unknown and invalid parameters, crafted
              initramfs archives; and booted directly (-kernel -initrd
              -append, the PVH entry); faddr2line and decode_stacktrace.sh
              on the BUG oops, extract-ikconfig on the image
  selftests   the user-space selftests (make selftests) booted on Keel's
              default image (x86_64_defconfig) and on the boot matrix's
              full_defconfig: every case must pass, the output must be
              tools/testing/selftests/expected.ktap, and the debug
              kernel must report no BUG, WARNING or oops
  linux-ref   the user-space selftests (make selftests) booted on Debian's
              Linux kernel in QEMU (scripts/linux_ref.py): every case must
              pass there, for they state Linux's behaviour

Each check counts once; the host and in-kernel unit tests and the
selftests on Linux count per case.
Output of the stages goes under <objtree>/check/.
"""
import argparse
import gzip
import json
import lzma
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bootmatrix  # noqa: E402
import linux_ref  # noqa: E402

STAGES = ["lint", "style", "docs", "defconfigs", "build", "host", "bootmatrix",
          "boots", "selftests", "linux-ref"]
BUILD_STEP = re.compile(r"^  (CC|AS|AR|LD|LDS|KSYMS|HOSTCC|GENISO|CPP|MKLST|"
                        r"CHECK)\s+(\S+)", re.M)
SUMMARY = re.compile(r"(\d+) passed, (\d+) failed")


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.failures = []

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            self.failures.append(name)
        print("  %-4s %s%s" % ("ok" if ok else "FAIL", name,
                               "" if ok or not detail else "\n" + detail))
        sys.stdout.flush()
        return ok

    def add(self, passed, failed, names=()):
        self.passed += passed
        self.failed += failed
        self.failures.extend(names)


def clean_env():
    """The environment of a fresh top-level make (not a sub-make of ours)."""
    env = dict(os.environ)
    for var in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "sub_make_done",
                "srctree", "objtree", "VPATH", "KCONFIG_CONFIG", "O", "V"):
        env.pop(var, None)
    return env


def make(srctree, *args, env=None, check=True):
    """Run make in @srctree; returns (ok, combined output)."""
    cmd = ["make", "-C", str(srctree), "--no-print-directory"] + list(args)
    proc = subprocess.run(cmd, env=env or clean_env(), stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)
    return proc.returncode == 0, proc.stdout


def built(output):
    """The set of (step, target) pairs a make run printed."""
    return {(m.group(1), m.group(2)) for m in BUILD_STEP.finditer(output)}


def compiled(output):
    """Objects compiled from the tree (not the link's kallsyms tables)."""
    return {t for step, t in built(output)
            if step in ("CC", "AS") and not t.startswith(".tmp_")}


def tail(text, n=25):
    return "\n".join("      " + line for line in text.splitlines()[-n:])


# ------------------------------------------------------------------ stages

def stage_lint(ctx, tally):
    proc = subprocess.run([sys.executable,
                           str(ctx.srctree / "scripts/kconfig/checkconfig.py"),
                           "--srctree", str(ctx.srctree), "--lint"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)
    tally.check("kconfig: every option has help text", proc.returncode == 0,
                tail(proc.stdout))


# A C file breaking each of checkpatch's rules, and what it must say.
BAD_C = (
    "/* SPDX-License-Identifier: GPL-2.0 */\n"
    "int f(int x)\n"
    "{\n"
    "\tint y = x; \n"
    "\tif(y)\n"
    "\t\treturn 1;\n"
    "        return 0; // done\n"
    "}\n"
    "\n"
    "void g(void)\n"
    "{\n"
    "\tunsigned long n;\n"
    "\tn = 0;\n"
    "  \tn++;\n"
    "\tpr_info(\"a message that may run over a hundred columns, for grep "
    "must find it whole, says %s\\n\",\n"
    "\tn = g_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaa + 1;\n"
    "\tputs(\"a//b\"); /* not // a comment */\n"
    "}")
BAD_C_REPORT = """\
bad.c:1: WARNING: Improper SPDX comment style for 'bad.c', please use '//' instead
bad.c:4: ERROR: trailing whitespace
bad.c:5: ERROR: space required before the open parenthesis '('
bad.c:5: WARNING: Missing a blank line after declarations
bad.c:7: ERROR: code indent should use tabs where possible
bad.c:7: ERROR: do not use C99 // comments
bad.c:13: WARNING: Missing a blank line after declarations
bad.c:14: WARNING: please, no spaces at the start of a line
bad.c:14: WARNING: please, no space before tabs
bad.c:16: WARNING: line length of 108 exceeds 100 columns
bad.c:18: WARNING: adding a line without newline at end of file
bad.h:1: WARNING: Improper SPDX comment style for 'bad.h', please use '/*' instead
bad.h:1: WARNING: 'MIT' is not supported in LICENSES/...
bad.py:2: WARNING: Missing or malformed SPDX-License-Identifier tag in line 2
"""


def checkpatch(ctx, *args, cwd=None, stdin=None):
    proc = subprocess.run([sys.executable,
                           str(ctx.srctree / "scripts/checkpatch.py"),
                           "--root", str(ctx.srctree)] + list(args),
                          cwd=cwd, input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    return proc.returncode, proc.stdout


def stage_style(ctx, tally):
    rc, out = checkpatch(ctx, "--tree", "--terse")
    tally.check("checkpatch: the tree has no style problems and a LICENSES/ "
                "file for each SPDX identifier", rc == 0 and not out,
                tail(out) + "\n      (scripts/checkpatch.py --tree)")

    work = ctx.work / "style"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "bad.c").write_text(BAD_C)
    (work / "bad.h").write_text("// SPDX-License-Identifier: MIT\n")
    (work / "bad.py").write_text("#!/usr/bin/env python3\nprint(1)\n")
    rc, out = checkpatch(ctx, "--terse", "-f", "bad.c", "bad.h", "bad.py",
                         cwd=work)
    tally.check("checkpatch -f reports each rule in Linux's words",
                rc == 1 and out == BAD_C_REPORT,
                "      got:\n" + tail(out, 40))

    # A commit adding one bad line to a file that has another already.
    git = ["git", "-c", "user.name=check", "-c", "user.email=check@keel",
           "-c", "init.defaultBranch=main"]
    old = "// SPDX-License-Identifier: GPL-2.0\nint a; \n"
    (work / "bad.c").write_text(old)
    ok = all(subprocess.run(git + cmd, cwd=work, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode == 0
             for cmd in (["init", "-q"], ["add", "bad.c"],
                         ["commit", "-qm", "one"]))
    (work / "bad.c").write_text(old + "int b;\nint c = (d)? 1 : 2; \n")
    ok = ok and subprocess.run(git + ["commit", "-qam", "two"],
                               cwd=work).returncode == 0
    want = "bad.c:4: ERROR: trailing whitespace\n"
    rc, out = checkpatch(ctx, "--terse", "-g", "HEAD", cwd=work)
    tally.check("checkpatch -g reports only the lines a commit adds",
                ok and rc == 1 and out == 'Commit %s ("two")\n%s' % (
                    subprocess.run(git + ["rev-parse", "--short", "HEAD"],
                                   cwd=work, stdout=subprocess.PIPE,
                                   text=True).stdout.strip(), want),
                "      got:\n" + tail(out))
    diff = subprocess.run(git + ["show", "HEAD"], cwd=work,
                          stdout=subprocess.PIPE, text=True).stdout
    rc, out = checkpatch(ctx, "--terse", cwd=work, stdin=diff)
    tally.check("checkpatch reads a patch on stdin", rc == 1 and out == want,
                "      got:\n" + tail(out))


# Targets of the Makefile that "make help" need not name (Linux's does
# not name them either).
UNLISTED_TARGETS = {"FORCE", "prepare", "build-tree", "syncconfig",
                    "outputmakefile"}


def stage_docs(ctx, tally):
    work = ctx.work / "docs"
    shutil.rmtree(work, ignore_errors=True)
    O = "O=%s" % work

    start = time.monotonic()
    ok, log = make(ctx.srctree, O, "htmldocs", "KEEL_WERROR=1")
    secs = time.monotonic() - start
    tally.check("make htmldocs builds Documentation/ with no Sphinx warning "
                "(%.0f s)" % secs,
                ok and "WARNING" not in log and
                (work / "Documentation/output/index.html").exists(),
                tail(log))

    ok, db = make(ctx.srctree, "-pn", "help")
    phony = set()
    for line in db.splitlines():
        if line.startswith(".PHONY:"):
            phony |= set(line.split()[1:])
    ok2, helptext = make(ctx.srctree, "help")
    listed = set(re.findall(r"[\w.-]+", helptext))
    missing = sorted(t for t in phony - UNLISTED_TARGETS - listed
                     if not t.startswith("_"))
    tally.check("make help names every target", ok and ok2 and phony and
                not missing, "      missing: %s" % " ".join(missing))

    ok, log = make(ctx.srctree, O, "tags", "TAGS", "cscope", "gtags")
    srcs = set()
    if (work / "cscope.files").exists():
        srcs = {Path(line) for line in
                (work / "cscope.files").read_text().splitlines()[2:]}
    tags = (work / "tags").read_text() if (work / "tags").exists() else ""
    etags = (work / "TAGS").read_text() if (work / "TAGS").exists() else ""
    kernel = str(ctx.srctree / "init/main.c")
    tally.check("make tags TAGS cscope gtags index the tree's sources",
                ok and ("\nstart_kernel\t%s\t" % kernel) in tags and
                re.search(r"^CONFIG_KTEST\t\S+/lib/Kconfig", tags, re.M) and
                "start_kernel" in etags and len(srcs) > 100 and
                all(p.is_file() and p.is_relative_to(ctx.srctree) and
                    p.relative_to(ctx.srctree).parts[:2] not in
                    (("include", "generated"), ("include", "config"))
                    for p in srcs) and
                (work / "GTAGS").exists() and (work / "cscope.out").exists(),
                tail(log))

    bindir = work / "bin"
    bindir.mkdir()
    for tool in ("sh", "git", "sort", "sed", "find", "head", "rm", "cat"):
        (bindir / tool).symlink_to(shutil.which(tool))
    proc = subprocess.run(["sh", str(ctx.srctree / "scripts/tags.sh"), "tags"],
                          cwd=work, env=dict(clean_env(), PATH=str(bindir),
                                             srctree=str(ctx.srctree)),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)
    tally.check("make tags without ctags says what to install",
                proc.returncode == 1 and proc.stdout ==
                "tags.sh: ctags not found: install universal-ctags "
                "(apt-get install universal-ctags)\n", tail(proc.stdout))

    version = dict(re.findall(r"^(VERSION|PATCHLEVEL|SUBLEVEL) = (\d+)$",
                              (ctx.srctree / "Makefile").read_text(), re.M))
    want = "%(VERSION)s.%(PATCHLEVEL)s.%(SUBLEVEL)s\n" % version
    out = work / "version"
    ok, log = make(ctx.srctree, "O=%s" % out, "-s", "kernelversion")
    ok2, log2 = make(ctx.srctree, "O=%s" % out, "-s", "kernelrelease")
    tally.check("make kernelversion and kernelrelease print %s without a "
                ".config" % want.strip(),
                ok and ok2 and log == want and log2 == want and
                not (out / ".config").exists(), tail(log + log2))


def stage_defconfigs(ctx, tally):
    work = ctx.work / "defconfigs"
    fragment_checks(ctx, tally, work)
    for path in sorted((ctx.srctree / "configs").glob("*_defconfig")):
        out = work / path.name
        shutil.rmtree(out, ignore_errors=True)
        ok, log = make(ctx.srctree, "O=%s" % out, path.name)
        if not tally.check("%s applies without a dropped line" % path.name,
                           ok, tail(log)):
            continue
        ok, log = make(ctx.srctree, "O=%s" % out, "savedefconfig")
        saved = (out / "defconfig").read_text() if ok else ""
        tally.check("%s equals its savedefconfig" % path.name,
                    ok and saved == path.read_text(),
                    tail(log) if not ok else
                    "      run: make %s && make savedefconfig && "
                    "cp defconfig configs/%s" % (path.name, path.name))

    # kconfiglib (checkconfig.py) and kconfig-conf read the tree alike: a
    # .config that differs from what the defconfig gives is caught.
    tampered = work / "tampered.config"
    config = work / "x86_64_defconfig" / ".config"
    if config.exists():
        tampered.write_text(config.read_text().replace(
            "CONFIG_PRINTK_TIME=y", "# CONFIG_PRINTK_TIME is not set"))
    proc = subprocess.run(
        [sys.executable, str(ctx.srctree / "scripts/kconfig/checkconfig.py"),
         "--srctree", str(ctx.srctree), "--config", str(tampered),
         "--check-eval", str(ctx.srctree / "configs/x86_64_defconfig")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    tally.check("checkconfig --check-eval: kconfiglib's evaluation of a "
                "defconfig must equal kconfig-conf's",
                proc.returncode == 1 and "CONFIG_PRINTK_TIME: kconfiglib "
                "gives y, kconfig-conf wrote is not set" in proc.stdout,
                tail(proc.stdout))

    out = work / "tinyconfig"
    shutil.rmtree(out, ignore_errors=True)
    ok, log = make(ctx.srctree, "O=%s" % out, "tinyconfig")
    config = (out / ".config").read_text() if ok else ""
    tally.check("tinyconfig applies kernel/configs/tiny.config",
                'CONFIG_BUILD_NAME="tiny"' in config and
                "# CONFIG_KALLSYMS is not set" in config, tail(log))

    out = work / "fragment"
    shutil.rmtree(out, ignore_errors=True)
    ok, log = make(ctx.srctree, "O=%s" % out, "x86_64_defconfig")
    ok2, log2 = make(ctx.srctree, "O=%s" % out, "ktest.config")
    config = (out / ".config").read_text() if ok and ok2 else ""
    tally.check("make ktest.config merges a fragment",
                "CONFIG_KTEST=y" in config and
                'CONFIG_BUILD_NAME="x86_64"' in config, tail(log + log2))


def fragment_checks(ctx, tally, work):
    """Fragments merge quietly; only a real conflict is reported."""
    out = work / "fragment-quiet"
    shutil.rmtree(out, ignore_errors=True)
    ok, log = make(ctx.srctree, "-s", "O=%s" % out, "x86_64_defconfig",
                   "debug.config", "tiny.config")
    config = (out / ".config").read_text() if ok else ""
    tally.check("make -s x86_64_defconfig debug.config tiny.config "
                "prints nothing", ok and not log.strip() and
                "CONFIG_DEBUG_KERNEL=y" in config and
                "CONFIG_CC_OPTIMIZE_FOR_SIZE=y" in config, tail(log))
    first, second = work / "first.config", work / "second.config"
    first.write_text("CONFIG_KTEST=y\nCONFIG_PRINTK_TIME=y\n")
    second.write_text("# CONFIG_KTEST is not set\nCONFIG_PRINTK_TIME=y\n")
    proc = subprocess.run(
        [sys.executable, str(ctx.srctree / "scripts/kconfig/merge_config.py"),
         "--srctree", str(ctx.srctree), str(work / "merged"),
         str(out / ".config"), str(first), str(second)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    tally.check("merge_config.py reports a value redefined by a later "
                "fragment, and only that",
                proc.returncode == 0 and proc.stdout.splitlines()[:3] == [
                    "Value of CONFIG_KTEST is redefined by fragment %s:"
                    % second, "Previous value: CONFIG_KTEST=y",
                    "New value:      # CONFIG_KTEST is not set"] and
                proc.stdout.count("Value of") == 1, tail(proc.stdout))


def git_status(tree, ignored=False):
    proc = subprocess.run(["git", "-C", str(tree), "status", "--porcelain",
                           "--untracked-files=all"] +
                          (["--ignored"] if ignored else []),
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True)
    return proc.stdout if proc.returncode == 0 else None


def git_snapshot(tree):
    """Make @tree (a snapshot copy) a git repository with one commit."""
    env = dict(clean_env(), GIT_AUTHOR_NAME="check", GIT_COMMITTER_NAME="check",
               GIT_AUTHOR_EMAIL="check@keel", GIT_COMMITTER_EMAIL="check@keel")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "s"]):
        subprocess.run(["git", "-C", str(tree)] + args, env=env, check=True,
                       stdout=subprocess.DEVNULL)


def unknown_goal_checks(src, tally):
    """A typo must not configure the tree (before anything is built)."""
    for goal in ("foo", "tags-typo", "kernel/no_such_file.o", "nodir/",
                 "foo_defconfig", "foo.config"):
        ok, log = make(src, goal)
        tally.check("make %s stops before configuring" % goal,
                    not ok and "No rule to make target '%s'.  Stop." % goal
                    in log and git_status(src, ignored=True) == "",
                    tail(log) + "\n" + (git_status(src, ignored=True) or ""))


def single_target_checks(src, obj, tally):
    """make dir/file.o, dir/, .i, .s and .lst, in @src building into @obj
    (the same directory, or with O=)."""
    O = () if obj == src else ("O=%s" % obj,)
    where = " with O=" if O else " in tree"
    os.utime(src / "kernel/panic.c")
    ok, log = make(src, *O, "kernel/panic.o")
    ok2, log2 = make(src, *O, "kernel/panic.o")
    tally.check("make kernel/panic.o rebuilds a stale object, once" + where,
                ok and ok2 and compiled(log) == {"kernel/panic.o"} and
                not built(log2), tail(log + log2))
    os.utime(src / "lib/glob.c")
    ok, log = make(src, *O, "lib/")
    tally.check("make lib/ builds that directory only" + where,
                ok and compiled(log) == {"lib/glob.o"} and
                ("AR", "lib/built-in.a") in built(log) and
                ("LD", "keel") not in built(log), tail(log))
    ok, log = make(src, *O, "kernel/panic.i", "kernel/panic.s",
                   "kernel/panic.lst")
    text = {ext: (obj / ("kernel/panic." + ext)).read_text()
            if (obj / ("kernel/panic." + ext)).exists() else ""
            for ext in ("i", "s", "lst")}
    panic = [line.split()[0] for line in
             (obj / "System.map").read_text().splitlines()
             if line.endswith(" T panic")]
    tally.check("make kernel/panic.i, .s, .lst" + where,
                ok and "void panic(const char *fmt, ...)\n" in text["i"] and
                "#include" not in text["i"] and
                re.search(r"^panic:", text["s"], re.M) is not None and
                len(panic) == 1 and
                re.search(r"^%s <panic>:" % panic[0], text["lst"], re.M)
                is not None, tail(log))


def stage_build(ctx, tally):
    """The build system's promises, tested on a scratch copy of the tree."""
    src = ctx.work / "build-src"
    out = ctx.work / "build-out"
    bootmatrix.snapshot_tree(ctx.srctree, src)
    git_snapshot(src)
    shutil.rmtree(out, ignore_errors=True)
    before = git_status(ctx.srctree)
    O = "O=%s" % out

    unknown_goal_checks(src, tally)
    in_tree_checks(ctx, src, tally)
    out_of_tree_checks(ctx, src, out, O, tally)
    warning_checks(ctx, src, tally)

    if before is not None:
        tally.check("make check leaves git status unchanged",
                    git_status(ctx.srctree) == before)


def in_tree_checks(ctx, src, tally):
    """Build in the tree itself, then mrproper must leave nothing."""
    ok, log = make(src, "tiny_defconfig")
    ok = ok and make(src, "-j%d" % ctx.jobs)[0]
    if tally.check("in-tree build of tiny_defconfig", ok, tail(log)):
        single_target_checks(src, src, tally)
    # What make check, the fuzzers and an editor leave behind.
    for name in ("check/x", "bootmatrix/x", "bench/x", "scripts/__pycache__/x.pyc",
                 "tools/testing/host/build/x", "tools/testing/fuzz/build/x",
                 "compile_commands.json"):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text("")
    ok, log = make(src, "mrproper")
    status = git_status(src, ignored=True)
    tally.check("make mrproper leaves no build product (git status "
                "--ignored is empty)", ok and status == "",
                tail(log) + "\n" + tail(status or ""))
    leftovers = ("kernel/panic.c.orig", "kernel/panic.c.rej", "Makefile~",
                 "lib/string.c.bak", "#notes#")
    for name in leftovers:
        (src / name).write_text("")
    ok, log = make(src, "distclean")
    status = git_status(src, ignored=True)
    tally.check("make distclean removes backups and patch leftovers",
                ok and status == "", tail(log) + "\n" + tail(status or ""))


INCLUDE = re.compile(r'^#include <([^>]+)>', re.M)


def including_files(tree, header):
    """Sources and headers under @tree that include @header (as written in
    #include <...>), directly or through other headers."""
    includes = {}
    for path in list(tree.rglob("*.c")) + list(tree.rglob("*.h")):
        includes[path] = set(INCLUDE.findall(path.read_text()))
    wanted, found = {header}, set()
    while True:
        more = {p for p, inc in includes.items()
                if p not in found and inc & wanted}
        if not more:
            return found
        found |= more
        for p in more:
            if p.suffix == ".h":
                parts = p.relative_to(tree).parts
                wanted.add("/".join(parts[parts.index("include") + 1:])
                           if "include" in parts else p.name)


def out_of_tree_checks(ctx, src, out, O, tally):
    ok, log = make(src, O, "x86_64_defconfig")
    ok = ok and make(src, O, "-j%d" % ctx.jobs)[0]
    if not tally.check("O= build of x86_64_defconfig", ok, tail(log)):
        return
    makefile = out / "Makefile"
    tally.check("O= writes dir/Makefile and a .gitignore of \"*\"",
                makefile.exists() and "include %s/Makefile" % src in
                makefile.read_text() and (out / ".gitignore").exists() and
                "*" in (out / ".gitignore").read_text().splitlines(),
                "      " + str(makefile))
    ok, log = make(out)
    tally.check("make in the O= directory works (and has nothing to do)",
                ok and not built(log), tail(log))
    stray = [p.name for p in src.rglob("*.o")] + \
        [p.name for p in src.glob(".config")]
    tally.check("O= build writes nothing into the source tree", not stray,
                "      found: %s" % " ".join(stray[:10]))

    ok, log = make(src, O)
    tally.check("a no-op make does no work", ok and not built(log),
                tail(log))

    os.utime(src / "lib/string.c")
    ok, log = make(src, O)
    steps = built(log)
    tally.check("touching lib/string.c rebuilds it and relinks, nothing else",
                ok and compiled(log) == {"lib/string.o"} and
                ("LD", "keel") in steps, tail(log))

    header = "include/keel/acpi.h"
    users = {str(c.relative_to(src).with_suffix(".o"))
             for c in including_files(src, "keel/acpi.h")
             if c.suffix == ".c" and
             (out / c.relative_to(src).with_suffix(".o")).exists()}
    os.utime(src / header)
    ok, log = make(src, O)
    tally.check("touching a header rebuilds exactly its users",
                ok and len(users) >= 3 and compiled(log) == users,
                tail(log) + "\n      expected: %s" % " ".join(sorted(users)))

    dotconfig = out / ".config"
    dotconfig.write_text(dotconfig.read_text().replace(
        "CONFIG_PRINTK_TIME=y", "# CONFIG_PRINTK_TIME is not set"))
    ok, log = make(src, O)
    tally.check("changing one option rebuilds only the files using it",
                ok and compiled(log) == {"kernel/printk/printk.o"} and
                ("LD", "keel") in built(log), tail(log))

    single_target_checks(src, out, tally)

    ok, log = make(src, O, "KEEL_WERROR=1")
    tally.check("a changed compiler command line rebuilds",
                ok and "lib/string.o" in compiled(log) and
                "init/main.o" in compiled(log), tail(log))

    os.utime(src / "lib/glob.c")
    ok, log = make(src, O, "KEEL_WERROR=1", "V=1")
    tally.check("V=1 prints full commands",
                ok and re.search(r"-c -o lib/glob\.o \S*lib/glob\.c", log)
                is not None, tail(log))

    os.utime(src / "kernel/panic.c")
    os.utime(src / "arch/x86/kernel/head_64.S")
    ok, log = make(src, O, "V=1", "W=12", "KCFLAGS=-DKCFLAGS_SEEN",
                   "KAFLAGS=-DKAFLAGS_SEEN", "KCPPFLAGS=-DKCPPFLAGS_SEEN",
                   "kernel/panic.o", "arch/x86/kernel/head_64.o")
    cc = [line for line in log.splitlines() if "-o kernel/panic.o " in line]
    asm = [line for line in log.splitlines()
           if "-o arch/x86/kernel/head_64.o " in line]
    tally.check("W=12 adds both warning groups; KCFLAGS, KAFLAGS, KCPPFLAGS "
                "reach the commands",
                ok and len(cc) == 1 and len(asm) == 1 and
                all(f in cc[0].split() for f in (
                    "-Wmissing-format-attribute", "-DKBUILD_EXTRA_WARN1",
                    "-Wshadow", "-DKBUILD_EXTRA_WARN2", "-DKCFLAGS_SEEN",
                    "-DKCPPFLAGS_SEEN")) and
                "-DKAFLAGS_SEEN" not in cc[0] and
                "-DKAFLAGS_SEEN" in asm[0].split() and
                "-DKCFLAGS_SEEN" not in asm[0], tail(log))

    ok, log = make(src, O, "clean")
    left = list(out.rglob("*.o"))
    tally.check("make clean removes objects, keeps .config",
                ok and not left and dotconfig.exists(), tail(log))
    ok, log = make(src, O, "mrproper")
    tally.check("make mrproper removes .config too",
                ok and not dotconfig.exists(), tail(log))

    bad = src / "configs/bad_defconfig"
    bad.write_text("CONFIG_NO_SUCH_OPTION=y\nCONFIG_LOG_BUF_SHIFT=99\n")
    ok, log = make(src, O, "bad_defconfig")
    tally.check("a defconfig line that does not take is refused",
                not ok and "CONFIG_NO_SUCH_OPTION: unknown symbol" in log and
                "CONFIG_LOG_BUF_SHIFT" in log, tail(log))
    bad.unlink()


def warning_checks(ctx, src, tally):
    """full_defconfig with W=1 as errors and sparse on every file: silent.
    (The boot matrix builds every configuration with W=1 as well.)"""
    out = ctx.work / "build-warn"
    shutil.rmtree(out, ignore_errors=True)
    O = "O=%s" % out
    ok, log = make(src, "-s", O, "full_defconfig")
    if ok:
        ok, log = make(src, "-s", O, "-j%d" % ctx.jobs, "W=1",
                       "KEEL_WERROR=1", "C=2")
    tally.check("W=1 C=2 build of full_defconfig: no compiler or sparse "
                "warning", ok and not log.strip(), tail(log))
    ok, log = make(src, O, "C=2", "kernel/panic.o")
    tally.check("C=2 prints \"  CHECK   kernel/panic.c\"",
                ok and "  CHECK   kernel/panic.c\n" in log, tail(log))


def check_bootmatrix_reports(tally):
    """The matrix fails a row for a bug report outside the KTEST suites
    and leaves reports inside them to KTEST."""
    ktap = ["KTAP version 1", "1..1", "    KTAP version 1",
            "    # Subtest: slab_debug", "    1..1",
            "BUG kmalloc-64 (Not tainted): Redzone overwritten",
            "    ok 1 overflow_detected_at_kfree", "ok 1 slab_debug",
            "# Totals: pass:1 fail:0 skip:0 total:1"]
    tail_lines = ["init: no shell to run; powering off",
                  bootmatrix.POWEROFF_MARKER]
    for name, extra, want in (
            ("a report inside a suite is KTEST's", [], "ok"),
            ("a WARNING outside KTEST fails the row",
             ["WARNING: CPU: 0 PID: 0 at mm/slab.c:1 f+0x0/0x1"],
             "bug-report"),
            ("a Bad page state outside KTEST fails the row",
             ["BUG: Bad page state in process swapper/0  pfn:00100"],
             "bug-report")):
        lines = [bootmatrix.BANNER_PREFIX + "0.1",
                 "Memory: 120000K/131072K available"] + ktap + extra + \
            tail_lines
        row = bootmatrix.Row("x", "x", "128M", "", ktest=True)
        boot = bootmatrix.BootResult(1.0, 0, None, lines)
        bootmatrix.evaluate(row, boot, [])
        tally.check("bootmatrix: %s" % name, row.status == want,
                    "      status %s: %s" % (row.status, row.detail))


def stage_host(ctx, tally):
    check_bootmatrix_reports(tally)
    ok, log = make(ctx.srctree, "-f", "tools/testing/host/Makefile",
                   "srctree=%s" % ctx.srctree, "objtree=%s" % ctx.objtree,
                   "run")
    m = SUMMARY.search(log.splitlines()[-1] if log.strip() else "")
    if not m:
        tally.check("host tests ran", False, tail(log))
        return
    failed_cases = re.findall(r"^\s+not ok \d+ (\S+)", log, re.M)
    print(tail(log, 3))
    tally.add(int(m.group(1)), int(m.group(2)),
              ["host: " + c for c in failed_cases])
    if not ok and not int(m.group(2)):
        tally.check("host tests exit status", False, tail(log))


def stage_bootmatrix(ctx, tally):
    argv = ["--srctree", str(ctx.srctree), "--builddir", str(ctx.objtree),
            "--make-var", "KEEL_WERROR=1", "--make-var", "W=1",
            "--mem", bootmatrix.CHECK_MEM, "--rows", bootmatrix.CHECK_ROWS] + \
        ctx.bootmatrix_flags
    status = bootmatrix.main(argv)
    results = ctx.objtree / "bootmatrix" / "results.json"
    if not results.exists():
        tally.check("bootmatrix ran", False)
        return
    for row in json.loads(results.read_text()):
        name = "boot %s %s" % (row["config"], row["mem"])
        ok = row["status"] == "ok"
        tally.add(1 if ok else 0, 0 if ok else 1,
                  [] if ok else ["%s: %s" % (name, row["status"])])
        tally.add(row.get("tests_passed") or 0, row.get("tests_failed") or 0,
                  ["ktest %s: %s" % (row["config"], c)
                   for c in row.get("failed_tests", [])])
    if status and not tally.failed:
        tally.check("bootmatrix exit status", False)


# What each lkdtm crash must print: Linux's wording, and where it happened.
FAULTS = {
    "ACCESS_NULL": [r"BUG: kernel NULL pointer dereference, address: 0{16}",
                    r"#PF: supervisor read access in kernel mode",
                    r"#PF: error_code\(0x0000\) - not-present page",
                    r"Oops: page fault: 0000 \[#1\]",
                    r"RIP: 0010:lkdtm_ACCESS_NULL\+0x"],
    "EXCEPTION": [r"#PF: supervisor write access in kernel mode",
                  r"RIP: 0010:lkdtm_EXCEPTION\+0x"],
    "DIVIDE_ERROR": [r"Oops: divide error: 0000 \[#1\]",
                     r"RIP: 0010:lkdtm_DIVIDE_ERROR\+0x"],
    "INVALID_OPCODE": [r"Oops: invalid opcode: 0000 \[#1\]",
                       r"RIP: 0010:lkdtm_INVALID_OPCODE\+0x"],
    "NONCANONICAL": [r"Oops: general protection fault: 0000 \[#1\]",
                     r"RIP: 0010:lkdtm_NONCANONICAL\+0x"],
    "BUG": [r"kernel BUG at drivers/misc/lkdtm/bugs\.c:\d+!",
            r"Oops: invalid opcode: 0000 \[#1\]",
            r"RIP: 0010:lkdtm_BUG\+0x"],
    "EXHAUST_STACK": [r"BUG: stack guard page was hit at 0x[0-9a-f]+ "
                      r"\(stack is 0x[0-9a-f]+\.\.0x[0-9a-f]+\)",
                      r"Oops: kernel stack overflow \(double-fault\): "
                      r"0000 \[#1\]",
                      r"RIP: 0010:recurse_deep\+0x",
                      r"^ lkdtm_EXHAUST_STACK\+0x"],
    "PANIC": [r"Kernel panic - not syncing: dumptest",
              r"^ lkdtm_PANIC\+0x", r"Rebooting in 1 seconds\.\."],
    "WRITE_RO": [r"BUG: unable to handle page fault for address: "
                 r"ffffffff[0-9a-f]{8}",
                 r"#PF: supervisor write access in kernel mode",
                 r"#PF: error_code\(0x0003\) - permissions violation",
                 r"RIP: 0010:lkdtm_WRITE_RO\+0x"],
    "WRITE_KERN": [r"#PF: supervisor write access in kernel mode",
                   r"#PF: error_code\(0x0003\) - permissions violation",
                   r"is in the kernel image \(text\)",
                   r"RIP: 0010:lkdtm_WRITE_KERN\+0x"],
}
# Executing from memory that is not text: NX must stop it at once.
NX_FAULT = [r"kernel tried to execute NX-protected page - exploit attempt\? "
            r"\(uid: 0\)",
            r"BUG: unable to handle page fault for address: ",
            r"#PF: supervisor instruction fetch in kernel mode",
            r"#PF: error_code\(0x0011\) - permissions violation",
            r"Oops: page fault: 0011 \[#1\]"]
FAULTS.update({
    "EXEC_DATA": NX_FAULT + [r"^ \? lkdtm_EXEC_DATA\+0x"],
    "EXEC_STACK": NX_FAULT + [r"^ \? lkdtm_EXEC_STACK\+0x"],
    "EXEC_KMALLOC": NX_FAULT + [r"is in the direct map",
                                r"^ \? lkdtm_EXEC_KMALLOC\+0x"],
    "EXEC_VMALLOC": NX_FAULT + [r"is in vmalloc area",
                                r"^ \? lkdtm_EXEC_VMALLOC\+0x"],
    "EXEC_RODATA": NX_FAULT + [r"is in the kernel image \(rodata\)",
                               r"^ \? lkdtm_EXEC_RODATA\+0x"],
    "EXEC_NULL": [r"BUG: kernel NULL pointer dereference, address: 0{16}",
                  r"#PF: supervisor instruction fetch in kernel mode",
                  r"#PF: error_code\(0x0010\) - not-present page",
                  r"RIP: 0010:0x0$"],
})
FAULT_COMMON = [r"^Call Trace:", r"^ (\? )?lkdtm_init\+0x", r"^ do_initcalls\+0x",
                r"Kernel panic - not syncing"]


# Boots with other command lines: name -> (arguments, expected patterns).
BOOT_OPTIONS = {
    "WARNING": ("lkdtm.cpoint_type=WARNING",
                [r"WARNING: CPU: 0 PID: 1 at drivers/misc/lkdtm/bugs\.c:\d+ "
                 r"lkdtm_WARNING\+0x", r"^Call Trace:",
                 r"reboot: Power down"]),
    "initcall_debug": ("initcall_debug",
                       [r"^calling  acpi_sleep_init\+0x0/0x[0-9a-f]+ @ 0$",
                        r"^initcall acpi_sleep_init\+0x0/0x[0-9a-f]+ "
                        r"returned 0 after \d+ usecs$",
                        r"reboot: Power down"]),
    "ktest_filter": ("ktest.filter=string",
                     [r"^1\.\.1$", r"^    # Subtest: string$",
                      r"^ok 1 string$", r"reboot: Power down"]),
    "noapic": ("noapic",
               [r"IRQ: 16 IRQs through the 8259A",
                r"clockevents: PIT ticks at \d+ Hz on IRQ 0",
                r"^# Totals: pass:\d+ fail:0 ", r"reboot: Power down"]),
    "unknown_params": ("foo bar=1 -- init_arg",
                           [r'Unknown kernel command line parameters '
                            r'"foo bar=1", will be passed to user space\.',
                            r"reboot: Power down"]),
    "bad_param_value": ("panic=abc loglevel=x",
                            [r"Booting kernel: invalid value 'abc' for "
                             r"parameter 'panic' \(-22\)",
                             r"early options: invalid value 'x' for "
                             r"parameter 'loglevel' \(-22\)",
                             r"reboot: Power down"]),
    # Crafted command lines: the boot goes on and says what it did.
    "overlong_cmdline": ("ktest.filter=string " + "x" * 2100,
                         [r"Command line truncated to 2047 bytes",
                          r"^ok 1 string$", r"reboot: Power down"]),
    # GRUB hands a quote on as \" (it escapes quotes itself): the kernel
    # sees a quote that never closes, and the rest is one parameter.
    "unterminated_quote": ('ktest.filter=string foo=\\"bar baz',
                           [r'Unknown kernel command line parameters '
                            r'"foo=\\"bar baz", will be passed to user '
                            r'space\.', r"^ok 1 string$",
                            r"reboot: Power down"]),
    "ninth_console": (" ".join(["console=ttyS0"] * 7) +
                      " console=ttyS1 ktest.filter=string",
                      [r"console=ttyS1: too many consoles \(at most 8\), "
                       r"ignored", r"^ok 1 string$", r"reboot: Power down"]),
}


def newc(name, mode, data=b"", ino=1, mtime=0, size=None):
    """One cpio newc entry, padded; @size: of data that follows it."""
    name = name.encode() + b"\0"
    size = len(data) if size is None else size
    hdr = b"070701" + b"".join(b"%08X" % v for v in (
        ino, mode, 0, 0, 1, mtime, size, 0, 0, 0, 0, len(name), 0))
    out = hdr + name + b"\0" * (-(len(hdr) + len(name)) % 4)
    return out + data + b"\0" * (-len(data) % 4)


TRAILER = newc("TRAILER!!!", 0)
LARGE_SIZE = 60 << 20


def write_large(path, build):
    """/large: 60 MiB, byte i = (i / 4096) * 7 mod 256 (initramfs_test.c)."""
    hdr = newc("large", 0o100644, mtime=1234, size=LARGE_SIZE)
    # 60 MiB need no padding.
    with gzip.open(path, "wb", compresslevel=1) as f:
        f.write(hdr)
        for block in range(LARGE_SIZE // 4096):
            f.write(bytes([block * 7 & 0xff]) * 4096)
        f.write(TRAILER)


def write_bytes(data):
    return lambda path, build: path.write_bytes(data)


def write_truncated(path, build):
    """The build's gzipped initramfs, cut inside its deflate stream."""
    gz = (build / "usr" / "initramfs_data.cpio.gz").read_bytes()
    path.write_bytes(gz[:len(gz) // 2])


# Boots with a crafted initramfs: name -> (arguments, how to write the
# archive, expected patterns).  The archive replaces the build's, so it
# has no /init: the boot ends as Linux's does without one.
NO_INIT = r"Kernel panic - not syncing: No working init found\."
PROC_SYMLINK = (newc("etc", 0o40755) + newc("proc", 0o120777, b"etc") +
                TRAILER)
CRAFTED_INITRDS = {
    "initrd_large": ("panic=-1 ktest.filter=initramfs.large_file", write_large,
                     [r"^    ok 1 large_file$", r"^ok 1 initramfs$",
                      NO_INIT]),
    "initrd_truncated": ("panic=-1 ktest.filter=string", write_truncated,
                         [r"Initramfs unpacking failed: .* at offset \d+",
                          NO_INIT]),
    "initrd_bad_magic": ("panic=-1 ktest.filter=string", write_bytes(b"\0" * 8 + b"hello, world\n"),
                         [r"Initramfs unpacking failed: no cpio magic at "
                          r"offset 8$", NO_INIT]),
    "initrd_xz": ("panic=-1 ktest.filter=string", write_bytes(lzma.compress(PROC_SYMLINK)),
                  [r"Initramfs unpacking failed: compression method xz not "
                   r"configured at offset 0$", r"proc: mounted on /proc",
                   NO_INIT]),
    "initrd_proc_symlink": ("panic=-1 ktest.filter=string", write_bytes(gzip.compress(PROC_SYMLINK)),
                            [r"proc: error mounting on /proc: -20$",
                             NO_INIT]),
}


# The fault reports added with the lockup detectors, the stack protector
# and list debugging: oopses inside printk, lockups (they need other
# parameters), the stack protector's panic (the corrupted frame ends the
# trace) and the list debugging WARNINGs (the boot goes on).  No KTEST
# suites: they have run in the boots above, and skipping them keeps each
# boot to a few seconds.
NO_KTEST = "ktest.filter=-"
BOOT_OPTIONS.update({
    # Faults with logbuf_lock held: the report still reaches ttyS0.
    "EXHAUST_STACK_IN_PRINTK": (
        "panic=-1 %s lkdtm.cpoint_type=EXHAUST_STACK_IN_PRINTK" % NO_KTEST,
        [r"printk: console \[lkdtm0\] disabled: oops while writing to it",
         r"BUG: stack guard page was hit at",
         r"Oops: kernel stack overflow \(double-fault\): 0000 \[#1\]",
         r"RIP: 0010:recurse_deep\+0x", r"^ console_write_all\+0x",
         r"^ lkdtm_EXHAUST_STACK_IN_PRINTK\+0x"] + FAULT_COMMON),
    "ACCESS_NULL_IN_PRINTK": (
        "panic=-1 %s lkdtm.cpoint_type=ACCESS_NULL_IN_PRINTK" % NO_KTEST,
        [r"printk: console \[lkdtm0\] disabled: oops while writing to it",
         r"BUG: kernel NULL pointer dereference, address: 0{16}",
         r"Oops: page fault: 0000 \[#1\]",
         r"RIP: 0010:lkdtm_console_write\+0x", r"^ console_write_all\+0x",
         r"^ lkdtm_ACCESS_NULL_IN_PRINTK\+0x"] + FAULT_COMMON),
    # The lockup detectors, with a 1 s threshold (soft lockups: 2 s).
    "SOFTLOCKUP": (
        "panic=-1 watchdog_thresh=1 softlockup_panic=1 %s "
        "lkdtm.cpoint_type=SOFTLOCKUP" % NO_KTEST,
        [r"watchdog: BUG: soft lockup - CPU#0 stuck for \d+s! "
         r"\[init:1\]$",
         r"RIP: 0010:lkdtm_SOFTLOCKUP\+0x", r"^ (\? )?lkdtm_init\+0x",
         r"Kernel panic - not syncing: softlockup: hung tasks"]),
    "HARDLOCKUP": (
        "panic=-1 watchdog_thresh=1 hardlockup_panic=1 %s "
        "lkdtm.cpoint_type=HARDLOCKUP" % NO_KTEST,
        [r"^NMI watchdog: Enabled, 20 NMIs a second$",
         r"watchdog: Watchdog detected hard LOCKUP on cpu 0$",
         r"RIP: 0010:lkdtm_HARDLOCKUP\+0x", r"^ (\? )?lkdtm_init\+0x",
         r"Kernel panic - not syncing: Hard LOCKUP"]),
    "CORRUPT_STACK": (
        "panic=-1 %s lkdtm.cpoint_type=CORRUPT_STACK" % NO_KTEST,
        [r"Kernel panic - not syncing: stack-protector: Kernel stack is "
         r"corrupted in: lkdtm_CORRUPT_STACK\+0x",
         r"^ __stack_chk_fail\+0x"]),
    "CORRUPT_STACK_STRONG": (
        "panic=-1 %s lkdtm.cpoint_type=CORRUPT_STACK_STRONG" % NO_KTEST,
        [r"Kernel panic - not syncing: stack-protector: Kernel stack is "
         r"corrupted in: lkdtm_CORRUPT_STACK_STRONG\+0x",
         r"^ __stack_chk_fail\+0x"]),
    "CORRUPT_LIST_ADD": (
        "%s lkdtm.cpoint_type=CORRUPT_LIST_ADD" % NO_KTEST,
        [r"^------------\[ cut here \]------------$",
         r"list_add corruption\. next->prev should be prev \([0-9a-f]{16}\), "
         r"but was 0{16}\. \(next=[0-9a-f]{16}\)\.$",
         r"WARNING: CPU: 0 PID: 1 at lib/list_debug\.c:\d+ __list_add_valid",
         r"^ lkdtm_CORRUPT_LIST_ADD\+0x",
         r"lkdtm: Overwrite did not happen, but no BUG\?!",
         r"reboot: Power down"]),
    "CORRUPT_LIST_DEL": (
        "%s lkdtm.cpoint_type=CORRUPT_LIST_DEL" % NO_KTEST,
        [r"^------------\[ cut here \]------------$",
         r"list_del corruption\. next->prev should be [0-9a-f]{16}, but was "
         r"0{16}\. \(next=[0-9a-f]{16}\)$",
         r"WARNING: CPU: 0 PID: 1 at lib/list_debug\.c:\d+ "
         r"__list_del_entry_valid",
         r"^ lkdtm_CORRUPT_LIST_DEL\+0x",
         r"lkdtm: Overwrite did not happen, but no BUG\?!",
         r"reboot: Power down"]),
})


# A direct boot, as "make run" does it: QEMU's -kernel through the PVH
# entry, with the initramfs as -initrd and the command line from -append.
# It runs on QEMU's "max" CPU, so SMEP and SMAP are on for the KTEST run.
DIRECT_BOOT = ("direct_boot_test=pvh",
               [r"^Boot protocol: PVH$",
                r"^PVH: \[mem 0x0000000000100000-0x[0-9a-f]+\] usable$",
                r"^Kernel command line: console=ttyS0 direct_boot_test=pvh$",
                r"^Unpacking initramfs\.\.\.$", r"^ok \d+ initramfs$",
                r"^ok \d+ pvh$", r"^\s+ok \d+ test_smap_blocks_plain_access$",
                r"^# Totals: pass:\d+ fail:0 ",
                r"reboot: Power down"])
QEMU = ["qemu-system-x86_64", "-accel", "tcg", "-m", "128M", "-display", "none",
        "-serial", "stdio", "-monitor", "none", "-no-reboot",
        "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]


def boot_and_match(tally, name, cmd, log, want):
    """Boot with @cmd; check every pattern of @want matches a line."""
    result = bootmatrix.boot(cmd, log, 60)
    missing = [p for p in want
               if not any(re.search(p, line) for line in result.lines)]
    missing += ["no %r" % line for line in result.lines
                if re.search(NO_FAIL, line)]
    tally.check("boots: %s prints what Linux would" % name,
                not missing, "      missing: %s\n      log: %s" %
                (", ".join(missing), log))
    return result


def run_script(ctx, args, stdin=None):
    proc = subprocess.run([str(ctx.srctree / "scripts" / args[0])] + args[1:],
                          stdin=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    return proc.returncode, proc.stdout


def check_debug_scripts(ctx, tally, kernel, log):
    """faddr2line and decode_stacktrace.sh on the lkdtm BUG oops: the RIP
    must come out at the line the BUG report names."""
    text = log.read_text(errors="replace") if log.exists() else ""
    bug = re.search(r"kernel BUG at (drivers/misc/lkdtm/bugs\.c:\d+)!", text)
    rip = re.search(r"RIP: 0010:(lkdtm_BUG\+0x[0-9a-f]+/0x[0-9a-f]+)", text)
    if not tally.check("boots: the BUG oops names its line and RIP",
                       bug and rip, "      log: %s" % log):
        return
    rc, out = run_script(ctx, ["faddr2line", str(kernel), rip.group(1)])
    tally.check("faddr2line %s gives %s" % (rip.group(1), bug.group(1)),
                rc == 0 and out.splitlines() ==
                ["%s:" % rip.group(1), "lkdtm_BUG at %s" % bug.group(1)],
                tail(out))
    with open(log, errors="replace") as f:
        rc, out = run_script(ctx, ["decode_stacktrace.sh", str(kernel)],
                             stdin=f)
    want = [r"RIP: 0010:%s %s$" % (re.escape(rip.group(1)),
                                   re.escape(bug.group(1))),
            r"^\[[ 0-9.]+\]  do_initcalls\+0x[0-9a-f]+/0x[0-9a-f]+ "
            r"init/main\.c:\d+$",
            r"^\[[ 0-9.]+\]  \? lkdtm_init\+0x[0-9a-f]+/0x[0-9a-f]+ "
            r"drivers/misc/lkdtm/core\.c:\d+$"]
    missing = [p for p in want if not re.search(p, out, re.M)]
    tally.check("decode_stacktrace.sh appends file:line to the BUG trace",
                rc == 0 and not missing,
                "      missing: %s\n%s" % (", ".join(missing), tail(out)))


def check_ikconfig(ctx, tally, build):
    """The configuration built into full_defconfig's image is its .config."""
    rc, out = run_script(ctx, ["extract-ikconfig", str(build / "keel")])
    config = (build / ".config").read_text()
    tally.check("extract-ikconfig keel gives the .config it was built from",
                rc == 0 and out == config, tail(out, 5))


# lkdtm types the allocators must catch and survive: each boot runs no
# KTEST suite, must show the report and power off, and print no "FAIL:".
WARNING_AT = r"WARNING: CPU: 0 PID: 1 at mm/slab_common\.c:\d+ "
ALLOCATOR_REPORTS = {
    "SLAB_LINEAR_OVERFLOW": [r"BUG kmalloc-1k \(Not tainted\): Redzone "
                             r"overwritten", r"@offset=1024\. First byte "
                             r"0x78 instead of 0xcc"],
    "SLAB_FREE_DOUBLE": [r"BUG lkdtm-heap-double_free \(Not tainted\): "
                         r"Object already free"],
    "SLAB_FREE_CROSS": [r"cache_from_obj: Wrong slab cache\. lkdtm-heap-b "
                        r"but object is from lkdtm-heap-a", WARNING_AT],
    "SLAB_FREE_PAGE": [r"virt_to_cache: Object is not a Slab page!",
                       WARNING_AT],
    "KFREE_MIDDLE_LARGE": [WARNING_AT + r"kfree",
                           r"page dumped because: Not a kmalloc allocation"],
    "PAGE_FREE_DOUBLE_MERGED": [r"BUG: Bad page state in process init "
                                r" pfn:[0-9a-f]{5}",
                                r"page dumped because: VM_BUG_ON_PAGE\("
                                r"page_ref_count\(page\) == 0\)"],
    "READ_AFTER_FREE": [r"lkdtm: Memory correctly poisoned \(6b6b6b6b\)"],
    "WRITE_AFTER_FREE": [r"BUG kmalloc-1k \(Not tainted\): Poison "
                         r"overwritten", r"@offset=512\. First byte 0xf0 "
                         r"instead of 0x6b"],
    "READ_BUDDY_AFTER_FREE": [r"lkdtm: Memory correctly poisoned "
                              r"\(aaaaaaaa\)"],
    "WRITE_BUDDY_AFTER_FREE": [r"pagealloc: memory corruption in pfn "
                               r"0x[0-9a-f]+ at offset 0x100: 0x78 instead "
                               r"of 0xaa"],
}
NO_FAIL = r"lkdtm: FAIL:"


def stage_boots(ctx, tally):
    """Boot full_defconfig with each command line; check what it prints."""
    build = ctx.objtree / "bootmatrix" / "full_defconfig"
    kernel = build / "keel"
    if not kernel.exists():
        tally.check("boots: full_defconfig was built by the boot matrix",
                    False)
        return
    work = ctx.work / "boots"
    work.mkdir(parents=True, exist_ok=True)
    # No KTEST suite runs before or after an lkdtm type fires: the boot
    # takes 2 s instead of 15.
    cases = {crash: ("%s lkdtm.cpoint_type=%s ktest.filter=none" %
                     ("panic=1" if crash == "PANIC" else "panic=-1", crash),
                     patterns + FAULT_COMMON)
             for crash, patterns in FAULTS.items()}
    cases.update(BOOT_OPTIONS)
    cases.update({crash: ("lkdtm.cpoint_type=%s ktest.filter=none" % crash,
                          patterns + [r"reboot: Power down"])
                  for crash, patterns in ALLOCATOR_REPORTS.items()})
    cases = {name: (cmdline, None, want)
             for name, (cmdline, want) in cases.items()}
    cases.update(CRAFTED_INITRDS)
    for name, (cmdline, write, want) in cases.items():
        iso = work / ("%s.iso" % name)
        args = "console=ttyS0 " + cmdline
        # The build's initramfs, whose /init powers off, or a crafted one.
        initrd = build / "usr/initramfs_data.cpio.gz"
        if write:
            initrd = work / ("%s.cpio.gz" % name)
            write(initrd, build)
        proc = subprocess.run(
            ["sh", str(ctx.srctree / "scripts/mkisoimage.sh"), str(iso),
             str(kernel), str(work / ("%s.isodir" % name)), args,
             str(initrd)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if write:
            initrd.unlink()
        if not tally.check("boots: ISO for %s" % name,
                           proc.returncode == 0, tail(proc.stdout)):
            continue
        boot_and_match(tally, name, QEMU + ["-cdrom", str(iso), "-boot", "d"],
                       work / ("%s.log" % name), want)

    check_debug_scripts(ctx, tally, kernel, work / "BUG.log")
    check_ikconfig(ctx, tally, build)

    cmdline, want = DIRECT_BOOT
    boot_and_match(tally, "direct boot (-kernel -initrd -append)",
                   QEMU + ["-cpu", "max", "-kernel", str(kernel), "-initrd",
                           str(build / "usr/initramfs_data.cpio.gz"),
                           "-append", "console=ttyS0 " + cmdline],
                   work / "direct.log", want)


# What linux_ref.py must make of a run that went wrong: a failed case with
# its diagnostic, a program short of the plan, no closing summary.
BAD_KTAP = """\
KTAP version 1
1..3
    KTAP version 1
    # Subtest: files
    1..2
    ok 1 open_creat_excl
    # files.c:42: lseek(fd, 0, 99): got 0, errno 0 (0); want -1, errno EINVAL
    not ok 2 lseek_whence # files.c:42
    # Totals: pass:1 fail:1 skip:0 total:2
not ok 1 files # exit status 1
ok 2 pipes
"""


def stage_linux_ref(ctx, tally):
    """The selftests on Debian's kernel: each case counts once."""
    bad = linux_ref.Result()
    linux_ref.parse(BAD_KTAP.splitlines(True), bad)
    tally.check("linux_ref.py fails a run with a not ok, a short plan and "
                "no summary", bad.problems() == [
                    "2 of 3 programs reported",
                    "no summary (# Totals:) from /init",
                    "not ok files.lseek_whence # files.c:42"] and
                bad.notes == ["# files.c:42: lseek(fd, 0, 99): got 0, errno "
                              "0 (0); want -1, errno EINVAL"],
                "      got: %r %r" % (bad.problems(), bad.notes))

    work = ctx.work / "linux-ref"
    sdir = work / "tools/testing/selftests"
    start = time.monotonic()
    ok, log = make(ctx.srctree, "O=%s" % work, "-j%d" % ctx.jobs, "selftests")
    if not tally.check("make selftests builds the programs and "
                       "selftests.cpio", ok and
                       (sdir / "selftests.cpio").exists(), tail(log)):
        return
    try:
        vmlinuz = linux_ref.fetch_kernel(linux_ref.default_cache())
    except linux_ref.RefError as err:
        tally.check("linux-ref: Debian's kernel to boot", False,
                    "      %s" % str(err).replace("\n", "\n      "))
        return
    check_selftests_run(tally, "linux-ref", vmlinuz, sdir, start)


# What a debug kernel must not report while the selftests run.
KERNEL_REPORT = re.compile(r"\] (BUG:|WARNING:|Oops|Kernel panic)")


def check_selftests_run(tally, label, kernel, sdir, start, extra=""):
    """Boot @kernel with selftests.cpio: every case counts once, and the
    output must be expected.ktap."""
    log = sdir / (label + ".log")
    result = linux_ref.boot(kernel, sdir / "selftests.cpio", log,
                            extra=extra)
    linux_ref.report(result, kernel, log)
    passed, failed, _ = result.totals or (0, 0, 0)
    tally.add(passed, failed,
              ["%s: %s" % (label, f) for f in result.failures if "." in f])
    structural = [p for p in result.problems() if not p.startswith("not ok")]
    diff = linux_ref.compare_expected(
        log.read_text(errors="replace").splitlines(True), linux_ref.EXPECTED)
    tally.check("%s: the output is tools/testing/selftests/expected.ktap"
                % label, not diff, "      %s" % diff)
    tally.check("%s: /init ran every program and powered off "
                "(%.0f s with the build)" % (label, time.monotonic() - start),
                not structural and not any(
                    "." not in f for f in result.failures),
                "      %s\n      log: %s" % (
                    "; ".join(structural + result.failures), log))


def stage_selftests(ctx, tally):
    """The selftests on Keel's default image, as on Linux (linux-ref), and
    on the boot matrix's full_defconfig, whose debug checks must stay
    silent."""
    work = ctx.work / "selftests"
    sdir = work / "tools/testing/selftests"
    start = time.monotonic()
    ok, log = make(ctx.srctree, "O=%s" % work, "x86_64_defconfig")
    if ok:
        ok, log = make(ctx.srctree, "O=%s" % work, "-j%d" % ctx.jobs)
    if ok:
        ok, log = make(ctx.srctree, "O=%s" % work, "-j%d" % ctx.jobs,
                       "selftests")
    if not tally.check("x86_64_defconfig builds keel and the selftests",
                       ok and (sdir / "selftests.cpio").exists(), tail(log)):
        return
    check_selftests_run(tally, "selftests", work / "keel", sdir, start)

    full = ctx.objtree / "bootmatrix" / "full_defconfig"
    if not (full / "keel").exists():
        return
    start = time.monotonic()
    ok, log = make(ctx.srctree, "O=%s" % full, "-j%d" % ctx.jobs,
                   "selftests")
    fdir = full / "tools/testing/selftests"
    if not tally.check("full_defconfig builds the selftests", ok, tail(log)):
        return
    check_selftests_run(tally, "selftests-full", full / "keel", fdir, start,
                        "ktest.filter=none")
    text = (fdir / "selftests-full.log").read_text(errors="replace")
    reports = [line for line in text.splitlines()
               if KERNEL_REPORT.search(line)]
    tally.check("selftests-full: no BUG, WARNING or oops from the debug "
                "checks", not reports, "      " + "\n      ".join(reports[:5]))


class Context:
    def __init__(self, args):
        self.srctree = Path(args.srctree).resolve()
        self.objtree = Path(args.objtree).resolve()
        self.work = self.objtree / "check"
        # Out-of-tree builds need a source tree without an in-tree build
        # (after "make run", say): then test a copy of the sources.
        if bootmatrix.has_in_tree_build(self.srctree):
            print("check: %s has an in-tree build; testing a copy of its "
                  "sources" % self.srctree)
            self.srctree = bootmatrix.snapshot_tree(self.srctree,
                                                    self.work / "src")
        self.jobs = args.jobs
        self.bootmatrix_flags = args.bootmatrix_flags.split()


def parse_args(argv):
    here = Path(__file__).resolve().parent.parent
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--srctree", default=str(here))
    p.add_argument("--objtree", default=str(here))
    p.add_argument("--stages", default=",".join(STAGES),
                   help="comma-separated subset of: " + ", ".join(STAGES))
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--bootmatrix-flags", default=os.environ.get(
        "BOOTMATRIX_FLAGS", ""), help="extra options for bootmatrix.py")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    ctx = Context(args)
    stages = [s for s in args.stages.split(",") if s]
    unknown = set(stages) - set(STAGES)
    if unknown:
        sys.exit("check.py: unknown stage(s): " + ", ".join(sorted(unknown)))
    ctx.work.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    start = time.monotonic()
    for name in STAGES:
        if name not in stages:
            continue
        print("== %s" % name)
        sys.stdout.flush()
        globals()["stage_" + name.replace("-", "_")](ctx, tally)
    print()
    if tally.failures:
        print("Failed:")
        for name in tally.failures:
            print("  " + name)
    print("check: %d stage(s) in %.0f s" % (len(stages),
                                           time.monotonic() - start))
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
