#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Merge configuration fragments into a base configuration.

  merge_config.py [--srctree DIR] OUTPUT BASE FRAGMENT...

OUTPUT is BASE with every symbol a fragment sets taken out (and, when a
fragment picks a member of a choice, the choice's other members), followed
by the fragments' settings, so kconfig (KCONFIG_ALLCONFIG=OUTPUT) sees each
symbol once and has nothing to warn about.  Overriding BASE is what a
fragment is for and is silent.  Only a real conflict is reported, as Linux's
scripts/kconfig/merge_config.sh reports it: a value set by one fragment and
redefined by a later one ("Value of CONFIG_X is redefined by fragment F:").
Whether each value then takes is checked by checkconfig.py.
"""
import argparse
import os
import re
import sys

# O= builds write nothing into the source tree, not even __pycache__.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkconfig import load_kconfig  # noqa: E402

PREFIX = os.environ.get("CONFIG_", "CONFIG_")
SET_RE = re.compile(re.escape(PREFIX) + r"([A-Za-z0-9_]+)=")
UNSET_RE = re.compile("# " + re.escape(PREFIX) + r"([A-Za-z0-9_]+) is not set")


def symbol(line):
    m = SET_RE.match(line) or UNSET_RE.match(line)
    return m.group(1) if m else None


def choice_siblings(srctree, names):
    """The other members of the choices that the symbols @names are in."""
    kconf = load_kconfig(os.path.join(srctree, "Kconfig"), srctree)
    siblings = set()
    for name in names:
        sym = kconf.syms.get(name)
        if sym is not None and sym.choice is not None:
            siblings |= {m.name for m in sym.choice.syms if m is not sym}
    return siblings


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--srctree", default=os.environ.get("srctree", "."))
    ap.add_argument("output")
    ap.add_argument("base")
    ap.add_argument("fragments", nargs="+")
    args = ap.parse_args(argv)
    merged = {}                 # symbol -> (line, fragment)
    for path in args.fragments:
        with open(path, encoding="utf-8") as f:
            for line in f.read().splitlines():
                name = symbol(line)
                if name is None:
                    continue
                prev = merged.get(name)
                if prev and prev[1] != path and prev[0] != line:
                    print("Value of %s%s is redefined by fragment %s:"
                          % (PREFIX, name, path))
                    print("Previous value: %s" % prev[0])
                    print("New value:      %s" % line)
                    print()
                merged[name] = (line, path)
    chosen = [name for name, (line, _) in merged.items()
              if line.endswith("=y")]
    dropped = set(merged) | choice_siblings(args.srctree, chosen)
    with open(args.base, encoding="utf-8") as f:
        kept = [line for line in f.read().splitlines()
                if symbol(line) not in dropped]
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(kept + [line for line, _ in merged.values()]))
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
