#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check that every line of a defconfig actually took effect.

kconfig-conf --defconfig silently drops lines it does not like: unknown
symbols, malformed or out-of-range values, and values that dependencies,
selects or choices override.  After kconfig-conf has written .config, this
script re-reads the defconfig, compares each line with the Kconfig tree and
the final .config, and reports every problem as `<file>:<line>: <message>`.

The Kconfig tree is parsed by kconfiglib (Debian's python3-kconfiglib),
which implements kconfig's own semantics: `source` relative to $srctree,
dependencies propagated from menus and ifs, selects, implies and choices.

With --check-eval (for a defconfig, not a fragment) it also applies the
defconfig itself, with kconfiglib, and requires the result to equal the
.config kconfig-conf wrote: both tools must read the tree the same way.

Usage:
  checkconfig.py [--kconfig K] [--srctree D] [--config .config]
                 [--check-eval] DEFCONFIG
  checkconfig.py --lint          # prompted symbols without help text
  checkconfig.py --all-symbols   # list symbols: type, prompt, help, location

Exit status: 0 clean (and silent), 1 problems found, 2 usage/parse error.
"""

import argparse
import difflib
import os
import re
import sys
import tempfile

try:
    import kconfiglib
except ImportError:             # a python3 other than Debian's own
    sys.path.append('/usr/lib/python3/dist-packages')
    try:
        import kconfiglib
    except ImportError:
        sys.exit('checkconfig: kconfiglib not found: run '
                 'scripts/install-deps.sh (or: apt-get install '
                 'python3-kconfiglib)')

from kconfiglib import (AND, OR, NOT, BOOL, TRISTATE, INT, HEX, STRING,
                        UNKNOWN, TYPE_TO_STR, expr_str, expr_value,
                        split_expr)

N, M, Y = 0, 1, 2
TRI = {'n': N, 'm': M, 'y': Y}
BOOL_TYPES = (BOOL, TRISTATE)
INT_RE = re.compile(r'-?[0-9]+')
HEX_RE = re.compile(r'(0[xX])?[0-9a-fA-F]+')
STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"')
# kconfig honours $CONFIG_ as the symbol prefix in .config files.
PREFIX = os.environ.get('CONFIG_', 'CONFIG_')


def unquote(value):
    if STRING_RE.fullmatch(value):
        return re.sub(r'\\(.)', r'\1', value[1:-1])
    return value


def display(path):
    """Paths under the cwd are shown relative, like kconfig does."""
    rel = os.path.relpath(path)
    return path if rel.startswith('..') else rel


def load_kconfig(kconfig, srctree):
    """Parse the tree; `source` paths are relative to $srctree."""
    os.environ['srctree'] = os.path.abspath(srctree)
    os.environ.setdefault('KERNELVERSION', '')
    os.environ.setdefault('CONFIG_', PREFIX)
    return kconfiglib.Kconfig(kconfig, warn=False)


def read_assignments(path):
    """Yield (lineno, name, value, text) per non-comment line of a config
    file.  value None means "is not set"; name None an unrecognised line.
    Parsing mirrors conf_read_simple() so we see what kconfig saw."""
    assign = re.compile(re.escape(PREFIX) + r'([^=\s]+)=(.*)')
    unset = re.compile('# ' + re.escape(PREFIX) + r'(\S+) is not set')
    with open(path, encoding='utf-8') as f:
        for lineno, text in enumerate(f, 1):
            text = text.rstrip('\n').removesuffix('\r')
            m = assign.fullmatch(text) or unset.match(text)
            if m:
                yield lineno, m[1], m[2] if m.re is assign else None, text
            elif text.strip() and not text.lstrip().startswith('#'):
                yield lineno, None, None, text


def defined(kconf, name):
    """The symbol called @name if Kconfig defines it (kconfiglib also has
    symbols for names that are only referenced)."""
    sym = kconf.syms.get(name)
    return sym if sym is not None and sym.nodes else None


def where(node):
    return f'{node.filename}:{node.linenr}'


def describe(sym, raw):
    """'CONFIG_A=n', 'CONFIG_B=12', 'CONFIG_C is unset' from .config."""
    if not sym.nodes:
        return f'{sym.name} is undefined'
    value = raw.get(sym.name)
    if sym.orig_type in BOOL_TYPES:
        return f'{PREFIX}{sym.name}={value or "n"}'
    return f'{PREFIX}{sym.name}={value}' if value is not None \
        else f'{PREFIX}{sym.name} is unset'


def symbols_in(expr):
    """The defined symbols an expression mentions, in order."""
    return [s for s in kconfiglib.expr_items(expr)
            if isinstance(s, kconfiglib.Symbol) and s.nodes]


def culprits(expr, need):
    """Symbols that keep @expr below @need, for the error message."""
    if expr_value(expr) >= need:
        return []
    if not isinstance(expr, tuple):
        return [expr] if expr.nodes else []
    if expr[0] in (AND, OR):         # only failing operands are returned
        return culprits(expr[1], need) + culprits(expr[2], need)
    return symbols_in(expr)          # for ! and compares: all involved


def assignment(name, value):
    return f'{PREFIX}{name} is not set' if value is None \
        else f'{PREFIX}{name}={value}'


class Checker:
    """Compares one defconfig with the Kconfig tree and the final .config."""

    def __init__(self, kconf, config):
        self.kconf = kconf
        # The final values, for evaluating dependencies as kconfig did.
        kconf.load_config(config, replace=True)
        self.raw = {name: 'n' if value is None else value
                    for _, name, value, _ in read_assignments(config)
                    if name}
        self.lines = {}        # symbol -> line of its (last) assignment
        self.values = {}       # symbol -> its (last) requested value
        self.problems = []     # (lineno, message)

    def tri(self, sym):
        return TRI.get(self.raw.get(sym.name, 'n'), N) \
            if sym.orig_type in BOOL_TYPES else N

    def check(self, path):
        entries = list(read_assignments(path))
        for lineno, name, value, text in entries:
            if name is None:
                self.problems.append((lineno, f'unrecognised line {text!r}'))
            elif defined(self.kconf, name) is None:
                self.problems.append((lineno, self.unknown(name)))
            else:
                if name in self.lines:
                    self.problems.append((lineno, f'{PREFIX}{name}: set twice '
                                          f'(also line {self.lines[name]})'))
                self.lines[name], self.values[name] = lineno, value
        for lineno, name, value, _ in entries:
            if name in self.lines:
                msg = self.check_line(self.kconf.syms[name], value, lineno)
                if msg:
                    self.problems.append((lineno, msg))
        return sorted(self.problems, key=lambda problem: problem[0])

    def unknown(self, name):
        names = [s.name for s in self.kconf.unique_defined_syms]
        close = difflib.get_close_matches(name, names, 1, 0.75)
        hint = f' (did you mean {PREFIX}{close[0]}?)' if close else ''
        return f'{PREFIX}{name}: unknown symbol{hint}'

    def check_line(self, sym, value, lineno):
        text = assignment(sym.name, value)
        error = self.invalid(sym, value)
        if error:
            return f'{text}: {error}'
        # kconfig keeps the last assignment, so only that one can take.
        if self.lines[sym.name] == lineno and not self.took(sym, value):
            return f'{text} did not take (now {self.now(sym)}): ' + \
                (self.why(sym, value) or 'reason unknown')
        return None

    def invalid(self, sym, value):
        typ = sym.orig_type
        if typ == UNKNOWN:
            return 'symbol has no type in Kconfig'
        name = TYPE_TO_STR[typ]
        if value is None:
            return None if typ in BOOL_TYPES else \
                f'"is not set" is ignored for {name} symbols'
        if typ == BOOL and value not in ('y', 'n'):
            return 'invalid value for bool symbol (expected y or n)'
        if typ == TRISTATE and value not in TRI:
            return 'invalid value for tristate symbol (expected y, m or n)'
        if typ == INT and not INT_RE.fullmatch(value):
            return 'invalid value for int symbol'
        if typ == HEX and not HEX_RE.fullmatch(value):
            return 'invalid value for hex symbol'
        if typ == STRING and not STRING_RE.fullmatch(value):
            return 'string value must be in double quotes'
        return self.out_of_range(sym, value) if typ in (INT, HEX) else None

    def out_of_range(self, sym, value):
        base = 16 if sym.orig_type == HEX else 10
        regex = HEX_RE if base == 16 else INT_RE
        # Like sym_get_range_prop(): the first range whose condition holds.
        rng = next((r for r in sym.ranges if expr_value(r[2])), None)
        if rng is None:
            return None
        low, high, cond = rng
        bounds = [low.str_value, high.str_value]
        if not all(regex.fullmatch(b) for b in bounds):
            return None               # kconfig cannot use it either
        lo, hi = (int(b, base) for b in bounds)
        if lo <= int(value, base) <= hi:
            return None
        rule = f'range {expr_str(low)} {expr_str(high)}'
        if cond is not self.kconf.y:
            rule += f' if {expr_str(cond)}'
        node = next((n for n in sym.nodes if n.ranges), sym.nodes[0])
        return (f'out of range {bounds[0]}..{bounds[1]} '
                f'("{rule}" at {where(node)})')

    def took(self, sym, value):
        have = self.raw.get(sym.name)
        if sym.orig_type in BOOL_TYPES:
            return TRI[value or 'n'] == self.tri(sym)
        if have is None:
            return False
        if sym.orig_type == STRING:
            return unquote(value) == unquote(have)
        base = 16 if sym.orig_type == HEX else 10
        try:
            return int(value, base) == int(have, base)
        except ValueError:
            return value == have

    def now(self, sym):
        have = self.raw.get(sym.name)
        return 'not set' if have in (None, 'n') else have

    # --- explanations, most specific first

    def why(self, sym, value):
        if sym.orig_type not in BOOL_TYPES:
            missing = self.raw.get(sym.name) is None
            return (missing and self.dep_reason(sym, M)
                    or self.hidden_reason(sym, M))
        want, have = TRI[value or 'n'], self.tri(sym)
        if have < want:
            # Bools, and tristates without modules, treat m deps as y.
            need = want if sym.orig_type == TRISTATE and self.modules_on() \
                else min(want, M)
            return (self.dep_reason(sym, need) or self.choice_lost(sym)
                    or self.hidden_reason(sym, need))
        return (self.select_reason(sym, want)
                or self.modules_reason(sym, want, have)
                or self.choice_forced(sym, want)
                or self.hidden_reason(sym, M))

    def unmet(self, expr, need):
        """'EXPR, and CONFIG_A=n, ...' naming the symbols holding it down."""
        names = dict.fromkeys(culprits(expr, need))
        values = ', '.join(describe(s, self.raw) for s in names)
        return expr_str(expr) + (f', and {values}' if values else '')

    def dep_reason(self, sym, need):
        if expr_value(sym.direct_dep) >= need:
            return None
        return f'depends on {self.unmet(sym.direct_dep, need)}'

    def hidden_reason(self, sym, need):
        """No (visible) prompt: the user's value is ignored for defaults."""
        prompts = [n.prompt for n in sym.nodes if n.prompt]
        if not prompts:
            return f'it has no prompt, so {self.default_text(sym)}'
        if max(expr_value(cond) for _, cond in prompts) >= need:
            return None
        cond = prompts[0][1]
        for _, other in prompts[1:]:
            cond = (OR, cond, other)
        return (f'its prompt is hidden by {self.unmet(cond, need)}, '
                f'so {self.default_text(sym)}')

    def default_text(self, sym):
        parts = []
        # Like sym_get_default_prop(): the first default whose guard holds.
        default = next((d for d in sym.defaults if expr_value(d[1])), None)
        if default:
            value, cond = default
            cond = '' if cond is self.kconf.y else f' if {expr_str(cond)}'
            parts.append(f'default {expr_str(value)}{cond} applies')
        parts += [f'implied by {expr_str(term)} '
                  f'({", ".join(describe(s, self.raw) for s in symbols_in(term))})'
                  for term in split_expr(sym.weak_rev_dep, OR)
                  if expr_value(term)]
        return '; '.join(parts) or 'no default applies'

    def select_reason(self, sym, want):
        parts = []
        for term in split_expr(sym.rev_dep, OR):
            if expr_value(term) > want:
                values = ', '.join(describe(s, self.raw)
                                   for s in dict.fromkeys(symbols_in(term)))
                parts.append(f'selected by {expr_str(term)} ({values})')
        return '; '.join(parts) or None

    def modules_on(self):
        modules = self.kconf.modules
        return modules.nodes and self.tri(modules) == Y

    def modules_reason(self, sym, want, have):
        if (sym.orig_type, want, have) != (TRISTATE, M, Y) or \
                self.modules_on():
            return None
        if not self.kconf.modules.nodes:
            return 'no symbol has "option modules", so m becomes y'
        return ('modules are disabled (%s)'
                % describe(self.kconf.modules, self.raw))

    def choice_title(self, choice):
        prompt = next((n.prompt for n in choice.nodes if n.prompt), None)
        return prompt[0] if prompt else 'choice'

    def choice_lost(self, sym):
        choice = sym.choice
        winners = [m.name for m in choice.syms if m is not sym
                   and self.tri(m) == Y] if choice else []
        if not winners:
            return None
        line = self.lines.get(winners[0])
        how = f'set at line {line}' if line else 'by default'
        return (f'choice "{self.choice_title(choice)}" selected '
                f'{PREFIX}{winners[0]} ({how}) instead')

    def choice_forced(self, sym, want):
        choice = sym.choice
        if not choice or want != N:
            return None
        # Asking for a member enables even an optional choice; if that
        # member cannot be chosen, kconfig falls back to the default one.
        failed = [m.name for m in choice.syms if m is not sym
                  and self.values.get(m.name) == 'y']
        title = self.choice_title(choice)
        if failed:
            return (f'choice "{title}" needs a member set, and '
                    f'{PREFIX}{failed[0]}=y (line {self.lines[failed[0]]}) '
                    f'did not take')
        if not choice.is_optional:
            return (f'choice "{title}" needs a member set, and no '
                    f'other member was set to y')
        return None


def eval_differences(kconfig, srctree, defconfig, config):
    """Where kconfiglib, applying @defconfig as "conf --defconfig" does,
    ends up with other values than kconfig-conf wrote into @config."""
    kconf = load_kconfig(kconfig, srctree)
    kconf.load_config(defconfig)
    with tempfile.TemporaryDirectory() as tmp:
        ours_path = os.path.join(tmp, 'config')
        kconf.write_config(ours_path)
        ours = {name: value for _, name, value, _
                in read_assignments(ours_path) if name}
    theirs = {name: value for _, name, value, _
              in read_assignments(config) if name}

    def shown(values, name):
        if name not in values:
            return 'nothing'
        return 'is not set' if values[name] is None else values[name]
    return [(display(config), f'{PREFIX}{name}: kconfiglib gives '
             f'{shown(ours, name)}, kconfig-conf wrote {shown(theirs, name)}')
            for name in sorted(set(ours) | set(theirs))
            if shown(ours, name) != shown(theirs, name)]


# -------------------------------------------------------------------- main

def has_help(sym):
    return any(node.help for node in sym.nodes)


def lint(kconf):
    problems = []
    for sym in sorted(kconf.unique_defined_syms, key=lambda s: s.name):
        prompted = [n for n in sym.nodes if n.prompt]
        if prompted and not has_help(sym):
            problems.append((where(prompted[0]), f'{PREFIX}{sym.name} has a '
                             'prompt but no help text'))
    return problems


def all_symbols(kconf):
    syms = sorted(kconf.unique_defined_syms, key=lambda s: s.name)
    width = max((len(s.name) for s in syms), default=0) + len(PREFIX)
    for sym in syms:
        prompt = any(n.prompt for n in sym.nodes)
        typ = TYPE_TO_STR[sym.orig_type] or '?'
        print(f'{PREFIX + sym.name:<{width}}  {typ:<8}  '
              f'{"prompt" if prompt else "-":<6}  '
              f'{"help" if has_help(sym) else "no-help":<7}  '
              f'{where(sym.nodes[0])}')


def report(problems, what):
    for place, msg in problems:
        print(f'{place}: {msg}', file=sys.stderr)
    if problems:
        print(f'checkconfig: {len(problems)} problem(s) in {what}',
              file=sys.stderr)
    return 1 if problems else 0


def main(argv=None):
    ap = argparse.ArgumentParser(
        description=__doc__.split('\n\n')[1].replace('\n', ' '),
        usage='%(prog)s [options] (DEFCONFIG | --lint | --all-symbols)')
    ap.add_argument('defconfig', nargs='?', help='defconfig to check')
    ap.add_argument('--kconfig', help='top Kconfig (default: SRCTREE/Kconfig)')
    ap.add_argument('--srctree', default=os.environ.get('srctree', '.'),
                    help='base of `source` paths (default: $srctree or .)')
    ap.add_argument('--config', help='resulting config file '
                    '(default: $KCONFIG_CONFIG or .config)',
                    default=os.environ.get('KCONFIG_CONFIG', '.config'))
    ap.add_argument('--check-eval', action='store_true',
                    help='also require kconfiglib to evaluate DEFCONFIG '
                    'to the same .config')
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument('--lint', action='store_true',
                      help='fail if a prompted symbol has no help text')
    mode.add_argument('--all-symbols', action='store_true',
                      help='list every symbol with type and help status')
    args = ap.parse_args(argv)
    if (args.defconfig is None) != (args.lint or args.all_symbols):
        ap.error('give either a DEFCONFIG or --lint / --all-symbols')
    kconfig = args.kconfig or os.path.join(args.srctree, 'Kconfig')
    try:
        kconf = load_kconfig(kconfig, args.srctree)
        if args.all_symbols:
            all_symbols(kconf)
            return 0
        if args.lint:
            return report(lint(kconf), display(kconfig))
        problems = Checker(kconf, args.config).check(args.defconfig)
        name = display(args.defconfig)
        problems = [(f'{name}:{line}', msg) for line, msg in problems]
        if args.check_eval:
            problems += eval_differences(kconfig, args.srctree,
                                         args.defconfig, args.config)
    except (kconfiglib.KconfigError, OSError) as e:
        print(f'checkconfig: {e}', file=sys.stderr)
        return 2
    return report(problems, name)


if __name__ == '__main__':
    sys.exit(main())
