#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Keel's benchmarks (Documentation/dev-tools/benchmarks.rst), in two parts.

ubench: build x86_64_defconfig and the user-space microbenchmarks
(tools/bench, "make ubench") under <builddir>/bench/ubench, fetch Debian's
Linux kernel as scripts/linux_ref.py does, boot both kernels in turns
(Keel, Linux, Keel, Linux, ...: TCG's speed drifts) with the same
ubench.cpio and the same QEMU settings, and print for each benchmark the
median over the boots of each kernel's figure and the ratio Keel/Linux.

KBENCH: build x86_64_defconfig with CONFIG_KBENCH=y under
<builddir>/bench (the default kernel: no debug options to slow the
allocators down), boot it with "kbench" on the command line and print the
in-kernel results ("kbench: <name>: <N> ns/op (<iterations> iterations)").

Examples:
  scripts/bench.py --builddir /tmp/out
  scripts/bench.py --rounds 5 --filter getpid,pipe_roundtrip --no-kbench
  scripts/bench.py --no-ubench --kbench-filter 'kmalloc*' --mem 4G
"""
import argparse
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bootmatrix  # noqa: E402
import linux_ref  # noqa: E402

KBENCH_LINE = re.compile(
    r"kbench: (\S+): (\d+) ns/op \((\d+) iterations\)")
UBENCH_LINE = re.compile(
    r"^ubench: (\S+): (\d+) ns/op \((\d+) iterations\)")
UBENCH_TSC = re.compile(r"^# ubench: (\S+): (\d+) tsc/op$")
UBENCH_ERROR = re.compile(r"^ubench: (\S+): error: (.*)$")
UBENCH_START = re.compile(r"^# ubench: start: tsc (\d+)")
UBENCH_DONE = re.compile(r"^# ubench: done: .* (\d+) ms, tsc (\d+)")
# The ratio the benchmarks aim at: Keel at most half of Linux's time.
TARGET_RATIO = 0.5
# Seconds a ubench run must last for the host to time the guest's TSC.
MIN_TIMED_RUN = 1.0
# --guest-clock: the figures by each guest's CLOCK_MONOTONIC, not the TSC.
GUEST_CLOCK = False


class BenchConfig:
    """What bootmatrix's Builder needs to know about a configuration."""
    target = "x86_64_defconfig"
    seed = None
    make_vars = ()


def parse_args(argv):
    default_srctree = Path(__file__).resolve().parent.parent
    p = argparse.ArgumentParser(
        description="Run Keel's benchmarks in QEMU: ubench on Keel and "
        "Linux, and the in-kernel KBENCH.")
    p.add_argument("--srctree", type=Path, default=default_srctree,
                   help="Keel source tree (default: %(default)s)")
    p.add_argument("--builddir", type=Path,
                   help="build output root (default: <srctree>/build)")
    p.add_argument("--rounds", type=int, default=3,
                   help="boots of each kernel for ubench (default: "
                   "%(default)s)")
    p.add_argument("--bench-rounds", type=int, default=5,
                   help="rounds of each benchmark within a boot, the "
                   "median reported (default: %(default)s)")
    p.add_argument("--ms", type=int, default=400,
                   help="target milliseconds of one round (default: "
                   "%(default)s)")
    p.add_argument("--filter", default="",
                   help="comma-separated ubench benchmarks (default: all)")
    p.add_argument("--no-linux", action="store_true",
                   help="boot only Keel for ubench")
    p.add_argument("--offline", action="store_true",
                   help="use the cached Linux kernel; do not ask apt")
    p.add_argument("--cache", type=Path, default=linux_ref.default_cache(),
                   help="where linux_ref.py keeps Debian's kernel "
                   "(default: %(default)s)")
    p.add_argument("--guest-clock", action="store_true",
                   help="tabulate ns/op by each guest's CLOCK_MONOTONIC "
                   "instead of by the host-timed TSC")
    p.add_argument("--cpu", default="max",
                   help="QEMU -cpu for both kernels (default: %(default)s)")
    p.add_argument("--ubench-mem", default="512M",
                   help="QEMU memory for ubench (default: %(default)s)")
    p.add_argument("--no-ubench", action="store_true",
                   help="skip the user-space benchmarks")
    p.add_argument("--no-kbench", action="store_true",
                   help="skip the in-kernel KBENCH benchmarks")
    p.add_argument("--kbench-filter", default="",
                   help="glob selecting KBENCH benchmarks (default: all)")
    p.add_argument("--mem", default=bootmatrix.DEFAULT_MEM,
                   help="QEMU memory size for KBENCH (default: %(default)s)")
    p.add_argument("--timeout", type=float, default=300,
                   help="seconds for one boot (default: %(default)s)")
    p.add_argument("--jobs", "-j", type=int, default=2,
                   help="make -j (default: %(default)s)")
    p.add_argument("--qemu", default="qemu-system-x86_64",
                   help="QEMU binary (default: %(default)s)")
    p.add_argument("--kvm", action="store_true",
                   help="use -accel kvm instead of tcg")
    p.add_argument("--make", default="make", help="make binary")
    args = p.parse_args(argv)
    if args.rounds < 1 or args.bench_rounds < 1 or args.ms < 1:
        p.error("--rounds, --bench-rounds and --ms must be positive")
    args.srctree = args.srctree.resolve()
    args.builddir = (args.builddir or args.srctree / "build").resolve()
    args.fdargs = ("kbench=" + args.kbench_filter if args.kbench_filter
                   else "kbench")
    args.make_var = []
    return args


def run_steps(args, outdir, steps, extra_config=""):
    """make <defconfig> [+ @extra_config, olddefconfig] and @steps in
    @outdir; returns (error or None, the log's path)."""
    builder = bootmatrix.Builder(args)
    config = BenchConfig()
    outdir.mkdir(parents=True, exist_ok=True)
    log_path = outdir / "build.log"
    with open(log_path, "w", encoding="utf-8") as log:
        if error := builder.run_make(config, outdir, [config.target], log):
            return error, log_path
        if extra_config:
            with open(outdir / ".config", "a",
                      encoding="utf-8") as dotconfig:
                dotconfig.write(extra_config)
            steps = [["olddefconfig"]] + steps
        for step in steps:
            if error := builder.run_make(config, outdir, step, log):
                return error, log_path
    return None, log_path


# ------------------------------------------------------------- ubench

def ubench_command(args, kernel, cpio):
    append = ["console=ttyS0", "panic=-1", "loglevel=4",
              f"ubench_rounds={args.bench_rounds}", f"ubench_ms={args.ms}"]
    if args.filter:
        append.append("ubench=" + args.filter)
    return [args.qemu, "-accel", "kvm" if args.kvm else "tcg",
            "-cpu", args.cpu, "-m", args.ubench_mem, "-display", "none",
            "-serial", "stdio", "-monitor", "none", "-no-reboot",
            "-kernel", str(kernel), "-initrd", str(cpio),
            "-append", " ".join(append)]


def boot_timed(cmd, log_path, timeout):
    """Boots @cmd; returns ([(host seconds, line)], seconds, problem).
    Each serial line comes with the host's monotonic time of its arrival,
    to time the guest's TSC by."""
    lines = []
    start = time.monotonic()
    problem = None
    with open(log_path, "w", encoding="utf-8", errors="replace") as log:
        log.write("# " + " ".join(cmd) + "\n")
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)

        def pump():
            for raw in proc.stdout:
                line = raw.decode(errors="replace").rstrip("\r\n")
                lines.append((time.monotonic(), line))
                log.write(line + "\n")

        reader = threading.Thread(target=pump, daemon=True)
        reader.start()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            problem = "timed out after %.0f s" % timeout
        reader.join(timeout=5)
    return lines, time.monotonic() - start, problem


class KernelRuns:
    """One kernel's ubench figures over its boots."""

    def __init__(self, label, kernel):
        self.label = label
        self.kernel = kernel
        self.guest_ns = {}     # name -> [ns/op by the guest's clock]
        self.tsc = {}          # name -> [ns/op by the TSC, host-timed]
        self.errors = {}       # name -> the error line
        self.problems = []     # boots that did not finish
        self.notes = []        # boots whose figures are the guest clock's
        self.tsc_mhz = []      # the TSC's rate in each boot
        self.clock_rate = []   # guest CLOCK_MONOTONIC / host time

    def add_boot(self, lines, log, problem):
        start = done = None
        ticks = {}
        for when, line in lines:
            if m := UBENCH_LINE.match(line):
                self.guest_ns.setdefault(m.group(1), []).append(
                    int(m.group(2)))
            elif m := UBENCH_TSC.match(line):
                ticks[m.group(1)] = int(m.group(2))
            elif m := UBENCH_ERROR.match(line):
                self.errors.setdefault(m.group(1), m.group(2))
            elif m := UBENCH_START.match(line):
                start = (when, int(m.group(1)))
            elif m := UBENCH_DONE.match(line):
                done = (when, int(m.group(2)), int(m.group(1)))
        if problem or not done:
            self.problems.append("%s: %s; see %s" % (
                self.label, problem or "no '# ubench: done'", log))
        if not start or not done:
            return
        host_s = done[0] - start[0]
        if host_s < MIN_TIMED_RUN:
            # Too short to time the TSC by the serial lines' arrival.
            self.notes.append(
                "%s: a run of %.2f s is too short to time the TSC; its "
                "figures are the guest clock's (see %s)" % (
                    self.label, host_s, log))
            for name, ns in self.guest_ns.items():
                if name in ticks:
                    self.tsc.setdefault(name, []).append(ns[-1])
            return
        hz = (done[1] - start[1]) / host_s
        self.tsc_mhz.append(hz / 1e6)
        self.clock_rate.append(done[2] / 1000 / host_s)
        for name, t in ticks.items():
            self.tsc.setdefault(name, []).append(t / hz * 1e9)

    def names(self):
        return list(self.guest_ns) + [n for n in self.errors
                                      if n not in self.guest_ns]

    def figures(self, name):
        return (self.guest_ns if GUEST_CLOCK else self.tsc).get(name)

    def median(self, name):
        values = self.figures(name)
        return statistics.median(values) if values else None

    def spread(self, name):
        """(max - min) / median over the boots, in percent."""
        values = self.figures(name)
        if not values or len(values) < 2:
            return None
        return 100.0 * (max(values) - min(values)) / statistics.median(
            values)


def fmt_ns(value):
    return "-" if value is None else "%.0f" % value


def fmt_spread(value):
    return "" if value is None else " ±%.0f%%" % (value / 2)


def print_ubench_table(keel, linux):
    names = []
    for runs in (keel, linux):
        if runs:
            names += [n for n in runs.names() if n not in names]
    width = max([len("benchmark")] + [len(n) for n in names])
    print(f"{'benchmark':<{width}}  {'Keel ns/op':>16}  "
          f"{'Linux ns/op':>16}  {'Keel/Linux':>10}")
    over = []
    for name in names:
        k, lx = keel.median(name), linux.median(name) if linux else None
        cells = []
        for runs, value in ((keel, k), (linux, lx)):
            if runs and name in runs.errors and value is None:
                cells.append("error")
            else:
                cells.append(fmt_ns(value) + (
                    fmt_spread(runs.spread(name)) if runs else ""))
        ratio = "-"
        if k is not None and lx:
            ratio = "%.2f" % (k / lx)
            if k / lx > TARGET_RATIO:
                ratio += " *"
                over.append(name)
        print(f"{name:<{width}}  {cells[0]:>16}  {cells[1]:>16}  "
              f"{ratio:>10}")
    print(f"(median over the boots, ± half the spread between them; "
          f"* above the target ratio {TARGET_RATIO:.2f})")
    print("(nanoseconds by the " + (
        "guest's CLOCK_MONOTONIC" if GUEST_CLOCK else
        "TSC, its rate timed by the host over each boot's run") + ")")
    for runs in (keel, linux):
        if not runs:
            continue
        if runs.clock_rate:
            print("bench: %s: TSC %.0f-%.0f MHz; CLOCK_MONOTONIC ran at "
                  "%.0f-%.0f%% of the host's time" % (
                      runs.label, min(runs.tsc_mhz), max(runs.tsc_mhz),
                      100 * min(runs.clock_rate),
                      100 * max(runs.clock_rate)))
        for name, error in runs.errors.items():
            print(f"bench: {runs.label}: {name}: {error}")
        for problem in runs.notes + runs.problems:
            print(f"bench: {problem}")
    return over


def run_ubench(args, outdir):
    print(f"  BUILD   {BenchConfig.target} + make ubench in {outdir}")
    error, log_path = run_steps(args, outdir, [[f"-j{args.jobs}", "keel"],
                                               ["ubench"]])
    if error:
        print(f"bench: {error}; see {log_path}", file=sys.stderr)
        return 1
    cpio = outdir / "tools/bench/ubench.cpio"
    keel = KernelRuns("Keel", outdir / "keel")
    linux = None
    if args.no_linux:
        print("bench: Linux skipped (--no-linux): no ratios")
    else:
        try:
            vmlinuz = linux_ref.fetch_kernel(args.cache, args.offline)
            linux = KernelRuns("Linux", vmlinuz)
        except linux_ref.RefError as err:
            print("bench: Linux skipped: cannot fetch Debian's kernel: %s"
                  % str(err).replace("\n", "\n  "))
    kernels = [keel] + ([linux] if linux else [])
    print(f"  QEMU    -cpu {args.cpu} -m {args.ubench_mem}, "
          f"{args.rounds} boot(s) of " +
          " and ".join(r.kernel.name for r in kernels) +
          (" in turns, " if len(kernels) > 1 else ", ") +
          f"{args.bench_rounds} rounds of ~{args.ms} ms per benchmark")
    for rnd in range(1, args.rounds + 1):
        for runs in kernels:
            log = outdir / f"{runs.label.lower()}-{rnd}.log"
            cmd = ubench_command(args, runs.kernel, cpio)
            lines, seconds, problem = boot_timed(cmd, log, args.timeout)
            runs.add_boot(lines, log, problem)
            print(f"  BOOT    {runs.label} {rnd}/{args.rounds}: "
                  f"{seconds:.0f} s{', ' + problem if problem else ''}"
                  f" ({log.name})")
            sys.stdout.flush()
    if not keel.names():
        print(f"bench: no ubench results from Keel; see {outdir}/keel-*.log",
              file=sys.stderr)
        return 1
    print()
    over = print_ubench_table(keel, linux)
    measured = [n for n in keel.names() if keel.median(n) is not None]
    if linux and linux.names():
        print(f"bench: {len(measured) - len(over)} of {len(measured)} Keel "
              f"figures at most {TARGET_RATIO:.2f} of Linux's")
    return 1 if keel.errors or keel.problems else 0


# ------------------------------------------------------------- KBENCH

def print_kbench_table(results):
    width = max([len("benchmark")] + [len(r[0]) for r in results])
    print(f"{'benchmark':<{width}}  {'ns/op':>8}  {'iterations':>11}")
    for name, ns, iters in results:
        print(f"{name:<{width}}  {ns:>8}  {iters:>11}")


def run_kbench(args, outdir):
    print(f"  BUILD   {BenchConfig.target} + CONFIG_KBENCH=y in {outdir}")
    builder = bootmatrix.Builder(args)
    error, log_path = run_steps(
        args, outdir, [[f"-j{args.jobs}"],
                       ["isoimage", f"FDARGS={builder.fdargs}"]],
        "CONFIG_KBENCH=y\n")
    if error:
        print(f"bench: {error}; see {log_path}", file=sys.stderr)
        return 1
    print(f"  QEMU    -m {args.mem}: {args.fdargs}")
    cmd = bootmatrix.qemu_command(args, outdir / "keel.iso", args.mem)
    log = outdir / "boot.log"
    result = bootmatrix.boot(cmd, log, args.timeout)
    results = [(m.group(1), int(m.group(2)), int(m.group(3)))
               for m in map(KBENCH_LINE.search, result.lines) if m]
    if result.stop_reason:
        print(f"bench: boot stopped: {result.stop_reason}; see {log}",
              file=sys.stderr)
        return 1
    if not results:
        print(f"bench: no kbench results in {log}", file=sys.stderr)
        return 1
    print_kbench_table(results)
    return 0


def main(argv=None):
    global GUEST_CLOCK
    start = time.monotonic()
    args = parse_args(argv)
    GUEST_CLOCK = args.guest_clock
    for tool in (args.qemu, args.make):
        if shutil.which(tool) is None:
            raise SystemExit(f"bench: {tool} not found")
    outdir = args.builddir / "bench"
    if bootmatrix.has_in_tree_build(args.srctree):
        args.srctree = bootmatrix.snapshot_tree(args.srctree, outdir / "src")
    rc = 0
    if not args.no_ubench:
        rc |= run_ubench(args, outdir / "ubench")
    if not args.no_kbench:
        if not args.no_ubench:
            print()
        rc |= run_kbench(args, outdir)
    print(f"bench: {time.monotonic() - start:.0f} s in all")
    return rc


if __name__ == "__main__":
    sys.exit(main())
