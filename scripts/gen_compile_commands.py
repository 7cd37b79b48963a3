#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write compile_commands.json for clangd from a build's .cmd files.

Every object built records its command (cmd_<target>) and source
(source_<target>) in <dir>/.<object>.cmd; this collects them.

    gen_compile_commands.py -d <build dir> -o compile_commands.json
"""
import argparse
import json
import os
import re
import shlex
import sys

CMD_RE = re.compile(r"^cmd_(\S+\.o) := (.*)$")
SOURCE_RE = re.compile(r"^source_(\S+\.o) := (.*)$")


def parse_cmd_file(path):
    """Return (command, source) from one .cmd file, or None."""
    command = source = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = CMD_RE.match(line)
            if m:
                command = m.group(2).replace("$(pound)", "#")
            m = SOURCE_RE.match(line)
            if m:
                source = m.group(2).strip()
    if command and source:
        return command, source
    return None


def collect(build_dir):
    entries = []
    for root, dirs, files in os.walk(build_dir):
        dirs[:] = [d for d in dirs if d not in (".git", "bootmatrix", "check")]
        for name in sorted(files):
            if not (name.startswith(".") and name.endswith(".o.cmd")):
                continue
            found = parse_cmd_file(os.path.join(root, name))
            if not found:
                continue
            command, source = found
            # Commands run in the build directory; keep them as they ran.
            entries.append({
                "directory": build_dir,
                "file": os.path.normpath(os.path.join(build_dir, source)),
                "arguments": shlex.split(command),
            })
    return entries


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-d", "--directory", default=".")
    p.add_argument("-o", "--output", default="compile_commands.json")
    args = p.parse_args()
    build_dir = os.path.abspath(args.directory)
    entries = collect(build_dir)
    if not entries:
        sys.exit("gen_compile_commands.py: no .cmd files under " + build_dir)
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(entries, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
