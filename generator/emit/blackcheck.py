"""Is this chunk already black's output? A cheap, conservative answer.

Black parses and lays out every chunk it is given (about 4 µs a byte), and the
templates emit black's own layout, so for almost every chunk black only confirms
that there is nothing to change. `is_black_clean` confirms it in a fraction of
that time for the code the templates write, and says "no" to anything else, which
then goes to black as before. "Yes" must never be wrong, so the accepted subset
is narrow and each rule mirrors black 26 (`linegen.py`, `lines.py`, `nodes.py`):

- tokens: names, keywords, plain decimal numbers, one-line double-quoted strings
  without prefixes or quote escapes (black would switch or unescape quotes), and
  triple-quoted strings only as docstrings that black's docstring rules leave as
  they are; comments, backslashes, semicolons, `'` strings, `...` statements,
  lambdas, comprehensions, slices, `with` and imports are refused;
- spacing between tokens on a line is the spacing black's `whitespace()` gives
  them, decided from the enclosing bracket (call, signature, class bases,
  subscript, list, dict); parentheses that are not a call or signature are
  refused (black removes redundant ones);
- a statement on one line fits the line length and has no magic trailing comma;
  a statement over several lines is one of three layouts black is known to
  produce from them: a signature with one parameter a line and a trailing comma
  (left-hand split), a call with one argument a line and a trailing comma, or a
  call whose arguments fit on one line of their own when the whole does not
  (right-hand split, optional parentheses omitted); the call is assigned to a
  plain name or returned;
- blank lines follow black's `EmptyLineTracker` for these kinds of lines.

`tests/test_blackcheck.py` checks "clean" against black itself on every chunk of
the generated packages and on mutated chunks; `bench/black_clean.py --verify`
does it for a folder of specs.
"""

from __future__ import annotations

import keyword
import re
import functools
from dataclasses import dataclass
from collections.abc import Sequence
from typing import NamedTuple

BLACK_MAJOR = "26"  # the black release whose rules this mirrors; formatting.py checks it

# (The string patterns are "unrolled loops": linear, no backtracking on an unterminated string.)
_TOKEN = re.compile(
    r"""
    (?P<space>[ ]+)
    |(?P<newline>\n)
    |(?P<comment>\#[^\n]*)
    |(?P<doc>\"\"\"[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*\"\"\")
    |(?P<string>[fb]?"[^"\\\n]*(?:\\.[^"\\\n]*)*")
    |(?P<number>[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:e-?[0-9][0-9_]*)?(?![\w.]))
    |(?P<name>[^\W\d]\w*)
    |(?P<op>->|\*\*|==|!=|<=|>=|//|<<|>>|[-+*/%@|&^~<>=.,:()\[\]{}])
    """,
    re.VERBOSE,
)
# Escapes black rewrites (hex case, \N{...}) or quotes it would unescape or switch.
_STRING_REWRITES = re.compile(r"""\\(?:N|["']|[xuU][0-9a-f]*[A-F])""")
# In triple-quoted strings black leaves quotes alone (normalize_string_quotes returns early).
_DOC_REWRITES = re.compile(r"\\(?:N|[xuU][0-9a-f]*[A-F])")
# Characters str.splitlines or black's docstring handling treat specially.
_ODD_CHARACTERS = re.compile("[\t\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_KEYWORDS = frozenset(keyword.kwlist)
# Keywords after which black may remove or add parentheses, or that open forms refused here.
_REFUSED_KEYWORDS = frozenset({"lambda", "with", "import", "from", "global", "nonlocal", "yield"})
_SOFT_KEYWORD_STARTS = frozenset({"match", "case", "type"})
_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = frozenset(")]}")
_BINARY = frozenset({"+", "-", "/", "//", "%", "|", "&", "^", "<<", ">>", "<", ">", "==", "!=", "<=", ">=", "@"})


class _NotClean(Exception):
    pass


@dataclass
class _Frame:
    kind: str  # call, params, bases, subscript, list, dict
    annotated: bool = False  # params: the current parameter has an annotation


def is_black_clean(chunk: str, line_length: int) -> bool:
    """True only if black (26, default mode, the given line length) returns `chunk` unchanged."""
    if not chunk.endswith("\n") or chunk.startswith("\n") or not chunk.strip():
        return False
    try:
        _check_lines(_logical_lines(chunk), line_length)
    except _NotClean:
        return False
    return True


class _Token(NamedTuple):
    kind: str  # name, keyword, number, string, doc, comment, op
    text: str
    space: str  # the spaces before it on its physical line ("" for the first on a line)
    first: bool  # first token of its physical line


class _Physical(NamedTuple):
    indent: int
    content: str  # the line without its indentation
    tokens: tuple[_Token, ...]

    @property
    def text(self) -> str:
        return " " * self.indent + self.content


class _Logical(NamedTuple):
    blank_before: int
    physical: tuple[_Physical, ...]

    @property
    def tokens(self) -> tuple[_Token, ...]:
        if len(self.physical) == 1:
            return self.physical[0].tokens
        return tuple(token for line in self.physical for token in line.tokens)


# Generated code repeats itself (every method's options, most parameters): lines are checked once.
_MEMO_LIMIT = 200_000
_scanned: dict[str, tuple[tuple[_Token, ...], int]] = {}


def _scan(content: str) -> tuple[tuple[_Token, ...], int]:
    """The tokens of one physical line (a multi-line docstring counts as one), and how many
    brackets it leaves open (negative: closes)."""
    known = _scanned.get(content)
    if known is not None:
        return known
    tokens: list[_Token] = []
    position, space, depth = 0, "", 0
    for match in _TOKEN.finditer(content):
        if match.start() != position:
            raise _NotClean  # a character the tokenizer does not accept
        position = match.end()
        kind, text = match.lastgroup, match.group()
        if kind == "space":
            space = text
            continue
        if kind == "newline" or (kind == "doc" and tokens):  # (a docstring is a statement of its own)
            raise _NotClean
        if kind == "comment" and (tokens or text.rstrip() != text or not (text == "#" or text.startswith("# "))):
            raise _NotClean  # only whole-line comments black leaves as they are
        if kind == "name" and text in _KEYWORDS:
            kind = "keyword"
        elif kind == "op":
            if text in _OPENING:
                depth += 1
            elif text in _CLOSING:
                depth -= 1
        assert kind is not None
        tokens.append(_Token(kind, text, space, not tokens))
        space = ""
    if position != len(content) or space or not tokens:
        raise _NotClean  # trailing whitespace, or an unknown character
    if len(_scanned) > _MEMO_LIMIT:
        _scanned.clear()
    result = _scanned[content] = (tuple(tokens), depth)
    return result


def _logical_lines(chunk: str) -> list[_Logical]:
    lines: list[_Logical] = []
    current: list[_Physical] = []
    blank, depth = 0, 0
    raw = chunk.split("\n")
    raw.pop()  # the chunk ends with a newline
    index = 0
    while index < len(raw):
        line = raw[index]
        index += 1
        if line.count('"""') % 2:  # a docstring over several lines: one unit with its ending
            while index < len(raw) and not raw[index].count('"""') % 2:
                line += "\n" + raw[index]
                index += 1
            if index == len(raw):
                raise _NotClean
            line += "\n" + raw[index]
            index += 1
        content = line.lstrip(" ")
        if not content:
            if line or depth or current:
                raise _NotClean  # trailing spaces, or a blank line inside brackets
            blank += 1
            continue
        tokens, change = _scan(content)
        current.append(_Physical(len(line) - len(content), content, tokens))
        depth += change
        if depth < 0:
            raise _NotClean
        if not depth:
            lines.append(_Logical(blank, tuple(current)))
            current, blank = [], 0
    if current or blank:
        raise _NotClean
    return lines


@dataclass(frozen=True)
class _Kind:
    """What black's EmptyLineTracker sees of a line."""

    depth: int
    is_decorator: bool
    is_def: bool
    is_class: bool
    is_docstring: bool
    opens_block: bool
    first_token: str
    is_stub_def: bool = False  # `def f(...) -> X: ...` (an overload)
    is_import: bool = False
    is_module_docstring: bool = False


def _check_lines(lines: list[_Logical], line_length: int) -> None:
    previous: _Kind | None = None
    previous_after = 0
    previous_defs: list[int] = []  # depths of the def/class lines we are inside or after
    comments_only = True
    for line in lines:
        if line.physical[0].tokens[0].kind == "comment":
            if not comments_only or line.blank_before or line.physical[0].indent:
                raise _NotClean  # comments only at the top, where black's blank-line rules are simple
            continue
        if comments_only and line.blank_before:
            raise _NotClean
        comments_only = False
        indent = line.physical[0].indent
        if indent % 4:
            raise _NotClean
        depth = indent // 4
        if previous is None:
            if depth:
                raise _NotClean
        elif previous.opens_block:
            if depth != previous.depth + 1:
                raise _NotClean
        elif depth > previous.depth:
            raise _NotClean
        context = None if previous is None else (previous.opens_block, previous.is_def, previous.is_class)
        kind = _statement(line.physical, depth, context, line_length)
        expected, after = _blank_lines(kind, previous, previous_defs, line.blank_before)
        if previous is not None and previous.is_module_docstring:
            expected = 2 if kind.is_def or kind.is_class else 1  # "one empty line after a module docstring"
        if line.blank_before != previous_after + max(0, expected - previous_after):
            raise _NotClean
        previous, previous_after = kind, after


def _blank_lines(kind: _Kind, previous: _Kind | None, previous_defs: list[int], user: int) -> tuple[int, int]:
    """(blank lines before, blank lines after) black puts around a line: `_maybe_empty_lines`."""
    before = min(user, 2 if kind.depth == 0 else 1)
    user_had_newline = bool(before)
    previous_def: int | None = None
    while previous_defs and previous_defs[-1] >= kind.depth:
        previous_def = previous_defs.pop()
    if kind.is_def or kind.is_class:
        previous_defs.append(kind.depth)
    if previous is None:
        return 0, 0
    if kind.is_docstring:
        if previous.is_class:
            return 0, 1
        if previous.opens_block and previous.is_def:
            return 0, 0
        raise _NotClean
    if previous_def is not None:
        if kind.depth:
            before = 1
        elif previous_def and kind.opens_block and kind.first_token not in ("with", "try", "for", "while", "if", "match"):
            before = 1
        else:
            before = 2
    if kind.is_decorator or kind.is_def or kind.is_class:
        if previous.is_decorator:
            return 0, 0
        if previous.depth < kind.depth and (previous.is_class or previous.is_def):
            return (1 if user_had_newline else 0), 0
        if previous.is_stub_def and not user_had_newline:
            return 0, 0
        return (1 if kind.depth else 2), 0
    if previous.is_import and not kind.is_import and kind.depth == previous.depth:
        return (1 if kind.depth == 0 else before or 1), 0
    return before, 0


_statements: dict[tuple[object, ...], _Kind | None] = {}


def _statement(physical: tuple[_Physical, ...], depth: int, context: tuple[bool, bool, bool] | None,
               line_length: int) -> _Kind:
    """`_check_statement`, once per distinct statement and context."""
    key = (physical, depth, context, line_length)
    try:
        kind = _statements[key]
    except KeyError:
        try:
            kind = _check_statement(_Logical(0, physical), depth, context, line_length)
        except _NotClean:
            kind = None
        if len(_statements) > _MEMO_LIMIT:
            _statements.clear()
        _statements[key] = kind
    if kind is None:
        raise _NotClean
    return kind


def _check_statement(line: _Logical, depth: int, context: tuple[bool, bool, bool] | None,
                     line_length: int) -> _Kind:
    """One statement as black writes it; `context` is (opens a block, is a def, is a class) of the
    line before it, None at the top of the chunk."""
    tokens = line.tokens
    first = tokens[0]
    starts_with = first.text if first.kind in ("name", "keyword") else ""
    if starts_with in ("import", "from"):
        _check_import(line, line_length)
        return _Kind(depth, False, False, False, False, False, starts_with, is_import=True)
    if starts_with in _REFUSED_KEYWORDS or (
            starts_with in _SOFT_KEYWORD_STARTS and (len(tokens) < 2 or tokens[1].text not in (":", "="))):
        raise _NotClean  # (`type: str` is a field: the py39 grammar black uses has no soft keywords)
    if starts_with == "async" and (len(tokens) < 2 or tokens[1].text != "def"):
        raise _NotClean  # async for / async with
    is_def = starts_with in ("def", "async")
    is_class = starts_with == "class"
    is_decorator = first.text == "@"
    is_stub_def = is_def and [t.text for t in tokens[-4:]] == [":", ".", ".", "."] and [
        (t.space, t.first) for t in tokens[-3:]] == [(" ", False), ("", False), ("", False)]
    if is_stub_def:
        tokens = tokens[:-3]
    opens_block = tokens[-1].text == ":" and tokens[-1].kind == "op" and not is_stub_def
    is_docstring = False
    if len(tokens) == 1 and first.kind in ("doc", "string"):
        if first.text[0] != '"':
            raise _NotClean  # a b- or f-string statement
        if context is None:  # the module's docstring
            if first.kind != "doc":
                raise _NotClean
            _check_docstring(first.text, 0, line_length)
            return _Kind(0, False, False, False, True, False, "", is_module_docstring=True)
        after_opener, after_def, after_class = context
        if after_opener:  # black's docstring position: first in a block
            if first.kind != "doc" or not (after_def or after_class):
                raise _NotClean
            _check_docstring(first.text, depth, line_length)
            is_docstring = True
        elif _ODD_CHARACTERS.search(first.text) or (_DOC_REWRITES if first.kind == "doc" else _STRING_REWRITES).search(
                first.text):
            raise _NotClean
        # else a string statement (an attribute's docstring): black leaves its text alone and has
        # nothing to split it at
        return _Kind(depth, False, False, False, is_docstring, False, "")
    if any(token.kind in ("doc", "comment") for token in tokens):
        raise _NotClean  # a triple-quoted string inside a statement
    compound = is_def or is_class or starts_with in ("if", "elif", "else", "for", "while", "try", "except", "finally")
    if opens_block != (compound and not is_stub_def):
        raise _NotClean  # a one-line compound statement (`def f(): return 1`), or a colon ending something else
    frames: tuple[tuple[str, bool], ...] = ()
    opened = False
    for number, physical in enumerate(line.physical):
        content = physical.content
        if is_stub_def and number == len(line.physical) - 1:
            content = content[:-4]  # ` ...`
        frames, opened = _check_physical(content, frames, is_def, is_class, opened)
    if len(line.physical) == 1:
        _check_one_line(line.physical[0], line_length)
    else:
        _check_split(line, is_def, line_length, is_stub_def=is_stub_def)
    return _Kind(depth, is_decorator, is_def, is_class, False, opens_block, starts_with, is_stub_def)


def _check_docstring(value: str, depth: int, line_length: int) -> None:
    """`value` as black's `visit_STRING` would write this docstring."""
    if _ODD_CHARACTERS.search(value) or _DOC_REWRITES.search(value) or re.search(r"\\\s*\n", value):
        raise _NotClean
    body = value[3:-3]
    indent = " " * 4 * depth
    if "\n" in value:
        lines = body.split("\n")
        widths = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
        common = min(widths, default=None)
        trimmed = [lines[0].strip()]
        if common is not None:
            for i, line in enumerate(lines[1:]):
                stripped = line[common:].rstrip()
                trimmed.append(indent + stripped if stripped or i == len(lines) - 2 else "")
        text = "\n".join(trimmed)
    else:
        text = body.strip()
    trailing_backslash = False
    if text:
        if text[0] == '"':
            text = " " + text
        if text[-1] == '"':
            text += " "
        if text[-1] == "\\" and (len(text) - len(text.rstrip("\\"))) % 2:
            text += " "
            trailing_backslash = True
    elif body:
        text = " "
    last = text.splitlines()
    last_length = len(last[-1]) if text and not text.endswith("\n") else 0
    if (len(last) > 1 and last_length + 3 > line_length and len(indent) + 3 <= line_length
            and not trailing_backslash):
        expected = '"""' + text + ('"""' if value[-4] == "\n" else "\n" + indent + '"""')
    else:
        expected = '"""' + text + '"""'
    if expected != value:
        raise _NotClean


@functools.lru_cache(maxsize=65536)
def _check_physical(content: str, frames_in: tuple[tuple[str, bool], ...], is_def: bool, is_class: bool,
                    opened: bool) -> tuple[tuple[tuple[str, bool], ...], bool]:
    """Each token's spacing, strings and numbers on one physical line as black leaves them.
    `frames_in` are the brackets open at its start, as (kind, a parameter annotated so far);
    `opened` whether the def's or class's own parentheses were opened. Returns both at its end."""
    frames = [_Frame(kind, annotated) for kind, annotated in frames_in]
    previous: _Token | None = None
    vararg = unary = False  # of the previous token
    continued = bool(frames_in)
    for token in _scan(content)[0]:
        frame = frames[-1] if frames else None
        text, kind = token.text, token.kind
        if kind == "string" and (_STRING_REWRITES.search(text) or text[0] == "f" and ("'" in text or "\\" in text)):
            raise _NotClean  # (in an f-string black may switch quotes around expressions)
        if kind == "keyword" and (text in _REFUSED_KEYWORDS or (text in ("for", "if", "else") and frames)
                                  or (text == "async" and previous is not None)):
            raise _NotClean  # (a ternary inside brackets gets black's invisible parentheses)
        if kind == "number" and "e" in text and not re.fullmatch(r"[0-9_.]+e-?[0-9_]+", text):
            raise _NotClean
        if previous is None:
            refused = (",", ".", ":", "=", "(") if continued else (",", ".", ":", "=", "*", "**", ")", "]", "}")
            if kind == "op" and text in refused:
                raise _NotClean
        elif token.space != _space(previous, token, frame, vararg, unary):
            raise _NotClean
        is_vararg = is_unary = False
        if kind == "op":
            if text in _OPENING:
                if text == "(":
                    if (previous is not None and previous.text == "=" and not frames and not continued
                            and token is _scan(content)[0][-1]):
                        frame_kind = "group"  # `x = (` at the end of a line: black's own parentheses
                    elif previous is None or not (previous.kind == "name" or previous.text in (")", "]")):
                        raise _NotClean  # a parenthesized expression: black may drop the parentheses
                    elif is_def and not opened and not frames:
                        frame_kind, opened = "params", True
                    elif is_class and not opened and not frames:
                        frame_kind, opened = "bases", True
                    else:
                        frame_kind = "call"
                elif text == "[":
                    trailer = previous is not None and (previous.kind in ("name", "string") or previous.text in (")", "]"))
                    frame_kind = "subscript" if trailer else "list"
                    if is_def and not opened and not frames:
                        raise _NotClean  # PEP 695 type parameters
                else:
                    frame_kind = "dict"
                frames.append(_Frame(frame_kind))
            elif text in _CLOSING:
                if not frames:
                    raise _NotClean
                closed = frames.pop()
                if previous is not None and previous.text == ",":
                    raise _NotClean  # a magic trailing comma on one line: black explodes it
                if previous is not None and previous.text in _OPENING and closed.kind in ("bases", "subscript"):
                    raise _NotClean  # `class A():` loses its parentheses; `x[]` is not Python
            elif text == ",":
                if frame is None:
                    raise _NotClean  # a tuple without brackets
                frame.annotated = False
            elif text == ":":
                if frame is not None and frame.kind in ("subscript", "list", "call", "bases"):
                    raise _NotClean  # slices, and nothing else puts a colon there
                if frame is not None and frame.kind == "params":
                    frame.annotated = True
            elif text in ("*", "**"):
                is_vararg = (previous is None or previous.text in ("(", ",")) and frame is not None \
                    and frame.kind in ("call", "params")
                if not is_vararg:
                    raise _NotClean  # multiplication and powers: black hugs simple `**` operands
            elif text in ("-", "+", "~"):
                is_unary = previous is None or (previous.kind in ("op", "keyword") and previous.text not in _CLOSING)
            elif text == "." and (previous is None or previous.text == "." or previous.kind == "number"):
                raise _NotClean
        previous, vararg, unary = token, is_vararg, is_unary
    return tuple((frame.kind, frame.annotated) for frame in frames), opened


def _space(previous: _Token, token: _Token, frame: _Frame | None, vararg: bool, unary: bool) -> str:
    """The spaces black puts between two tokens on one line (black's `whitespace()`)."""
    before, text = previous.text, token.text
    if token.kind == "op":
        if text in _CLOSING or text in (",", ":"):
            return ""
        if text == ".":
            return ""
        if text in ("(", "[") and (previous.kind in ("name", "string") or before in (")", "]")):
            return ""
    if previous.kind == "op":
        if before in _OPENING or before == ".":
            return ""
        if vararg or unary:
            return ""
        if before == "@" and previous.first:
            return ""  # a decorator
        if before in (",", ":", "->"):
            return " "
    if before == "=" or text == "=":
        if frame is None:
            return " "
        if frame.kind in ("call", "bases"):
            return ""
        if frame.kind == "params":
            return " " if frame.annotated else ""
        raise _NotClean
    if text == "->":
        return " "
    if token.kind == "op" and text in ("-", "+", "~"):
        if previous.kind in ("op", "keyword") and before not in _CLOSING:
            return " "  # unary after an operator or keyword (`= -1`, `return -1`)
        return " "
    if (token.kind == "op" and text in _BINARY) or (previous.kind == "op" and before in _BINARY):
        return " "
    if token.kind in ("name", "keyword", "number", "string", "op") and previous.kind in (
        "name", "keyword", "number", "string") or before in _CLOSING:
        if token.kind == "string" and previous.kind == "string":
            raise _NotClean  # implicit concatenation
        return " "
    raise _NotClean


def _width(text: str) -> int:
    """An upper bound of black's `str_width` (wide characters count two)."""
    return len(text) if text.isascii() else len(text) + sum(1 for char in text if ord(char) > 0x7F)


def _line_text(line: _Physical) -> str:
    return line.text


def _check_one_line(line: _Physical, line_length: int) -> None:
    if _width(_line_text(line)) > line_length:
        raise _NotClean
    depth = 0
    for token in line.tokens:
        if token.kind == "op" and token.text in _OPENING:
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
        elif token.text == "," and not depth:
            raise _NotClean


def _check_split(line: _Logical, is_def: bool, line_length: int, *, is_stub_def: bool = False) -> None:
    """A statement over several lines: one of the layouts black makes of it (see the module doc)."""
    head, *middle, tail = line.physical
    indent = head.indent
    opening = head.tokens[-1].text
    if opening == "[" and not is_def and len(head.tokens) > 2 and head.tokens[1].text == ":":
        _check_annotation_split(line, line_length)
        return
    if opening == "(" and len(head.tokens) > 2 and head.tokens[-2].text == "=":
        _check_parenthesized(line, line_length)
        return
    return_split = False
    if is_def:
        closing = next((i for i, part in enumerate(middle) if part.indent == indent), None)
        if closing is not None:  # `) -> Page[` / its arguments / `]:`: the return annotation split too
            returns = middle[closing]
            if ([t.text for t in returns.tokens[:2]] != [")", "->"] or len(returns.tokens) < 4
                    or returns.tokens[2].kind == "string" or tail.tokens[0].text != "]"):
                raise _NotClean
            ending = [t.text for t in tail.tokens[1:]]
            if ending != [":"] + ([".", ".", "."] if is_stub_def else []):
                raise _NotClean
            _check_bracket_split(returns, middle[closing + 1 :], tail, indent, line_length)
            middle, tail, return_split = middle[:closing], returns, True
    if (not middle or opening not in _OPENING or (is_def and opening != "(") or tail.indent != indent
            or tail.tokens[0].text != _OPENING[opening]):
        raise _NotClean
    if _width(_line_text(head)) > line_length or _width(_line_text(tail)) > line_length:
        raise _NotClean
    texts = [token.text for token in head.tokens[:-1]]
    if is_def:
        if texts[:1] == ["async"]:
            texts = texts[1:]
        if texts[0] != "def" or len(texts) != 2 or not texts[1].isidentifier() or texts[1] in _KEYWORDS:
            raise _NotClean
        after = tail.tokens[1:-3] if is_stub_def else tail.tokens[1:]
        if not return_split and ([token.text for token in after[-1:]] != [":"] or (len(after) > 1 and (
                after[0].text != "->" or after[1].kind == "string"))):
            raise _NotClean
    trailer = False
    if not is_def:
        if len(tail.tokens) != 1:
            raise _NotClean
        before = head.tokens[-2] if len(head.tokens) > 1 else None
        trailer = before is not None and (before.kind in ("name", "string") or before.text in (")", "]"))
        _check_split_head(head.tokens[:-1], display=not trailer)
    items = _items(middle, indent + 4)
    exploded = all(item[-1].tokens[-1].text == "," for item in items)
    if exploded:  # a magic trailing comma: black puts one item a line, whatever fits
        for item in items:
            _check_item(item, indent + 4, line_length)
    elif len(items) == 1 and len(items[0]) == 1 and not is_def and (opening == "(" or opening == "[" and trailer):
        only = items[0][0]  # a call's arguments on one line of their own (commas allowed: a call
        if _width(only.text) > line_length:  # is not a display, black keeps them together)
            raise _NotClean
        joined = _line_text(head) + "".join(t.space + t.text for t in only.tokens) + _OPENING[opening]
        if not joined.isascii() or len(joined) <= line_length:
            raise _NotClean  # black joins what fits on one line
    else:
        raise _NotClean


def _check_annotation_split_before_call(line: _Logical, line_length: int) -> None:
    """`name: TypeAdapter[` / contents / `] = TypeAdapter(...)` at the top level: black splits the
    annotation when `name: annotation =` does not fit in line_length - 2 and the first line of the
    split at the value's call would not fit either, provided the value fits after the closing
    bracket (`generate_trailers_to_omit` only gets that far within the line length)."""
    head, *inner, tail = line.physical
    rest = tail.tokens[1:]
    if head.indent or rest[0].text != "=" or len(rest) < 4 or inner[-1].tokens[-1].text == ",":
        raise _NotClean
    callee = [token.text for token in rest[1:]]
    call = callee.index("(") if "(" in callee else -1
    if call < 1:
        raise _NotClean
    _check_dotted(callee[:call])
    depth = 0
    for number, token in enumerate(rest[1 + call :]):
        if token.kind == "op" and token.text in _OPENING:
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
            if not depth and number != len(rest) - call - 2:
                raise _NotClean  # the call must close at the end of the line
    annotated = head.text + _flat(inner) + "] ="
    first_line_of_call = annotated + " " + "".join(t.space + t.text for t in rest[1 : 2 + call])
    if (not first_line_of_call.isascii() or len(annotated) <= line_length - 2
            or len(first_line_of_call) <= line_length or _width(tail.text) > line_length):
        raise _NotClean
    _check_bracket_split(head, inner, tail, 0, line_length, value_after=True)


def _check_parenthesized(line: _Logical, line_length: int) -> None:
    """`name = (` / `callee(...)` / `)`: black's parentheses around a call whose first line,
    `name = callee(`, does not fit; black uses them when every line of the result fits (its
    "second opinion" with FORCE_OPTIONAL_PARENTHESES in `run_transformer`)."""
    head, *inner, tail = line.physical
    indent = head.indent
    target = [token.text for token in head.tokens[:-2]]
    if len(tail.tokens) != 1 or tail.indent != indent or not inner or inner[0].indent != indent + 4:
        raise _NotClean
    if any(_width(part.text) > line_length for part in line.physical):
        raise _NotClean
    if len(target) > 2 and target[1] == ":":
        _check_parenthesized_value(line, line_length)
        return
    _check_dotted(target)
    items = _items(inner, indent + 4)
    if len(items) != 1 or items[0][-1].tokens[-1].text == ",":
        raise _NotClean
    texts = [token.text for token in items[0][0].tokens]
    call = texts.index("(") if "(" in texts else -1
    if call < 1:
        raise _NotClean
    _check_dotted(texts[:call])
    flat = _flat(items[0])
    tokens = [token for part in items[0] for token in part.tokens]
    depth = 0
    for number, token in enumerate(tokens[call:]):
        if token.kind == "op" and token.text in _OPENING:
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
            if not depth and number != len(tokens) - call - 1:
                raise _NotClean  # the call's parentheses must close at its end (no trailer after them)
    oop_head = " " * indent + " = ".join([head.content[: -len(" = (")], flat[: flat.index("(") + 1]])
    if not oop_head.isascii() or len(oop_head) <= line_length:
        raise _NotClean  # black splits the call itself
    if len(items[0]) == 1:
        return
    if len(" " * (indent + 4) + flat) <= line_length:
        raise _NotClean  # it fits on its own line
    _check_item(items[0], indent + 4, line_length, comma=False)


def _check_parenthesized_value(line: _Logical, line_length: int) -> None:
    """`name: Annotation = (` / `value` / `)`: black's parentheses around a plain value (a name,
    number or string) when the line does not fit but `name: Annotation =` fits in line_length - 2
    (beyond that black splits the annotation instead: `_prefer_split_rhs_oop_over_rhs`)."""
    head, body, tail = line.physical if len(line.physical) == 3 else (None, None, None)
    if head is None or body is None or tail is None:
        raise _NotClean
    if len(body.tokens) != 1 or body.tokens[0].kind not in ("name", "keyword", "number", "string"):
        raise _NotClean
    if head.tokens[0].kind != "name" or head.tokens[0].text in _KEYWORDS:
        raise _NotClean
    annotated = head.text[: -len(" (")]  # `name: Annotation =`
    joined = annotated + " " + body.content
    if not joined.isascii() or len(joined) <= line_length:
        raise _NotClean  # black keeps it on one line
    if any(token.text in _OPENING for token in head.tokens[2:-2]) and len(annotated) > line_length - 2:
        raise _NotClean  # black splits the annotation


def _items(lines: list[_Physical], indent: int) -> list[list[_Physical]]:
    """Physical lines grouped into the bracket's items: an item spans lines while brackets it
    opened are open."""
    items: list[list[_Physical]] = []
    depth = 0
    for line in lines:
        if not depth:
            if line.indent != indent:
                raise _NotClean
            items.append([])
        items[-1].append(line)
        for token in line.tokens:
            if token.kind == "op" and token.text in _OPENING:
                depth += 1
            elif token.kind == "op" and token.text in _CLOSING:
                depth -= 1
                if depth < 0:
                    raise _NotClean  # an item that closes the bracket it is in
    if depth:
        raise _NotClean
    return items


def _commas(line: _Physical) -> int:
    """Commas outside the brackets opened on this line."""
    depth, commas = 0, 0
    for token in line.tokens:
        if token.kind == "op" and token.text in _OPENING:
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
        elif token.text == "," and depth <= 0:
            commas += 1
    return commas


def _flat(lines: list[_Physical]) -> str:
    """Lines of one item joined the way black would write it on one line (without indentation)."""
    text = lines[0].content
    for line in lines[1:]:
        text += ("" if text[-1] in _OPENING or line.content[0] in _CLOSING else " ") + line.content
    return text


def _check_item(item: list[_Physical], indent: int, line_length: int, *, comma: bool = True) -> None:
    """One item of a split bracket (with its comma, or without when it is the bracket's only one):
    on one line; or split at its last bracket, as black's right-hand split leaves it: `head[` /
    the contents / `],`."""
    first = item[0]
    if len(item) == 1:
        if comma and len(first.tokens) == 2 and first.tokens[0].kind in ("string", "name", "number"):
            return  # `atom,`: black has nothing to split it at, however long
        if _width(first.text) > line_length or _commas(first) > (1 if comma else 0):
            raise _NotClean  # too long, or two items on one line: black splits them
        return
    head, *inner, tail = item
    rest = tail.tokens[1:]
    if comma:
        if [token.text for token in rest[-1:]] != [","]:
            raise _NotClean
        rest = rest[:-1]
    elif rest:
        raise _NotClean
    if _has_delimiter(head.tokens[:-1] + rest):
        raise _NotClean  # black would split at that delimiter first
    _check_bracket_split(head, inner, tail, indent, line_length)


def _check_bracket_split(head: _Physical, inner: list[_Physical], tail: _Physical, indent: int,
                         line_length: int, *, value_after: bool = False) -> None:
    """`head` ends with the bracket black splits at, the last one on the line (`tail` starts with
    its closing bracket and has no other); `inner` is its contents: items one a line each with its
    comma (a magic trailing comma, or black's own when they do not fit on one line); or without a
    trailing comma, one item on one line when the whole does not fit, or split further when that
    item does not fit on its own line either."""
    opening = head.tokens[-1]
    if (opening.text not in _OPENING or tail.indent != indent or tail.tokens[0].text != _OPENING[opening.text]
            or not inner or _width(head.text) > line_length or _width(tail.text) > line_length):
        raise _NotClean
    if not value_after and any(token.text in _OPENING or token.text in _CLOSING for token in tail.tokens[1:]):
        raise _NotClean  # the split bracket must be the last one
    trailer = len(head.tokens) > 1 and (head.tokens[-2].kind in ("name", "string") or head.tokens[-2].text in ")]")
    items = _items(inner, indent + 4)
    if all(item[-1].tokens[-1].text == "," for item in items):  # exploded, each item checked like the outer ones
        if trailer and len(items) < 2:
            raise _NotClean  # a one-element subscript's or call's comma may not be magic
        for item in items:
            _check_item(item, indent + 4, line_length)
        return
    if len(items) != 1 or not trailer:
        raise _NotClean  # a display without a magic comma is exploded by black if it has commas
    only = items[0]
    if len(only) == 1:
        if _width(only[0].text) > line_length:
            raise _NotClean
        joined = head.text + only[0].content + tail.content
        if not joined.isascii() or len(joined) <= line_length:
            raise _NotClean  # black joins what fits on one line
        return
    flat = " " * (indent + 4) + _flat(only)
    if not flat.isascii() or len(flat) <= line_length:
        raise _NotClean  # black keeps the item on one line
    _check_item(only, indent + 4, line_length, comma=False)


def _check_annotation_split(line: _Logical, line_length: int) -> None:
    """`name: Optional[` / contents / `] = value`: black's right-hand split of an annotated
    assignment whose value has no brackets; it splits the annotation (omitting the optional
    parentheses around the value) only when `name: annotation =` alone does not fit, and when there
    is no value at all."""
    head, *inner, tail = line.physical
    texts = [token.text for token in head.tokens]
    if len(texts) < 4 or texts[1] != ":" or head.tokens[0].kind != "name" or texts[0] in _KEYWORDS:
        raise _NotClean
    rest = [token.text for token in tail.tokens[1:]]
    if rest and len(rest) > 2:
        _check_annotation_split_before_call(line, line_length)
        return
    if rest and (rest[0] != "=" or len(rest) != 2 or tail.tokens[2].kind not in ("name", "keyword", "number",
                                                                                 "string")):
        raise _NotClean
    exploded = inner[-1].tokens[-1].text == ","
    if rest and not exploded:
        annotated = head.text + _flat(inner) + "] ="
        # black measures `name: annotation = ` (with the space before its invisible parenthesis)
        # against line_length - 1
        if not annotated.isascii() or len(annotated) <= line_length - 2:
            raise _NotClean  # else black splits at the parentheses it would put around the value
    _check_bracket_split(head, inner, tail, head.indent, line_length)


def _has_delimiter(tokens: Sequence[_Token]) -> bool:
    """Anything black's delimiter_split could split at, outside brackets."""
    depth = 0
    previous: _Token | None = None
    for token in tokens:
        if token.kind == "op" and token.text in _OPENING:
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
        elif not depth and (token.text == "," or token.kind == "keyword" and token.text not in ("None", "True", "False", "await")
                            or (token.kind == "op" and token.text in _BINARY and not (
                                previous is None or previous.kind in ("op", "keyword") and previous.text not in _CLOSING))
                            or token.kind == "string" and previous is not None and previous.kind == "string"
                            or token.text == "." and previous is not None and previous.text in _CLOSING):
            return True
        previous = token
    return False


def _check_split_head(tokens: Sequence[_Token], display: bool) -> None:
    """`name = callee(`, `self.name = callee(`, `name: Annotation = callee(`, `return callee(` or
    `callee(`, callee a dotted name (`await` before it allowed: it is not a delimiter black could
    split at); `name = [` or `return {` for a display (`tokens` is the head without its bracket,
    `display` whether the bracket opens a list, dict or set). With no brackets left of the `=`,
    or a head that fits, black prefers this split to one at the optional parentheses around
    the value (`_prefer_split_rhs_oop_over_rhs`)."""
    texts = [token.text for token in tokens]
    equals = [i for i, token in enumerate(tokens) if token.text == "=" and _depth_before(tokens, i) == 0]
    if not display and not equals and texts[:1] != ["return"]:
        # an expression statement or `raise`: no optional parentheses, and outside brackets black
        # only tries the right-hand split, at the last bracket
        if texts[:1] == ["raise"]:
            tokens = tokens[1:]
        if not tokens or any(t.kind == "keyword" and t.text != "await" for t in tokens):
            raise _NotClean
        return
    if texts[:1] == ["return"]:
        texts = texts[1:]
    elif equals:
        if len(equals) > 1:
            raise _NotClean  # chained assignment
        target, texts = texts[: equals[0]], texts[equals[0] + 1 :]
        if len(target) > 2 and target[1] == ":":
            _check_dotted(target[:1])
        else:
            _check_dotted(target)
    if display:
        if texts:
            raise _NotClean
        return
    if texts[:1] == ["await"]:
        texts = texts[1:]
    _check_dotted(texts)


def _depth_before(tokens: Sequence[_Token], index: int) -> int:
    depth = 0
    for token in tokens[:index]:
        if token.kind == "op" and token.text in _OPENING:
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
    return depth


_DOTTED = r"[^\W\d]\w*(?:\.[^\W\d]\w*)*"
_ALIASED = rf"{_DOTTED}(?: as [^\W\d]\w*)?"
_IMPORT = re.compile(rf"import {_ALIASED}(?:, {_ALIASED})*")
_FROM = re.compile(rf"from (?:\.+|\.*{_DOTTED}) import (?:\*|{_ALIASED}(?:, {_ALIASED})*)")
_FROM_SPLIT = re.compile(rf"from (?:\.+|\.*{_DOTTED}) import \(")
_IMPORTED = re.compile(rf"{_ALIASED},")


def _check_import(line: _Logical, line_length: int) -> None:
    """`import a.b as c, d` or `from ..a import (b, c as d)` as black writes it: on one line when
    it fits (black drops parentheses there), else one name a line with a trailing comma."""
    lines = [_line_text(physical) for physical in line.physical]
    if any(_width(text) > line_length for text in lines):
        raise _NotClean
    names = [token.text for token in line.tokens if token.kind in ("name", "keyword")]
    if any(name in _KEYWORDS for name in names[1:] if name not in ("import", "from", "as")):
        raise _NotClean
    if len(lines) == 1:
        if not (_IMPORT.fullmatch(lines[0].lstrip(" ")) or _FROM.fullmatch(lines[0].lstrip(" "))):
            raise _NotClean
        return
    indent = " " * line.physical[0].indent
    head, *items, tail = lines
    if not (_FROM_SPLIT.fullmatch(head.lstrip(" ")) and tail == indent + ")" and items
            and all(item.startswith(indent + "    ") and _IMPORTED.fullmatch(item[len(indent) + 4:]) for item in items)):
        raise _NotClean


def _check_dotted(texts: list[str]) -> None:
    if not texts or len(texts) % 2 == 0:
        raise _NotClean
    for i, text in enumerate(texts):
        if (text != ".") if i % 2 else not (text.isidentifier() and text not in _KEYWORDS):
            raise _NotClean
