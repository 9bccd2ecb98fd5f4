"""Statements, docstrings, spacing and blank lines, as black writes them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.emit.formatting.blackcheck.splits import _check_split, _dotted_call
from generator.emit.formatting.blackcheck import tokens
from generator.emit.formatting.blackcheck.tokens import (
    _AUGMENTED,
    _BINARY,
    _CLOSING,
    _DOC_REWRITES,
    _KEYWORDS,
    _Logical,
    _NotClean,
    _ODD_CHARACTERS,
    _OPENING,
    _Physical,
    _REFUSED_KEYWORDS,
    _SOFT_KEYWORD_STARTS,
    _STRING_REWRITES,
    _Token,
    _commas,
    _line_text,
    _scan,
    _width,
)


@dataclass
class _Frame:
    kind: str  # call, params, bases, subscript, list, dict, tuple
    annotated: bool = False  # params: the current parameter has an annotation
    commas: int = 0  # tuple: its top-level commas so far


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
        if len(_statements) > tokens._MEMO_LIMIT:  # (read here: share_memo changes it)
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
    second = tokens[1].text if len(tokens) > 1 else ""
    is_with = starts_with == "with" or (starts_with == "async" and second == "with")
    if is_with or starts_with == "yield":
        _check_with_or_yield(line, line_length)
    elif starts_with in _REFUSED_KEYWORDS or (
            starts_with in _SOFT_KEYWORD_STARTS and second not in (":", "=")):
        raise _NotClean  # (`type: str` is a field: the py39 grammar black uses has no soft keywords)
    elif starts_with == "async" and second not in ("def", "for"):
        raise _NotClean
    is_def = starts_with == "def" or (starts_with == "async" and second == "def")
    is_for = starts_with == "for" or (starts_with == "async" and second == "for")
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
    compound = is_def or is_class or is_with or is_for or starts_with in (
        "if", "elif", "else", "while", "try", "except", "finally")
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
    elif any(token.text in _AUGMENTED for token in tokens):
        raise _NotClean
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
    lowest = len(frames)  # the frames below this are still the ones open at the line's start
    tokens = _scan(content)[0]
    targets = False  # inside a target list `a, b` before its `=`
    message = False  # after an assert's comma
    for token in tokens:
        frame = frames[-1] if frames else None
        if targets and token.text == "=" and frame is None:
            if previous is not None and previous.text == ",":
                raise _NotClean  # `a, = ...`: black may treat the comma as magic
            targets = False
        text, kind = token.text, token.kind
        if kind == "string" and (_STRING_REWRITES.search(text) or text[0] == "f" and ("'" in text or "\\" in text)):
            raise _NotClean  # (in an f-string black may switch quotes around expressions)
        leading = not continued and (previous is None or previous.text == "async" and previous.first)
        if kind == "keyword" and ((text in _REFUSED_KEYWORDS and not (text in ("with", "yield") and leading))
                                  or (text in ("for", "if", "else") and frames)
                                  or (text == "async" and previous is not None)):
            raise _NotClean  # (a ternary inside brackets gets black's invisible parentheses)
        if kind == "number" and "e" in text and not re.fullmatch(r"[0-9_.]+e-?[0-9_]+", text):
            raise _NotClean
        if previous is None:
            refused = (",", ".", ":", "=", "(") if continued else (",", ".", ":", "=", "*", "**", ")", "]", "}")
            if kind == "op" and text in refused and not (text == "(" and _item_start(frame)):
                raise _NotClean
        elif token.space != _space(previous, token, frame, vararg, unary):
            raise _NotClean
        is_vararg = is_unary = False
        if kind == "op":
            if text in _OPENING:
                if text == "(":
                    if (previous is not None and previous.text in ("=", "return") and not frames and not continued
                            and token is tokens[-1]):
                        frame_kind = "group"  # `x = (` at the end of a line: black's own parentheses
                    elif previous is not None and previous.text == "=" and not frames and not continued:
                        frame_kind = "tuple"  # `x = (a,)`: black keeps a tuple's parentheses
                    elif _opens_tuple(previous, frame) or (previous is None and _item_start(frame)):
                        frame_kind = "tuple"
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
                lowest = min(lowest, len(frames))
                if closed.kind == "tuple":
                    if previous is not None:  # (at a line's start: the split's layout is checked)
                        _check_tuple(closed, previous)
                elif previous is not None and previous.text == ",":
                    raise _NotClean  # a magic trailing comma on one line: black explodes it
                if previous is not None and previous.text in _OPENING and closed.kind in ("bases", "subscript"):
                    raise _NotClean  # `class A():` loses its parentheses; `x[]` is not Python
            elif text == ",":
                if frame is None:
                    if not continued and tokens[0].text == "assert" and not message:
                        message = True  # `assert test, message`
                    elif continued or not _names_so_far(tokens, token):
                        raise _NotClean  # a tuple without brackets
                    else:
                        targets = True  # `a, b = ...`: names to assign to; the `=` must follow
                else:
                    frame.annotated = False
                    frame.commas += 1
            elif text == ":":
                if frame is not None and frame.kind in ("subscript", "list", "call", "bases", "tuple"):
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
    if targets:
        raise _NotClean  # a tuple without brackets, not assigned to
    opened_here = frames[min(lowest, len(frames)):]
    if any(frame.kind == "tuple" for frame in opened_here[:-1]) or (
            opened_here and opened_here[-1].kind == "tuple" and tokens[-1].text != "("):
        raise _NotClean  # a tuple split other than after its opening (as `_check_bracket_split` knows)
    return tuple((frame.kind, frame.annotated) for frame in frames), opened


def _names_so_far(tokens: tuple[_Token, ...], comma: _Token) -> bool:
    """Whether the tokens before `comma` (a line's first tokens) are `name` or `name, name`:
    an assignment's target list, which black leaves without parentheses."""
    before = tokens[: tokens.index(comma)]
    return all((token.kind == "name") if i % 2 == 0 else token.text == "," for i, token in enumerate(before))


def _check_with_or_yield(line: _Logical, line_length: int) -> None:
    """`with callee(...) as name:` (or `async with`) and `yield name`, each on one line that fits:
    black has nothing to change there (one context manager: no parentheses to add or remove)."""
    if len(line.physical) != 1:
        raise _NotClean
    texts = [token.text for token in line.tokens]
    if texts[0] == "yield":
        if len(texts) != 2 or line.tokens[1].kind != "name":
            raise _NotClean
        return
    if texts[0] == "async":
        texts = texts[1:]
    if len(texts) < 7 or texts[-3] != "as" or texts[-1] != ":" or not texts[-2].isidentifier() or texts[-2] in _KEYWORDS:
        raise _NotClean
    call = [token for token in line.tokens[len(line.tokens) - len(texts) + 1 : -3]]
    _dotted_call(call)
    if _commas(line.physical[0]) or _width(_line_text(line.physical[0])) > line_length:
        raise _NotClean


def _item_start(enclosing: _Frame | None) -> bool:
    """Whether a line that starts inside `enclosing` starts one of its items (a `(` there opens
    a tuple, as after a comma): a call's argument, a tuple's or a list's item."""
    return enclosing is not None and enclosing.kind in ("call", "tuple", "list")


def _opens_tuple(previous: _Token | None, enclosing: _Frame | None) -> bool:
    """A `(` that starts an argument or item inside a call, list or tuple: black leaves such
    parentheses alone (it only makes redundant ones invisible where a statement holds them, and
    in a list's sole item); `_check_tuple` makes sure they hold a tuple."""
    if previous is None or enclosing is None:
        return False
    if previous.text == "=":
        return enclosing.kind == "call"  # a keyword argument
    if previous.text == ":":
        return enclosing.kind == "dict"  # a value
    return previous.text in (",", "(") and enclosing.kind in ("call", "tuple", "list")


def _check_tuple(closed: _Frame, previous: _Token | None) -> None:
    """A tuple display on one line as black keeps it: `()`, `(a,)` (a one-tuple's comma is not
    magic) or `(a, b)`; no commas is a parenthesized expression, and a trailing comma after two
    items is magic (black explodes it)."""
    assert previous is not None
    if previous.text == "(":
        return
    if closed.commas == 0 or (previous.text == "," and closed.commas > 1):
        raise _NotClean


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
    if before in _AUGMENTED or text in _AUGMENTED:
        if frame is None:
            return " "
        raise _NotClean
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


def _check_one_line(line: _Physical, line_length: int) -> None:
    if _width(_line_text(line)) > line_length:
        raise _NotClean
    depth = 0
    tokens = line.tokens
    if len(tokens) > 1 and tokens[1].text == "," and tokens[0].kind == "name":  # `a, b = ...`
        tokens = tokens[next(i for i, token in enumerate(tokens) if token.text == "=") :]
    elif tokens[0].text == "assert":  # its message's comma (`_check_physical` allows one)
        tokens = tuple(token for token in tokens if token.text != ",")
    for token in tokens:
        if token.kind == "op" and token.text in _OPENING:
            depth += 1
        elif token.kind == "op" and token.text in _CLOSING:
            depth -= 1
        elif token.text == "," and not depth:
            raise _NotClean


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
    if any(_width(text) > line_length for text in lines[:1] + lines[-1:]):
        raise _NotClean  # (a name a line is left however long: black cannot split it)
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
