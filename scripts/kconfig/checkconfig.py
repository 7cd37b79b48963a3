#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check that every line of a defconfig actually took effect.

kconfig-conf --defconfig silently drops lines it does not like: unknown
symbols, malformed or out-of-range values, and values that dependencies,
selects or choices override.  After kconfig-conf has written .config, this
script re-reads the defconfig, compares each line with the Kconfig tree and
the final .config, and reports every problem as `<file>:<line>: <message>`.

Usage:
  checkconfig.py [--kconfig K] [--srctree D] [--config .config] DEFCONFIG
  checkconfig.py --lint          # prompted symbols without help text
  checkconfig.py --all-symbols   # list symbols: type, prompt, help, location

Exit status: 0 clean (and silent), 1 problems found, 2 usage/parse error.
"""

import argparse
import difflib
import os
import re
import sys

N, M, Y = 0, 1, 2
TRI = {'n': N, 'm': M, 'y': Y}
BOOL_TYPES = ('bool', 'tristate')
TYPES = {'bool': 'bool', 'boolean': 'bool', 'tristate': 'tristate',
         'int': 'int', 'hex': 'hex', 'string': 'string'}
INT_RE = re.compile(r'-?[0-9]+')
HEX_RE = re.compile(r'(0[xX])?[0-9a-fA-F]+')
STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"')
CMP_OPS = {'=': lambda r: r == 0, '!=': lambda r: r != 0,
           '<=': lambda r: r <= 0, '>=': lambda r: r >= 0,
           '<': lambda r: r < 0, '>': lambda r: r > 0}
# kconfig honours $CONFIG_ as the symbol prefix in .config files.
PREFIX = os.environ.get('CONFIG_', 'CONFIG_')


class KconfigError(Exception):
    """A Kconfig file we cannot parse; str() is '<file>:<line>: <message>'."""


def unescape(text):
    return re.sub(r'\\(.)', r'\1', text)


def unquote(value):
    return unescape(value[1:-1]) if STRING_RE.fullmatch(value) else value


def display(path):
    """Paths under the cwd are shown relative, like kconfig does."""
    rel = os.path.relpath(path)
    return path if rel.startswith('..') else rel


# ----------------------------------------------------------------- tokenizer

TOKEN_RE = re.compile(r'''
    (?P<space>\s+)
  | (?P<comment>\#.*)
  | (?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<op>&&|\|\||!=|<=|>=|[!()=<>])
  | (?P<word>[^\s"'\#!()=<>&|]+)
''', re.X)


def tokenize(text, where):
    """Split a logical line into ('word'|'str'|'op', text) tokens.

    Strings come back unquoted but keep their kind, so a prompt can never
    be mistaken for a symbol name later on.
    """
    tokens, pos = [], 0
    while pos < len(text):
        m = TOKEN_RE.match(text, pos)
        if not m:
            raise KconfigError(f'{where}: cannot parse {text[pos:]!r}')
        pos = m.end()
        if m.lastgroup == 'str':
            tokens.append(('str', unescape(m.group()[1:-1])))
        elif m.lastgroup in ('op', 'word'):
            tokens.append((m.lastgroup, m.group()))
    return tokens


# ------------------------------------------------------------- expressions
# Trees are tuples: ('sym', name), ('const', text), ('not', e),
# ('and', a, b), ('or', a, b), ('cmp', op, a, b).  None means "always y".

class ExprParser:
    """Recursive descent with zconf.y precedence: || < && < compare < !."""

    def __init__(self, tokens, where):
        self.tokens, self.pos, self.where = tokens, 0, where

    def parse(self):
        expr = self.parse_or()
        if self.pos != len(self.tokens):
            self.fail(f'unexpected {self.tokens[self.pos][1]!r}')
        return expr

    def fail(self, msg):
        raise KconfigError(f'{self.where}: {msg} in expression')

    def accept(self, op):
        if self.tokens[self.pos:self.pos + 1] == [('op', op)]:
            self.pos += 1
            return True
        return False

    def parse_or(self):
        expr = self.parse_and()
        while self.accept('||'):
            expr = ('or', expr, self.parse_and())
        return expr

    def parse_and(self):
        expr = self.parse_unary()
        while self.accept('&&'):
            expr = ('and', expr, self.parse_unary())
        return expr

    def parse_unary(self):
        if self.accept('!'):
            return ('not', self.parse_unary())
        if self.accept('('):
            expr = self.parse_or()
            if not self.accept(')'):
                self.fail("missing ')'")
            return expr
        left = self.operand()
        for op in CMP_OPS:
            if self.accept(op):
                return ('cmp', op, left, self.operand())
        return left

    def operand(self):
        if self.pos >= len(self.tokens):
            self.fail('operand expected')
        kind, text = self.tokens[self.pos]
        if kind == 'op':
            self.fail(f'unexpected {text!r}')
        self.pos += 1
        return ('sym' if kind == 'word' else 'const', text)


def parse_expr(tokens, where):
    return ExprParser(tokens, where).parse()


def split_if(tokens, where):
    """Split 'VALUE if COND' into (VALUE tokens, COND tree or None)."""
    if ('word', 'if') not in tokens:
        return tokens, None
    i = tokens.index(('word', 'if'))
    return tokens[:i], parse_expr(tokens[i + 1:], where)


def combine(op, exprs):
    """Fold exprs with && or ||, skipping None and duplicates."""
    result, seen = None, []
    for expr in exprs:
        if expr is None or expr in seen:
            continue
        seen.append(expr)
        result = expr if result is None else (op, result, expr)
    return result


PREC = {'or': 1, 'and': 2, 'cmp': 3, 'not': 4, 'sym': 5, 'const': 5}


def fmt(expr, parent=0):
    """Print a tree back in Kconfig syntax with minimal parentheses."""
    op = expr[0]
    if op == 'sym':
        text = expr[1]
    elif op == 'const':
        text = '"%s"' % expr[1].replace('\\', '\\\\').replace('"', '\\"')
    elif op == 'not':
        text = '!' + fmt(expr[1], PREC['sym'])
    elif op == 'cmp':
        text = f'{fmt(expr[2])} {expr[1]} {fmt(expr[3])}'
    else:
        sep = ' && ' if op == 'and' else ' || '
        text = sep.join(fmt(e, PREC[op]) for e in expr[1:])
    return f'({text})' if PREC[op] < parent else text


# ------------------------------------------------------------------ model

class Prop:
    """A property line: its value, its own `if` condition, and the entry it
    belongs to (whose dependencies guard it too, as in kconfig)."""

    def __init__(self, value, cond, entry):
        self.value, self.cond, self.entry = value, cond, entry

    @property
    def guard(self):
        return combine('and', [self.entry.dep, self.cond])


class Entry:
    """One config/menuconfig/choice/menu/comment/if block of the tree."""

    def __init__(self, kind, where, parents, target=None):
        self.kind, self.where, self.target = kind, where, target
        # Enclosing blocks are complete by now: their attributes precede
        # their children, so inherited conditions can be captured eagerly.
        self.inherited = [d for p in parents for d in p.depends]
        self.inherited_visible = [v for p in parents for v in p.visible_if]
        self.depends, self.visible_if = [], []

    @property
    def dep(self):
        return combine('and', self.inherited + self.depends)


class Symbol:
    """A config symbol, merged over all of its `config` definitions."""

    def __init__(self, name):
        self.name, self.type = name, None
        self.entries = []
        self.prompts, self.defaults, self.ranges = [], [], []
        self.selects, self.implies = [], []
        self.selected_by, self.implied_by = [], []
        self.choice = None
        self.has_help = False

    @property
    def depends(self):
        """Each definition is visible under its own deps: OR them."""
        deps = [e.dep for e in self.entries]
        return None if None in deps else combine('or', deps)

    @property
    def defined_at(self):
        return self.entries[0].where if self.entries else '?'


class Choice(Symbol):
    """choice...endchoice: prompt, defaults and type like a symbol."""

    def __init__(self, name):
        super().__init__(name)
        self.optional, self.members = False, []

    @property
    def title(self):
        return self.prompts[0].value if self.prompts else 'choice'


# ----------------------------------------------------------------- parser

class Parser:
    """Line-oriented Kconfig parser building Symbol objects."""

    def __init__(self, srctree):
        self.srctree = srctree
        self.symbols, self.choices = {}, []
        self.stack = []          # open if/menu/choice blocks
        self.entry = None        # the entry attribute lines apply to
        self.modules = None      # name of the `option modules` symbol
        self.keywords = {
            'mainmenu': lambda args, where: None,
            'source': self.do_source, 'config': self.do_config,
            'menuconfig': self.do_config, 'choice': self.do_choice,
            'endchoice': lambda args, where: self.do_end('choice', where),
            'menu': self.do_menu, 'if': self.do_if,
            'endmenu': lambda args, where: self.do_end('menu', where),
            'endif': lambda args, where: self.do_end('if', where),
            'comment': self.do_comment, 'prompt': self.attr_prompt,
            'default': self.attr_default, 'depends': self.attr_depends,
            'select': self.attr_select,
            'imply': lambda args, where: self.attr_select(args, where, True),
            'range': self.attr_range, 'visible': self.attr_visible,
            'option': self.attr_option,
            'modules': lambda args, where: self.attr_option([
                ('word', 'modules')], where),
            'optional': self.attr_optional,
        }

    def parse(self, path):
        self.parse_file(path, path)
        for sym in list(self.symbols.values()):
            for props, back in ((sym.selects, 'selected_by'),
                                (sym.implies, 'implied_by')):
                for prop in props:
                    if prop.value in self.symbols:
                        getattr(self.symbols[prop.value], back).append(
                            Prop(sym.name, prop.cond, prop.entry))
        for choice in self.choices:
            # An untyped choice takes its first typed member's type, and
            # untyped members take the choice's (menu_finalize does this).
            choice.type = choice.type or next(
                (m.type for m in choice.members if m.type), 'bool')
            for member in choice.members:
                member.type = member.type or choice.type
        return self

    def locate(self, path, where):
        # zconf_fopen(): the path as given first, then under $srctree.
        for candidate in (path, os.path.join(self.srctree, path)):
            if os.path.isfile(candidate):
                return candidate
        raise KconfigError(f'{where}: cannot find sourced file {path!r}')

    def parse_file(self, path, where):
        # 4.11 expands $VAR in source paths from `option env` symbols,
        # which mirror the environment.
        path = os.path.expandvars(path)
        full, depth = self.locate(path, where), len(self.stack)
        with open(full, encoding='utf-8') as f:
            lines = f.read().splitlines()
        i = 0
        while i < len(lines):
            here, text = f'{display(path)}:{i + 1}', lines[i]
            i += 1
            while text.endswith('\\') and i < len(lines):
                text, i = text[:-1] + lines[i], i + 1
            tokens = tokenize(text, here)
            if tokens and tokens[0] in (('word', 'help'),
                                        ('word', '---help---')):
                i = self.skip_help(lines, i, here)
            elif tokens:
                self.statement(tokens, here)
        if len(self.stack) > depth:
            block = self.stack[-1]
            raise KconfigError(f'{block.where}: {block.kind!r} not closed '
                               f'before the end of {display(path)}')

    def skip_help(self, lines, i, where):
        """Skip help text and record that the entry has some.

        As in zconf.l: the first text line fixes the indentation, and the
        text ends at a non-blank line indented less, or at column 0 (blank
        lines never end it).  kconfig swallows an unindented first line as
        help, silently eating the next entry, so we refuse that outright.
        """
        indent, first = 0, i
        while i < len(lines):
            line = lines[i].expandtabs(8)
            width = len(line) - len(line.lstrip())
            if line.strip():
                if i == first and width == 0:
                    raise KconfigError(
                        f'{where}: help text must be indented; kconfig would '
                        f'swallow {lines[i].strip()!r} as help text')
                if width == 0 or width < indent:
                    break
                indent = indent or width
            i += 1
        if indent and self.entry and self.entry.target:
            self.entry.target.has_help = True
        return i

    def statement(self, tokens, where):
        kind, kw = tokens[0]
        args = tokens[1:]
        if kind == 'word' and kw in TYPES:
            return self.attr_type(TYPES[kw], args, where)
        if kind == 'word' and kw.startswith('def_') and kw[4:] in TYPES:
            self.attr_type(TYPES[kw[4:]], [], where)
            return self.attr_default(args, where)
        handler = self.keywords.get(kw) if kind == 'word' else None
        if not handler:
            raise KconfigError(f'{where}: unknown statement {kw!r}')
        handler(args, where)

    # --- entries and blocks

    def word(self, args, where, what='a symbol name'):
        if len(args) != 1 or args[0][0] != 'word':
            raise KconfigError(f'{where}: expected {what}')
        return args[0][1]

    def open_entry(self, kind, where, target=None, block=False):
        self.entry = Entry(kind, where, self.stack, target)
        if block:
            self.stack.append(self.entry)
        return self.entry

    def do_source(self, args, where):
        if len(args) != 1:
            raise KconfigError(f'{where}: expected a quoted path')
        self.parse_file(args[0][1], where)

    def do_config(self, args, where):
        name = self.word(args, where)
        sym = self.symbols.setdefault(name, Symbol(name))
        sym.entries.append(self.open_entry('config', where, sym))
        # Members are the configs directly inside a choice (ifs allowed).
        parent = next((b for b in reversed(self.stack)
                       if b.kind in ('menu', 'choice')), None)
        if parent and parent.kind == 'choice':
            sym.choice = parent.target
            if sym not in sym.choice.members:
                sym.choice.members.append(sym)

    def do_choice(self, args, where):
        choice = Choice(self.word(args, where) if args else None)
        self.choices.append(choice)
        choice.entries.append(self.open_entry('choice', where, choice, True))

    def do_menu(self, args, where):
        self.open_entry('menu', where, block=True)

    def do_comment(self, args, where):
        self.open_entry('comment', where)

    def do_if(self, args, where):
        self.open_entry('if', where, block=True).depends.append(
            parse_expr(args, where))
        self.entry = None

    def do_end(self, kind, where):
        if not self.stack or self.stack[-1].kind != kind:
            raise KconfigError(f'{where}: "end{kind}" without matching '
                               f'"{kind}"')
        self.stack.pop()
        self.entry = None

    # --- attributes of the current entry

    def target(self, where):
        if not self.entry or not self.entry.target:
            raise KconfigError(f'{where}: attribute outside config/choice')
        return self.entry.target

    def attr_type(self, typ, args, where):
        self.target(where).type = typ
        if args:
            self.attr_prompt(args, where)

    def attr_prompt(self, args, where):
        value, cond = split_if(args, where)
        if len(value) != 1 or value[0][0] != 'str':
            raise KconfigError(f'{where}: expected a quoted prompt')
        # `visible if` of enclosing menus hides prompts, not values.
        cond = combine('and', [cond] + self.entry.inherited_visible)
        self.target(where).prompts.append(Prop(value[0][1], cond, self.entry))

    def attr_default(self, args, where):
        value, cond = split_if(args, where)
        self.target(where).defaults.append(
            Prop(parse_expr(value, where), cond, self.entry))

    def attr_depends(self, args, where):
        if not self.entry:
            raise KconfigError(f'{where}: "depends on" outside an entry')
        if args[:1] == [('word', 'on')]:
            args = args[1:]
        self.entry.depends.append(parse_expr(args, where))

    def attr_select(self, args, where, imply=False):
        value, cond = split_if(args, where)
        sym = self.target(where)
        props = sym.implies if imply else sym.selects
        props.append(Prop(self.word(value, where), cond, self.entry))

    def attr_range(self, args, where):
        value, cond = split_if(args, where)
        if len(value) != 2 or 'op' in (value[0][0], value[1][0]):
            raise KconfigError(f'{where}: expected "range MIN MAX [if COND]"')
        bounds = tuple(('sym' if k == 'word' else 'const', t)
                       for k, t in value)
        self.target(where).ranges.append(Prop(bounds, cond, self.entry))

    def attr_visible(self, args, where):
        if not self.entry or args[:1] != [('word', 'if')]:
            raise KconfigError(f'{where}: expected "visible if COND"')
        self.entry.visible_if.append(parse_expr(args[1:], where))

    def attr_option(self, args, where):
        if args[:1] == [('word', 'modules')]:
            self.modules = self.target(where).name

    def attr_optional(self, args, where):
        target = self.target(where)
        if not isinstance(target, Choice):
            raise KconfigError(f'{where}: "optional" outside a choice')
        target.optional = True


# --------------------------------------------------------------- evaluator

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


class Config:
    """Final symbol values from .config, as kconfig's evaluator sees them."""

    def __init__(self, symbols, path):
        self.symbols = symbols
        self.raw = {name: 'n' if value is None else value
                    for _, name, value, _ in read_assignments(path) if name}

    def tri(self, name):
        sym = self.symbols.get(name)
        if sym is None:               # y/m/n constants, undefined words
            return TRI.get(name, N)
        return TRI.get(self.raw.get(name, 'n'), N) \
            if sym.type in BOOL_TYPES else N

    def str(self, name):
        """String value; an undefined word stands for itself (a constant)."""
        sym = self.symbols.get(name)
        if sym is None:
            return name
        if sym.type in BOOL_TYPES:
            return self.raw.get(name, 'n')
        return unquote(self.raw.get(name, ''))

    def describe(self, name):
        sym, raw = self.symbols.get(name), self.raw.get(name)
        if sym is None:
            return f'{name} is undefined'
        if sym.type in BOOL_TYPES:
            return f'{PREFIX}{name}={raw or "n"}'
        return f'{PREFIX}{name}=' + raw if raw is not None \
            else f'{PREFIX}{name} is unset'


def as_number(text, typ):
    """Mimic expr_parse_string(): a number, 'str' or 'bad'."""
    if typ in BOOL_TYPES:
        return TRI.get(text, -1)
    if typ in ('int', None) and INT_RE.fullmatch(text):
        return int(text)
    if typ in ('hex', None) and HEX_RE.fullmatch(text):
        return int(text, 16)
    return 'bad' if typ in ('int', 'hex') else 'str'


def compare(expr, cfg):
    _, op, left, right = expr
    vals = []
    for kind, text in (left, right):
        sym = cfg.symbols.get(text) if kind == 'sym' else None
        typ = sym.type if sym else ('tristate' if text in TRI else None)
        vals.append((cfg.str(text) if sym else text, typ))
    (a, ta), (b, tb) = vals
    na, nb = as_number(a, ta), as_number(b, tb)
    if ta == tb == 'string' or 'str' in (na, nb):
        res = (a > b) - (a < b)
    elif 'bad' in (na, nb):
        if op not in ('=', '!='):     # kconfig: cannot order, so false
            return N
        res = (a > b) - (a < b)
    else:
        res = (na > nb) - (na < nb)
    return Y if CMP_OPS[op](res) else N


def tri_of(expr, cfg):
    """Tristate value of a tree: && is min, || is max, ! is 2 - x."""
    if expr is None:
        return Y
    op = expr[0]
    if op == 'sym':
        return cfg.tri(expr[1])
    if op == 'const':
        return TRI.get(expr[1], N)
    if op == 'not':
        return Y - tri_of(expr[1], cfg)
    if op in ('and', 'or'):
        pick = min if op == 'and' else max
        return pick(tri_of(expr[1], cfg), tri_of(expr[2], cfg))
    return compare(expr, cfg)


def symbols_in(expr, cfg):
    if expr is None or expr[0] == 'const':
        return []
    if expr[0] == 'sym':
        return [expr[1]] if expr[1] in cfg.symbols else []
    return [n for sub in expr[1:] if isinstance(sub, tuple)
            for n in symbols_in(sub, cfg)]


def culprits(expr, need, cfg):
    """Symbols that keep `expr` below `need`, for the error message."""
    if expr is None or tri_of(expr, cfg) >= need:
        return []
    op = expr[0]
    if op == 'sym':
        return [] if expr[1] in TRI else [expr[1]]
    if op in ('and', 'or'):          # only failing operands are returned
        return culprits(expr[1], need, cfg) + culprits(expr[2], need, cfg)
    return symbols_in(expr, cfg)     # for ! and compares: all involved


# ----------------------------------------------------------------- checker

def assignment(name, value):
    return f'{PREFIX}{name} is not set' if value is None \
        else f'{PREFIX}{name}={value}'


class Checker:
    """Compares one defconfig with the Kconfig tree and the final .config."""

    def __init__(self, parser, cfg):
        self.symbols, self.modules = parser.symbols, parser.modules
        self.cfg = cfg
        self.lines = {}        # symbol -> line of its (last) assignment
        self.values = {}       # symbol -> its (last) requested value
        self.problems = []     # (lineno, message)

    def check(self, path):
        entries = list(read_assignments(path))
        for lineno, name, value, text in entries:
            if name is None:
                self.problems.append((lineno, f'unrecognised line {text!r}'))
            elif name not in self.symbols:
                self.problems.append((lineno, self.unknown(name)))
            else:
                if name in self.lines:
                    self.problems.append((lineno, f'{PREFIX}{name}: set twice '
                                          f'(also line {self.lines[name]})'))
                self.lines[name], self.values[name] = lineno, value
        for lineno, name, value, _ in entries:
            if name in self.lines:
                msg = self.check_line(self.symbols[name], value, lineno)
                if msg:
                    self.problems.append((lineno, msg))
        return sorted(self.problems, key=lambda problem: problem[0])

    def unknown(self, name):
        close = difflib.get_close_matches(name, self.symbols, 1, 0.75)
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
        typ = sym.type
        if typ is None:
            return 'symbol has no type in Kconfig'
        if value is None:
            return None if typ in BOOL_TYPES else \
                f'"is not set" is ignored for {typ} symbols'
        if typ == 'bool' and value not in ('y', 'n'):
            return 'invalid value for bool symbol (expected y or n)'
        if typ == 'tristate' and value not in TRI:
            return 'invalid value for tristate symbol (expected y, m or n)'
        if typ == 'int' and not INT_RE.fullmatch(value):
            return 'invalid value for int symbol'
        if typ == 'hex' and not HEX_RE.fullmatch(value):
            return 'invalid value for hex symbol'
        if typ == 'string' and not STRING_RE.fullmatch(value):
            return 'string value must be in double quotes'
        return self.out_of_range(sym, value) if typ in ('int', 'hex') else None

    def out_of_range(self, sym, value):
        base = 16 if sym.type == 'hex' else 10
        regex = HEX_RE if base == 16 else INT_RE
        # Like sym_get_range_prop(): the first range whose condition holds.
        prop = next((p for p in sym.ranges if tri_of(p.guard, self.cfg)), None)
        if prop is None:
            return None
        bounds = [self.cfg.str(t) if k == 'sym' else t for k, t in prop.value]
        if not all(regex.fullmatch(b) for b in bounds):
            return None               # kconfig cannot use it either
        low, high = (int(b, base) for b in bounds)
        if low <= int(value, base) <= high:
            return None
        rule = 'range ' + ' '.join(fmt(b) for b in prop.value)
        rule += f' if {fmt(prop.cond)}' if prop.cond else ''
        return (f'out of range {bounds[0]}..{bounds[1]} '
                f'("{rule}" at {prop.entry.where})')

    def took(self, sym, value):
        have = self.cfg.raw.get(sym.name)
        if sym.type in BOOL_TYPES:
            return TRI[value or 'n'] == self.cfg.tri(sym.name)
        if have is None:
            return False
        if sym.type == 'string':
            return unquote(value) == unquote(have)
        base = 16 if sym.type == 'hex' else 10
        try:
            return int(value, base) == int(have, base)
        except ValueError:
            return value == have

    def now(self, sym):
        have = self.cfg.raw.get(sym.name)
        return 'not set' if have in (None, 'n') else have

    # --- explanations, most specific first

    def why(self, sym, value):
        if sym.type not in BOOL_TYPES:
            missing = self.cfg.raw.get(sym.name) is None
            return (missing and self.dep_reason(sym, M)
                    or self.hidden_reason(sym, M))
        want, have = TRI[value or 'n'], self.cfg.tri(sym.name)
        if have < want:
            # Bools, and tristates without modules, treat m deps as y.
            need = want if sym.type == 'tristate' and self.modules_on() \
                else min(want, M)
            return (self.dep_reason(sym, need) or self.choice_lost(sym)
                    or self.hidden_reason(sym, need))
        return (self.select_reason(sym, want)
                or self.modules_reason(sym, want, have)
                or self.choice_forced(sym, want)
                or self.hidden_reason(sym, M))

    def unmet(self, expr, need):
        """'EXPR, and CONFIG_A=n, ...' naming the symbols holding it down."""
        names = dict.fromkeys(culprits(expr, need, self.cfg))
        values = ', '.join(self.cfg.describe(n) for n in names)
        return fmt(expr) + (f', and {values}' if values else '')

    def dep_reason(self, sym, need):
        if tri_of(sym.depends, self.cfg) >= need:
            return None
        return f'depends on {self.unmet(sym.depends, need)}'

    def hidden_reason(self, sym, need):
        """No (visible) prompt: the user's value is ignored for defaults."""
        if not sym.prompts:
            return f'it has no prompt, so {self.default_text(sym)}'
        if max(tri_of(p.guard, self.cfg) for p in sym.prompts) >= need:
            return None
        cond = combine('or', [p.cond or p.entry.dep for p in sym.prompts])
        return (f'its prompt is hidden by {self.unmet(cond, need)}, '
                f'so {self.default_text(sym)}')

    def default_text(self, sym):
        parts = []
        # Like sym_get_default_prop(): the first default whose guard holds.
        prop = next((p for p in sym.defaults if tri_of(p.guard, self.cfg)),
                    None)
        if prop:
            cond = f' if {fmt(prop.cond)}' if prop.cond else ''
            parts.append(f'default {fmt(prop.value)}{cond} applies')
        parts += [f'implied by {p.value} ({self.cfg.describe(p.value)})'
                  for p in sym.implied_by
                  if min(self.cfg.tri(p.value), tri_of(p.cond, self.cfg))]
        return '; '.join(parts) or 'no default applies'

    def select_reason(self, sym, want):
        parts = []
        for prop in sym.selected_by:
            level = min(self.cfg.tri(prop.value), tri_of(prop.cond, self.cfg))
            if level > want:
                names = dict.fromkeys(
                    [prop.value] + symbols_in(prop.cond, self.cfg))
                cond = f' if {fmt(prop.cond)}' if prop.cond else ''
                values = ', '.join(self.cfg.describe(n) for n in names)
                parts.append(f'selected by {prop.value}{cond} ({values})')
        return '; '.join(parts) or None

    def modules_on(self):
        return self.modules is not None and self.cfg.tri(self.modules) == Y

    def modules_reason(self, sym, want, have):
        if (sym.type, want, have) != ('tristate', M, Y) or self.modules_on():
            return None
        if self.modules is None:
            return 'no symbol has "option modules", so m becomes y'
        return f'modules are disabled ({self.cfg.describe(self.modules)})'

    def choice_lost(self, sym):
        choice = sym.choice
        winners = [m.name for m in choice.members if m is not sym
                   and self.cfg.tri(m.name) == Y] if choice else []
        if not winners:
            return None
        line = self.lines.get(winners[0])
        how = f'set at line {line}' if line else 'by default'
        return (f'choice "{choice.title}" selected {PREFIX}{winners[0]} '
                f'({how}) instead')

    def choice_forced(self, sym, want):
        choice = sym.choice
        if not choice or want != N:
            return None
        # Asking for a member enables even an optional choice; if that
        # member cannot be chosen, kconfig falls back to the default one.
        failed = [m.name for m in choice.members if m is not sym
                  and self.values.get(m.name) == 'y']
        if failed:
            return (f'choice "{choice.title}" needs a member set, and '
                    f'{PREFIX}{failed[0]}=y (line {self.lines[failed[0]]}) '
                    f'did not take')
        if not choice.optional:
            return (f'choice "{choice.title}" needs a member set, and no '
                    f'other member was set to y')
        return None


# -------------------------------------------------------------------- main

def lint(symbols):
    return [(sym.prompts[0].entry.where,
             f'{PREFIX}{sym.name} has a prompt but no help text')
            for sym in sorted(symbols.values(), key=lambda s: s.name)
            if sym.prompts and not sym.has_help]


def all_symbols(symbols):
    width = max((len(n) for n in symbols), default=0) + len(PREFIX)
    for sym in sorted(symbols.values(), key=lambda s: s.name):
        print(f'{PREFIX + sym.name:<{width}}  {sym.type or "?":<8}  '
              f'{"prompt" if sym.prompts else "-":<6}  '
              f'{"help" if sym.has_help else "no-help":<7}  {sym.defined_at}')


def report(problems, what):
    for where, msg in problems:
        print(f'{where}: {msg}', file=sys.stderr)
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
        parser = Parser(args.srctree).parse(kconfig)
        if args.all_symbols:
            all_symbols(parser.symbols)
            return 0
        if args.lint:
            return report(lint(parser.symbols), display(kconfig))
        cfg = Config(parser.symbols, args.config)
        problems = Checker(parser, cfg).check(args.defconfig)
    except (KconfigError, OSError) as e:
        print(f'checkconfig: {e}' if isinstance(e, OSError) else e,
              file=sys.stderr)
        return 2
    name = display(args.defconfig)
    return report([(f'{name}:{line}', msg) for line, msg in problems], name)


if __name__ == '__main__':
    sys.exit(main())
