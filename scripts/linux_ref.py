#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Boot the selftests' initramfs on Debian's Linux kernel in QEMU.

The user-space selftests (tools/testing/selftests) state Linux's behaviour;
this proves it: it fetches Debian's cloud kernel (apt-get download of the
package linux-image-cloud-amd64 depends on), keeps the .deb and its vmlinuz
in a cache outside the tree, boots

  qemu-system-x86_64 -accel tcg -m 512M -nographic -no-reboot \\
      -kernel vmlinuz -initrd selftests.cpio \\
      -append "console=ttyS0 panic=-1 loglevel=4 [selftests=a,b]"

and reads the KTAP the archive's /init prints on the serial console.  It
fails on any "not ok", on a missing or short summary, on a timeout, and
when the results differ from tools/testing/selftests/expected.ktap (the
output any kernel must give; --write-expected renews it).  --log FILE
checks a serial log taken elsewhere (Keel's) the same way, with no boot.
"""
import argparse
import os
import re
import subprocess
import sys
import tarfile
import time
from pathlib import Path

METAPACKAGE = "linux-image-cloud-amd64"
KTAP_RESULT = re.compile(r"^(not )?ok (\d+) (\S+)(?: # (.*))?$")
TOTALS = re.compile(r"^# Totals: pass:(\d+) fail:(\d+) skip:(\d+)")
PLAN = re.compile(r"^1\.\.(\d+)$")
# The lines of /init's output every kernel must print alike: KTAP's
# structure and results, not the diagnostics (uname, timings).
STABLE = re.compile(r"^( *)(KTAP version 1|1\.\.\d+|# Subtest: .*|"
                    r"(?:not )?ok \d+ .*|# Totals: .*|# selftests: .*)$")
SRCTREE = Path(__file__).resolve().parent.parent
EXPECTED = SRCTREE / "tools/testing/selftests/expected.ktap"


class RefError(Exception):
    """A step failed; the message says what and what to run."""


def default_cache():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache")
    return Path(base) / "keel" / "linux-ref"


def run(cmd, cwd=None):
    return subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)


def resolve_package():
    """The versioned package the metapackage depends on."""
    try:
        proc = run(["apt-cache", "depends", METAPACKAGE])
    except FileNotFoundError:
        raise RefError("apt-cache not found: a Debian host is needed to "
                       "fetch %s" % METAPACKAGE)
    m = re.search(r"Depends: (linux-image-[0-9][^\s]*-cloud-amd64)",
                  proc.stdout)
    if proc.returncode or not m:
        raise RefError("apt-cache depends %s found no kernel package:\n%s\n"
                       "run: apt-get update" % (METAPACKAGE,
                                                proc.stdout.strip()))
    return m.group(1)


def cached_kernels(cache):
    return sorted(cache.glob("vmlinuz-*-cloud-amd64"))


def extract_vmlinuz(deb, cache):
    """Writes the deb's /boot/vmlinuz-* to the cache; returns its path."""
    proc = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", str(deb)],
                            stdout=subprocess.PIPE)
    found = None
    with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
        for member in tar:
            name = os.path.basename(member.name)
            if (member.isfile() and name.startswith("vmlinuz-") and
                    os.path.dirname(member.name).endswith("boot")):
                found = cache / name
                tmp = cache / (name + ".tmp")
                with tar.extractfile(member) as src, open(tmp, "wb") as dst:
                    dst.write(src.read())
                tmp.rename(found)
    proc.wait()
    if proc.returncode or not found:
        raise RefError("%s holds no /boot/vmlinuz-*" % deb)
    return found


def fetch_kernel(cache, offline=False):
    """The cached vmlinuz, downloaded first when missing or outdated."""
    cache.mkdir(parents=True, exist_ok=True)
    try:
        if offline:
            raise RefError("--offline")
        pkg = resolve_package()
    except RefError as err:
        kernels = cached_kernels(cache)
        if kernels:
            return kernels[-1]
        raise
    version = pkg[len("linux-image-"):]
    vmlinuz = cache / ("vmlinuz-" + version)
    if vmlinuz.exists():
        return vmlinuz
    debs = sorted(cache.glob(pkg + "_*.deb"))
    if not debs:
        proc = run(["apt-get", "download", pkg], cwd=cache)
        debs = sorted(cache.glob(pkg + "_*.deb"))
        if (proc.returncode or not debs) and cached_kernels(cache):
            print("linux-ref: apt-get download %s failed; using the cached "
                  "%s" % (pkg, cached_kernels(cache)[-1].name))
            return cached_kernels(cache)[-1]
        if proc.returncode or not debs:
            raise RefError("apt-get download %s failed (no network?):\n%s\n"
                           "with network, run: make check-linux-ref, or by "
                           "hand: cd %s && apt-get download %s" %
                           (pkg, proc.stdout.strip(), cache, pkg))
    return extract_vmlinuz(debs[-1], cache)


class Result:
    def __init__(self):
        self.programs = []     # (name, ok, directive, totals)
        self.planned = None
        self.totals = None
        self.failures = []     # "program.case # reason"
        self.notes = []        # the diagnostics printed before them
        self.timed_out = False
        self.uname = ""
        self.seconds = 0.0

    def problems(self):
        out = []
        if self.timed_out:
            out.append("timed out")
        if self.planned is None:
            out.append("no KTAP plan (1..N) from /init")
        elif len(self.programs) != self.planned:
            out.append("%d of %d programs reported" % (len(self.programs),
                                                       self.planned))
        if self.totals is None:
            out.append("no summary (# Totals:) from /init")
        out += ["not ok %s" % f for f in self.failures]
        return out


def parse(lines, result):
    """Reads /init's KTAP: top-level results, nested ones four spaces in."""
    current = None
    notes = []
    nested = {}
    for raw in lines:
        line = raw.rstrip("\r\n")
        if line.startswith("# uname: "):
            result.uname = line[len("# uname: "):]
        if line.startswith("    "):
            sub = line[4:]
            m = re.match(r"^# Subtest: (\S+)", sub)
            if m:
                current = m.group(1)
                notes = []
                continue
            m = KTAP_RESULT.match(sub)
            if m:
                if m.group(1):
                    result.failures.append("%s.%s # %s" % (
                        current, m.group(3), m.group(4) or ""))
                    result.notes += notes
                notes = []
                continue
            m = TOTALS.match(sub)
            if m and current:
                nested[current] = tuple(int(x) for x in m.groups())
            elif sub.startswith("# "):
                notes.append(sub)
            continue
        m = PLAN.match(line)
        if m and result.planned is None:
            result.planned = int(m.group(1))
            continue
        m = KTAP_RESULT.match(line)
        if m:
            name = m.group(3)
            result.programs.append((name, not m.group(1), m.group(4) or "",
                                    nested.get(name)))
            if m.group(1) and not any(f.startswith(name + ".")
                                      for f in result.failures):
                result.failures.append("%s # %s" % (name, m.group(4) or ""))
            continue
        m = TOTALS.match(line)
        if m:
            result.totals = tuple(int(x) for x in m.groups())


def stable_lines(lines):
    """The lines of a log to compare with expected.ktap."""
    out = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        # The first line may follow the firmware's escape sequences.
        if line.endswith("KTAP version 1") and not line.startswith(" "):
            line = "KTAP version 1"
        if STABLE.match(line):
            out.append(line + "\n")
    return out


def compare_expected(lines, expected):
    """A problem (str) where @lines differ from @expected, or None."""
    got = stable_lines(lines)
    want = expected.read_text().splitlines(True)
    if got == want:
        return None
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            return ("differs from %s at line %d: got %r, want %r" %
                    (expected.name, i + 1, g.rstrip(), w.rstrip()))
    return ("differs from %s: %d lines, want %d" %
            (expected.name, len(got), len(want)))


def boot(vmlinuz, cpio, log, selection=None, timeout=240, qemu=None,
         extra=""):
    """Boots @vmlinuz with @cpio; returns the parsed Result."""
    append = "console=ttyS0 panic=-1 loglevel=4"
    if selection:
        append += " selftests=" + selection
    if extra:
        append += " " + extra
    cmd = [qemu or "qemu-system-x86_64", "-accel", "tcg", "-m", "512M",
           "-nographic", "-no-reboot", "-monitor", "none",
           "-kernel", str(vmlinuz), "-initrd", str(cpio), "-append", append]
    result = Result()
    start = time.monotonic()
    with open(log, "w") as f:
        f.write("# %s\n" % " ".join(cmd))
        f.flush()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=f,
                                stderr=subprocess.STDOUT)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            result.timed_out = True
    result.seconds = time.monotonic() - start
    with open(log, errors="replace") as f:
        parse(f, result)
    return result


def report(result, vmlinuz, log):
    print("linux-ref: %s (%s), %.0f s" % (
        vmlinuz.name, result.uname or "uname not printed", result.seconds))
    for name, ok, directive, totals in result.programs:
        counts = ("pass:%d fail:%d skip:%d" % totals) if totals else ""
        print("  %-6s %-16s %s%s" % ("ok" if ok else "FAIL", name, counts,
                                      " # " + directive if directive else ""))
    problems = result.problems()
    for p in problems:
        print("  " + p)
    for note in result.notes:
        print("    " + note)
    if result.totals:
        print("linux-ref: %d passed, %d failed, %d skipped (log: %s)" %
              (result.totals + (log,)))
    else:
        print("linux-ref: failed (log: %s)" % log)
    return not problems


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--objtree", default=".",
                   help="where make selftests put its output")
    p.add_argument("--cpio", help="the archive (default: <objtree>/tools/"
                   "testing/selftests/selftests.cpio)")
    p.add_argument("--cache", default=str(default_cache()),
                   help="where the .deb and vmlinuz are kept (%(default)s)")
    p.add_argument("--selftests", default=os.environ.get("SELFTESTS"),
                   help="comma-separated programs to run (default: all)")
    p.add_argument("--append", default="",
                   help="more kernel parameters, e.g. KSFT_CASES=a,b or "
                   "KSFT_STRESS_CYCLES=100 (passed on to the tests)")
    p.add_argument("--timeout", type=int, default=240)
    p.add_argument("--offline", action="store_true",
                   help="use the cached kernel; do not ask apt")
    p.add_argument("--log", help="check this serial log; boot nothing")
    p.add_argument("--expected", default=str(EXPECTED),
                   help="the output to compare with (%(default)s)")
    p.add_argument("--write-expected", action="store_true",
                   help="write the run's output to --expected")
    args = p.parse_args(argv)
    expected = Path(args.expected)
    start = time.monotonic()
    if args.log:
        log, result, name = Path(args.log), Result(), Path(args.log)
        with open(log, errors="replace") as f:
            parse(f, result)
    else:
        sdir = Path(args.objtree).resolve() / "tools/testing/selftests"
        cpio = Path(args.cpio) if args.cpio else sdir / "selftests.cpio"
        if not cpio.exists():
            print("linux-ref: %s missing: run make selftests" % cpio)
            return 1
        try:
            name = fetch_kernel(Path(args.cache), args.offline)
        except RefError as err:
            print("linux-ref: %s" % err)
            return 1
        log = sdir / "linux-ref.log"
        result = boot(name, cpio, log, args.selftests, args.timeout,
                      extra=args.append)
    ok = report(result, name, log)
    with open(log, errors="replace") as f:
        lines = f.readlines()
    if args.write_expected:
        expected.write_text("".join(stable_lines(lines)))
        print("linux-ref: wrote %s" % expected)
    elif not args.selftests and not args.append:
        diff = compare_expected(lines, expected)
        if diff:
            print("linux-ref: output %s (after adding a test: make "
                  "check-linux-ref LINUX_REF_FLAGS=--write-expected)" % diff)
            ok = False
    print("linux-ref: %.0f s in all" % (time.monotonic() - start))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
