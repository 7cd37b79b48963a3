#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Build every Keel configuration and boot it in QEMU: the boot matrix.

The matrix has one row per configuration and memory size.  Configurations are
every configs/*_defconfig, x86_64_defconfig built with LLVM=1 (clang, ld.lld,
llvm-ar, llvm-nm), allnoconfig, allyesconfig and a few seeded randconfigs.  A
memory size may name a QEMU machine type, SIZE@MACHINE ("3584M@q35"; QEMU's
default, pc, otherwise).  --mem sizes are booted for every configuration,
--rows CONFIG:SIZE[@MACHINE] only for that one (when it is selected).  For
each configuration the script

  1. builds out of tree in <builddir>/bootmatrix/<config>:
       make -C <srctree> O=<dir> <config target>
       make -C <srctree> O=<dir> -j<jobs>
       make -C <srctree> O=<dir> isoimage FDARGS=<args>
     (full log in <dir>/build.log);
  2. boots <dir>/keel.iso in QEMU once per memory size, logging the serial
     console to <dir>/boot-<mem>.log, and stops early on a panic, a reset
     loop or the timeout;
  3. checks the serial output: the "Keel version " banner, the clean
     "reboot: Power down", the KTAP results when CONFIG_KTEST=y, no bug
     report (WARNING, BUG, slab or page corruption) outside the KTEST
     suites, which judge their own, and the optional per-defconfig
     patterns in configs/<name>_defconfig.expect.

It prints a progress line per row and a summary table, writes
<builddir>/bootmatrix/results.json and junit.xml, ends with
"bootmatrix: N passed, N failed" and exits non-zero if any row failed.

Variables given on the parent make's command line (MAKEFLAGS), e.g.
"make bootmatrix CC=clang W=1", are forwarded to every build, as are
--make-var NAME=VALUE options (which win).

Examples:
  scripts/bootmatrix.py --list
  scripts/bootmatrix.py --configs tiny,randconfig-7 --mem 16M,4G
  scripts/bootmatrix.py --configs x86_64 --mem 8M --rows x86_64:3584M@q35
  scripts/bootmatrix.py --make-var KEEL_WERROR=1 --timeout 30
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import queue
import re
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path

BANNER_PREFIX = "Keel version "
POWEROFF_MARKER = "reboot: Power down"
PANIC_MARKER = "Kernel panic - not syncing"
PANIC_END_MARKER = "---[ end Kernel panic"
# After a panic keep reading briefly so the backtrace that follows the panic
# line ends up in the log; stop as soon as the end-of-panic line shows up.
PANIC_GRACE = 1.0
LOG_TAIL_LINES = 30
DEFAULT_SEEDS = "1,2,3"
DEFAULT_MEM = "128M"
# The sizes make check boots for every configuration: the smallest that
# works, a small one, a common one, and enough to put RAM above 4 GiB.
CHECK_MEM = "8M,16M,128M,4G"
# Edge rows make check boots for one configuration only: 3.5 GiB on q35
# (whose RAM below 4 GiB ends at 2 GiB, the rest going above 4 GiB) and
# 16 GiB (1 GiB direct-map pages, a 224 MiB mem_map).  x86_64_defconfig
# has no KTEST, whose memory tests walk all RAM: each boots in ~5 s.
CHECK_ROWS = "x86_64_defconfig:3584M@q35,x86_64_defconfig:16G"

TIMESTAMP_RE = re.compile(r"^\[\s*\d+\.\d+\] ?")
ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
MEM_RE = re.compile(r"^\d+[KMGT]?(@[A-Za-z0-9._-]+)?$")
KTAP_RESULT_RE = re.compile(
    r"^(?P<indent>\s*)(?P<result>ok|not ok)\s+\d+\s+(?:-\s+)?(?P<name>[^#]*?)"
    r"\s*(?:#\s*(?P<directive>\w+)\s*(?P<reason>.*))?$")
KTAP_SUBTEST_RE = re.compile(r"^\s*#\s*Subtest:\s*(?P<suite>.+?)\s*$")
KTAP_TOTALS_RE = re.compile(
    r"^\s*#\s*Totals:\s*pass:(\d+)\s+fail:(\d+)\s+skip:(\d+)\s+total:(\d+)")
# The kernel's reports of bugs it survives (see <keel/debug_report.h>):
# "WARNING: CPU: ...", "BUG: Bad page state ...", "BUG: spinlock ...",
# "BUG kmalloc-64 (Not tainted): ...", "pagealloc: memory corruption ...".
BUG_REPORT_RE = re.compile(r"^(WARNING: |BUG[: ]|pagealloc: memory corruption)")
# Case results sit one level deep (4 spaces); deeper lines are diagnostics.
KTAP_DIAG_INDENT = 8

# Make and kbuild state that must not leak from a parent make into the
# matrix builds: each of them is a fresh top-level build of its own O= dir.
SCRUBBED_ENV = {
    "MAKEFLAGS", "MFLAGS", "GNUMAKEFLAGS", "MAKEOVERRIDES", "MAKELEVEL",
    "MAKE_TERMOUT", "MAKE_TERMERR", "sub_make_done", "srctree", "objtree",
    "VPATH", "KBUILD_SRC", "KBUILD_OUTPUT", "KBUILD_EXTMOD", "KCONFIG_CONFIG",
    "KCONFIG_SEED",
}
# Command-line variables of the parent make that are ours to set per build.
NOT_FORWARDED_VARS = {"O", "KBUILD_OUTPUT", "srctree", "objtree", "FDARGS",
                      "sub_make_done", "KCONFIG_CONFIG", "BOOTMATRIX_FLAGS"}
# The matrix reads the serial console, so every image asks for it; --fdargs
# adds to it.
BASE_FDARGS = "console=ttyS0"


@dataclass
class Config:
    name: str                  # row and directory name, e.g. tiny_defconfig
    target: str                # make target that creates the .config
    seed: int | None = None    # KCONFIG_SEED for randconfig
    expect: Path | None = None  # extra serial patterns, defconfigs only
    make_vars: tuple = ()      # extra make variables, e.g. ("LLVM=1",)
    patterns: tuple = ()       # extra serial patterns the boot must match


@dataclass
class BuildResult:
    ok: bool
    time: float
    log: Path
    log_tail: list[str]
    error: str = ""
    image_size: int | None = None
    iso_size: int | None = None
    ktest: bool = False
    no_init: bool = False


@dataclass
class BootResult:
    time: float
    exit_code: int | None      # None when we had to kill QEMU
    stop_reason: str | None    # panic / reset-loop / timeout, if we killed it
    lines: list[str]


@dataclass
class KtapCase:
    suite: str
    name: str
    result: str                # pass / fail / skip
    reason: str = ""
    diagnostics: list[str] = field(default_factory=list)


@dataclass
class Ktap:
    cases: list[KtapCase]
    totals: dict | None        # from the "# Totals:" line


@dataclass
class Row:
    config: str
    target: str
    mem: str
    build_dir: str
    status: str = "pending"
    detail: str = ""
    build_time: float | None = None
    image_size: int | None = None
    iso_size: int | None = None
    boot_time: float | None = None
    qemu_exit: int | None = None
    ktest: bool = False
    no_init: bool = False      # user space but no init: ends in a panic
    tests_passed: int | None = None
    tests_failed: int | None = None
    tests_skipped: int | None = None
    totals: dict | None = None
    failed_tests: list[str] = field(default_factory=list)
    test_cases: list[dict] = field(default_factory=list)
    missing_markers: list[str] = field(default_factory=list)
    build_log: str = ""
    boot_log: str | None = None
    log_tail: list[str] = field(default_factory=list)

    @property
    def ok(self):
        return self.status == "ok"


# ---------------------------------------------------------------- helpers

def tail(text_lines, n=LOG_TAIL_LINES):
    return list(text_lines[-n:])


def read_tail(path, n=LOG_TAIL_LINES):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return tail(f.read().splitlines(), n)
    except OSError:
        return []


def loaded_size(path):
    """Bytes the boot loader loads from an ELF64 image: the file size of
    its PT_LOAD segments.  The symbol table is not part of the image."""
    try:
        with open(path, "rb") as f:
            ehdr = f.read(64)
            if ehdr[:4] != b"\x7fELF" or ehdr[4] != 2:
                return None
            phoff, = struct.unpack_from("<Q", ehdr, 32)
            phentsize, phnum = struct.unpack_from("<HH", ehdr, 54)
            f.seek(phoff)
            table = f.read(phentsize * phnum)
    except OSError:
        return None
    total = 0
    for i in range(phnum):
        p_type, = struct.unpack_from("<I", table, i * phentsize)
        p_filesz, = struct.unpack_from("<Q", table, i * phentsize + 32)
        if p_type == 1:
            total += p_filesz
    return total


def file_size(path):
    try:
        return path.stat().st_size
    except OSError:
        return None


def clean_line(raw):
    """Strip what the console adds around a kernel line: CR, escape codes
    from the firmware/bootloader and an optional printk timestamp."""
    line = ANSI_RE.sub("", raw.rstrip("\r"))
    line = line.rsplit("\r", 1)[-1]    # a bare CR means "overwrite the line"
    return TIMESTAMP_RE.sub("", line, count=1)


def kib(size):
    return "-" if size is None else f"{size / 1024:.1f}"


def secs(t):
    return "-" if t is None else f"{t:.1f}"


def tests_str(row):
    if row.tests_passed is None:
        return "-"
    return f"{row.tests_passed}/{row.tests_failed}/{row.tests_skipped}"


# ---------------------------------------------------------- configuration

def discover_configs(srctree, seeds):
    configs = []
    for path in sorted((srctree / "configs").glob("*_defconfig")):
        expect = path.with_name(path.name + ".expect")
        configs.append(Config(path.name, path.name,
                              expect=expect if expect.is_file() else None))
    # The default configuration built with the LLVM tools throughout; its
    # banner names the compiler.
    configs.append(Config("x86_64_defconfig-llvm", "x86_64_defconfig",
                          make_vars=("LLVM=1",),
                          patterns=(r"^Keel version \S+ \(clang ",)))
    configs.append(Config("allnoconfig", "allnoconfig"))
    configs.append(Config("allyesconfig", "allyesconfig"))
    for seed in seeds:
        configs.append(Config(f"randconfig-{seed}", "randconfig", seed=seed))
    return configs


def select_configs(configs, wanted):
    """Restrict to the --configs names; randconfig-<seed> may name any seed."""
    if not wanted:
        return configs
    by_name = {c.name: c for c in configs}
    selected = []
    for name in wanted:
        config = by_name.get(name) or by_name.get(name + "_defconfig")
        if config is None:
            m = re.fullmatch(r"randconfig-(\d+)", name)
            if not m:
                known = ", ".join(by_name)
                raise SystemExit(f"bootmatrix: unknown config '{name}' "
                                 f"(known: {known})")
            config = Config(name, "randconfig", seed=int(m.group(1)))
        if config not in selected:
            selected.append(config)
    return selected


def parse_list(text):
    return [item.strip() for item in text.split(",") if item.strip()]


def parse_seeds(text):
    try:
        return [int(s) for s in parse_list(text)]
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad seed list '{text}'")


def check_mem(mem):
    if not MEM_RE.match(mem):
        raise argparse.ArgumentTypeError(f"bad memory size '{mem}'")
    return mem


def parse_mems(text):
    mems = [check_mem(mem) for mem in parse_list(text)]
    if not mems:
        raise argparse.ArgumentTypeError("no memory size given")
    return mems


def parse_rows(text):
    """CONFIG:SIZE[@MACHINE],... as (config, mem) pairs."""
    rows = []
    for item in parse_list(text):
        config, sep, mem = item.partition(":")
        if not sep or not config:
            raise argparse.ArgumentTypeError(
                f"bad row '{item}': want CONFIG:SIZE[@MACHINE]")
        rows.append((config, check_mem(mem)))
    return rows


def split_mem(mem):
    """"3584M@q35" -> ("3584M", "q35"); no machine gives None."""
    size, _, machine = mem.partition("@")
    return size, machine or None


def row_mems(config, args):
    """The memory sizes to boot @config at: --mem, then its --rows."""
    mems = list(args.mem)
    for name, mem in args.rows:
        if config.name in (name, name + "_defconfig") and mem not in mems:
            mems.append(mem)
    return mems


def parent_make_vars():
    """Command-line variables of the make that runs us, e.g. CC=clang.

    GNU make puts them after " -- " in MAKEFLAGS, separated by spaces, with
    spaces inside values escaped as "\\ "."""
    flags = os.environ.get("MAKEFLAGS", "")
    if "-- " not in f" {flags}":
        return []
    assignments = f" {flags}".split(" -- ", 1)[1]
    result = []
    for word in re.split(r"(?<!\\) ", assignments):
        word = word.replace("\\ ", " ")
        name = re.split(r"[:+?!]?=", word, maxsplit=1)[0]
        if "=" in word and name not in NOT_FORWARDED_VARS:
            result.append(word)
    return result


def config_options(dotconfig):
    """The options set to y in @dotconfig."""
    try:
        with open(dotconfig, encoding="utf-8", errors="replace") as f:
            return {line.strip()[len("CONFIG_"):-len("=y")] for line in f
                    if line.startswith("CONFIG_") and
                    line.strip().endswith("=y")}
    except OSError:
        return set()


def ktest_enabled(dotconfig):
    return "KTEST" in config_options(dotconfig)


def lacks_init(dotconfig):
    """A kernel with user space but, in its initramfs, no init program:
    its boot ends, as Linux's does, with "No working init found"."""
    options = config_options(dotconfig)
    return "BINFMT_ELF" in options and "INITRAMFS_INIT" not in options


def load_expect(path):
    if path is None:
        return []
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f
                if line.strip() and not line.lstrip().startswith("#")]


# ----------------------------------------------------------------- build

class Builder:
    def __init__(self, args):
        self.make = args.make
        self.srctree = args.srctree
        self.jobs = args.jobs
        self.fdargs = f"{BASE_FDARGS} {args.fdargs}".strip()
        self.make_vars = parent_make_vars() + args.make_var

    def env(self, seed):
        env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
        if seed is not None:
            env["KCONFIG_SEED"] = str(seed)
            # A random configuration must still be observable in QEMU.
            env["KCONFIG_ALLCONFIG"] = str(
                Path(self.srctree) / "kernel/configs/qemu.config")
        return env

    def run_make(self, config, outdir, step, log):
        cmd = [self.make, "-C", str(self.srctree), f"O={outdir}", *step,
               *config.make_vars, *self.make_vars]
        log.write("$ " + shlex.join(cmd) + "\n")
        log.flush()
        rc = subprocess.call(cmd, stdin=subprocess.DEVNULL, stdout=log,
                             stderr=subprocess.STDOUT,
                             env=self.env(config.seed))
        if rc != 0:
            return f"'make {step[0]}' failed with exit code {rc}"
        return None

    def build(self, config, outdir):
        outdir.mkdir(parents=True, exist_ok=True)
        log_path = outdir / "build.log"
        iso = outdir / "keel.iso"
        steps = [[config.target], [f"-j{self.jobs}"],
                 ["isoimage", f"FDARGS={self.fdargs}"]]
        start = time.monotonic()
        with open(log_path, "w", encoding="utf-8") as log:
            error = None
            for step in steps:
                if error := self.run_make(config, outdir, step, log):
                    break
            if not error and not iso.is_file():
                error = f"'make isoimage' did not produce {iso}"
            if error:
                log.write(f"bootmatrix: {error}\n")
        ok = error is None
        result = BuildResult(ok=ok, time=time.monotonic() - start,
                             log=log_path, log_tail=read_tail(log_path),
                             error=error or "")
        if ok:     # after a failure these would be stale leftovers
            result.image_size = loaded_size(outdir / "keel")
            result.iso_size = file_size(iso)
            result.ktest = ktest_enabled(outdir / ".config")
            result.no_init = lacks_init(outdir / ".config")
        return result


# ------------------------------------------------------------------ boot

class SerialMonitor:
    """Splits serial output into clean lines and watches for the markers
    that end a boot early."""

    def __init__(self):
        self.lines = []
        self.banners = 0
        self.panic = False
        self.panic_end = False
        self._partial = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def feed(self, data):
        text = self._partial + self._decoder.decode(data)
        *complete, self._partial = text.split("\n")
        for raw in complete:
            self._line(raw)
        # A panic that hangs before its newline must still stop the boot.
        if PANIC_MARKER in self._partial:
            self.panic = True

    def finish(self):
        rest = self._partial + self._decoder.decode(b"", final=True)
        self._partial = ""
        if rest:
            self._line(rest)

    def _line(self, raw):
        line = clean_line(raw)
        self.lines.append(line)
        if line.startswith(BANNER_PREFIX):
            self.banners += 1
        if PANIC_MARKER in line:
            self.panic = True
        if PANIC_END_MARKER in line:
            self.panic_end = True

    @property
    def reset_loop(self):
        return self.banners > 1


def _pump(stream, chunks):
    """Reader thread: forward QEMU's output as it arrives; None marks EOF."""
    try:
        while data := stream.read1(65536):
            chunks.put(data)
    except (OSError, ValueError):
        pass
    finally:
        chunks.put(None)


def _kill(proc):
    # QEMU runs in its own session, so this also reaps anything it spawned.
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()


def boot(cmd, log_path, timeout):
    monitor = SerialMonitor()
    chunks = queue.Queue()
    start = time.monotonic()
    deadline = start + timeout
    stop_reason = None
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT,
                                start_new_session=True)
        reader = threading.Thread(target=_pump, args=(proc.stdout, chunks),
                                  daemon=True)
        reader.start()
        panic_at = None

        def consume(data):
            log.write(data)
            log.flush()
            monitor.feed(data)

        try:
            while True:
                now = time.monotonic()
                if monitor.panic and panic_at is None:
                    panic_at = now
                if panic_at is not None and (
                        monitor.panic_end or now >= panic_at + PANIC_GRACE):
                    stop_reason = "panic"
                    break
                if monitor.reset_loop:
                    stop_reason = "reset-loop"
                    break
                if now >= deadline:
                    stop_reason = "timeout"
                    break
                wait = deadline - now
                if panic_at is not None:
                    wait = min(wait, panic_at + PANIC_GRACE - now)
                try:
                    data = chunks.get(timeout=max(wait, 0.0))
                except queue.Empty:
                    continue
                if data is None:
                    break
                consume(data)
            if stop_reason is None:
                # Output closed: QEMU is exiting; give it what time is left.
                try:
                    proc.wait(timeout=max(deadline - time.monotonic(), 0.1))
                except subprocess.TimeoutExpired:
                    stop_reason = "timeout"
        finally:
            exit_code = proc.poll()
            _kill(proc)
            elapsed = time.monotonic() - start
            reader.join(timeout=2)
            if not reader.is_alive():
                proc.stdout.close()
            # Keep whatever was still buffered when we stopped.
            while True:
                try:
                    data = chunks.get_nowait()
                except queue.Empty:
                    break
                if data is not None:
                    consume(data)
            monitor.finish()
    if monitor.panic:
        stop_reason = "panic"
    return BootResult(time=elapsed,
                      exit_code=None if stop_reason else exit_code,
                      stop_reason=stop_reason, lines=monitor.lines)


def qemu_command(args, iso, mem):
    size, machine = split_mem(mem)
    cmd = [args.qemu, "-accel", "kvm" if args.kvm else "tcg", "-m", size]
    if machine:
        cmd += ["-machine", machine]
    return cmd + ["-cdrom", str(iso), "-boot", "d", "-display", "none",
                  "-serial", "stdio", "-monitor", "none", "-no-reboot",
                  "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]


# ------------------------------------------------------------ evaluation

def parse_ktap(lines):
    cases = []
    totals = None
    suite = "ktest"
    diagnostics = []
    for line in lines:
        if m := KTAP_TOTALS_RE.match(line):
            totals = dict(zip(("pass", "fail", "skip", "total"),
                              map(int, m.groups())))
        elif m := KTAP_SUBTEST_RE.match(line):
            suite = m["suite"]
            diagnostics = []
        elif (m := KTAP_RESULT_RE.match(line)) and \
                0 < len(m["indent"].expandtabs(8)) < KTAP_DIAG_INDENT:
            if (m["directive"] or "").upper() == "SKIP":
                result = "skip"
            else:
                result = "pass" if m["result"] == "ok" else "fail"
            cases.append(KtapCase(suite, m["name"], result,
                                  (m["reason"] or "").strip(), diagnostics))
            diagnostics = []
        elif line.startswith(" " * KTAP_DIAG_INDENT):
            diagnostics.append(line[KTAP_DIAG_INDENT:].rstrip())
    return Ktap(cases, totals)


def record_tests(row, ktap):
    counts = {r: sum(c.result == r for c in ktap.cases)
              for r in ("pass", "fail", "skip")}
    if row.ktest or ktap.cases:
        row.tests_passed = counts["pass"]
        row.tests_failed = counts["fail"]
        row.tests_skipped = counts["skip"]
    row.totals = ktap.totals
    row.test_cases = [asdict(c) for c in ktap.cases]
    row.failed_tests = [f"{c.suite}.{c.name}" for c in ktap.cases
                        if c.result == "fail"]
    return counts


NO_INIT_PANIC = PANIC_MARKER + ": No working init found."


def boot_status(boot, lines, no_init=False):
    """The status from how the boot ended, or None for a clean power-off
    (or, for a kernel with no init program, Linux's panic for it)."""
    if boot.stop_reason == "panic":
        panic = next(line[line.index(PANIC_MARKER):] for line in lines
                     if PANIC_MARKER in line)
        if no_init and panic.startswith(NO_INIT_PANIC):
            return None
        return "panic", panic
    if boot.stop_reason:
        return boot.stop_reason, {
            "reset-loop": "banner printed twice: the machine reset",
            "timeout": "no power-off before the timeout",
        }[boot.stop_reason]
    powered_off = any(POWEROFF_MARKER in line for line in lines)
    # 0 is an ACPI power-off, odd codes come from isa-debug-exit; negative
    # ones mean QEMU was killed by a signal.
    code = boot.exit_code
    clean_exit = code is not None and code >= 0 and (code == 0 or code % 2)
    if powered_off and clean_exit:
        return None
    if powered_off:
        return "reset", f"QEMU exited with {boot.exit_code} after power-off"
    return "reset", (f"QEMU exited with {boot.exit_code} without "
                     f"'{POWEROFF_MARKER}' (triple fault or reboot?)")


def missing_patterns(patterns, lines):
    missing = []
    for pattern in patterns:
        try:
            regex = re.compile(pattern)
        except re.error as e:
            missing.append(f"{pattern} (invalid: {e})")
            continue
        if not any(regex.search(line) for line in lines):
            missing.append(pattern)
    return missing


MEMORY_RE = re.compile(r"^Memory: (\d+)K/(\d+)K available")
# QEMU's RAM minus what the boot loader's map holds back (the EBDA and the
# legacy hole below 1 MiB) stays within this of -m.
MEMORY_SLACK_KB = 2048


def mem_kib(mem):
    """QEMU's -m value ("16M", "4G", "3584M@q35") in KiB."""
    size, _ = split_mem(mem)
    units = {"K": 1, "M": 1024, "G": 1024 * 1024, "T": 1024 ** 3}
    if size[-1].isdigit():
        return int(size) * 1024        # QEMU's default unit is MiB
    return int(size[:-1]) * units[size[-1].upper()]


def memory_problem(lines, mem):
    """Why the kernel's "Memory:" totals do not fit -m, or None."""
    found = [MEMORY_RE.match(line) for line in lines]
    found = [m for m in found if m]
    if not found:
        return "no 'Memory: ...K/...K available' line"
    avail, total = int(found[0].group(1)), int(found[0].group(2))
    want = mem_kib(mem)
    if not want - MEMORY_SLACK_KB <= total <= want or avail > total:
        return (f"Memory: {avail}K/{total}K available does not fit "
                f"-m {mem} ({want}K)")
    return None


def unexpected_reports(lines):
    """Bug reports outside the KTEST suites.  Inside a suite, KTEST fails
    the running case for a report it did not expect (KTEST_EXPECT_REPORT),
    so the report is already judged there."""
    found = []
    in_suite = False
    for line in lines:
        if KTAP_SUBTEST_RE.match(line):
            in_suite = True
        elif (m := KTAP_RESULT_RE.match(line)) and not m["indent"]:
            in_suite = False
        elif not in_suite and BUG_REPORT_RE.match(line):
            found.append(line.strip())
    return found


def evaluate(row, boot, patterns):
    """Fill in the row's status; the first problem found decides it."""
    lines = boot.lines
    ktap = parse_ktap(lines)
    counts = record_tests(row, ktap)
    has_banner = any(line.startswith(BANNER_PREFIX) for line in lines)
    row.missing_markers = missing_patterns(patterns, lines)
    if not has_banner:
        row.missing_markers.insert(0, f"^{BANNER_PREFIX}")

    if status := boot_status(boot, lines, row.no_init):
        row.status, row.detail = status
    elif not has_banner:
        row.status, row.detail = "marker-missing", "no banner"
    elif row.ktest and ktap.totals is None:
        row.status, row.detail = "ktest-incomplete", "no '# Totals:' line"
    elif row.failed_tests or (ktap.totals or {}).get("fail"):
        row.status = "test-failed"
        row.detail = ", ".join(row.failed_tests) or "Totals report failures"
    elif ktap.totals and any(ktap.totals[k] != counts[k] for k in counts):
        row.status = "ktest-incomplete"
        row.detail = (f"parsed {counts['pass']}/{counts['fail']}/"
                      f"{counts['skip']} cases but Totals say "
                      f"{ktap.totals['pass']}/{ktap.totals['fail']}/"
                      f"{ktap.totals['skip']}")
    elif reports := unexpected_reports(lines):
        row.status = "bug-report"
        row.detail = f"{len(reports)} outside KTEST, first: {reports[0]}"
    elif row.missing_markers:
        row.status = "marker-missing"
        row.detail = "missing: " + ", ".join(row.missing_markers)
    elif problem := memory_problem(lines, row.mem):
        row.status, row.detail = "memory-mismatch", problem
    else:
        row.status = "ok"
    if not row.ok:
        row.log_tail = tail(lines)


# ---------------------------------------------------------------- report

def progress_line(index, total, row, width):
    return (f"[{index:>{len(str(total))}}/{total}] {row.config:<{width}}  "
            f"{row.mem:>9}  {row.status:<16}  build {secs(row.build_time)}s  "
            f"keel {kib(row.image_size)} KiB  boot {secs(row.boot_time)}s  "
            f"tests {tests_str(row)}")


def print_failure(row, shown_logs):
    print(f"    {row.status}: {row.detail}")
    log = row.boot_log or row.build_log
    print(f"    log: {log}")
    # A failed build is shared by all memory sizes: show its tail once.
    if log not in shown_logs:
        shown_logs.add(log)
        for line in row.log_tail:
            print(f"    | {line}")


def print_table(rows):
    header = ("config", "mem", "status", "build s", "keel KiB", "boot s",
              "tests p/f/s")
    table = [header] + [(r.config, r.mem, r.status, secs(r.build_time),
                         kib(r.image_size), secs(r.boot_time), tests_str(r))
                        for r in rows]
    widths = [max(len(cells[i]) for cells in table)
              for i in range(len(header))]
    for n, cells in enumerate(table):
        print("  ".join(c.ljust(w) if i < 3 else c.rjust(w)
                        for i, (c, w) in enumerate(zip(cells, widths)))
              .rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def write_json(rows, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump([asdict(r) for r in rows], f, indent=2)
        f.write("\n")


def _suite_element(parent, name, cases, time_s):
    failures = sum(c.get("result") == "fail" for c in cases)
    skipped = sum(c.get("result") == "skip" for c in cases)
    return ET.SubElement(parent, "testsuite", name=name,
                         tests=str(len(cases)), failures=str(failures),
                         errors="0", skipped=str(skipped),
                         time=f"{time_s:.3f}")


def write_junit(rows, path):
    root = ET.Element("testsuites")
    suite = _suite_element(root, "bootmatrix",
                           [{"result": "pass" if r.ok else "fail"}
                            for r in rows],
                           sum(r.boot_time or 0 for r in rows))
    for r in rows:
        case = ET.SubElement(suite, "testcase",
                             classname=f"bootmatrix.{r.config}",
                             name=f"boot-{r.mem}",
                             time=f"{r.boot_time or 0:.3f}")
        if not r.ok:
            failure = ET.SubElement(case, "failure",
                                    message=f"{r.status}: {r.detail}")
            failure.text = "\n".join(r.log_tail)
    for r in rows:
        if not r.test_cases:
            continue
        ktest = _suite_element(root, f"ktest.{r.config}.boot-{r.mem}",
                               r.test_cases, 0)
        for c in r.test_cases:
            case = ET.SubElement(ktest, "testcase",
                                 classname=f"ktest.{r.config}.{c['suite']}",
                                 name=c["name"], time="0")
            if c["result"] == "fail":
                name = f"{c['suite']}.{c['name']}"
                failure = ET.SubElement(case, "failure",
                                        message=f"{name} failed")
                failure.text = "\n".join(c["diagnostics"])
            elif c["result"] == "skip":
                ET.SubElement(case, "skipped", message=c["reason"])
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


# ------------------------------------------------------------------ main

def parse_args(argv):
    default_srctree = Path(__file__).resolve().parent.parent
    p = argparse.ArgumentParser(
        description="Build every Keel config and boot it in QEMU.",
        epilog="Results go to <builddir>/bootmatrix/{results.json,junit.xml}.")
    p.add_argument("--srctree", type=Path, default=default_srctree,
                   help="Keel source tree (default: %(default)s)")
    p.add_argument("--builddir", type=Path,
                   help="build output root (default: <srctree>/build)")
    p.add_argument("--configs", type=parse_list,
                   help="comma list to run, e.g. tiny,allnoconfig,"
                        "randconfig-2 (default: all)")
    p.add_argument("--rand-seeds", type=parse_seeds,
                   default=parse_seeds(DEFAULT_SEEDS),
                   help=f"randconfig seeds (default: {DEFAULT_SEEDS}; "
                        "'' for none)")
    p.add_argument("--mem", type=parse_mems, default=[DEFAULT_MEM],
                   help="comma list of QEMU memory sizes, one boot each "
                        f"(default: {DEFAULT_MEM})")
    p.add_argument("--rows", type=parse_rows, default=[],
                   help="comma list of extra CONFIG:SIZE[@MACHINE] rows, "
                        "booted when CONFIG is selected, e.g. "
                        "x86_64:3584M@q35")
    p.add_argument("--timeout", type=float, default=60,
                   help="seconds per boot (default: %(default)s)")
    p.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                   help="make -j for each build (default: %(default)s)")
    p.add_argument("--qemu", default="qemu-system-x86_64",
                   help="QEMU binary (default: %(default)s)")
    p.add_argument("--kvm", action="store_true",
                   help="use -accel kvm instead of tcg")
    p.add_argument("--make", default="make", help="make binary")
    p.add_argument("--make-var", action="append", default=[],
                   metavar="NAME=VALUE",
                   help="extra make variable for every build (repeatable)")
    p.add_argument("--fdargs", default="",
                   help=f"extra kernel command line; FDARGS is "
                        f"'{BASE_FDARGS} <this>'")
    p.add_argument("--keep-going", action="store_true",
                   help="accepted for compatibility; always on")
    p.add_argument("--list", action="store_true",
                   help="print the rows that would run and exit")
    args = p.parse_args(argv)
    for var in args.make_var:
        if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", var):
            p.error(f"--make-var wants NAME=VALUE, got '{var}'")
    args.srctree = args.srctree.resolve()
    args.builddir = (args.builddir or args.srctree / "build").resolve()
    return args


def check_tools(args):
    if shutil.which(args.qemu) is None:
        raise SystemExit(f"bootmatrix: {args.qemu} not found: "
                         "run scripts/install-deps.sh")
    if shutil.which(args.make) is None:
        raise SystemExit(f"bootmatrix: {args.make} not found")


def run_config(config, args, builder, matrix_dir):
    """Build one config and boot it once per memory size; yields rows."""
    outdir = matrix_dir / config.name
    build = builder.build(config, outdir)
    patterns = load_expect(config.expect) + list(config.patterns)
    for mem in row_mems(config, args):
        row = Row(config=config.name, target=config.target, mem=mem,
                  build_dir=str(outdir), build_time=build.time,
                  image_size=build.image_size, iso_size=build.iso_size,
                  ktest=build.ktest, no_init=build.no_init,
                  build_log=str(build.log))
        if not build.ok:
            row.status, row.detail = "build-failed", build.error
            row.log_tail = build.log_tail
        else:
            log_path = outdir / f"boot-{mem}.log"
            result = boot(qemu_command(args, outdir / "keel.iso", mem),
                          log_path, args.timeout)
            row.boot_log = str(log_path)
            row.boot_time = result.time
            row.qemu_exit = result.exit_code
            evaluate(row, result, patterns)
        yield row


BUILD_PRODUCTS = shutil.ignore_patterns(
    "*.o", "*.a", ".*.cmd", ".*.d", ".tmp_*", "__pycache__")
# Products of an in-tree build that only exist at these places.
TOP_PRODUCTS = {".": {".config", ".config.old", "keel", "keel.iso",
                      "System.map", ".isoimage", "bootmatrix", "check",
                      ".git", "defconfig", "compile_commands.json"},
                "include": {"config", "generated"},
                "scripts/basic": {"fixdep"}}


def build_product_filter(top):
    def ignore(directory, names):
        rel = os.path.relpath(directory, top)
        return BUILD_PRODUCTS(directory, names) | (
            TOP_PRODUCTS.get(rel, set()) & set(names))
    return ignore


def snapshot_tree(src, dst):
    """Copy the source files of @src to @dst: what git sees (tracked, and
    untracked but not ignored) in a git checkout, else everything but build
    products.  Times are kept, so builds from the copy stay incremental
    across runs."""
    shutil.rmtree(dst, ignore_errors=True)
    if not (src / ".git").exists():
        shutil.copytree(src, dst, ignore=build_product_filter(src))
        return dst
    names = subprocess.run(["git", "-C", str(src), "ls-files", "-co",
                            "--exclude-standard"], stdout=subprocess.PIPE,
                           text=True, check=True).stdout
    for name in names.splitlines():
        if (src / name).is_file():
            (dst / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / name, dst / name)
    return dst


def has_in_tree_build(srctree):
    """O= builds refuse a source tree holding an in-tree configuration."""
    return (srctree / ".config").exists() or \
        (srctree / "include/config").exists()


def main(argv=None):
    args = parse_args(argv)
    if has_in_tree_build(args.srctree):
        snapshot = args.builddir / "bootmatrix" / "src"
        print(f"bootmatrix: {args.srctree} has an in-tree build; "
              f"building from a copy in {snapshot}")
        args.srctree = snapshot_tree(args.srctree, snapshot)
    configs = select_configs(discover_configs(args.srctree, args.rand_seeds),
                             args.configs)
    matrix_dir = args.builddir / "bootmatrix"
    total = sum(len(row_mems(c, args)) for c in configs)
    width = max((len(c.name) for c in configs), default=6)

    if args.list:
        for c in configs:
            for mem in row_mems(c, args):
                seed = f"  KCONFIG_SEED={c.seed}" if c.seed is not None else ""
                print(f"{c.name:<{width}}  {mem:>9}  {c.target}{seed}  "
                      f"{matrix_dir / c.name}")
        return 0

    check_tools(args)
    matrix_dir.mkdir(parents=True, exist_ok=True)
    builder = Builder(args)
    rows = []
    shown_logs = set()
    interrupted = False
    try:
        for config in configs:
            for row in run_config(config, args, builder, matrix_dir):
                rows.append(row)
                print(progress_line(len(rows), total, row, width), flush=True)
                if not row.ok:
                    print_failure(row, shown_logs)
    except KeyboardInterrupt:
        interrupted = True
        print("bootmatrix: interrupted", file=sys.stderr)

    write_json(rows, matrix_dir / "results.json")
    write_junit(rows, matrix_dir / "junit.xml")
    passed = sum(r.ok for r in rows)
    failed = len(rows) - passed
    print()
    print_table(rows)
    print(f"\nresults: {matrix_dir / 'results.json'}, "
          f"{matrix_dir / 'junit.xml'}")
    print(f"bootmatrix: {passed} passed, {failed} failed")
    if interrupted:
        return 130
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
