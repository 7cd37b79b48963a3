#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make check: every test Keel has, ending with one line "N passed, N failed".

Stages, in order (--stages picks some):
  lint        every Kconfig option with a prompt has help text
  defconfigs  each configs/*_defconfig applies cleanly and equals its own
              savedefconfig output; tinyconfig and fragments work; a bad
              defconfig line is refused
  build       the build system on a scratch copy of the tree: O= leaves the
              source untouched, a no-op make does nothing, touching one file
              or changing one option rebuilds only what depends on it, a
              changed command line rebuilds, V=1 shows commands
  host        the host unit tests under ASan/UBSan
  bootmatrix  every configuration built with warnings as errors and booted
              in QEMU (scripts/bootmatrix.py)
  boots       full_defconfig booted with special command lines: lkdtm
              crashes (each fault reported as Linux reports it), heap
              misuse the allocators must report and survive,
              initcall_debug, unknown and invalid parameters

Each check counts once; the host and in-kernel unit tests count per case.
Output of the stages goes under <objtree>/check/.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bootmatrix  # noqa: E402

STAGES = ["lint", "defconfigs", "build", "host", "bootmatrix", "boots"]
BUILD_STEP = re.compile(r"^  (CC|AS|AR|LD|LDS|KSYMS|HOSTCC|GENISO)\s+(\S+)",
                        re.M)
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


def stage_defconfigs(ctx, tally):
    work = ctx.work / "defconfigs"
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


def git_status(tree):
    proc = subprocess.run(["git", "-C", str(tree), "status", "--porcelain",
                           "--untracked-files=all"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True)
    return proc.stdout if proc.returncode == 0 else None


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


def stage_build(ctx, tally):
    """The build system's promises, tested on a scratch copy of the tree."""
    src = ctx.work / "build-src"
    out = ctx.work / "build-out"
    bootmatrix.snapshot_tree(ctx.srctree, src)
    shutil.rmtree(out, ignore_errors=True)
    before = git_status(ctx.srctree)
    O = "O=%s" % out

    ok, log = make(src, O, "x86_64_defconfig")
    ok = ok and make(src, O, "-j%d" % ctx.jobs)[0]
    if not tally.check("O= build of x86_64_defconfig", ok, tail(log)):
        return
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

    ok, log = make(src, O, "KEEL_WERROR=1")
    tally.check("a changed compiler command line rebuilds",
                ok and "lib/string.o" in compiled(log) and
                "kernel/main.o" in compiled(log), tail(log))

    os.utime(src / "lib/glob.c")
    ok, log = make(src, O, "KEEL_WERROR=1", "V=1")
    tally.check("V=1 prints full commands",
                ok and re.search(r"-c -o lib/glob\.o \S*lib/glob\.c", log)
                is not None, tail(log))

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

    if before is not None:
        tally.check("make check leaves git status unchanged",
                    git_status(ctx.srctree) == before)


def check_bootmatrix_reports(tally):
    """The matrix fails a row for a bug report outside the KTEST suites
    and leaves reports inside them to KTEST."""
    ktap = ["KTAP version 1", "1..1", "    KTAP version 1",
            "    # Subtest: slab_debug", "    1..1",
            "BUG kmalloc-64 (Not tainted): Redzone overwritten",
            "    ok 1 overflow_detected_at_kfree", "ok 1 slab_debug",
            "# Totals: pass:1 fail:0 skip:0 total:1"]
    tail_lines = ["Keel: boot complete; no init program yet, powering off",
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
            "--make-var", "KEEL_WERROR=1", "--mem", bootmatrix.CHECK_MEM] + \
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
                [r"WARNING: CPU: 0 PID: 0 at drivers/misc/lkdtm/bugs\.c:\d+ "
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
}


# lkdtm types the allocators must catch and survive: each boot runs no
# KTEST suite, must show the report and power off, and print no "FAIL:".
WARNING_AT = r"WARNING: CPU: 0 PID: 0 at mm/slab_common\.c:\d+ "
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
    "PAGE_FREE_DOUBLE_MERGED": [r"BUG: Bad page state in process swapper/0 "
                                r" pfn:[0-9a-f]{5}",
                                r"page dumped because: freeing a page that "
                                r"is already free"],
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
    for name, (cmdline, want) in cases.items():
        iso = work / ("%s.iso" % name)
        args = "console=ttyS0 " + cmdline
        proc = subprocess.run(
            ["sh", str(ctx.srctree / "scripts/mkisoimage.sh"), str(iso),
             str(kernel), str(work / ("%s.isodir" % name)), args],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if not tally.check("boots: ISO for %s" % name,
                           proc.returncode == 0, tail(proc.stdout)):
            continue
        cmd = ["qemu-system-x86_64", "-accel", "tcg", "-m", "128M",
               "-cdrom", str(iso), "-boot", "d", "-display", "none",
               "-serial", "stdio", "-monitor", "none", "-no-reboot",
               "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
        result = bootmatrix.boot(cmd, work / ("%s.log" % name), 60)
        missing = [p for p in want
                   if not any(re.search(p, line) for line in result.lines)]
        missing += ["no %r" % line for line in result.lines
                    if re.search(NO_FAIL, line)]
        tally.check("boots: %s prints what Linux would" % name,
                    not missing, "      missing: %s\n      log: %s" %
                    (", ".join(missing), work / ("%s.log" % name)))


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
        globals()["stage_" + name](ctx, tally)
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
