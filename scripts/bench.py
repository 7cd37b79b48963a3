#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Build x86_64_defconfig with CONFIG_KBENCH=y under <builddir>/bench (the
default kernel: no debug options to slow the allocators down), boot it
in QEMU with "kbench" on the command line and print the KBENCH results
("kbench: <name>: <N> ns/op (<iterations> iterations)") as a table.

Examples:
  scripts/bench.py --builddir /tmp/out
  scripts/bench.py --filter 'kmalloc*' --mem 4G
"""
import argparse
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bootmatrix  # noqa: E402

KBENCH_LINE = re.compile(
    r"kbench: (\S+): (\d+) ns/op \((\d+) iterations\)")


class BenchConfig:
    """What bootmatrix's Builder needs to know about a configuration."""
    target = "x86_64_defconfig"
    seed = None


def parse_args(argv):
    default_srctree = Path(__file__).resolve().parent.parent
    p = argparse.ArgumentParser(
        description="Run Keel's in-kernel KBENCH benchmarks in QEMU.")
    p.add_argument("--srctree", type=Path, default=default_srctree,
                   help="Keel source tree (default: %(default)s)")
    p.add_argument("--builddir", type=Path,
                   help="build output root (default: <srctree>/build)")
    p.add_argument("--filter", default="",
                   help="glob selecting benchmarks by name (default: all)")
    p.add_argument("--mem", default=bootmatrix.DEFAULT_MEM,
                   help="QEMU memory size (default: %(default)s)")
    p.add_argument("--timeout", type=float, default=300,
                   help="seconds for the boot (default: %(default)s)")
    p.add_argument("--jobs", "-j", type=int, default=2,
                   help="make -j (default: %(default)s)")
    p.add_argument("--qemu", default="qemu-system-x86_64",
                   help="QEMU binary (default: %(default)s)")
    p.add_argument("--kvm", action="store_true",
                   help="use -accel kvm instead of tcg")
    p.add_argument("--make", default="make", help="make binary")
    args = p.parse_args(argv)
    args.srctree = args.srctree.resolve()
    args.builddir = (args.builddir or args.srctree / "build").resolve()
    args.fdargs = "kbench=" + args.filter if args.filter else "kbench"
    args.make_var = []
    return args


def build(args, outdir):
    builder = bootmatrix.Builder(args)
    config = BenchConfig()
    outdir.mkdir(parents=True, exist_ok=True)
    log_path = outdir / "build.log"
    with open(log_path, "w", encoding="utf-8") as log:
        if error := builder.run_make(config, outdir, [config.target], log):
            return error, log_path
        with open(outdir / ".config", "a", encoding="utf-8") as dotconfig:
            dotconfig.write("CONFIG_KBENCH=y\n")
        for step in (["olddefconfig"], [f"-j{args.jobs}"],
                     ["isoimage", f"FDARGS={builder.fdargs}"]):
            if error := builder.run_make(config, outdir, step, log):
                return error, log_path
    return None, log_path


def print_table(results):
    width = max([len("benchmark")] + [len(r[0]) for r in results])
    print(f"{'benchmark':<{width}}  {'ns/op':>8}  {'iterations':>11}")
    for name, ns, iters in results:
        print(f"{name:<{width}}  {ns:>8}  {iters:>11}")


def main(argv=None):
    args = parse_args(argv)
    for tool in (args.qemu, args.make):
        if shutil.which(tool) is None:
            raise SystemExit(f"bench: {tool} not found")
    outdir = args.builddir / "bench"
    if bootmatrix.has_in_tree_build(args.srctree):
        args.srctree = bootmatrix.snapshot_tree(args.srctree, outdir / "src")
    print(f"  BUILD   {BenchConfig.target} + CONFIG_KBENCH=y in {outdir}")
    error, log_path = build(args, outdir)
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
    print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
